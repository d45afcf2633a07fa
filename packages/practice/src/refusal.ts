import { refusalCategory, type DomainError, type RefusalCategory } from '@praxis/core';
import type { Refused } from './outcome.js';

/**
 * A refusal by a business rule, from the decider's DomainError: what `execute` and `check`
 * both answer when `decide` says no.
 *
 * @example
 * refusedByRule('Budget-2026', domainError('BudgetNotApproved', 'budget must be approved first')).summary
 * // → 'refused (BudgetNotApproved): budget must be approved first'
 */
export const refusedByRule = (
  streamId: string,
  error: DomainError,
  category: RefusalCategory = refusalCategory(error.code, undefined),
): Refused => ({
  ok: false,
  streamId,
  reason: 'rejected',
  code: error.code,
  category,
  message: error.message,
  ...(error.field === undefined ? {} : { field: error.field }),
  summary: `refused (${error.code}): ${error.message}${error.field === undefined ? '' : ` [${error.field}]`}`,
});

/**
 * A refusal because the actor's role may not issue the command; `message` is the permission
 * check's reason.
 */
export const refusedUnauthorized = (streamId: string, message: string): Refused => ({
  ok: false,
  streamId,
  reason: 'unauthorized',
  code: 'Unauthorized',
  category: 'forbidden',
  message,
  summary: `refused (Unauthorized): ${message}`,
});
