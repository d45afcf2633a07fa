import { describe, expect, it } from 'vitest';
import { invalidDateField } from './command-checks.js';

describe('invalidDateField', () => {
  it('accepts a command whose …On, …For and …At fields are real dates and instants', () => {
    expect(
      invalidDateField({
        type: 'AdoptPolicy',
        effectiveOn: '2026-02-28',
        reviewFor: '2027-01-01',
        adoptedAt: '2026-01-05T09:00:00-05:00',
        title: 'not a date, not checked',
      }),
    ).toBeUndefined();
  });

  it('rejects a calendar date that does not exist, naming the field and the value', () => {
    expect(invalidDateField({ effectiveOn: '2026-02-30' })).toEqual({
      _tag: 'DomainError',
      code: 'InvalidDate',
      message: 'effectiveOn must be a calendar date YYYY-MM-DD (got "2026-02-30")',
      field: 'effectiveOn',
    });
  });

  it('rejects a missing …For date', () => {
    expect(invalidDateField({ dueFor: undefined })).toMatchObject({ code: 'InvalidDate', field: 'dueFor' });
  });

  it('rejects an instant without an offset', () => {
    expect(invalidDateField({ reportedAt: '2026-01-05T09:00:00' })).toEqual({
      _tag: 'DomainError',
      code: 'InvalidInstant',
      message: 'reportedAt must be an ISO instant with an offset (got "2026-01-05T09:00:00")',
      field: 'reportedAt',
    });
  });

  it('reports the first bad field in the order the command lists them', () => {
    expect(invalidDateField({ occurredAt: 'yesterday', reportedOn: 'today' })?.field).toBe('occurredAt');
  });
});
