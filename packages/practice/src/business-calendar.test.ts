import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { usFederalHolidays, type BusinessCalendarSettings } from '@praxis/core';
import { createPractice } from './create.js';

const dir = mkdtempSync(join(tmpdir(), 'praxis-calendar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const manager = { id: 'maria', role: 'practice_manager' } as const;

describe('the business-day calendar setting', () => {
  it('is Monday to Friday until set, then what the practice manager set, after a reopen too', async () => {
    const store = `sqlite:${join(dir, 'calendar.db')}`;
    const practice = await createPractice({ store, timeZone: 'America/Chicago', currency: 'USD' });
    const before = await practice.businessCalendar();
    expect(before.openWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(before.addBusinessDays('2026-11-25', 1)).toBe('2026-11-26');

    const set = await practice.as(manager).setBusinessCalendar({
      openWeekdays: [5, 1, 2, 3, 4, 1],
      holidays: usFederalHolidays(2026, 2027),
    });
    expect(set.ok && set.decided).toEqual(['BusinessCalendarSet']);
    const after = await practice.businessCalendar();
    expect(after.openWeekdays).toEqual([1, 2, 3, 4, 5]); // recorded sorted, once each
    expect(after.timeZone).toBe('America/Chicago');
    expect(after.addBusinessDays('2026-11-25', 1)).toBe('2026-11-27'); // Thanksgiving is closed
    await practice.close();

    const reopened = await createPractice({ store });
    expect(reopened.settings.businessCalendar.holidays).toHaveLength(usFederalHolidays(2026, 2027).length);
    expect((await reopened.businessCalendar()).isBusinessDay('2026-12-25')).toBe(false);
    await reopened.close();
  });

  it('is set by practice managers only, and refuses a calendar that has no business day', async () => {
    const practice = await createPractice({ store: 'memory:', timeZone: 'UTC', currency: 'USD' });
    const biller = await practice
      .as({ id: 'bo', role: 'biller' })
      .setBusinessCalendar({ openWeekdays: [1], holidays: [] });
    expect(biller.ok === false && biller.code).toBe('Unauthorized');
    const none = await practice.as(manager).setBusinessCalendar({ openWeekdays: [], holidays: [] });
    expect(none.ok === false && none.code).toBe('NoOpenWeekday');
    const twice = await practice.as(manager).setBusinessCalendar({
      openWeekdays: [1],
      holidays: [
        { on: '2026-01-01', name: 'New Year' },
        { on: '2026-01-01', name: 'Something else' },
      ],
    });
    expect(twice.ok === false && twice.code).toBe('HolidayListedTwice');
    expect((await practice.businessCalendar()).openWeekdays).toEqual([1, 2, 3, 4, 5]);
    await practice.close();
  });

  it('refuses any malformed calendar a caller can send, never throws (property)', async () => {
    const practice = await createPractice({ store: 'memory:', timeZone: 'UTC', currency: 'USD' });
    const pm = practice.as(manager);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (input) => {
        const r = await pm.setBusinessCalendar(input as unknown as BusinessCalendarSettings);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 60 },
    );
    await practice.close();
  });
});
