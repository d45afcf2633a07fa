import { ISODate, ISOInstant } from './codecs/primitives.js';
import { domainError, type DomainError } from './domain-error.js';

/**
 * Checks the dates on a command before any rule runs: fields named `…On`/`…For` must be real
 * calendar dates (`InvalidDate`), fields named `…At` ISO instants with an offset
 * (`InvalidInstant`). The suffix is matched with its capital, so a bare `at` is not checked
 * here. Commands are not decoded by codecs (they can come from JSON: the CLI, an integration),
 * so a bad date would otherwise reach date arithmetic and only fail when the event is
 * appended. Returns the first bad field's error, or `undefined` when all are fine.
 *
 * @example
 * invalidDateField({ type: 'AdoptPolicy', effectiveOn: '2026-02-30', adoptedAt: '2026-01-05T09:00:00Z' })
 * // → { _tag: 'DomainError', code: 'InvalidDate', field: 'effectiveOn',
 * //     message: 'effectiveOn must be a calendar date YYYY-MM-DD (got "2026-02-30")' }
 *
 * @example
 * // in a decider, before the command's own rules:
 * const badDate = invalidDateField(c);
 * if (badDate !== undefined) return E.left(badDate);
 */
export const invalidDateField = (command: object): DomainError | undefined => {
  for (const [field, value] of Object.entries(command)) {
    if (/(On|For)$/.test(field) && !ISODate.is(value))
      return domainError(
        'InvalidDate',
        `${field} must be a calendar date YYYY-MM-DD (got ${JSON.stringify(value)})`,
        field,
      );
    if (/At$/.test(field) && !ISOInstant.is(value))
      return domainError(
        'InvalidInstant',
        `${field} must be an ISO instant with an offset (got ${JSON.stringify(value)})`,
        field,
      );
  }
  return undefined;
};
