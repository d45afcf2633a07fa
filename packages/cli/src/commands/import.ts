import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { CsvSyntaxError, parseCsv } from '../import/csv.js';
import { readRows, type RowError } from '../import/rows.js';
import { openPractice } from '../open.js';
import { progress } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { str } from '../when.js';

/** `praxis import <csv>`: encounters/claims or staff applications, all rows validated first. */
export const importCsv: CliCommand = {
  name: 'import',
  summary:
    'import encounters (charges) or staff applications from CSV; a file with a bad row imports nothing',
  usage: [
    'praxis import <file.csv> [--actor id] [--role role] [--db file | --store url]',
    '',
    '  encounters: claim_id,encounter_id,patient_id,payer_id,payer_kind,date_of_service,cpt_code,units,charge[,provider_id]',
    '              one row per charge line; rows with the same claim_id form one claim; charge in dollars (140.00)',
    '  staff:      staff_id,name,position,applied_on',
    '',
    '  Every row is checked first (format, then the business rules against the current practice);',
    '  if any row is bad, each bad row is printed with its line number and nothing is imported.',
    '  --actor/--role  who the import is recorded as (default: import / practice_manager)',
  ].join('\n'),
  options: { actor: { type: 'string' }, role: { type: 'string' } },
  positionals: 1,
  run: async (ctx) => {
    const file = ctx.positionals[0];
    if (file === undefined) throw new UsageError('import needs a CSV file (see praxis import --help)');
    const path = resolve(ctx.io.cwd, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    let parsed;
    try {
      parsed = readRows(parseCsv(text));
    } catch (err) {
      if (err instanceof CsvSyntaxError) throw new UsageError(`${file}: ${err.message}`);
      throw err;
    }
    if ('error' in parsed) throw new UsageError(`${file}: ${parsed.error}`);
    const actor = { id: str(ctx.values.actor) ?? 'import', role: str(ctx.values.role) ?? 'practice_manager' };
    const practice = await openPractice(ctx);
    try {
      const at = practice.clock.now().toISO({ suppressMilliseconds: true })!;
      const built = parsed.kind.build(parsed.rows, { zone: practice.settings.timeZone, at });
      const errors: RowError[] = [...parsed.errors, ...built.errors];
      // The business rules, decided against the practice as it is now, without recording anything.
      for (const item of built.items) {
        const checked = await practice.check(item.aggregate, item.command, { actor, at });
        if (!checked.ok) errors.push({ line: item.lines[0]!, reason: checked.message });
      }
      if (errors.length > 0) {
        errors.sort((a, b) => a.line - b.line);
        for (const e of errors) ctx.io.err(`${file}:${e.line}: ${e.reason}`);
        ctx.io.err(
          `praxis: ${errors.length} bad row${errors.length === 1 ? '' : 's'} in ${file}; nothing was imported`,
        );
        return ExitCode.usage;
      }
      const bar = progress(ctx.io, 'rows');
      let done = 0;
      for (const item of built.items) {
        const r = await practice.execute(item.aggregate, item.command, { actor, at });
        if (!r.ok) {
          // Only a concurrent change since the check can get here: say exactly how far it got.
          ctx.io.err(
            `praxis: ${file}:${item.lines[0]}: ${r.message}; ${done} of ${built.items.length} were imported before it`,
          );
          return ExitCode.failed;
        }
        done++;
        bar.update(done, built.items.length);
      }
      bar.done();
      ctx.io.out(
        `imported ${parsed.rows.length} row${parsed.rows.length === 1 ? '' : 's'} of ${file} as ${done} ${parsed.kind.name === 'staff' ? 'staff application' : 'claim'}${done === 1 ? '' : 's'}`,
      );
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};
