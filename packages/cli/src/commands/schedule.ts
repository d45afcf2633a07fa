import { DateTime } from 'luxon';
import { listAppointments, listDays, type AppointmentView } from '@praxis/patients';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { table } from '../format.js';
import { openPractice } from '../open.js';
import { UsageError } from '../usage-error.js';

const flags = (a: AppointmentView): string =>
  [
    a.status === 'cancelled'
      ? a.lateCancel === true
        ? 'late cancel'
        : `cancelled by ${a.cancelledBy ?? '?'}`
      : '',
    a.rescheduledTo === undefined ? '' : `moved to ${a.rescheduledTo}`,
    a.rescheduledFrom === undefined ? '' : `moved from ${a.rescheduledFrom}`,
    a.seriesId === undefined ? '' : `series ${a.seriesId} #${a.occurrence ?? '?'}`,
    a.bookedVia === 'portal' ? 'portal' : '',
    a.authorizationId === undefined ? '' : `auth ${a.authorizationId}`,
  ]
    .filter((x) => x !== '')
    .join('; ');

/** `praxis schedule`: one day's book — every appointment with its patient, status and flags. */
export const schedule: CliCommand = {
  name: 'schedule',
  summary: "a day's appointment book: times, providers, patients, status",
  usage: [
    'praxis schedule --date YYYY-MM-DD [--provider ID] [--format table|json] [--db file | --store url]',
    '',
    '  --date D      the practice day (required)',
    '  --provider P  only this provider',
    '  --format F    table (default) or json (the appointments as the patients-appointments read model has them)',
  ].join('\n'),
  options: { date: { type: 'string' }, provider: { type: 'string' }, format: { type: 'string' } },
  run: async (ctx) => {
    const date = ctx.values.date;
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new UsageError('--date YYYY-MM-DD is required');
    if (!DateTime.fromISO(date).isValid) throw new UsageError(`--date ${date} is not a day (YYYY-MM-DD)`);
    const format = (ctx.values.format as string | undefined) ?? 'table';
    if (format !== 'table' && format !== 'json')
      throw new UsageError(`--format must be table or json (got "${format}")`);
    const provider = ctx.values.provider as string | undefined;
    const practice = await openPractice(ctx);
    try {
      await practice.catchUp();
      const appointments = (await listAppointments(practice.readModels, date))
        .filter((a) => a.date === date && (provider === undefined || a.providerId === provider))
        .sort((a, b) => a.start.localeCompare(b.start) || a.providerId.localeCompare(b.providerId));
      if (format === 'json') {
        ctx.io.out(JSON.stringify(appointments, null, 2));
        return ExitCode.ok;
      }
      const day = (await listDays(practice.readModels, date)).find((d) => d.date === date);
      if (day === undefined && appointments.length === 0) {
        ctx.io.out(`${practice.settings.name}: the book of ${date} is not open.`);
        return ExitCode.ok;
      }
      const names = new Map<string, string>();
      for (const a of appointments)
        if (!names.has(a.patientId)) {
          const p = await practice.load<{ name?: string }>('Patient', a.patientId);
          names.set(a.patientId, p.found ? (p.state.name ?? a.patientId) : a.patientId);
        }
      const rows: string[][] = [['time', 'min', 'provider', 'patient', 'type', 'status', '']];
      for (const a of appointments)
        rows.push([
          a.start,
          String(a.durationMin),
          a.providerId,
          `${names.get(a.patientId)} (${a.patientId})`,
          a.appointmentType,
          a.status,
          flags(a),
        ]);
      const hours = (day?.providers ?? [])
        .filter((p) => provider === undefined || p.providerId === provider)
        .map(
          (p) =>
            `${p.providerId} ${p.intervals.map((i) => `${i.start}–${i.end}`).join(', ')}${p.capacity > 1 ? ` (×${p.capacity})` : ''}`,
        )
        .join('; ');
      ctx.io.out(
        `${practice.settings.name}: book of ${date} (${practice.settings.timeZone})\nHours: ${hours || 'none'}\n`,
      );
      ctx.io.out(table(rows, new Set([1])));
      const kept = appointments.filter((a) =>
        ['arrived', 'checked-in', 'roomed', 'in-encounter', 'checked-out'].includes(a.status),
      ).length;
      const count = (s: string) => appointments.filter((a) => a.status === s).length;
      ctx.io.out(
        `\n${appointments.length} appointments: ${count('booked') + count('confirmed') + count('requested')} to come, ${kept} seen or in the building, ${count('no-show')} no-shows, ${count('cancelled')} cancelled`,
      );
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};
