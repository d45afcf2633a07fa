/**
 * The Remittance aggregate: one posted 835 (stream `Remittance-<TRN03>-<TRN02>`). Recording it
 * is what makes a re-import of the same file post nothing twice.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  accept,
  command,
  Cents,
  defineCommands,
  ISODate,
  NonEmptyString,
  reject,
  streamIdOf,
  type CommandOf,
  type Decider,
  type Decision,
} from '@praxis/core';
import { events, RecordedProviderAdjustment, RemittanceClaim, type RemittanceEvent } from './events.js';

export * from './events.js';

/**
 * The Remittance's command, as an exact codec: record a posted 835 (what `importRemittance`
 * issues; its fields are those of `RemittancePosted`, amounts in cents); `at` is the call's time.
 */
export const commands = defineCommands('remittanceId', {
  RecordRemittance: command(
    {
      remittanceId: NonEmptyString,
      traceNumber: NonEmptyString,
      originator: t.string,
      payerName: t.string,
      handling: NonEmptyString,
      paymentAmount: Cents,
      paymentMethod: t.string,
      claims: t.array(RemittanceClaim),
      providerAdjustments: t.array(RecordedProviderAdjustment),
    },
    { paymentDate: ISODate },
    // A payer's 835 may carry thousands of claims, posted as one decision (all or none).
    { stamps: { at: 'time' }, longLists: { claims: 100_000 } },
  ),
});
export type RecordRemittance = CommandOf<typeof commands>;

/** Every command a Remittance accepts. */
export type RemittanceCommand = RecordRemittance;

/** Whether the remittance was posted, and its trace. */
export interface State {
  readonly status: 'none' | 'posted';
  readonly remittanceId: string;
  readonly traceNumber: string;
  readonly paymentAmount: number;
  readonly claims: number;
}

export const initialState: State = {
  status: 'none',
  remittanceId: '',
  traceNumber: '',
  paymentAmount: 0,
  claims: 0,
};

/** Applies one Remittance event. Pure. */
export const evolve = (s: State, e: RemittanceEvent): State =>
  e.type === 'RemittancePosted'
    ? {
        status: 'posted',
        remittanceId: e.data.remittanceId,
        traceNumber: e.data.traceNumber,
        paymentAmount: e.data.paymentAmount,
        claims: e.data.claims.length,
      }
    : s;

/** A remittance is posted once (ASC X12 835 TRN: one trace number per payment). */
export const decide = (c: RemittanceCommand, s: State): Decision<RemittanceEvent> => {
  if (s.status === 'posted')
    return reject(
      'RemittanceAlreadyPosted',
      `remittance ${s.remittanceId} (trace ${s.traceNumber}) is already posted`,
      'remittanceId',
    );
  const { type: _type, ...data } = c;
  const checked = events.encode('RemittancePosted', data);
  if (E.isLeft(checked)) return reject('InvalidRemittance', checked.left.reason, checked.left.field);
  return accept({ type: 'RemittancePosted', data });
};

/** The Remittance decider (name `Remittance`). */
export const decider: Decider<RemittanceCommand, RemittanceEvent, State> = {
  name: 'Remittance',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
};

/** The stream of one remittance. */
export const streamId = (remittanceId: string): string => streamIdOf(decider, remittanceId);
