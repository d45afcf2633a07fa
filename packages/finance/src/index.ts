/**
 * @praxis/finance — the practice's money: annual budgets (`Budget`) and the revenue cycle of
 * each claim (`Claim`), Medicare/Medicaid overpayments and their 60-day refund clock
 * (`Overpayment`), and the books' period lock (`Books`). Each namespace exports its `decider`, its Command and Event types,
 * the event codecs (`events`) and `streamId(id)`.
 *
 * @example
 * import { Budget, Claim } from '@praxis/finance';
 * Budget.decider.name; // 'Budget'
 */
export * as Budget from './budget/index.js';
export * as Claim from './claim/index.js';
export * as Eligibility from './eligibility/index.js';
export * as BillingPolicy from './billing-policy/index.js';
export * as Books from './books/index.js';
export * as Overpayment from './overpayment/index.js';
export * from './overpayment/obligations.js';
