import { ISODate, ISOInstant, domainError, type DomainError } from '@praxis/core';

/**
 * Checks the dates on a command before any rule runs: fields named `…On`/`…For` must be real
 * calendar dates (`InvalidDate`), fields named `…At` ISO instants with an offset
 * (`InvalidInstant`). Commands are not decoded by codecs, so a bad date would otherwise reach
 * date arithmetic and only fail when the event is appended.
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
