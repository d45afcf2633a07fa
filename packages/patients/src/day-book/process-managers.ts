import type { ProcessManager, Reaction } from '@praxis/core';
import { listAppointments } from '../read-models/appointments.js';
import { addDays } from '../shared/time.js';

const activeStatuses = new Set(['requested', 'booked', 'confirmed']);

/**
 * Time off over booked appointments (MODULES.md §3.1 P1): each appointment of that provider still
 * to come whose time overlaps the time off is flagged (`FlagScheduleConflict`), which puts a
 * `schedule-conflict` obligation on the calendar until it is moved or cancelled. Looks at most
 * 92 days of books.
 */
export const conflictsOnTimeOff: ProcessManager = {
  name: 'schedule-conflicts-on-time-off',
  eventTypes: ['ProviderTimeOffRecorded'],
  grants: ['DayBook.FlagScheduleConflict'],
  react: async (e, { reader }) => {
    const d = e.data as unknown as { providerId: string; timeOffId: string; fromAt: string; toAt: string };
    const from = Date.parse(d.fromAt);
    const to = Date.parse(d.toAt);
    const out: Reaction[] = [];
    const first = addDays(d.fromAt.slice(0, 10), -1);
    for (
      let i = 0, date = first;
      i < 92 && date <= addDays(d.toAt.slice(0, 10), 1);
      i++, date = addDays(first, i)
    )
      for (const a of await listAppointments(reader, date))
        if (
          a.date === date &&
          a.providerId === d.providerId &&
          activeStatuses.has(a.status) &&
          Date.parse(a.startAt) < to &&
          from < Date.parse(a.endAt)
        )
          out.push({
            aggregate: 'DayBook',
            command: {
              type: 'FlagScheduleConflict',
              date,
              appointmentId: a.appointmentId,
              timeOffId: d.timeOffId,
            } as never,
          });
    return out;
  },
};
