/**
 * Example: a nightly KPI report. Run it from cron after midnight; it writes the KPIs of the
 * month so far and of the month before, and every overdue obligation, to a JSON file and a
 * short text summary (mail it, post it to chat, …).
 *
 *   node --import tsx examples/nightly-report.ts [practice.db] [out-dir] [date]
 *   cron: 15 0 * * *  cd /srv/praxis && node --import tsx examples/nightly-report.ts /var/lib/praxis/practice.db /var/lib/praxis/reports
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { createPractice, type KpiLine } from '@praxis/practice';

/** What one night's run produced. */
export interface NightlyReport {
  readonly date: string;
  readonly files: readonly string[];
  readonly summary: string;
}

const shown = (l: KpiLine): string =>
  l.value === undefined
    ? 'n/a'
    : l.unit === 'percent'
      ? `${l.value.toFixed(1)}%`
      : l.unit === 'cents'
        ? `$${(l.value / 100).toFixed(2)}`
        : l.unit === 'days'
          ? `${l.value.toFixed(1)} days`
          : String(l.value);

/**
 * Writes the report for the night of `date` (the day that just ended, in the practice's time
 * zone; default: yesterday).
 */
export const nightlyReport = async (store: string, outDir: string, date?: string): Promise<NightlyReport> => {
  const practice = await createPractice({ store });
  try {
    const zone = practice.settings.timeZone;
    const day = date ?? DateTime.now().setZone(zone).minus({ days: 1 }).toISODate()!;
    const month = day.slice(0, 7);
    const previous = DateTime.fromISO(`${month}-01`, { zone }).minus({ months: 1 }).toFormat('yyyy-MM');
    const [current, before] = [await practice.kpis(month), await practice.kpis(previous)];
    const overdue = (await practice.calendar(day, { openOnly: true })).filter((o) => o.state === 'overdue');
    const missed = current.lines.filter((l) => l.met === false);
    const summary = [
      `${practice.settings.name}: nightly report for ${day}`,
      `Month to date (${month}) against ${previous}:`,
      ...current.lines.map((l) => {
        const prev = before.lines.find((b) => b.id === l.id)!;
        return `  ${l.label}: ${shown(l)} (${previous}: ${shown(prev)})${l.met === false ? '  ← below target' : ''}`;
      }),
      `${missed.length} KPI(s) below target; ${overdue.length} obligation(s) overdue:`,
      ...overdue.map((o) => `  ${o.dueAt} ${o.label}${o.owner === undefined ? '' : ` (${o.owner})`}`),
    ].join('\n');
    mkdirSync(outDir, { recursive: true });
    const json = join(outDir, `kpi-${day}.json`);
    const text = join(outDir, `kpi-${day}.txt`);
    writeFileSync(json, JSON.stringify({ date: day, month: current, previous: before, overdue }, null, 2));
    writeFileSync(text, `${summary}\n`);
    return { date: day, files: [json, text], summary };
  } finally {
    await practice.close();
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [db = 'practice.db', out = 'reports', date] = process.argv.slice(2);
  const r = await nightlyReport(`sqlite:${db}`, out, date);
  console.log(r.summary);
  console.log(`wrote ${r.files.join(', ')}`);
}
