/**
 * Example: importing the day's encounters from an EHR export (CSV), all or nothing, in the
 * format `praxis import` reads (examples/data/encounters.csv; columns in docs/go-live.md).
 * Every row is checked first — its cells (`@praxis/golive` reads the file), then the business
 * rules, decided against the practice as it is, without recording anything (`practice.check`).
 * Only when every row passes are the claims recorded. (`praxis import <file.csv>` does the same
 * from the shell; for a go-live with several files see go-live.ts.)
 *
 *   node --import tsx examples/csv-import.ts examples/data/encounters.csv [practice.db]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { encounters, readCsvFile } from '@praxis/golive';
import { createPractice, type Practice } from '@praxis/practice';

/** How the import went: every bad row with its line (and column), or the claims recorded. */
export type ImportResult =
  | { readonly ok: true; readonly claims: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Imports an encounters file into the practice, as `actor`, recording charges at `at`. */
export const importEncounters = async (
  practice: Practice,
  csv: string,
  actor: { id: string; role: string },
  at: string,
): Promise<ImportResult> => {
  const read = readCsvFile({ name: 'encounters.csv', text: csv });
  if (!read.ok || read.read.kind !== encounters)
    return {
      ok: false,
      errors: read.ok
        ? ['line 1: not an encounters file']
        : read.problems.map((p) => `line ${p.line}: ${p.message}`),
    };
  const built = encounters.build(read.read.rows, {
    zone: practice.settings.timeZone,
    asOf: at.slice(0, 10),
    openingAt: at,
    now: at,
    staffRoles: new Map(),
  });
  const errors = [...read.problems, ...built.problems].map((p) => ({ line: p.line, text: p.message }));
  // The business rules (dates that exist, CPT codes, a claim not registered twice, the
  // actor's permissions): decided now, recorded only if every row passes.
  for (const item of built.items) {
    const checked = await practice.check(item.aggregate, item.command, { actor, at });
    if (!checked.ok) errors.push({ line: item.line, text: checked.message });
  }
  if (errors.length > 0)
    return {
      ok: false,
      errors: errors.sort((a, b) => a.line - b.line).map((e) => `line ${e.line}: ${e.text}`),
    };
  const recorded: string[] = [];
  for (const item of built.items) {
    const r = await practice.execute(item.aggregate, item.command, { actor, at });
    if (!r.ok) throw new Error(`changed since it was checked: ${r.summary}`);
    recorded.push(r.streamId);
  }
  return { ok: true, claims: recorded };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, db = 'practice.db'] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: csv-import.ts <encounters.csv> [practice.db]');
    process.exit(2);
  }
  const practice = await createPractice({
    store: `sqlite:${db}`,
    timeZone: 'America/Chicago',
    currency: 'USD',
  });
  try {
    const r = await importEncounters(
      practice,
      readFileSync(file, 'utf8'),
      { id: 'ehr-import', role: 'biller' },
      practice.clock.now().toISO()!,
    );
    if (r.ok) console.log(`recorded ${r.claims.length} claims`);
    else {
      for (const e of r.errors) console.error(e);
      console.error('nothing was imported');
      process.exitCode = 2;
    }
  } finally {
    await practice.close();
  }
}
