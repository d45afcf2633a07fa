import { DateTime } from 'luxon';
import { formatKpi, type Actor, type HostOutcome, type ModuleHost } from '@praxis/core';
import { CsvSyntaxError, parseCsv } from './csv.js';
import { importKinds, type ImportItem, type ImportKind, type ImportProblem, type Row } from './kinds.js';

/** A CSV file to import: its name (used in problems) and its text. */
export interface CsvFile {
  readonly name: string;
  readonly text: string;
}

/** A file read as one kind of import, with its data rows. */
export interface ReadFile {
  readonly file: string;
  readonly kind: ImportKind;
  readonly rows: readonly Row[];
}

/**
 * Reads a CSV file's header and rows as one of the import kinds: the first kind whose required
 * columns are all present. An unknown column is a problem (a typo must not drop data), and so is
 * a row with another number of fields than the header.
 */
export const readCsvFile = (
  f: CsvFile,
):
  | { readonly ok: true; readonly read: ReadFile; readonly problems: readonly ImportProblem[] }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] } => {
  let records;
  try {
    records = parseCsv(f.text);
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      return {
        ok: false,
        problems: [{ file: f.name, line: err.line, message: err.message.replace(/^line \d+: /, '') }],
      };
    throw err;
  }
  const [header, ...data] = records;
  if (header === undefined)
    return { ok: false, problems: [{ file: f.name, line: 1, message: 'the file is empty' }] };
  const names = header.fields.map((x) => x.trim().toLowerCase());
  const kind = importKinds.find((k) => k.required.every((col) => names.includes(col)));
  if (kind === undefined)
    return {
      ok: false,
      problems: [
        {
          file: f.name,
          line: 1,
          message: `the header matches no import (${importKinds.map((k) => `${k.name}: ${k.required.join(',')}`).join(' | ')})`,
        },
      ],
    };
  const known = new Set([...kind.required, ...kind.optional]);
  const unknown = names.filter((n) => !known.has(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (unknown.length > 0 || repeated.length > 0)
    return {
      ok: false,
      problems: [
        ...unknown.map((u) => ({
          file: f.name,
          line: 1,
          column: u,
          message: `unknown column "${u}" for a ${kind.name} import (columns: ${[...kind.required, ...kind.optional].join(',')})`,
        })),
        ...repeated.map((u) => ({
          file: f.name,
          line: 1,
          column: u,
          message: `column "${u}" appears twice`,
        })),
      ],
    };
  const problems: ImportProblem[] = [];
  const rows: Row[] = [];
  for (const rec of data) {
    if (rec.fields.length !== names.length) {
      problems.push({
        file: f.name,
        line: rec.line,
        message: `has ${rec.fields.length} fields, the header has ${names.length}`,
      });
      continue;
    }
    const values = new Map(names.map((n, i) => [n, rec.fields[i]!.trim()]));
    rows.push({ line: rec.line, get: (col) => values.get(col) ?? '' });
  }
  return { ok: true, read: { file: f.name, kind, rows }, problems };
};

/** The options of `practice.goLive(files, options)`. */
export interface GoLiveOptions {
  /**
   * The opening-balance date (YYYY-MM-DD, practice zone): the old system's books end that day.
   * Open claims are recorded at the end of it; dates in the files may not be after it.
   * Default: yesterday.
   */
  readonly asOf?: string;
  /** Who records the import (default: the session's actor). */
  readonly actor?: Actor;
}

/** One file of an import, as it was recorded. */
export interface ImportedFile {
  readonly file: string;
  readonly kind: string;
  readonly rows: number;
  readonly commands: number;
}

/**
 * How an import went: every problem (file, line, column, message; nothing recorded), or the
 * files recorded. `recorded` < the total only when the log changed between the check and the
 * recording (`interrupted` says where).
 */
export type GoLiveResult =
  | { readonly ok: true; readonly files: readonly ImportedFile[]; readonly commands: number }
  | {
      readonly ok: false;
      readonly problems: readonly ImportProblem[];
      /** Commands recorded before an interruption (0 when the check found problems). */
      readonly recorded: number;
    };

const byLine = (a: ImportProblem, b: ImportProblem) =>
  a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? '').localeCompare(b.column ?? '');

/** The first segment of a refusal's field path (`charges.0.cptCode` → `charges`). */
const columnOf = (item: ImportItem, field: string | undefined): string | undefined =>
  field === undefined ? undefined : (item.columns[field] ?? item.columns[field.split('.')[0]!]);

const problemOf = (file: string, item: ImportItem, o: Extract<HostOutcome, { ok: false }>): ImportProblem => {
  const column = columnOf(item, o.field);
  return {
    file,
    line: item.line,
    ...(column === undefined ? {} : { column }),
    code: o.code,
    message: `${column === undefined ? '' : `${column}: `}${inDollars(o.message)} (${String(item.command.type)}: ${o.code})`,
  };
};

/**
 * A refusal's amounts as the CSV writes them: the rules speak integer cents (`15000 cents`), a
 * go-live file speaks dollars, so the problem does too (`$150.00`).
 */
const inDollars = (message: string): string =>
  message.replace(/\b(\d+) cents\b/g, (_, n: string) => formatKpi(Number(n), 'cents'));

/** The first argument that is not what `goLive` takes, as a problem naming it. */
const argumentProblem = (files: unknown, options: unknown): ImportProblem | undefined => {
  const problem = (column: string, message: string): ImportProblem => ({
    file: '(arguments)',
    line: 0,
    column,
    message,
  });
  if (!Array.isArray(files)) return problem('files', 'files must be a list of { name, text }');
  for (const [i, f] of files.entries()) {
    const file = f as { name?: unknown; text?: unknown } | null;
    if (typeof file !== 'object' || file === null || Array.isArray(file))
      return problem(`files.${i}`, `files.${i} must be { name, text }`);
    if (typeof file.name !== 'string') return problem(`files.${i}.name`, `files.${i}.name must be text`);
    if (typeof file.text !== 'string') return problem(`files.${i}.text`, `files.${i}.text must be text`);
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return problem('options', 'options must be { asOf?, actor? }');
  const asOf = (options as { asOf?: unknown }).asOf;
  if (asOf !== undefined && typeof asOf !== 'string')
    return problem('asOf', 'asOf must be a date (YYYY-MM-DD)');
  return undefined;
};

/**
 * Goes live from CSV files, all or nothing: the files are read (each kind by its header), every
 * row is checked (its cells, then the business rules by running every command, in order, on a
 * fork of the practice: staff before their credentials, policies before acknowledgments), and
 * only when nothing is wrong are the commands recorded in the practice. Problems name the
 * file, the line and, when one cell is to blame, the column.
 */
export const goLive = async (
  host: ModuleHost,
  files: readonly CsvFile[],
  options: GoLiveOptions = {},
): Promise<GoLiveResult> => {
  // Whatever a caller passes (JavaScript, JSON from a request) is answered with problems, not a throw.
  const wrong = argumentProblem(files, options);
  if (wrong !== undefined) return { ok: false, recorded: 0, problems: [wrong] };
  const zone = host.timeZone;
  const nowDt = host.clock.now().setZone(zone);
  const asOf = options.asOf ?? nowDt.minus({ days: 1 }).toISODate()!;
  const asOfDt = DateTime.fromISO(asOf, { zone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !asOfDt.isValid)
    return {
      ok: false,
      recorded: 0,
      problems: [
        { file: '(options)', line: 0, column: 'asOf', message: `asOf "${asOf}" is not a date (YYYY-MM-DD)` },
      ],
    };
  if (asOf > nowDt.toISODate()!)
    return {
      ok: false,
      recorded: 0,
      problems: [{ file: '(options)', line: 0, column: 'asOf', message: `asOf ${asOf} is in the future` }],
    };
  const problems: ImportProblem[] = [];
  const reads: ReadFile[] = [];
  for (const f of files) {
    const r = readCsvFile(f);
    problems.push(...r.problems);
    if (r.ok) reads.push(r.read);
  }
  reads.sort((a, b) => a.kind.order - b.kind.order);
  const staffRoles = new Map<string, string>();
  for (const r of reads)
    if (r.kind.name === 'staff')
      for (const row of r.rows) staffRoles.set(row.get('staff_id'), row.get('role'));
  const ctx = {
    zone,
    asOf,
    openingAt: asOfDt.endOf('day').set({ millisecond: 0 }).toISO({ suppressMilliseconds: true })!,
    now: nowDt.toISO({ suppressMilliseconds: true })!,
    staffRoles,
  };
  const plan: { file: string; kind: string; rows: number; items: readonly ImportItem[] }[] = [];
  for (const r of reads) {
    const built = r.kind.build(r.rows, ctx);
    problems.push(...built.problems.map((p) => ({ file: r.file, ...p })));
    plan.push({ file: r.file, kind: r.kind.name, rows: r.rows.length, items: built.items });
  }
  if (problems.length > 0) return { ok: false, recorded: 0, problems: problems.sort(byLine) };
  const call = (item: ImportItem) => ({
    ...(options.actor === undefined ? {} : { actor: options.actor }),
    ...(item.at === undefined ? {} : { at: item.at }),
  });
  // The business rules: every command, in order, on a copy of the practice.
  const fork = await host.fork();
  try {
    for (const p of plan)
      for (const item of p.items) {
        const o = await fork.execute(item.aggregate, item.command, call(item));
        if (!o.ok) problems.push(problemOf(p.file, item, o));
      }
  } finally {
    await fork.close();
  }
  if (problems.length > 0) return { ok: false, recorded: 0, problems: problems.sort(byLine) };
  let recorded = 0;
  for (const p of plan)
    for (const item of p.items) {
      const o = await host.execute(item.aggregate, item.command, call(item));
      if (!o.ok) {
        // Only a change to the practice since the check can get here.
        const problem = problemOf(p.file, item, o);
        return {
          ok: false,
          recorded,
          problems: [
            {
              ...problem,
              message: `${problem.message}; the practice changed since the check: ${recorded} commands were recorded before this one`,
            },
          ],
        };
      }
      recorded++;
    }
  return {
    ok: true,
    commands: recorded,
    files: plan.map((p) => ({ file: p.file, kind: p.kind, rows: p.rows, commands: p.items.length })),
  };
};
