/**
 * The Remittance aggregate: one posted 835 (stream `Remittance-<TRN03>-<TRN02>`). Recording it
 * is what makes a re-import of the same file post nothing twice.
 */
import * as E from 'fp-ts/lib/Either.js';
import { accept, reject, streamIdOf, type Decider, type Decision } from '@praxis/core';
import { events, type RemittanceEvent } from './events.js';

export * from './events.js';

/** Record a posted 835 (what `importRemittance` issues; its fields are those of `RemittancePosted`). */
export type RecordRemittance = { readonly type: 'RecordRemittance' } & Extract<
  RemittanceEvent,
  { type: 'RemittancePosted' }
>['data'];

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
};

/** The stream of one remittance. */
export const streamId = (remittanceId: string): string => streamIdOf(decider, remittanceId);
