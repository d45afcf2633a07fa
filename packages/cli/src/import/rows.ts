import { DateTime } from 'luxon';
import type { DomainCommand } from '@praxis/core';
import type { CsvRecord } from './csv.js';

/** A row that cannot be imported, and why. */
export interface RowError {
  readonly line: number;
  readonly reason: string;
}

/** One command an import will run, with the CSV lines it came from. */
export interface ImportItem {
  readonly lines: readonly number[];
  /** The aggregate (decider name) it addresses. */
  readonly aggregate: string;
  readonly command: DomainCommand;
}

/** A kind of CSV file `praxis import` understands. */
export interface ImportKind {
  readonly name: string;
  readonly columns: { readonly required: readonly string[]; readonly optional: readonly string[] };
  /** Turns rows into commands, or says what is wrong with each bad row. */
  build(
    rows: readonly Row[],
    env: { readonly zone: string; readonly at: string },
  ): {
    readonly items: readonly ImportItem[];
    readonly errors: readonly RowError[];
  };
}

/** A data row as column → value, with its line number. */
export interface Row {
  readonly line: number;
  readonly get: (column: string) => string;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid;
const money = /^\d{1,9}(\.\d{1,2})?$/;
const payerKinds = ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'] as const;

/** Dollars (`140`, `140.5`, `140.50`) as integer cents, without floating-point error. */
export const centsOf = (text: string): number => {
  const [whole = '0', frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
};

/**
 * Encounters and their charges: one row per charge line; rows with the same claim_id make one
 * claim (its encounter, patient, payer and date of service must agree). Each claim is
 * registered with `RegisterCharges`.
 */
export const encounters: ImportKind = {
  name: 'encounters',
  columns: {
    required: [
      'claim_id',
      'encounter_id',
      'patient_id',
      'payer_id',
      'payer_kind',
      'date_of_service',
      'cpt_code',
      'units',
      'charge',
    ],
    optional: ['provider_id'],
  },
  build: (rows, env) => {
    const errors: RowError[] = [];
    const claims = new Map<
      string,
      { lines: number[]; head: Row; charges: { cptCode: string; units: number; amount: number }[] }
    >();
    for (const r of rows) {
      const claimId = r.get('claim_id');
      const problem =
        (claimId === '' && 'claim_id is empty') ||
        (r.get('encounter_id') === '' && 'encounter_id is empty') ||
        (r.get('patient_id') === '' && 'patient_id is empty') ||
        (r.get('payer_id') === '' && 'payer_id is empty') ||
        (!payerKinds.includes(r.get('payer_kind') as never) &&
          `payer_kind "${r.get('payer_kind')}" is not one of ${payerKinds.join(', ')}`) ||
        (!isDate(r.get('date_of_service')) &&
          `date_of_service "${r.get('date_of_service')}" is not a date (YYYY-MM-DD)`) ||
        (r.get('date_of_service') > env.at.slice(0, 10) &&
          `date_of_service ${r.get('date_of_service')} is in the future`) ||
        (!/^[A-Z0-9]{5}$/.test(r.get('cpt_code')) &&
          `cpt_code "${r.get('cpt_code')}" is not a 5-character CPT/HCPCS code`) ||
        (!/^[1-9]\d{0,2}$/.test(r.get('units')) &&
          `units "${r.get('units')}" is not a whole number from 1 to 999`) ||
        ((!money.test(r.get('charge')) || centsOf(r.get('charge')) === 0) &&
          `charge "${r.get('charge')}" is not an amount in dollars above zero (like 140.00)`);
      if (problem) {
        errors.push({ line: r.line, reason: problem });
        continue;
      }
      const claim = claims.get(claimId);
      const line = {
        cptCode: r.get('cpt_code'),
        units: Number(r.get('units')),
        amount: centsOf(r.get('charge')),
      };
      if (claim === undefined) {
        claims.set(claimId, { lines: [r.line], head: r, charges: [line] });
        continue;
      }
      const differs = ['encounter_id', 'patient_id', 'payer_id', 'payer_kind', 'date_of_service'].find(
        (c) => r.get(c) !== claim.head.get(c),
      );
      if (differs !== undefined) {
        errors.push({
          line: r.line,
          reason: `${differs} "${r.get(differs)}" differs from line ${claim.head.line} of the same claim ${claimId}`,
        });
        continue;
      }
      claim.lines.push(r.line);
      claim.charges.push(line);
    }
    const items: ImportItem[] = [...claims.entries()].map(([claimId, c]) => ({
      lines: c.lines,
      aggregate: 'Claim',
      command: {
        type: 'RegisterCharges',
        claimId,
        encounterId: c.head.get('encounter_id'),
        patientId: c.head.get('patient_id'),
        payerId: c.head.get('payer_id'),
        payerKind: c.head.get('payer_kind'),
        dateOfService: c.head.get('date_of_service'),
        timeZone: env.zone,
        charges: c.charges,
        at: env.at,
      } as DomainCommand,
    }));
    return { items, errors };
  },
};

/** Staff applications: one row per candidate, recorded with `ReceiveApplication`. */
export const staff: ImportKind = {
  name: 'staff',
  columns: { required: ['staff_id', 'name', 'position', 'applied_on'], optional: [] },
  build: (rows, env) => {
    const errors: RowError[] = [];
    const items: ImportItem[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const id = r.get('staff_id');
      const problem =
        (id === '' && 'staff_id is empty') ||
        (!/^[A-Za-z0-9._-]+$/.test(id) &&
          `staff_id "${id}" may hold only letters, digits, ".", "_" and "-"`) ||
        (seen.has(id) && `staff_id ${id} is already on line ${seen.get(id)}`) ||
        (r.get('name') === '' && 'name is empty') ||
        (r.get('position') === '' && 'position is empty') ||
        (!isDate(r.get('applied_on')) && `applied_on "${r.get('applied_on')}" is not a date (YYYY-MM-DD)`) ||
        (r.get('applied_on') > env.at.slice(0, 10) && `applied_on ${r.get('applied_on')} is in the future`);
      if (problem) {
        errors.push({ line: r.line, reason: problem });
        continue;
      }
      seen.set(id, r.line);
      items.push({
        lines: [r.line],
        aggregate: 'StaffMember',
        command: {
          type: 'ReceiveApplication',
          staffId: id,
          name: r.get('name'),
          position: r.get('position'),
          appliedOn: r.get('applied_on'),
        } as DomainCommand,
      });
    }
    return { items, errors };
  },
};

/** The kinds of file `praxis import` reads, told apart by their header. */
export const importKinds: readonly ImportKind[] = [encounters, staff];

/**
 * Reads the header and rows of a CSV file as one of the import kinds: the first kind whose
 * required columns are all present. Unknown columns are an error (a typo must not drop data).
 */
export const readRows = (
  records: readonly CsvRecord[],
): { kind: ImportKind; rows: Row[]; errors: RowError[] } | { error: string } => {
  const [header, ...data] = records;
  if (header === undefined) return { error: 'the file is empty' };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const kind = importKinds.find((k) => k.columns.required.every((c) => names.includes(c)));
  if (kind === undefined) {
    return {
      error: `line 1: the header matches no import (${importKinds
        .map((k) => `${k.name}: ${k.columns.required.join(',')}`)
        .join(' | ')})`,
    };
  }
  const known = new Set([...kind.columns.required, ...kind.columns.optional]);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0)
    return {
      error: `line 1: unknown column ${unknown.map((u) => `"${u}"`).join(', ')} for a ${kind.name} import`,
    };
  const errors: RowError[] = [];
  const rows: Row[] = [];
  for (const rec of data) {
    if (rec.fields.length !== names.length) {
      errors.push({
        line: rec.line,
        reason: `has ${rec.fields.length} fields, the header has ${names.length}`,
      });
      continue;
    }
    const values = new Map(names.map((n, i) => [n, rec.fields[i]!.trim()]));
    rows.push({ line: rec.line, get: (c) => values.get(c) ?? '' });
  }
  return { kind, rows, errors };
};
