import { accept, reject, type Decider, type Decision } from '@praxis/core';
import { commands, type ProviderScheduleCommand } from './commands.js';
import { events, type ProviderScheduleEvent } from './events.js';
import { refusals, type ProviderScheduleRefusal } from './refusals.js';
import { evolve, initialState, type ProviderSchedule } from './state.js';
import { minutesOf, msOf } from '../shared/time.js';

type D = Decision<ProviderScheduleEvent>;

/**
 * Weekly hours: each interval starts before it ends on a weekday 1–7 (`InvalidHours`), no two
 * intervals of a weekday overlap (`HoursOverlap`), and hours are set in date order
 * (`HoursOutOfOrder`: effectiveFrom ≥ the latest set; the same date replaces it).
 */
const setHours = (
  c: Extract<ProviderScheduleCommand, { type: 'SetProviderHours' }>,
  s: ProviderSchedule,
): D => {
  for (const [i, w] of c.weekly.entries()) {
    if (w.weekday < 1 || w.weekday > 7)
      return reject('InvalidHours', 'weekday is 1 (Monday) to 7 (Sunday)', `weekly.${i}.weekday`);
    if (minutesOf(w.start) >= minutesOf(w.end))
      return reject('InvalidHours', `${w.start}–${w.end} ends before it starts`, `weekly.${i}.end`);
    for (const [j, o] of c.weekly.entries())
      if (
        j < i &&
        o.weekday === w.weekday &&
        minutesOf(o.start) < minutesOf(w.end) &&
        minutesOf(w.start) < minutesOf(o.end)
      )
        return reject('HoursOverlap', `overlaps ${o.start}–${o.end} on weekday ${o.weekday}`, `weekly.${i}`);
  }
  const latest = s.hours.at(-1);
  if (latest !== undefined && c.effectiveFrom < latest.effectiveFrom)
    return reject('HoursOutOfOrder', `hours from ${latest.effectiveFrom} are already set`, 'effectiveFrom');
  return accept(
    events.make('ProviderHoursSet', {
      providerId: c.providerId,
      effectiveFrom: c.effectiveFrom,
      weekly: c.weekly.map((w) => ({ ...w })),
      setBy: c.setBy,
    }),
  );
};

/** Decides one ProviderSchedule command (pure). */
export const decide = (c: ProviderScheduleCommand, s: ProviderSchedule): D => {
  switch (c.type) {
    case 'SetProviderHours':
      return setHours(c, s);
    case 'RecordTimeOff': {
      if ((msOf(c.toAt) ?? 0) <= (msOf(c.fromAt) ?? 0))
        return reject('InvalidTimeOff', 'time off ends after it starts', 'toAt');
      if (s.timeOff.some((o) => o.timeOffId === c.timeOffId))
        return reject('TimeOffExists', `time off ${c.timeOffId} is already recorded`, 'timeOffId');
      const { providerId, timeOffId, fromAt, toAt, recordedBy, reason } = c;
      return accept(
        events.make('ProviderTimeOffRecorded', {
          providerId,
          timeOffId,
          fromAt,
          toAt,
          recordedBy,
          ...(reason === undefined ? {} : { reason }),
        }),
      );
    }
    case 'SetCapacity': {
      const latest = s.capacity.at(-1);
      if (latest !== undefined && c.from < latest.from)
        return reject('CapacityOutOfOrder', `capacity from ${latest.from} is already set`, 'from');
      const { providerId, concurrent, from, setBy } = c;
      return accept(events.make('ProviderCapacitySet', { providerId, concurrent, from, setBy }));
    }
  }
};

/** When one provider works (`ProviderSchedule-<providerId>`), MODULES.md §3.1 P1. */
export const decider: Decider<
  ProviderScheduleCommand,
  ProviderScheduleEvent,
  ProviderSchedule,
  ProviderScheduleRefusal
> = {
  name: 'ProviderSchedule',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
