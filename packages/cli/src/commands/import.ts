import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgument, NotAPractice } from '@praxis/core';
import { readCsvFile, type ImportProblem, type ReadFile } from '@praxis/golive';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { createPractice, parseStoreUrl, type Practice } from '@praxis/practice';
import { openPractice, storeOf, trustKeyOf } from '../open.js';
import { progress } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { str } from '../when.js';

const trustOf = (ctx: Parameters<CliCommand['run']>[0]) => {
  const trustKey = trustKeyOf(ctx);
  return trustKey === undefined ? {} : { trustKey };
};

const say = (p: ImportProblem) => `${p.file}:${p.line}: ${p.message}`;

/**
 * `praxis import <csv…>`: one file of new encounters or staff applications (each row checked
 * against the practice with `practice.check`), or the files of a go-live (existing staff,
 * credentials, training, policies, acknowledgments, requirements, open claims) through
 * `practice.goLive`, checked together on a copy of the practice. Either way all or nothing.
 */
export const importCsv: CliCommand = {
  name: 'import',
  summary:
    'import CSV files (encounters, staff applications, or a go-live: staff, credentials, training, policies, acknowledgments, requirements, open claims); a bad row imports nothing',
  usage: [
    'praxis import <file.csv>… [--as-of YYYY-MM-DD] [--new --time-zone zone [--currency USD] [--name text]]',
    '              [--actor id] [--role role] [--db file | --store url]',
    '',
    '  Each file is told apart by its header (docs/go-live.md has every column):',
    '  encounters:      claim_id,encounter_id,patient_id,payer_id,payer_kind,date_of_service,cpt_code,units,charge[,provider_id]',
    '                   one row per charge line; rows with the same claim_id form one claim; charge in dollars (140.00)',
    '  staff applications: staff_id,name,position,applied_on',
    '  go-live files (opening balances as of --as-of, default yesterday):',
    '  staff:           staff_id,name,position,role,hired_on,last_oig_check_on',
    '  credentials:     staff_id,credential_id,kind,issuer,number,expires_on,verified_on[,jurisdiction]',
    '  training:        staff_id,training_id,course,completed_on,hours,required[,recurrence_months,legal_source]',
    '  policies:        policy_id,title,review_every_months,approved_on,published_on,effective_on,roles[,last_reviewed_on,summary]',
    '  acknowledgments: policy_id,staff_id,acknowledged_on[,role]',
    '  requirements:    programme_id,regulation,programme_name,owner_id,requirement_id,title,every,unit,first_due_on,added_on[,last_met_on,evidence,legal_source,requirement_owner_id]',
    '  open claims:     the encounters columns and status[,payer_paid,contractual_adjustment,patient_responsibility,patient_paid,carc_code,denied_amount]',
    '',
    '  Every row is checked first (its cells, then the business rules against the practice; several',
    '  files are checked together on a copy of it, in order: staff first, claims last); if any row is',
    '  bad, each problem is printed as file:line: column … and nothing is imported.',
    '  --as-of          the opening-balance date: open claims are recorded at its end (default: yesterday)',
    '  --new            go live into a new practice (created here, in --time-zone, e.g. America/Chicago);',
    '                   refused over an existing practice; a failed import creates nothing',
    '  --actor/--role   who the import is recorded as (default: import / practice_manager)',
  ].join('\n'),
  options: {
    actor: { type: 'string' },
    role: { type: 'string' },
    'as-of': { type: 'string' },
    new: { type: 'boolean' },
    'time-zone': { type: 'string' },
    currency: { type: 'string' },
    name: { type: 'string' },
  },
  positionals: 64,
  run: async (ctx) => {
    if (ctx.positionals.length === 0)
      throw new UsageError('import needs a CSV file or more (see praxis import --help)');
    const files = ctx.positionals.map((file) => {
      const path = resolve(ctx.io.cwd, file);
      try {
        return { name: file, text: readFileSync(path, 'utf8') };
      } catch (err) {
        throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
    });
    const actor = { id: str(ctx.values.actor) ?? 'import', role: str(ctx.values.role) ?? 'practice_manager' };
    const asOf = str(ctx.values['as-of']);
    const fail = (problems: readonly ImportProblem[], note: string) => {
      for (const p of problems) ctx.io.err(say(p));
      const n = problems.length;
      ctx.io.err(
        `praxis: ${n} problem${n === 1 ? '' : 's'} in ${files.map((f) => f.name).join(', ')}; ${note}`,
      );
    };
    // One file of independent rows (each a new claim or applicant): checked row by row.
    const single = files.length === 1 && asOf === undefined ? readCsvFile(files[0]!) : undefined;
    if (single !== undefined && !single.ok) {
      fail(single.problems, 'nothing was imported');
      return ExitCode.usage;
    }
    const zone = str(ctx.values['time-zone']);
    if (ctx.values.new === true && zone === undefined)
      throw new UsageError('--new needs --time-zone (the practice zone, e.g. America/Chicago)');
    if (ctx.values.new !== true && (zone ?? str(ctx.values.currency) ?? str(ctx.values.name)) !== undefined)
      throw new UsageError('--time-zone, --currency and --name are for a new practice (--new)');
    const run = async (practice: Practice, io: typeof ctx.io): Promise<number> => {
      const c = { ...ctx, io };
      if (single?.ok === true && ['encounters', 'staff applications'].includes(single.read.kind.name))
        return rowByRow(c, practice, single.read, single.problems, actor, fail);
      const r = await practice.as(actor).goLive(files, asOf === undefined ? {} : { asOf });
      if (!r.ok) {
        fail(
          r.problems,
          r.recorded === 0
            ? 'nothing was imported'
            : `${r.recorded} commands were recorded before the problem`,
        );
        return r.recorded === 0 ? ExitCode.usage : ExitCode.failed;
      }
      for (const f of r.files)
        io.out(
          `imported ${f.rows} row${f.rows === 1 ? '' : 's'} of ${f.file} (${f.kind}) as ${f.commands} command${f.commands === 1 ? '' : 's'}`,
        );
      return ExitCode.ok;
    };
    if (ctx.values.new !== true) {
      const practice = await openPractice(ctx);
      try {
        return await run(practice, ctx.io);
      } finally {
        await practice.close();
      }
    }
    // A new practice: never over an existing one, and nothing created unless the import succeeds.
    const settings = {
      timeZone: zone!,
      currency: str(ctx.values.currency) ?? 'USD',
      ...(str(ctx.values.name) === undefined ? {} : { name: str(ctx.values.name)! }),
    };
    const store = storeOf(ctx);
    await refuseExisting(ctx, store);
    // The whole import first on a new practice in memory (the same modules and rules): a problem
    // is reported from there and nothing is written where --db / --store points.
    const trial = await createPractice({ store: 'memory:', create: true, ...settings });
    try {
      const quiet = { ...ctx.io, out: () => undefined, err: () => undefined, interactive: false };
      const tried = await run(trial, quiet);
      if (tried !== ExitCode.ok) return tried;
    } finally {
      await trial.close();
    }
    const sqlite = parseStoreUrl(store);
    const leftovers =
      sqlite.kind === 'sqlite'
        ? [sqlite.path, `${sqlite.path}-wal`, `${sqlite.path}-shm`].filter((f) => !existsSync(f))
        : [];
    const practice = await openPractice(ctx, { create: true, ...settings });
    let code: number = ExitCode.failed;
    try {
      code = await run(practice, ctx.io);
      return code;
    } finally {
      await practice.close();
      // Only a failure the trial could not foresee gets here: leave no half-made practice file.
      if (code !== ExitCode.ok) for (const f of leftovers) rmSync(f, { force: true });
    }
  },
};

/** `--new` over a practice that already exists is refused, naming it; the practice is not opened for writing. */
const refuseExisting = async (ctx: Parameters<CliCommand['run']>[0], store: string): Promise<void> => {
  const where = parseStoreUrl(store);
  if (where.kind === 'sqlite' && (!existsSync(where.path) || statSync(where.path).size === 0)) return;
  let existing: Practice | undefined;
  try {
    existing = await createPractice({ store, create: false, ...trustOf(ctx) });
  } catch (e) {
    // Not a practice (nothing established there): --new may create it. Anything else (another
    // program's file, a wrong trust key, no connection) is said as it is.
    if (NotAPractice.isInstance(e) && (e.reason === 'missing' || e.reason === 'empty')) return;
    if (InvalidArgument.isInstance(e) && e.argument === 'timeZone') return;
    throw e;
  }
  await existing.close();
  const name = where.kind === 'sqlite' ? where.path : 'the store';
  throw new UsageError(
    `${name} is already a practice: --new creates a new one (leave out --new to import into it)`,
  );
};

/** New encounters or applicants: each row's command decided against the practice, then recorded. */
const rowByRow = async (
  ctx: Parameters<CliCommand['run']>[0],
  practice: Awaited<ReturnType<typeof openPractice>>,
  read: ReadFile,
  readProblems: readonly ImportProblem[],
  actor: { id: string; role: string },
  fail: (problems: readonly ImportProblem[], note: string) => void,
): Promise<number> => {
  const file = read.file;
  const at = practice.clock.now().toISO({ suppressMilliseconds: true })!;
  const built = read.kind.build(read.rows, {
    zone: practice.settings.timeZone,
    asOf: at.slice(0, 10),
    openingAt: at,
    now: at,
    staffRoles: new Map(),
  });
  const problems: ImportProblem[] = [...readProblems, ...built.problems.map((p) => ({ file, ...p }))];
  // The business rules, decided against the practice as it is now, without recording anything.
  for (const item of built.items) {
    const checked = await practice.check(item.aggregate, item.command, { actor, at: item.at ?? at });
    if (!checked.ok) {
      const column = checked.field === undefined ? undefined : item.columns[checked.field.split('.')[0]!];
      problems.push({
        file,
        line: item.line,
        ...(column === undefined ? {} : { column }),
        message: `${column === undefined ? '' : `${column}: `}${checked.message}`,
      });
    }
  }
  if (problems.length > 0) {
    fail(
      problems.sort((a, b) => a.line - b.line),
      'nothing was imported',
    );
    return ExitCode.usage;
  }
  const bar = progress(ctx.io, 'rows');
  let done = 0;
  for (const item of built.items) {
    const r = await practice.execute(item.aggregate, item.command, { actor, at: item.at ?? at });
    if (!r.ok) {
      // Only a concurrent change since the check can get here: say exactly how far it got.
      ctx.io.err(
        `praxis: ${file}:${item.line}: ${r.message}; ${done} of ${built.items.length} were imported before it`,
      );
      return ExitCode.failed;
    }
    done++;
    bar.update(done, built.items.length);
  }
  bar.done();
  const what = read.kind.name === 'staff applications' ? 'staff application' : 'claim';
  ctx.io.out(
    `imported ${read.rows.length} row${read.rows.length === 1 ? '' : 's'} of ${file} as ${done} ${what}${done === 1 ? '' : 's'}`,
  );
  return ExitCode.ok;
};
