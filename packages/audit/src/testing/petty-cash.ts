import * as t from 'io-ts';
import {
  accept,
  combineRegistries,
  defineEvents,
  reject,
  type Decider,
  type EventOf,
  type Projection,
} from '@praxis/core';
import { securityEvents } from '../refusals.js';

/** A test aggregate: the front desk's petty cash box. */
export const pettyCashEvents = defineEvents({
  CashDeposited: t.type({ cents: t.number }),
  CashWithdrawn: t.type({ cents: t.number }),
});
type PettyCashEvent = EventOf<typeof pettyCashEvents>;
export type PettyCashCommand = { type: 'Deposit'; cents: number } | { type: 'Withdraw'; cents: number };

/** Balance in cents. */
export const pettyCash: Decider<PettyCashCommand, PettyCashEvent, { balance: number }> = {
  name: 'PettyCash',
  stateVersion: 1,
  initialState: { balance: 0 },
  evolve: (s, e) => ({ balance: s.balance + (e.type === 'CashDeposited' ? e.data.cents : -e.data.cents) }),
  decide: (c, s) =>
    c.type === 'Deposit'
      ? accept(pettyCashEvents.make('CashDeposited', { cents: c.cents }))
      : c.cents > s.balance
        ? reject('InsufficientCash', 'the box holds less than the withdrawal', 'cents')
        : accept(pettyCashEvents.make('CashWithdrawn', { cents: c.cents })),
  events: pettyCashEvents,
};

/** Every event type of the test practice. */
export const registry = combineRegistries(pettyCashEvents, securityEvents);

/** Deposits per box: a read model to replay as of a past instant. */
export const depositsPerBox: Projection = {
  name: 'deposits-per-box',
  version: 1,
  eventTypes: ['CashDeposited'],
  handle: (e) => [
    {
      key: e.streamId,
      update: (cur) => ((cur as number | undefined) ?? 0) + (e.data as { cents: number }).cents,
    },
  ],
};
