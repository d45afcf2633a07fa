import * as t from 'io-ts';
import { DateTime } from 'luxon';
import {
  accept,
  command,
  defineCommands,
  defineRefusals,
  ISODate,
  NonEmptyString,
  PositiveCents,
  reject,
  type CommandOf,
  type Decider,
  type Decision,
} from '@praxis/core';
import { booksFact, refuseIfClosed } from '../books/lock.js';
import { events, Program, RefundMethod, type OverpaymentEvent } from './events.js';

export * from './events.js';

/** Days to report and return after identification (42 CFR 401.305(b)(1); 42 U.S.C. 1320a-7k(d)(2)). */
export const reportAndReturnDays = 60;
/** Longest suspension for an investigation, counted from identification (42 CFR 401.305(b)(2)). */
export const maxSuspensionDays = 180;

const plusDays = (date: string, days: number): string =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;

/** The source of a program's 60-day rule. */
export const legalSourceOf = (program: Program): string =>
  program === 'medicare'
    ? '42 CFR 401.305(b); 42 U.S.C. 1320a-7k(d)'
    : '42 U.S.C. 1320a-7k(d) (Social Security Act 1128J(d))';

/** Every command of an overpayment; each dated `…On` is its business time. */
export const commands = defineCommands('overpaymentId', {
  /** Record an identified overpayment (cents); `identifiedBy` comes from the call. */
  IdentifyOverpayment: command(
    {
      overpaymentId: NonEmptyString,
      program: Program,
      payerId: NonEmptyString,
      amount: PositiveCents,
      reason: NonEmptyString,
      identifiedOn: ISODate,
    },
    { claimIds: t.readonlyArray(NonEmptyString) },
    { businessTime: 'identifiedOn', stamps: { identifiedBy: 'actor' }, facts: booksFact },
  ),
  /** Medicare only: a timely, good-faith investigation of related overpayments began. */
  SuspendOverpaymentDeadline: command(
    { startedOn: ISODate, scope: NonEmptyString },
    {},
    { businessTime: 'startedOn' },
  ),
  /** The investigation ended; `amount` (cents) is the overpayment it quantified. */
  ConcludeOverpaymentInvestigation: command(
    { concludedOn: ISODate, amount: PositiveCents },
    {},
    { businessTime: 'concludedOn' },
  ),
  /** The report to the Medicare contractor or state agency (e.g. the voluntary refund form). */
  ReportOverpayment: command(
    { reportedOn: ISODate, reportRef: NonEmptyString },
    {},
    { businessTime: 'reportedOn' },
  ),
  /** Money returned to the payer (cents); several partial refunds are allowed. */
  RefundOverpayment: command(
    { refundId: NonEmptyString, refundedOn: ISODate, amount: PositiveCents, method: RefundMethod },
    { reference: NonEmptyString },
    { businessTime: 'refundedOn', facts: booksFact },
  ),
});
/** Every Overpayment command, as `decide` sees it. */
export type OverpaymentCommand = CommandOf<typeof commands>;

/** Every code an overpayment refuses with. */
export const refusals = defineRefusals({
  AlreadyReported: 'conflict',
  ConcludedBeforeSuspended: 'rule',
  DeadlineAlreadySuspended: 'conflict',
  DuplicateRefund: 'conflict',
  InvestigationAlreadyConcluded: 'conflict',
  InvestigationTooLate: 'rule',
  NotSuspended: 'rule',
  OverpaymentAlreadyIdentified: 'conflict',
  OverpaymentNotFound: 'not-found',
  OverpaymentSettled: 'conflict',
  AmountBelowRefunded: 'rule',
  BeforeIdentified: 'rule',
  PeriodClosed: 'conflict',
  RefundExceedsOverpayment: 'rule',
  SuspensionNotAvailable: 'rule',
});
/** A code an overpayment refuses with. */
export type OverpaymentRefusal = keyof typeof refusals;

/** An overpayment as its events left it. */
export interface Overpayment {
  readonly exists: boolean;
  readonly overpaymentId: string;
  readonly program?: Program;
  readonly payerId: string;
  readonly amount: number;
  readonly refunded: number;
  readonly refundIds: readonly string[];
  readonly identifiedOn: string;
  readonly dueOn: string;
  readonly suspendedOn?: string;
  readonly concludedOn?: string;
  readonly reportedOn?: string;
}

/** Not identified. */
export const initialState: Overpayment = {
  exists: false,
  overpaymentId: '',
  payerId: '',
  amount: 0,
  refunded: 0,
  refundIds: [],
  identifiedOn: '',
  dueOn: '',
};

const evolve = (s: Overpayment, e: OverpaymentEvent): Overpayment => {
  switch (e.type) {
    case 'OverpaymentIdentified':
      return {
        ...initialState,
        exists: true,
        overpaymentId: e.data.overpaymentId,
        program: e.data.program,
        payerId: e.data.payerId,
        amount: e.data.amount,
        identifiedOn: e.data.identifiedOn,
        dueOn: e.data.dueOn,
      };
    case 'OverpaymentDeadlineSuspended':
      return { ...s, suspendedOn: e.data.startedOn, dueOn: e.data.dueOn };
    case 'OverpaymentInvestigationConcluded':
      return { ...s, concludedOn: e.data.concludedOn, amount: e.data.amount, dueOn: e.data.dueOn };
    case 'OverpaymentReported':
      return { ...s, reportedOn: e.data.reportedOn };
    case 'OverpaymentRefunded':
      return { ...s, refunded: s.refunded + e.data.amount, refundIds: [...s.refundIds, e.data.refundId] };
  }
};

type D = Decision<OverpaymentEvent>;

/**
 * The report-and-return rules. Identification opens a 60-day deadline (42 CFR 401.305(b)(1)).
 * For Medicare, a timely good-faith investigation of related overpayments, begun before the
 * deadline, suspends it: it then falls 60 days after the earlier of the investigation's end
 * and identification + 180 days (401.305(b)(2), as revised for 2025) — so identification +
 * 240 days while it runs. Refunds never exceed what is owed; the duty is met when nothing is.
 * Identifications and refunds dated in a closed financial period are refused (`PeriodClosed`).
 */
const decide = (c: OverpaymentCommand, s: Overpayment): D => {
  if (c.type === 'IdentifyOverpayment') {
    if (s.exists)
      return reject('OverpaymentAlreadyIdentified', `${c.overpaymentId} is recorded`, 'overpaymentId');
    const closed = refuseIfClosed<OverpaymentEvent>(c.books, { field: 'identifiedOn', on: c.identifiedOn });
    if (closed !== undefined) return closed;
    return accept(
      events.make('OverpaymentIdentified', {
        overpaymentId: c.overpaymentId,
        program: c.program,
        payerId: c.payerId,
        amount: c.amount,
        reason: c.reason,
        identifiedOn: c.identifiedOn,
        identifiedBy: c.identifiedBy,
        dueOn: plusDays(c.identifiedOn, reportAndReturnDays),
        legalSource: legalSourceOf(c.program),
        ...(c.claimIds === undefined ? {} : { claimIds: c.claimIds }),
      }),
    );
  }
  if (!s.exists) return reject('OverpaymentNotFound', 'identify the overpayment first');
  const settled = s.refunded >= s.amount;
  switch (c.type) {
    case 'SuspendOverpaymentDeadline':
      if (s.program !== 'medicare')
        return reject('SuspensionNotAvailable', 'the suspension is a Medicare rule (42 CFR 401.305(b)(2))');
      if (s.suspendedOn !== undefined)
        return reject('DeadlineAlreadySuspended', `suspended on ${s.suspendedOn}`);
      if (settled) return reject('OverpaymentSettled', 'the overpayment was returned');
      if (c.startedOn < s.identifiedOn)
        return reject('BeforeIdentified', `identified on ${s.identifiedOn}`, 'startedOn');
      if (c.startedOn > s.dueOn)
        return reject('InvestigationTooLate', `the deadline was ${s.dueOn}`, 'startedOn');
      return accept(
        events.make('OverpaymentDeadlineSuspended', {
          overpaymentId: s.overpaymentId,
          startedOn: c.startedOn,
          scope: c.scope,
          dueOn: plusDays(s.identifiedOn, maxSuspensionDays + reportAndReturnDays),
          legalSource: '42 CFR 401.305(b)(2)',
        }),
      );
    case 'ConcludeOverpaymentInvestigation': {
      if (s.suspendedOn === undefined) return reject('NotSuspended', 'no investigation is running');
      if (s.concludedOn !== undefined)
        return reject('InvestigationAlreadyConcluded', `concluded on ${s.concludedOn}`);
      if (c.concludedOn < s.suspendedOn)
        return reject('ConcludedBeforeSuspended', `it began on ${s.suspendedOn}`, 'concludedOn');
      if (c.amount < s.refunded)
        return reject('AmountBelowRefunded', `${s.refunded} cents were already refunded`, 'amount');
      const end = plusDays(s.identifiedOn, maxSuspensionDays);
      return accept(
        events.make('OverpaymentInvestigationConcluded', {
          overpaymentId: s.overpaymentId,
          concludedOn: c.concludedOn,
          amount: c.amount,
          dueOn: plusDays(c.concludedOn < end ? c.concludedOn : end, reportAndReturnDays),
        }),
      );
    }
    case 'ReportOverpayment':
      if (s.reportedOn !== undefined) return reject('AlreadyReported', `reported on ${s.reportedOn}`);
      if (c.reportedOn < s.identifiedOn)
        return reject('BeforeIdentified', `identified on ${s.identifiedOn}`, 'reportedOn');
      return accept(
        events.make('OverpaymentReported', {
          overpaymentId: s.overpaymentId,
          reportedOn: c.reportedOn,
          reportRef: c.reportRef,
        }),
      );
    case 'RefundOverpayment': {
      if (s.refundIds.includes(c.refundId))
        return reject('DuplicateRefund', `refund ${c.refundId} is recorded`, 'refundId');
      if (settled) return reject('OverpaymentSettled', 'the overpayment was returned');
      if (c.refundedOn < s.identifiedOn)
        return reject('BeforeIdentified', `identified on ${s.identifiedOn}`, 'refundedOn');
      const owed = s.amount - s.refunded;
      if (c.amount > owed) return reject('RefundExceedsOverpayment', `${owed} cents are owed`, 'amount');
      const closed = refuseIfClosed<OverpaymentEvent>(c.books, { field: 'refundedOn', on: c.refundedOn });
      if (closed !== undefined) return closed;
      return accept(
        events.make('OverpaymentRefunded', {
          overpaymentId: s.overpaymentId,
          payerId: s.payerId,
          refundId: c.refundId,
          refundedOn: c.refundedOn,
          amount: c.amount,
          method: c.method,
          remaining: owed - c.amount,
          ...(c.reference === undefined ? {} : { reference: c.reference }),
        }),
      );
    }
  }
};

/**
 * A Medicare or Medicaid overpayment the practice identified (stream
 * `Overpayment-<overpaymentId>`): the report-and-return clock in the calendar
 * (`overpayment:<id>` in `overpayment-obligations`), closed by the refunds; the general ledger
 * posts the liability when identified and the cash when refunded.
 *
 * @example
 * await practice.finance.identifyOverpayment({ overpaymentId: 'op-1', program: 'medicare',
 *   payerId: 'medicare', amount: 48_000, reason: 'duplicate payment', identifiedOn: '2026-03-02' });
 */
export const decider: Decider<OverpaymentCommand, OverpaymentEvent, Overpayment, OverpaymentRefusal> = {
  name: 'Overpayment',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
