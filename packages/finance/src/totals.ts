import { domainError, type DomainError } from '@praxis/core';

/**
 * A sum of cents that must stay a safe integer (at most `Number.MAX_SAFE_INTEGER`, 2^53 − 1):
 * beyond it a number no longer holds every whole cent, so the total would be wrong. Each
 * amount is already valid cents (the command codecs guarantee it); their sum is a rule of its
 * own. Returns `InvalidAmount` naming `field` when the sum leaves the range, else `undefined`.
 * See docs/decisions/finance-safe-integer-totals.md.
 *
 * @example
 * safeTotal([Number.MAX_SAFE_INTEGER, 2], 'charges'); // InvalidAmount on `charges`
 */
export const safeTotal = (amounts: Iterable<number>, field: string): DomainError | undefined => {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total))
      return domainError(
        'InvalidAmount',
        `${field} add up to more than ${Number.MAX_SAFE_INTEGER} cents, the largest total Praxis can hold exactly`,
        field,
      );
  }
  return undefined;
};
