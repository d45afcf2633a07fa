import type { BudgetLine } from './events.js';

/** Patient volume expected in one month (the revenue side of the budget). */
export interface VolumeInput {
  readonly month: string;
  readonly visits: number;
  /** Expected net revenue per visit, in cents. */
  readonly netRevenuePerVisit: number;
}

/** Draft the budget of one fiscal year from volume projections and spending lines. */
export interface DraftBudget {
  readonly type: 'DraftBudget';
  readonly budgetId: string;
  readonly fiscalYear: string;
  /** First day of the fiscal year (the 1st of a month); the year runs 12 months. */
  readonly startsOn: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly projections: readonly VolumeInput[];
  readonly lines: readonly BudgetLine[];
  readonly draftedBy: string;
  readonly at: string;
}
/** Add or replace one line of a draft. */
export interface SetBudgetLine {
  readonly type: 'SetBudgetLine';
  readonly line: BudgetLine;
  readonly at: string;
}
/** Send the draft for approval. */
export interface SubmitBudget {
  readonly type: 'SubmitBudget';
  readonly submittedBy: string;
  readonly at: string;
}
/** Approve a submitted budget: it is in force for the year. */
export interface ApproveBudget {
  readonly type: 'ApproveBudget';
  readonly approvedBy: string;
  readonly at: string;
}
/** Send a submitted budget back to draft, with the reason. */
export interface ReturnBudget {
  readonly type: 'ReturnBudget';
  readonly returnedBy: string;
  readonly reason: string;
  readonly at: string;
}
/** Change lines of an approved budget, with the reason. */
export interface ReviseBudget {
  readonly type: 'ReviseBudget';
  readonly lines: readonly BudgetLine[];
  readonly reason: string;
  readonly revisedBy: string;
  readonly at: string;
}
/** Ask to spend beyond a line. */
export interface RequestVariance {
  readonly type: 'RequestVariance';
  readonly varianceId: string;
  readonly category: string;
  readonly amount: number;
  readonly reason: string;
  readonly requestedBy: string;
  readonly at: string;
}
/** Approve a requested variance: the line may be overspent by its amount. */
export interface ApproveVariance {
  readonly type: 'ApproveVariance';
  readonly varianceId: string;
  readonly approvedBy: string;
  readonly at: string;
}
/** Record money spent against a line. */
export interface RecordExpense {
  readonly type: 'RecordExpense';
  readonly expenseId: string;
  readonly category: string;
  readonly amount: number;
  readonly incurredOn: string;
  readonly description: string;
  readonly vendor?: string;
  readonly recordedBy: string;
  readonly at: string;
}
/** Replace the patient-volume forecast during the year. */
export interface ReviseForecast {
  readonly type: 'ReviseForecast';
  readonly projections: readonly VolumeInput[];
  readonly reason: string;
  readonly revisedBy: string;
  readonly at: string;
}
/** Close the fiscal year: no more expenses or revisions. */
export interface CloseBudgetYear {
  readonly type: 'CloseBudgetYear';
  readonly closedBy: string;
  readonly at: string;
}

/** Every command a Budget accepts. */
export type BudgetCommand =
  | DraftBudget
  | SetBudgetLine
  | SubmitBudget
  | ApproveBudget
  | ReturnBudget
  | ReviseBudget
  | RequestVariance
  | ApproveVariance
  | RecordExpense
  | ReviseForecast
  | CloseBudgetYear;
