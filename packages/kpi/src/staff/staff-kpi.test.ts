import { describe, expect, it } from 'vitest';
import { foldProjections, type RecordedEvent } from '@praxis/core';
import { Roster, StaffMember } from '@praxis/staff';
import { periodOf } from '../period.js';
import { staffTurnover, trainingCompliance, trainingComplianceForPeriod } from './index.js';

const ev = StaffMember.events.make;
const zone = 'America/New_York';
let position = 0;

/** Recorded events of one person's stream (only the facts the roster needs). */
const person = (
  staffId: string,
  startDate: string | undefined,
  more: (id: string) => StaffMember.StaffMemberEvent[] = () => [],
): RecordedEvent[] => {
  const evs: StaffMember.StaffMemberEvent[] = [
    ev('StaffApplicationReceived', {
      staffId,
      name: `Person ${staffId}`,
      position: 'x',
      appliedOn: '2024-01-02',
    }),
    ...(startDate === undefined
      ? []
      : [
          ev('StaffMemberHired', {
            staffId,
            hiredOn: startDate,
            role: 'nurse',
            startDate,
            exclusionCheckedOn: startDate,
          }),
        ]),
    ...more(staffId),
  ];
  return evs.map((e, i) => ({
    eventId: `${staffId}-${i}`,
    streamId: `StaffMember-${staffId}`,
    revision: BigInt(i),
    position: { commit: BigInt(++position), prepare: BigInt(position) },
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    metadata: {
      actor: { id: 'pm', role: 'pm' },
      occurredAt: '2026-01-01T00:00:00Z',
      recordedAt: '2026-01-01T00:00:00Z',
      correlationId: 'c',
      causationId: 'c',
    },
    prevHash: '',
    hash: '',
  }));
};
const separated = (separatedOn: string, voluntary: boolean) => (staffId: string) => [
  ev('StaffMemberSeparated', { staffId, separatedOn, voluntary }),
];
const assigned =
  (
    trainingId: string,
    assignedOn: string,
    dueOn: string,
    required = true,
    recurrenceMonths: number | undefined = 12,
  ) =>
  (staffId: string) =>
    ev('TrainingAssigned', {
      staffId,
      trainingId,
      course: trainingId,
      assignedOn,
      dueOn,
      required,
      ...(recurrenceMonths === undefined ? {} : { recurrenceMonths }),
    });
const completed = (trainingId: string, completedOn: string, nextDueOn?: string) => (staffId: string) =>
  ev('TrainingCompleted', {
    staffId,
    trainingId,
    completedOn,
    hours: 1,
    ...(nextDueOn === undefined ? {} : { nextDueOn }),
  });
const all =
  (...fs: ((id: string) => StaffMember.StaffMemberEvent)[]) =>
  (id: string) =>
    fs.map((f) => f(id));

/*
 * The fixture practice (dates are last days of employment for separations):
 *   A  start 2025-06-01, on staff; OSHA done 2025-06-01 (next 2026-06-01), HIPAA done 2025-06-20
 *      (next 2026-06-20); a required one-off assigned 2026-03-20, due 2026-04-30.
 *   B  start 2025-09-15, separated 2026-02-13 (voluntary); OSHA done 2025-09-20 (next 2026-09-20).
 *   C  start 2026-01-01; OSHA due 2026-01-01, completed only on 2026-03-20 (next 2027-03-20).
 *   D  start 2025-01-10, separated 2026-03-31 (involuntary); OSHA done 2025-01-10 (next
 *      2026-01-10, never renewed); required one-off "ehr" completed 2025-01-12.
 *   E  start 2026-02-16; an elective (not required) course; a required course withdrawn 2026-03-01.
 *   F  start 2024-05-01, separated 2025-12-31.
 *   G  start 2026-04-01.   H  applied, never hired.
 */
const events = [
  ...person(
    'A',
    '2025-06-01',
    all(
      assigned('osha', '2025-06-01', '2025-06-01'),
      completed('osha', '2025-06-01', '2026-06-01'),
      assigned('hipaa', '2025-06-01', '2025-06-30'),
      completed('hipaa', '2025-06-20', '2026-06-20'),
      assigned('coding', '2026-03-20', '2026-04-30', true, undefined),
    ),
  ),
  ...person('B', '2025-09-15', (id) => [
    assigned('osha', '2025-09-15', '2025-09-15')(id),
    completed('osha', '2025-09-20', '2026-09-20')(id),
    ...separated('2026-02-13', true)(id),
  ]),
  ...person(
    'C',
    '2026-01-01',
    all(assigned('osha', '2026-01-01', '2026-01-01'), completed('osha', '2026-03-20', '2027-03-20')),
  ),
  ...person('D', '2025-01-10', (id) => [
    assigned('osha', '2025-01-10', '2025-01-10')(id),
    completed('osha', '2025-01-10', '2026-01-10')(id),
    assigned('ehr', '2025-01-10', '2025-01-31', true, undefined)(id),
    completed('ehr', '2025-01-12')(id),
    ...separated('2026-03-31', false)(id),
  ]),
  ...person(
    'E',
    '2026-02-16',
    all(
      assigned('elective', '2026-02-16', '2026-02-20', false, undefined),
      assigned('lab', '2026-02-16', '2026-02-16', true, undefined),
      (id) =>
        ev('TrainingWithdrawn', {
          staffId: id,
          trainingId: 'lab',
          withdrawnOn: '2026-03-01',
          reason: 'moved to front desk',
        }),
    ),
  ),
  ...person('F', '2024-05-01', separated('2025-12-31', true)),
  ...person('G', '2026-04-01'),
  ...person('H', undefined),
];
const reader = foldProjections([Roster.staffRoster], events);

describe('staff turnover (separations ÷ average headcount × 100)', () => {
  it('2026-Q1: 2 separations over an average headcount of 4 → 50 %', async () => {
    // Active on 2026-01-01: A, B, C (starts that day), D = 4 (F's last day was 2025-12-31).
    // Active on 2026-03-31: A, C, D (last day), E = 4.  Separations in Q1: B (02-13), D (03-31) = 2.
    // Average headcount = (4 + 4) ÷ 2 = 4;  turnover = 2 ÷ 4 × 100 = 50.
    expect(await staffTurnover(reader, periodOf('2026-Q1', zone))).toEqual({
      period: '2026-Q1',
      firstDay: '2026-01-01',
      lastDay: '2026-03-31',
      separations: 2,
      voluntarySeparations: 1,
      involuntarySeparations: 1,
      headcountAtStart: 4,
      headcountAtEnd: 4,
      averageHeadcount: 4,
      turnoverPct: 50,
    });
  });

  it('months: 2026-02 (B leaves) and 2026-03 (a DST month; D leaves on its last day) → 25 % each', async () => {
    // Feb: start A,B,C,D = 4; end (02-28) A,C,D,E = 4; 1 separation → 1 ÷ 4 × 100 = 25.
    const feb = await staffTurnover(reader, periodOf('2026-02', zone));
    expect([feb.headcountAtStart, feb.headcountAtEnd, feb.separations, feb.turnoverPct]).toEqual([
      4, 4, 1, 25,
    ]);
    // Mar (clocks change 03-08): start A,C,D,E = 4; end A,C,D,E = 4; 1 separation → 25.
    const mar = await staffTurnover(reader, periodOf('2026-03', zone));
    expect([mar.headcountAtStart, mar.headcountAtEnd, mar.separations, mar.turnoverPct]).toEqual([
      4, 4, 1, 25,
    ]);
  });

  it('2025 (a year): start 1 (F), end 4 (A, B, D, F on its last day), 1 separation → 1 ÷ 2.5 × 100 = 40 %', async () => {
    const y = await staffTurnover(reader, periodOf('2025', zone));
    expect([y.headcountAtStart, y.headcountAtEnd, y.averageHeadcount, y.separations, y.turnoverPct]).toEqual([
      1, 4, 2.5, 1, 40,
    ]);
  });

  it('a period with no staff has no turnover rate (null, not a division by zero)', async () => {
    const t = await staffTurnover(reader, periodOf('2024-01', zone));
    expect([t.averageHeadcount, t.turnoverPct]).toEqual([0, null]);
  });
});

describe('training compliance % (current on every required training ÷ active staff with one)', () => {
  it('as of 2026-03-15: 1 of 3 → 33.3 %', async () => {
    // Active: A, C, D, E. E's only required course was withdrawn 03-01 → not counted (elective only).
    // A current (OSHA due 2026-06-01, HIPAA 2026-06-20; "coding" assigned after 03-15 is not yet required).
    // C overdue (OSHA due 2026-01-01; the 03-20 completion is after the date).
    // D overdue (OSHA due again 2026-01-10).   1 ÷ 3 × 100 = 33.33…
    const c = await trainingCompliance(reader, '2026-03-15');
    expect(c.staffRequired).toBe(3);
    expect(c.staffCurrent).toBe(1);
    expect(c.compliancePct).toBeCloseTo(33.333, 3);
    expect(c.nonCompliant).toEqual([
      {
        staffId: 'C',
        name: 'Person C',
        overdue: [{ trainingId: 'osha', course: 'osha', dueOn: '2026-01-01' }],
      },
      {
        staffId: 'D',
        name: 'Person D',
        overdue: [{ trainingId: 'osha', course: 'osha', dueOn: '2026-01-10' }],
      },
    ]);
  });

  it('as of 2026-01-05: 3 of 4 → 75 % (B still on staff and current; D not yet due)', async () => {
    // Active: A, B, C, D.  A current; B due 2026-09-20; C due 2026-01-01 → overdue; D due 2026-01-10.
    const c = await trainingCompliance(reader, '2026-01-05');
    expect([c.staffRequired, c.staffCurrent, c.compliancePct]).toEqual([4, 3, 75]);
  });

  it('at the end of 2026-03: 2 of 3 → 66.7 % (C caught up on 03-20; "coding" is not due until 04-30)', async () => {
    const c = await trainingComplianceForPeriod(reader, periodOf('2026-03', zone));
    expect(c.asOf).toBe('2026-03-31');
    expect([c.staffRequired, c.staffCurrent]).toEqual([3, 2]);
    expect(c.compliancePct).toBeCloseTo(66.667, 3);
  });

  it('a training completed on a leap day is current through 2025-02-28 and overdue on 2025-03-01', async () => {
    const leap = foldProjections(
      [Roster.staffRoster],
      person(
        'L',
        '2024-01-02',
        all(assigned('osha', '2024-01-02', '2024-01-02'), completed('osha', '2024-02-29', '2025-02-28')),
      ),
    );
    expect((await trainingCompliance(leap, '2025-02-28')).compliancePct).toBe(100);
    expect((await trainingCompliance(leap, '2025-03-01')).compliancePct).toBe(0);
  });

  it('nobody with a required training → null', async () => {
    expect((await trainingCompliance(reader, '2024-03-01')).compliancePct).toBeNull();
  });
});

describe('staff KPI properties', () => {
  it('compliance stays within 0–100 (or null), turnover is 0 exactly without separations (null without headcount), for random rosters', async () => {
    const fc = await import('fast-check');
    const day = fc.integer({ min: 0, max: 700 }).map((n) => {
      const d = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);
      return d.toISOString().slice(0, 10);
    });
    const staffArb = fc.array(
      fc.record({
        start: day,
        stay: fc.option(fc.integer({ min: 0, max: 400 })),
        due: day,
        done: fc.option(day),
      }),
      { maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(staffArb, day, async (people, asOf) => {
        const evs = people.flatMap((p, i) => {
          const sep =
            p.stay === null
              ? undefined
              : new Date(Date.parse(p.start) + p.stay * 86_400_000).toISOString().slice(0, 10);
          return person(`p${i}`, p.start, (id) => [
            assigned('osha', p.start, p.due < p.start ? p.start : p.due)(id),
            ...(p.done === null || p.done < p.start
              ? []
              : [
                  completed(
                    'osha',
                    p.done,
                    p.done.replace(/^(\d{4})/, (y) => String(Number(y) + 1)).replace('-02-29', '-02-28'),
                  )(id),
                ]),
            ...(sep === undefined ? [] : separated(sep, true)(id)),
          ]);
        });
        const r = foldProjections([Roster.staffRoster], evs);
        const c = await trainingCompliance(r, asOf);
        const t = await staffTurnover(r, periodOf(asOf.slice(0, 7), zone));
        const okC =
          c.compliancePct === null ? c.staffRequired === 0 : c.compliancePct >= 0 && c.compliancePct <= 100;
        // With no one on staff at either end (someone may start and leave within the period)
        // the rate is undefined.
        const okT =
          t.averageHeadcount === 0
            ? t.turnoverPct === null
            : t.separations === 0
              ? t.turnoverPct === 0
              : (t.turnoverPct ?? 0) > 0;
        return okC && okT && c.staffCurrent + c.nonCompliant.length === c.staffRequired;
      }),
      { numRuns: 100 },
    );
  });
});
