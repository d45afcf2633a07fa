import * as t from 'io-ts';
import {
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  PositiveCents,
  defineEvents,
  personal,
  struct,
  subject,
  type EventOf,
} from '@praxis/core';

/**
 * The overpayment record (`overpayment:<overpaymentId>`) is the subject of its free text: the
 * reason and the investigation's scope may name patients or staff; sealed by the vault and erased
 * with `forgetSubject('overpayment:<id>')` (amounts, dates and payers stay).
 */
const OverpaymentId = subject('overpayment', NonEmptyString);

/** The federal program that overpaid: both owe report-and-return in 60 days (42 U.S.C. 1320a-7k(d)). */
export const Program = t.keyof({ medicare: null, medicaid: null });
/** The program that overpaid. */
export type Program = t.TypeOf<typeof Program>;

/** How a refund reached the payer. */
export const RefundMethod = t.keyof({ check: null, electronic: null, offset: null });

/** Every event of an identified overpayment. */
export const events = defineEvents({
  /**
   * The practice identified an overpayment (amount in cents): it must report and return it by
   * `dueOn` (60 days after identification, 42 CFR 401.305(b); 42 U.S.C. 1320a-7k(d)).
   */
  OverpaymentIdentified: struct(
    {
      overpaymentId: OverpaymentId,
      program: Program,
      payerId: NonEmptyString,
      amount: PositiveCents,
      reason: personal(NonEmptyString),
      identifiedOn: ISODate,
      identifiedBy: NonEmptyString,
      dueOn: ISODate,
      legalSource: NonEmptyString,
    },
    { claimIds: t.readonlyArray(NonEmptyString) },
  ),
  /**
   * A timely, good-faith investigation of related overpayments began: the deadline is
   * suspended, at most until 180 days after identification, so it is now at the latest
   * identification + 240 days (42 CFR 401.305(b)(2)).
   */
  OverpaymentDeadlineSuspended: t.type({
    overpaymentId: OverpaymentId,
    startedOn: ISODate,
    scope: personal(NonEmptyString),
    dueOn: ISODate,
    legalSource: NonEmptyString,
  }),
  /**
   * The investigation ended and quantified the overpayment (`amount`, cents, may differ from the
   * first estimate): 60 days run from the earlier of its end and identification + 180 days.
   */
  OverpaymentInvestigationConcluded: t.type({
    overpaymentId: NonEmptyString,
    concludedOn: ISODate,
    amount: PositiveCents,
    dueOn: ISODate,
  }),
  /** The overpayment was reported to the Medicare contractor or the state agency. */
  OverpaymentReported: t.type({
    overpaymentId: NonEmptyString,
    reportedOn: ISODate,
    reportRef: NonEmptyString,
  }),
  /** Money was returned (cents); `remaining` is what is still owed. */
  OverpaymentRefunded: struct(
    {
      overpaymentId: NonEmptyString,
      payerId: NonEmptyString,
      refundId: NonEmptyString,
      refundedOn: ISODate,
      amount: PositiveCents,
      method: RefundMethod,
      remaining: NonNegativeCents,
    },
    { reference: NonEmptyString },
  ),
});

/** Every Overpayment event. */
export type OverpaymentEvent = EventOf<typeof events>;
