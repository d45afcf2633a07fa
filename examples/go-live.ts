/**
 * Example: a running practice goes live on Praxis from its old system's CSV exports, all or
 * nothing — staff already employed (with credentials and training history), policies and who
 * acknowledged them, compliance requirements and when they were last met, and the claims still
 * open with their balances. Every row is checked first (its cells, then the business rules on a
 * copy of the practice); a bad row imports nothing and is named by file, line and column.
 * (`praxis import <files…> --as-of <date>` does the same from the shell, with the same files.)
 *
 *   node --import tsx examples/go-live.ts practice.db examples/data/go-live 2026-02-28
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPractice, type Practice } from '@praxis/practice';

/** Reads every `.csv` file of a folder: the format of each is told by its header (docs/go-live.md). */
export const csvFilesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));

/** Imports the folder's files as opening balances as of `asOf`; prints what was imported or every problem. */
export const goLiveFrom = async (practice: Practice, dir: string, asOf: string) => {
  const pm = practice.as({ id: 'go-live', role: 'practice_manager' });
  const r = await pm.goLive(csvFilesIn(dir), { asOf });
  if (!r.ok) return { ok: false as const, lines: r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`) };
  return {
    ok: true as const,
    lines: r.files.map((f) => `${f.file}: ${f.rows} rows (${f.kind}) → ${f.commands} commands`),
  };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [db = 'practice.db', dir = 'examples/data/go-live', asOf] = process.argv.slice(2);
  const practice = await createPractice({
    store: `sqlite:${db}`,
    timeZone: 'America/Chicago',
    currency: 'USD',
  });
  try {
    const r = await goLiveFrom(practice, dir, asOf ?? practice.clock.now().minus({ days: 1 }).toISODate()!);
    for (const line of r.lines) (r.ok ? console.log : console.error)(line);
    if (!r.ok) {
      console.error('nothing was imported');
      process.exitCode = 2;
    }
  } finally {
    await practice.close();
  }
}
