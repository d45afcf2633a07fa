import { defineRefusals } from '@praxis/core';

/**
 * Every code a Budget refuses with, and its category (`invalid`, `not-found`, `conflict`,
 * `forbidden`, `rule`). Malformed input is refused before `decide` with the platform's codes
 * (`Required`, `InvalidDate`, `UnknownField`, …; see `platformRefusals`).
 */
export const refusals = defineRefusals({
  BudgetAlreadyDrafted: 'conflict',
  BudgetClosed: 'conflict',
  BudgetHasNoLines: 'rule',
  BudgetNotApproved: 'conflict',
  BudgetNotDraft: 'conflict',
  BudgetNotFound: 'not-found',
  BudgetNotSubmitted: 'conflict',
  CorrectionExceedsExpense: 'rule',
  DuplicateBudgetLine: 'conflict',
  DuplicateExpense: 'conflict',
  DuplicateProjection: 'conflict',
  DuplicateVariance: 'conflict',
  InitiativeLineMismatch: 'rule',
  InitiativeNotApproved: 'conflict',
  ExpenseNotFound: 'not-found',
  InvalidFiscalYearStart: 'invalid',
  LineBelowSpending: 'rule',
  LineOverspent: 'rule',
  OutsideFiscalYear: 'rule',
  UnknownBudgetLine: 'invalid',
  UnknownInitiative: 'not-found',
  VarianceNotFound: 'not-found',
  ZeroCorrection: 'invalid',
});

/** A code a Budget refuses with. */
export type BudgetRefusal = keyof typeof refusals;
