/**
 * The practice's chart of accounts (cash basis for expenses, accrual for patient revenue):
 * the accounts every financial event posts to. Codes follow the usual numbering (1 assets,
 * 2 liabilities, 3 equity, 4 revenue and its contra accounts, 5 expenses).
 */
export const accounts = {
  '1000': { name: 'Cash', type: 'asset' },
  '1100': { name: 'Accounts receivable', type: 'asset' },
  '2100': { name: 'Overpayments payable (refunds owed to payers)', type: 'liability' },
  '3000': { name: 'Owner equity', type: 'equity' },
  '4000': { name: 'Patient service revenue (gross charges)', type: 'revenue' },
  '4100': { name: 'Contractual adjustments', type: 'contra-revenue' },
  '4200': { name: 'Write-offs', type: 'contra-revenue' },
  '4300': { name: 'Overpayment refunds', type: 'contra-revenue' },
  '5000': { name: 'Operating expenses', type: 'expense' },
} as const;

/** An account code of the chart. */
export type AccountCode = keyof typeof accounts;
/** What kind of account: where it goes in the statements, and its normal balance. */
export type AccountType = (typeof accounts)[AccountCode]['type'];

/** Whether an account's balance is normally a debit (assets, contra-revenue, expenses). */
export const debitNormal = (type: AccountType): boolean =>
  type === 'asset' || type === 'contra-revenue' || type === 'expense';

/** One line of a journal entry: cents to the debit or the credit of an account. */
export interface JournalLine {
  readonly account: AccountCode;
  /** The sub-ledger: payer id (A/R, revenue, adjustments), write-off reason, expense category. */
  readonly detail?: string;
  readonly debit: number;
  readonly credit: number;
}

/** A balanced journal entry: Σ debits = Σ credits. */
export interface JournalEntry {
  /** Unique within the ledger: the event id and a sequence number. */
  readonly id: string;
  /** Business time of the posting (ISO instant) and the same as epoch ms. */
  readonly at: string;
  readonly t: number;
  /** What happened, in words: "Payer payment on claim c-1". */
  readonly memo: string;
  /** The stream whose event it was posted from. */
  readonly streamId: string;
  readonly lines: readonly JournalLine[];
}

/** A two-line entry: debit one account, credit another, by the same amount. */
export const entry = (
  base: Omit<JournalEntry, 'lines'>,
  amount: number,
  debit: Omit<JournalLine, 'debit' | 'credit'>,
  credit: Omit<JournalLine, 'debit' | 'credit'>,
): JournalEntry => ({
  ...base,
  lines: [
    { ...debit, debit: amount, credit: 0 },
    { ...credit, debit: 0, credit: amount },
  ],
});
