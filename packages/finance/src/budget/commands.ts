import * as t from 'io-ts';
import {
  command,
  CurrencyCode,
  defineCommands,
  ISODate,
  NonEmptyString,
  Cents,
  NonNegativeCents,
  NonNegativeInt,
  PositiveCents,
  TimeZone,
  type CommandOf,
} from '@praxis/core';
import { BudgetLine, Month } from './events.js';

/** Patient volume expected in one month (the revenue side of the budget). */
export const VolumeInput = t.type({
  month: Month,
  visits: NonNegativeInt,
  /** Expected net revenue per visit, in cents. */
  netRevenuePerVisit: NonNegativeCents,
});
export type VolumeInput = t.TypeOf<typeof VolumeInput>;

/**
 * The budget line a strategy initiative (`Initiative-<initiativeId>`, @praxis/strategy) spends
 * against, as the handler finds it (a fact; `null`: no `initiativeId` given, or no such
 * initiative): its line and whether it is approved.
 */
export const InitiativeLine = t.union([
  t.type({ budgetId: t.string, category: t.string, status: t.string }),
  t.null,
]);
export type InitiativeLine = t.TypeOf<typeof InitiativeLine>;

/**
 * The line of initiative `initiativeId` from its stream (`load` = a fact context's), or `null`.
 * Reads the aggregate by name, so finance does not depend on @praxis/strategy.
 */
export const initiativeLineOf = async (
  load: (aggregate: string, id: string) => Promise<unknown>,
  initiativeId: string | undefined,
): Promise<InitiativeLine> => {
  if (initiativeId === undefined) return null;
  const s = (await load('Initiative', initiativeId)) as
    { status?: unknown; budget?: { budgetId?: unknown; category?: unknown } } | undefined;
  const b = s?.budget;
  return s === undefined ||
    s.status === 'none' ||
    typeof b?.budgetId !== 'string' ||
    typeof b.category !== 'string'
    ? null
    : { budgetId: b.budgetId, category: b.category, status: String(s.status) };
};

/**
 * The facts of a Budget handler that runs outside a practice (`makeCommandHandler({ …, facts:
 * Budget.standaloneFacts })`): no initiatives exist, so an expense naming one is refused
 * `UnknownInitiative`. Inside a practice the facade looks the initiative up.
 */
export const standaloneFacts = (): Promise<{ initiative: InitiativeLine }> =>
  Promise.resolve({ initiative: null });

/** Who acts and when: from the call (`as(actor)`, `{ at }`), never the payload. */
const by = <F extends string>(field: F) => ({
  stamps: { [field]: 'actor', at: 'time' } as Record<F | 'at', 'actor' | 'time'>,
});
const when = { stamps: { at: 'time' } as Record<'at', 'time'> };

/**
 * Every command a Budget accepts, as exact codecs (unknown fields are refused). The acting
 * person (`…By`) and the business time (`at`) are stamped by the command handler.
 */
export const commands = defineCommands('budgetId', {
  /** Draft the budget of one fiscal year from volume projections and spending lines. */
  DraftBudget: command(
    {
      budgetId: NonEmptyString,
      fiscalYear: NonEmptyString,
      /** First day of the fiscal year (the 1st of a month); the year runs 12 months. */
      startsOn: ISODate,
      timeZone: TimeZone,
      currency: CurrencyCode,
      projections: t.readonlyArray(VolumeInput),
      lines: t.readonlyArray(BudgetLine),
    },
    {},
    by('draftedBy'),
  ),
  /** Add or replace one line of a draft. */
  SetBudgetLine: command({ line: BudgetLine }, {}, when),
  /** Send the draft for approval. */
  SubmitBudget: command({}, {}, by('submittedBy')),
  /** Approve a submitted budget: it is in force for the year. */
  ApproveBudget: command({}, {}, by('approvedBy')),
  /** Send a submitted budget back to draft, with the reason. */
  ReturnBudget: command({ reason: NonEmptyString }, {}, by('returnedBy')),
  /** Change lines of an approved budget, with the reason. */
  ReviseBudget: command({ lines: t.readonlyArray(BudgetLine), reason: NonEmptyString }, {}, by('revisedBy')),
  /** Ask to spend beyond a line (amount in cents). */
  RequestVariance: command(
    { varianceId: NonEmptyString, category: NonEmptyString, amount: PositiveCents, reason: NonEmptyString },
    {},
    by('requestedBy'),
  ),
  /** Approve a requested variance: the line may be overspent by its amount. */
  ApproveVariance: command({ varianceId: NonEmptyString }, {}, by('approvedBy')),
  /**
   * Record money spent against a line (amount in cents). With `initiativeId`, the spending of
   * an approved strategy initiative: it must go against the initiative's own line (fact
   * `initiative`, see `InitiativeLine`).
   */
  RecordExpense: command(
    {
      expenseId: NonEmptyString,
      category: NonEmptyString,
      amount: PositiveCents,
      incurredOn: ISODate,
      description: NonEmptyString,
    },
    { vendor: NonEmptyString, initiativeId: NonEmptyString },
    { ...by('recordedBy'), facts: { initiative: InitiativeLine } },
  ),
  /**
   * Correct an expense recorded earlier (`corrects`: its id) by a signed amount in cents (a
   * vendor credit is negative), posted on `incurredOn` — in the open period when the original's
   * month is closed.
   */
  CorrectExpense: command(
    {
      correctionId: NonEmptyString,
      corrects: NonEmptyString,
      amount: Cents,
      incurredOn: ISODate,
      reason: NonEmptyString,
    },
    {},
    by('recordedBy'),
  ),
  /** Replace the patient-volume forecast during the year. */
  ReviseForecast: command(
    { projections: t.readonlyArray(VolumeInput), reason: NonEmptyString },
    {},
    by('revisedBy'),
  ),
  /** Close the fiscal year: no more expenses or revisions. */
  CloseBudgetYear: command({}, {}, by('closedBy')),
});

/** Every command a Budget accepts, as `decide` sees it (stamped fields filled in). */
export type BudgetCommand = CommandOf<typeof commands>;
type Cmd<K extends BudgetCommand['type']> = Extract<BudgetCommand, { type: K }>;
export type DraftBudget = Cmd<'DraftBudget'>;
export type SetBudgetLine = Cmd<'SetBudgetLine'>;
export type SubmitBudget = Cmd<'SubmitBudget'>;
export type ApproveBudget = Cmd<'ApproveBudget'>;
export type ReturnBudget = Cmd<'ReturnBudget'>;
export type ReviseBudget = Cmd<'ReviseBudget'>;
export type RequestVariance = Cmd<'RequestVariance'>;
export type ApproveVariance = Cmd<'ApproveVariance'>;
export type RecordExpense = Cmd<'RecordExpense'>;
export type CorrectExpense = Cmd<'CorrectExpense'>;
export type ReviseForecast = Cmd<'ReviseForecast'>;
export type CloseBudgetYear = Cmd<'CloseBudgetYear'>;
