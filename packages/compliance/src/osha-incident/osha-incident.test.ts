import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { decideHandled, deciderSpec } from '@praxis/testing';
import { decider, events, logByOf, reportClock, retainLogUntilOf, type Outcome } from './index.js';

const spec = deciderSpec(decider);
const zone = 'America/New_York';
const record = {
  type: 'RecordOshaIncident',
  incidentId: 'i1',
  employeeId: 's-9',
  description: 'needlestick, then fall',
  outcome: 'other-recordable',
  occurredAt: '2026-10-30T09:00:00-04:00',
  outcomeAt: '2026-10-30T09:00:00-04:00',
  learnedAt: '2026-10-30T10:00:00-04:00',
  zone,
} as const;
const recorded = events.make('OshaIncidentRecorded', {
  incidentId: 'i1',
  employeeId: 's-9',
  description: 'needlestick, then fall',
  outcome: 'other-recordable',
  occurredAt: record.occurredAt,
  outcomeAt: record.outcomeAt,
  learnedAt: record.learnedAt,
  zone,
  reports: [],
  logBy: '2026-11-06',
  retainLogUntil: '2031-12-31',
});

describe('OSHA clocks (29 CFR 1904)', () => {
  it('counts 8 elapsed hours for a fatality across the spring daylight-saving change', () => {
    // 01:30 EST + 8 h of elapsed time = 10:30 EDT (the clock skipped 02:00–03:00)
    const t = '2026-03-08T01:30:00-05:00';
    expect(reportClock('fatality', t, t, t, zone)?.dueAt).toBe('2026-03-08T10:30:00.000-04:00');
  });
  it('counts 24 elapsed hours for a hospitalization across the autumn change', () => {
    // 12:00 EDT + 24 h = 11:00 EST the next day (the clock repeated 01:00–02:00)
    const t = '2026-10-31T12:00:00-04:00';
    expect(reportClock('in-patient-hospitalization', t, t, t, zone)?.dueAt).toBe(
      '2026-11-01T11:00:00.000-05:00',
    );
  });
  it('starts the clock when the practice learned of it, and only within the reporting windows', () => {
    expect(
      reportClock(
        'amputation',
        '2026-05-01T08:00:00-04:00',
        '2026-05-01T08:00:00-04:00',
        '2026-05-01T20:00:00-04:00',
        zone,
      )?.dueAt,
    ).toBe('2026-05-02T20:00:00.000-04:00');
    // admitted 25 h after the incident: not reportable (1904.39(b)(6))
    expect(
      reportClock(
        'in-patient-hospitalization',
        '2026-05-01T08:00:00-04:00',
        '2026-05-02T09:00:00-04:00',
        '2026-05-02T09:00:00-04:00',
        zone,
      ),
    ).toBeUndefined();
    // died 31 days after: not reportable
    expect(
      reportClock(
        'fatality',
        '2026-05-01T08:00:00-04:00',
        '2026-06-01T09:00:00-04:00',
        '2026-06-01T09:00:00-04:00',
        zone,
      ),
    ).toBeUndefined();
    expect(
      reportClock('other-recordable', record.occurredAt, record.occurredAt, record.occurredAt, zone),
    ).toBeUndefined();
  });
  it('takes the year and the log date in the practice zone, across a year end', () => {
    // 23:30 in New York on Dec 31 is already Jan 1 in UTC: still a 2026 case
    expect(retainLogUntilOf('2026-12-31T23:30:00-05:00', zone)).toBe('2031-12-31');
    expect(retainLogUntilOf('2027-01-01T04:30:00Z', zone)).toBe('2031-12-31');
    expect(logByOf('2026-12-31T23:30:00-05:00', zone)).toBe('2027-01-07');
    expect(logByOf('2028-02-26T12:00:00-05:00', zone)).toBe('2028-03-04'); // across a leap day
  });
});

describe('OshaIncident', () => {
  it('records an incident with its log and retention dates; rejects a second record', () => {
    spec.given([]).when(record).then([recorded]);
    spec.given([recorded]).when(record).thenRejects('IncidentAlreadyRecorded', 'incidentId');
  });
  it('rejects learning of an outcome before it happened', () => {
    spec
      .given([])
      .when({ ...record, learnedAt: '2026-10-30T08:00:00-04:00' })
      .thenRejects('LearnedBeforeOutcome', 'learnedAt');
  });
  it('adds a 24-hour report clock when the employee is admitted the same day', () => {
    spec
      .given([recorded])
      .when({
        type: 'WorsenOshaOutcome',
        outcome: 'in-patient-hospitalization',
        outcomeAt: '2026-10-30T15:00:00-04:00',
        learnedAt: '2026-10-30T16:00:00-04:00',
      })
      .then([
        events.make('OshaIncidentOutcomeWorsened', {
          incidentId: 'i1',
          outcome: 'in-patient-hospitalization',
          outcomeAt: '2026-10-30T15:00:00-04:00',
          learnedAt: '2026-10-30T16:00:00-04:00',
          reports: [
            {
              outcome: 'in-patient-hospitalization',
              dueAt: '2026-10-31T16:00:00.000-04:00',
              legalSource: '29 CFR 1904.39(a)(2)',
            },
          ],
        }),
      ]);
  });
  it('rejects a less severe outcome after a more severe one', () => {
    const died = events.make('OshaIncidentOutcomeWorsened', {
      incidentId: 'i1',
      outcome: 'fatality',
      outcomeAt: '2026-10-31T09:00:00-04:00',
      learnedAt: '2026-10-31T09:00:00-04:00',
      reports: [],
    });
    spec
      .given([recorded, died])
      .when({
        type: 'WorsenOshaOutcome',
        outcome: 'amputation',
        outcomeAt: '2026-10-31T10:00:00-04:00',
        learnedAt: '2026-10-31T10:00:00-04:00',
      })
      .thenRejects('OutcomeNotWorse', 'outcome');
  });
  it('reports a reportable outcome once; refuses one that is not reportable', () => {
    spec
      .given([recorded])
      .when({ type: 'ReportToOsha', outcome: 'other-recordable', reportedAt: '2026-10-30T11:00:00-04:00' })
      .thenRejects('NotReportable', 'outcome');
    const fatal = events.make('OshaIncidentRecorded', {
      ...recorded.data,
      outcome: 'fatality',
      reports: [
        { outcome: 'fatality', dueAt: '2026-10-30T18:00:00.000-04:00', legalSource: '29 CFR 1904.39(a)(1)' },
      ],
    });
    const reported = events.make('OshaIncidentReportedToOsha', {
      incidentId: 'i1',
      outcome: 'fatality',
      reportedAt: '2026-10-30T12:00:00-04:00',
      dueAt: '2026-10-30T18:00:00.000-04:00',
    });
    spec
      .given([fatal])
      .when({ type: 'ReportToOsha', outcome: 'fatality', reportedAt: '2026-10-30T12:00:00-04:00' })
      .then([reported]);
    spec
      .given([fatal, reported])
      .when({ type: 'ReportToOsha', outcome: 'fatality', reportedAt: '2026-10-30T13:00:00-04:00' })
      .thenRejects('AlreadyReported');
  });
  it('logs a case once', () => {
    const logged = events.make('OshaIncidentLogged', {
      incidentId: 'i1',
      loggedOn: '2026-11-02',
      logBy: '2026-11-06',
    });
    spec.given([recorded]).when({ type: 'LogOshaIncident', loggedOn: '2026-11-02' }).then([logged]);
    spec
      .given([recorded, logged])
      .when({ type: 'LogOshaIncident', loggedOn: '2026-11-03' })
      .thenRejects('AlreadyLogged');
  });
});

describe('OSHA report clocks never move later (property)', () => {
  const outcome = fc.constantFrom<Outcome>(
    'other-recordable',
    'in-patient-hospitalization',
    'amputation',
    'loss-of-eye',
    'fatality',
  );
  it('a clock, once running, keeps its due time whatever outcomes follow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 * 24 }),
        fc.array(fc.tuple(outcome, fc.integer({ min: 0, max: 72 })), { maxLength: 6 }),
        (h, later) => {
          const occurredAt = DateTime.fromISO('2025-01-01T00:00:00', { zone }).plus({ hours: h }).toISO()!;
          let state = decider.evolve(
            decider.initialState,
            events.make('OshaIncidentRecorded', {
              ...recorded.data,
              occurredAt,
              outcomeAt: occurredAt,
              learnedAt: occurredAt,
              reports: [],
            }),
          );
          for (const [o, after] of later) {
            const t = DateTime.fromISO(occurredAt).plus({ hours: after }).toISO()!;
            const before = new Map(state.reports.map((r) => [r.outcome, r.dueAt]));
            const d = decideHandled(
              decider,
              { type: 'WorsenOshaOutcome', outcome: o, outcomeAt: t, learnedAt: t },
              state,
            );
            if (d._tag === 'Left') continue;
            state = d.right.reduce(decider.evolve, state);
            for (const [k, due] of before)
              expect(state.reports.find((r) => r.outcome === k)?.dueAt).toBe(due);
          }
        },
      ),
    );
  });
});

describe('OshaIncident: malformed commands', () => {
  it('rejects an instant without an offset and an unknown time zone', () => {
    spec
      .given([])
      .when({ ...record, learnedAt: '2026-10-30T10:00:00' })
      .thenRejects('InvalidInstant', 'learnedAt');
    spec
      .given([])
      .when({ ...record, zone: 'Mars/Olympus' })
      .thenRejects('InvalidTimeZone', 'zone');
  });
});

describe('OSHA report clocks are elapsed hours in any zone, any day (property)', () => {
  it('is exactly 8 or 24 hours after learning of it, with the practice zone offset', () => {
    const zones = fc.constantFrom(
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Phoenix',
      'America/Los_Angeles',
      'Pacific/Honolulu',
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 * 365 * 24 * 4 }),
        zones,
        fc.boolean(),
        (quarterHours, z, fatal) => {
          const t = DateTime.fromISO('2025-01-01T00:00:00Z')
            .plus({ minutes: 15 * quarterHours })
            .setZone(z)
            .toISO()!;
          const clock = reportClock(fatal ? 'fatality' : 'loss-of-eye', t, t, t, z)!;
          const due = DateTime.fromISO(clock.dueAt, { setZone: true });
          expect(due.toMillis() - DateTime.fromISO(t).toMillis()).toBe((fatal ? 8 : 24) * 3_600_000);
          expect(due.offset).toBe(due.setZone(z).offset);
        },
      ),
    );
  });
});
