import { describe, expect, it } from 'vitest';
import { ProviderSchedule, SchedulingPolicy } from './index.js';

const decide = <C, S>(d: { decide: (c: C, s: S) => unknown; initialState: S }, c: C, s: S = d.initialState) =>
  d.decide(c, s) as
    { _tag: 'Left'; left: { code: string; field?: string } } | { _tag: 'Right'; right: unknown[] };

describe('SchedulingPolicy', () => {
  const set = {
    type: 'SetSchedulingPolicy' as const,
    policyId: 'practice' as const,
    lateCancelWindowHours: 48,
    noShowGraceMinutes: 10,
    gridMinutes: 15,
    portal: { minNoticeHours: 24, bookableTypes: ['follow-up'], approvalRequired: false },
    fees: { lateCancelCents: 5000, noShowCents: 7500, firstOffenceWaived: true },
    setAt: '2026-01-02T09:00:00-05:00',
    setBy: 'S-1',
  };
  it('numbers each version and refuses a grid or window that is a unit mistake', () => {
    const first = decide(SchedulingPolicy.decider, set);
    expect(first).toMatchObject({ _tag: 'Right', right: [{ data: { policyVersion: 1 } }] });
    const s = SchedulingPolicy.evolve(
      SchedulingPolicy.defaultSchedulingPolicy,
      (first as unknown as { right: [SchedulingPolicy.SchedulingPolicyEvent] }).right[0],
    );
    expect(decide(SchedulingPolicy.decider, set, s)).toMatchObject({
      right: [{ data: { policyVersion: 2 } }],
    });
    expect(decide(SchedulingPolicy.decider, { ...set, gridMinutes: 7 })).toMatchObject({
      left: { code: 'InvalidGrid', field: 'gridMinutes' },
    });
    expect(decide(SchedulingPolicy.decider, { ...set, lateCancelWindowHours: 1440 })).toMatchObject({
      left: { code: 'PolicyValueOutOfRange', field: 'lateCancelWindowHours' },
    });
  });
});

describe('ProviderSchedule', () => {
  const hours = (weekly: ProviderSchedule.WeeklyInterval[], effectiveFrom = '2026-01-05') => ({
    type: 'SetProviderHours' as const,
    providerId: 'dr-a',
    effectiveFrom,
    weekly,
    setBy: 'S-1',
  });
  const iv = (weekday: number, start: string, end: string) => ({ weekday, start, end, locationId: 'main' });

  it('refuses inverted, overlapping and out-of-order hours, naming the interval', () => {
    expect(decide(ProviderSchedule.decider, hours([iv(1, '12:00', '09:00')]))).toMatchObject({
      left: { code: 'InvalidHours', field: 'weekly.0.end' },
    });
    expect(
      decide(ProviderSchedule.decider, hours([iv(1, '09:00', '12:00'), iv(1, '11:00', '13:00')])),
    ).toMatchObject({
      left: { code: 'HoursOverlap', field: 'weekly.1' },
    });
    expect(decide(ProviderSchedule.decider, hours([iv(8, '09:00', '12:00')]))).toMatchObject({
      left: { code: 'InvalidHours', field: 'weekly.0.weekday' },
    });
    const ok = decide(ProviderSchedule.decider, hours([iv(1, '09:00', '12:00'), iv(1, '13:00', '17:00')]));
    const s = (ok as { right: ProviderSchedule.ProviderScheduleEvent[] }).right.reduce(
      ProviderSchedule.evolve,
      ProviderSchedule.initialState,
    );
    expect(decide(ProviderSchedule.decider, hours([iv(2, '09:00', '12:00')], '2026-01-01'), s)).toMatchObject(
      {
        left: { code: 'HoursOutOfOrder', field: 'effectiveFrom' },
      },
    );
  });

  it('derives a day’s intervals and capacity from the hours and capacity in force that day', () => {
    const events = [
      ...(
        decide(
          ProviderSchedule.decider,
          hours([iv(2, '13:00', '17:00'), iv(2, '08:00', '12:00'), iv(3, '09:00', '12:00')]),
        ) as {
          right: ProviderSchedule.ProviderScheduleEvent[];
        }
      ).right,
      ...(
        decide(ProviderSchedule.decider, {
          type: 'SetCapacity' as const,
          providerId: 'dr-a',
          concurrent: 2,
          from: '2026-03-01',
          setBy: 'S-1',
        }) as { right: ProviderSchedule.ProviderScheduleEvent[] }
      ).right,
    ];
    const s = events.reduce(ProviderSchedule.evolve, ProviderSchedule.initialState);
    expect(ProviderSchedule.providerDay(s, '2026-02-10')).toEqual({
      providerId: 'dr-a',
      intervals: [
        { start: '08:00', end: '12:00', locationId: 'main' },
        { start: '13:00', end: '17:00', locationId: 'main' },
      ],
      capacity: 1,
    });
    expect(ProviderSchedule.providerDay(s, '2026-03-10')?.capacity).toBe(2);
    expect(ProviderSchedule.providerDay(s, '2026-01-01')).toBeUndefined();
    // Time off 10:00–14:00 New York time on 10 March cuts both intervals.
    const off = ProviderSchedule.evolve(s, {
      type: 'ProviderTimeOffRecorded',
      data: {
        providerId: 'dr-a',
        timeOffId: 'TO-1',
        fromAt: '2026-03-10T10:00:00-04:00',
        toAt: '2026-03-10T14:00:00-04:00',
        recordedBy: 'S-1',
      },
    } as ProviderSchedule.ProviderScheduleEvent);
    expect(ProviderSchedule.providerDay(off, '2026-03-10', 'America/New_York')?.intervals).toEqual([
      { start: '08:00', end: '10:00', locationId: 'main' },
      { start: '14:00', end: '17:00', locationId: 'main' },
    ]);
    expect(ProviderSchedule.providerDay(off, '2026-03-11', 'America/New_York')?.intervals).toEqual([
      { start: '09:00', end: '12:00', locationId: 'main' },
    ]);
  });
});
