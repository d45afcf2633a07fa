import * as t from 'io-ts';
import {
  CurrencyCode,
  defineEvents,
  ISODate,
  ISOInstant,
  NonEmptyString,
  Cents,
  NonNegativeCents,
  NonNegativeInt,
  PositiveCents,
  struct,
  TimeZone,
  type EventOf,
} from '@praxis/core';

/** A calendar month `YYYY-MM`. */
export const Month = new t.Type<string, string, unknown>(
  'Month',
  (u): u is string => typeof u === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(u),
  (u, c) =>
    typeof u === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(u)
      ? t.success(u)
      : t.failure(u, c, 'not a YYYY-MM month'),
  t.identity,
);

/** Expected patient volume for one month: visits × expected net revenue per visit. */
export const VolumeProjection = t.type({
  month: Month,
  visits: NonNegativeInt,
  netRevenuePerVisit: NonNegativeCents,
  /** visits × netRevenuePerVisit, in cents. */
  projectedRevenue: NonNegativeCents,
});
export type VolumeProjection = t.TypeOf<typeof VolumeProjection>;

/** One budget line: a spending category with an amount per month of the fiscal year. */
export const BudgetLine = t.type({
  /** staffing, supplies, rent, equipment, technology, marketing, … (unique in a budget). */
  category: NonEmptyString,
  /** Month `YYYY-MM` → budgeted cents; months not listed are zero. */
  months: t.record(t.string, NonNegativeCents),
});
export type BudgetLine = t.TypeOf<typeof BudgetLine>;

/** Every Budget event, with its codec. */
export const events = defineEvents({
  BudgetDrafted: struct({
    budgetId: NonEmptyString,
    fiscalYear: NonEmptyString,
    /** First day of the fiscal year; the year runs 12 months from it. */
    startsOn: ISODate,
    timeZone: TimeZone,
    currency: CurrencyCode,
    projections: t.array(VolumeProjection),
    lines: t.array(BudgetLine),
    draftedBy: NonEmptyString,
    at: ISOInstant,
  }),
  BudgetLineSet: struct({ budgetId: NonEmptyString, line: BudgetLine, at: ISOInstant }),
  BudgetSubmitted: struct({ budgetId: NonEmptyString, submittedBy: NonEmptyString, at: ISOInstant }),
  BudgetApproved: struct({ budgetId: NonEmptyString, approvedBy: NonEmptyString, at: ISOInstant }),
  BudgetReturned: struct({
    budgetId: NonEmptyString,
    returnedBy: NonEmptyString,
    reason: NonEmptyString,
    at: ISOInstant,
  }),
  BudgetRevised: struct({
    budgetId: NonEmptyString,
    revision: NonNegativeInt,
    reason: NonEmptyString,
    revisedBy: NonEmptyString,
    lines: t.array(BudgetLine),
    at: ISOInstant,
  }),
  BudgetVarianceRequested: struct({
    budgetId: NonEmptyString,
    varianceId: NonEmptyString,
    category: NonEmptyString,
    amount: PositiveCents,
    reason: NonEmptyString,
    requestedBy: NonEmptyString,
    at: ISOInstant,
  }),
  BudgetVarianceApproved: struct({
    budgetId: NonEmptyString,
    varianceId: NonEmptyString,
    category: NonEmptyString,
    amount: PositiveCents,
    approvedBy: NonEmptyString,
    at: ISOInstant,
  }),
  /**
   * An earlier expense was corrected by a signed amount (cents), posted on `incurredOn`, with
   * the expense it corrects (`corrects`) and why.
   */
  BudgetExpenseCorrected: t.type({
    budgetId: NonEmptyString,
    correctionId: NonEmptyString,
    corrects: NonEmptyString,
    category: NonEmptyString,
    amount: Cents,
    incurredOn: ISODate,
    reason: NonEmptyString,
    recordedBy: NonEmptyString,
    at: ISOInstant,
  }),
  BudgetExpenseRecorded: struct(
    {
      budgetId: NonEmptyString,
      expenseId: NonEmptyString,
      category: NonEmptyString,
      amount: PositiveCents,
      incurredOn: ISODate,
      description: NonEmptyString,
      recordedBy: NonEmptyString,
      at: ISOInstant,
    },
    /** `initiativeId`: the strategy initiative the money was spent for, on its own line. */
    { vendor: NonEmptyString, initiativeId: NonEmptyString },
  ),
  BudgetForecastRevised: struct({
    budgetId: NonEmptyString,
    projections: t.array(VolumeProjection),
    reason: NonEmptyString,
    revisedBy: NonEmptyString,
    at: ISOInstant,
  }),
  BudgetYearClosed: struct({ budgetId: NonEmptyString, closedBy: NonEmptyString, at: ISOInstant }),
});

/** Any Budget event. */
export type BudgetEvent = EventOf<typeof events>;
