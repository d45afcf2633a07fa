/**
 * Example: importing the day's encounters from an EHR export (CSV), all or nothing.
 * Every row is checked first — its format, then the business rules, decided against the
 * practice as it is, without recording anything (`practice.check`). Only when every row
 * passes are the claims recorded. (`praxis import <file.csv>` does the same from the shell.)
 *
 *   node --import tsx examples/csv-import.ts encounters.csv [practice.db]
 *
 * The export has one row per charge line: encounter,patient,payer,payer_kind,date,cpt,charge
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createPractice, type Practice } from '@praxis/practice';

/** How the import went: every bad row with its line, or the claims recorded. */
export type ImportResult =
  | { readonly ok: true; readonly claims: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

const payerKinds = ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'];

/** Imports an EHR export into the practice, as `actor`, recording charges at `at`. */
export const importEncounters = async (
  practice: Practice,
  csv: string,
  actor: { id: string; role: string },
  at: string,
): Promise<ImportResult> => {
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  if (header?.trim() !== 'encounter,patient,payer,payer_kind,date,cpt,charge') {
    return {
      ok: false,
      errors: ['line 1: expected the header encounter,patient,payer,payer_kind,date,cpt,charge'],
    };
  }
  const errors: string[] = [];
  const claims = new Map<
    string,
    { line: number; cols: string[]; charges: { cptCode: string; units: number; amount: number }[] }
  >();
  rows.forEach((text, i) => {
    const line = i + 2;
    const cols = text.split(',').map((c) => c.trim());
    const [encounter, patient, payer, kind, date, cpt, charge] = cols;
    const problem =
      cols.length !== 7
        ? `${cols.length} fields instead of 7`
        : !encounter || !patient || !payer
          ? 'encounter, patient and payer are required'
          : !payerKinds.includes(kind!)
            ? `payer_kind "${kind}" is unknown`
            : !/^\d{4}-\d{2}-\d{2}$/.test(date!)
              ? `date "${date}" is not YYYY-MM-DD`
              : !/^\d+(\.\d\d)?$/.test(charge!)
                ? `charge "${charge}" is not an amount like 140.00`
                : undefined;
    if (problem !== undefined) return void errors.push(`line ${line}: ${problem}`);
    const amount = Math.round(Number(charge) * 100);
    const claim = claims.get(encounter!) ?? { line, cols, charges: [] };
    claim.charges.push({ cptCode: cpt!, units: 1, amount });
    claims.set(encounter!, claim);
  });
  const commands = [...claims.entries()].map(([encounter, c]) => ({
    line: c.line,
    command: {
      type: 'RegisterCharges',
      claimId: `ehr-${encounter}`,
      encounterId: encounter,
      patientId: c.cols[1]!,
      payerId: c.cols[2]!,
      payerKind: c.cols[3]!,
      dateOfService: c.cols[4]!,
      timeZone: practice.settings.timeZone,
      charges: c.charges,
    },
  }));
  // The business rules (dates that exist, CPT codes, a claim not registered twice, the
  // actor's permissions): decided now, recorded only if every row passes.
  for (const { line, command } of commands) {
    const checked = await practice.check('Claim', command, { actor, at });
    if (!checked.ok) errors.push(`line ${line}: ${checked.message}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const recorded: string[] = [];
  for (const { command } of commands) {
    const r = await practice.execute('Claim', command, { actor, at });
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
