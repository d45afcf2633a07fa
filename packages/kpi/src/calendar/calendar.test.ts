import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json, Obligation, ReadModelReader } from '@praxis/core';
import { complianceCalendar } from './calendar.js';

const zone = 'America/New_York';
const ob = (id: string, dueAt: string, extra: Partial<Obligation> = {}): Obligation => ({
  id,
  module: 'test',
  kind: 'test',
  label: id,
  streamId: `S-${id}`,
  arisesAt: '2026-01-01',
  dueAt,
  ...extra,
});
/** A reader over fixed documents, keyed by projection. */
const readerOf = (docs: Record<string, readonly Obligation[]>): ReadModelReader => ({
  get: async (p, key) => docs[p]?.find((o) => `obligation:${o.id}` === key) as unknown as Json | undefined,
  list: async function* (p, prefix) {
    for (const o of [...(docs[p] ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1)))
      if (`obligation:${o.id}`.startsWith(prefix))
        yield [`obligation:${o.id}`, o as unknown as Json] as const;
  },
});

const reader = readerOf({
  'staff-obligations': [
    ob('licence', '2026-04-20'), // 41 days after 03-10: within 60
    ob('dea', '2026-06-01'), // 83 days: upcoming
    ob('future', '2026-03-20', { arisesAt: '2026-03-11' }), // not arisen yet
  ],
  'compliance-obligations': [
    ob('spore', '2026-03-10'), // due today: not overdue until the day ends
    ob('audit', '2026-03-09'), // yesterday
    ob('done', '2026-03-01', { completedAt: '2026-03-05' }),
    ob('late', '2026-03-08', { completedAt: '2026-03-12' }), // done only after the as-of date
    ob('osha', '2026-03-10T10:30:00.000-04:00'),
  ],
});
const projections = ['staff-obligations', 'compliance-obligations'];

describe('compliance calendar', () => {
  it('merges projections, classifies each obligation as of a date and sorts by due date', async () => {
    const lines = await complianceCalendar(reader, { projections, asOf: '2026-03-10', zone });
    expect(lines.map((l) => [l.id, l.state, l.daysLeft, l.window ?? null, l.projection])).toEqual([
      ['done', 'done', -9, null, 'compliance-obligations'],
      ['late', 'overdue', -2, null, 'compliance-obligations'],
      ['audit', 'overdue', -1, null, 'compliance-obligations'],
      // as of the END of 03-10 the 10:30 OSHA clock has run out; the spore test is due by day's end
      ['osha', 'overdue', 0, null, 'compliance-obligations'],
      ['spore', 'due-soon', 0, 30, 'compliance-obligations'],
      ['licence', 'due-soon', 41, 60, 'staff-obligations'],
      ['dea', 'upcoming', 83, null, 'staff-obligations'],
    ]);
  });

  it('takes an instant as of, and leaves done items out when asked', async () => {
    const lines = await complianceCalendar(reader, {
      projections,
      asOf: '2026-03-10T09:00:00-04:00',
      zone,
      openOnly: true,
    });
    expect(lines.find((l) => l.id === 'osha')).toMatchObject({ state: 'due-soon', window: 30 });
    expect(lines.some((l) => l.state === 'done')).toBe(false);
    // 'late' is done as of 03-12 but not before
    const later = await complianceCalendar(reader, { projections, asOf: '2026-03-12', zone });
    expect(later.find((l) => l.id === 'late')?.state).toBe('done');
  });

  it('uses configurable thresholds', async () => {
    const lines = await complianceCalendar(reader, {
      projections,
      asOf: '2026-03-10',
      zone,
      dueSoonDays: [7, 45],
    });
    expect(lines.find((l) => l.id === 'licence')).toMatchObject({ state: 'due-soon', window: 45 });
    expect(lines.find((l) => l.id === 'spore')?.window).toBe(7);
  });

  it('counts whole days across daylight-saving changes, month ends, leap days and year ends', async () => {
    const r = readerOf({
      x: [
        ob('dst-spring', '2026-03-09'), // US clocks jump forward on 03-08
        ob('dst-autumn', '2026-11-02'), // and back on 11-01
        ob('leap', '2028-03-01'),
        ob('year', '2027-01-01'),
      ],
    });
    const days = async (asOf: string) =>
      Object.fromEntries(
        (await complianceCalendar(r, { projections: ['x'], asOf, zone })).map((l) => [l.id, l.daysLeft]),
      );
    expect((await days('2026-03-07'))['dst-spring']).toBe(2);
    expect((await days('2026-10-31'))['dst-autumn']).toBe(2);
    expect((await days('2028-02-28'))['leap']).toBe(2); // 02-28 → 02-29 → 03-01
    expect((await days('2026-12-31'))['year']).toBe(1);
  });
});

describe('calendar states (property)', () => {
  const day = fc
    .integer({ min: 0, max: 365 * 6 })
    .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  it('a date due D is overdue exactly when the as-of date is after D, whatever the zone and season', async () => {
    await fc.assert(
      fc.asyncProperty(
        day,
        day,
        fc.constantFrom(zone, 'Europe/London', 'Australia/Sydney'),
        async (due, asOf, z) => {
          const [line] = await complianceCalendar(
            readerOf({ x: [ob('o', due, { arisesAt: '2024-01-01' })] }),
            {
              projections: ['x'],
              asOf,
              zone: z,
            },
          );
          const days = (Date.parse(due) - Date.parse(asOf)) / 86_400_000;
          expect(line?.daysLeft).toBe(days);
          expect(line?.state).toBe(days < 0 ? 'overdue' : days <= 60 ? 'due-soon' : 'upcoming');
          if (line?.state === 'due-soon') expect(line.window).toBe(days <= 30 ? 30 : 60);
        },
      ),
    );
  });
});
