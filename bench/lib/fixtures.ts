/**
 * Shared workload of the benchmarks: ~200-byte payment events, their codec, and a small
 * decider, so every store is measured on the same events.
 */
import * as t from 'io-ts';
import {
  Cents,
  NonEmptyString,
  Uuid,
  accept,
  defineEvents,
  reject,
  stableId,
  type Decider,
  type EventOf,
  type NewEvent,
  type NewEventMetadata,
} from '@praxis/core';

/** The one event type of the benchmark: a patient payment against an invoice. */
export const paymentEvents = defineEvents({
  PaymentReceived: t.type({
    invoiceId: Uuid,
    patientId: Uuid,
    amountCents: Cents,
    method: NonEmptyString,
    reference: t.string,
    note: t.string,
  }),
});
export type PaymentEvent = EventOf<typeof paymentEvents>;

/** The data of the n-th event: about 200 bytes of JSON. */
export const paymentData = (n: number): PaymentEvent['data'] => ({
  invoiceId: stableId(`invoice-${n % 997}`),
  patientId: stableId(`patient-${n % 499}`),
  amountCents: 1_000 + (n % 50_000),
  method: n % 3 === 0 ? 'card' : n % 3 === 1 ? 'cash' : 'transfer',
  reference: `REF-${String(n).padStart(8, '0')}`,
  note: 'co-payment for consultation, receipt sent',
});

export const benchMetadata: NewEventMetadata = {
  actor: { id: 'front-desk-1', role: 'receptionist' },
  occurredAt: '2026-03-02T09:30:00.000+01:00',
};

/** The n-th event as an append takes it. */
export const paymentEvent = (n: number): NewEvent => ({
  type: 'PaymentReceived',
  data: paymentData(n),
  metadata: benchMetadata,
});

/** The running balance of an invoice account: what S3, S4 and S5 fold. */
export interface Balance {
  readonly paidCents: number;
  readonly payments: number;
}
export const initialBalance: Balance = { paidCents: 0, payments: 0 };
export const evolveBalance = (
  s: Balance,
  e: { readonly type?: string; readonly data: unknown },
): Balance => ({
  paidCents: s.paidCents + (e.data as PaymentEvent['data']).amountCents,
  payments: s.payments + 1,
});

/** The balance after `events`: how the store suites fold a stream or the whole log. */
export const foldBalance = async (
  events: AsyncIterable<{ readonly type?: string; readonly data: unknown }>,
): Promise<Balance> => {
  let s = initialBalance;
  for await (const e of events) s = evolveBalance(s, e);
  return s;
};

/** The command of S5. */
export interface ReceivePayment {
  readonly type: 'ReceivePayment';
  readonly n: number;
}

/** S5's decider: accepts a payment unless the account already holds 1 000 payments. */
export const paymentDecider: Decider<ReceivePayment, PaymentEvent, Balance> = {
  name: 'PaymentAccount',
  stateVersion: 1,
  initialState: initialBalance,
  evolve: evolveBalance,
  decide: (c, s) =>
    s.payments >= 1_000
      ? reject('AccountFull', 'an account holds at most 1 000 payments')
      : accept(paymentEvents.make('PaymentReceived', paymentData(c.n))),
  events: paymentEvents,
};

/**
 * The table a careful programmer would write by hand for the baselines: an event log with a
 * unique (stream, revision), without Praxis's hash chain or codecs.
 */
export const rawSchema = `
  CREATE TABLE IF NOT EXISTS raw_events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id  TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    type      TEXT NOT NULL,
    data      TEXT NOT NULL,
    metadata  TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  )`;
