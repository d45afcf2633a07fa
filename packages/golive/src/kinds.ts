import type { DomainCommand } from '@praxis/core';
import * as c from './cells.js';
import type { Cell } from './cells.js';

/** What is wrong with a file, a row or one of its cells (`column` when one cell is to blame). */
export interface ImportProblem {
  readonly file: string;
  /** The CSV line (1 = the header). */
  readonly line: number;
  readonly column?: string;
  readonly message: string;
  /** The refusal code when the practice refused the row's command (`ClaimAlreadyExists`). */
  readonly code?: string;
}

/** A data row: its line and its cells by column name (lower case, trimmed). */
export interface Row {
  readonly line: number;
  readonly get: (column: string) => string;
}

/** A command as an import builds it: its type and fields (checked by the command's codec). */
export type ImportCommand = DomainCommand & Readonly<Record<string, unknown>>;

/** One command an import runs, with the row it came from. */
export interface ImportItem {
  readonly line: number;
  /** The aggregate (decider name) it addresses. */
  readonly aggregate: string;
  readonly command: ImportCommand;
  /** Business time of the call (opening claims: the opening-balance instant). */
  readonly at?: string;
  /** Command field → CSV column, to name the cell a refusal is about. */
  readonly columns: Readonly<Record<string, string>>;
}

/** What a kind's `build` is told about the whole import. */
export interface BuildContext {
  /** The practice's IANA zone. */
  readonly zone: string;
  /** The opening-balance date (YYYY-MM-DD): the practice's books before go-live end that day. */
  readonly asOf: string;
  /** The opening-balance instant: the end of `asOf` in the practice zone (ISO with offset). */
  readonly openingAt: string;
  /** Now (ISO with offset): encounters are registered at this time. */
  readonly now: string;
  /** Each staff member's role from the staff file of the same import. */
  readonly staffRoles: ReadonlyMap<string, string>;
}

/** A kind of CSV file: its columns, and how its rows become commands. */
export interface ImportKind {
  readonly name: string;
  /** What one row is, in words. */
  readonly describes: string;
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Files are run in this order (staff before their credentials, policies before acknowledgments). */
  readonly order: number;
  build(
    rows: readonly Row[],
    ctx: BuildContext,
  ): { readonly items: readonly ImportItem[]; readonly problems: readonly Omit<ImportProblem, 'file'>[] };
}

type Spec = Readonly<Record<string, Cell<unknown>>>;
type Values<S extends Spec> = { [K in keyof S]: S[K] extends Cell<infer T> ? T : never };
type RowProblem = Omit<ImportProblem, 'file'>;

/** Reads a row's cells by `spec`; every bad cell is a problem naming its column. */
const read = <S extends Spec>(r: Row, spec: S, problems: RowProblem[]): Values<S> | undefined => {
  const values: Record<string, unknown> = {};
  let good = true;
  for (const [column, cell] of Object.entries(spec)) {
    const v = cell(r.get(column));
    if (v.ok) values[column] = v.value;
    else {
      good = false;
      problems.push({ line: r.line, column, message: `${column} ${v.message}` });
    }
  }
  return good ? (values as Values<S>) : undefined;
};

const notAfter = (
  r: Row,
  column: string,
  value: string | undefined,
  limit: string,
  problems: RowProblem[],
  what: string,
) => {
  if (value !== undefined && value > limit) {
    problems.push({ line: r.line, column, message: `${column} ${value} is after ${what} (${limit})` });
    return false;
  }
  return true;
};

/** Rows with the same key form one record; `agree` columns must hold the same value on each. */
const group = (
  rows: readonly Row[],
  key: string,
  agree: readonly string[],
  problems: RowProblem[],
  noun: string,
): Map<string, Row[]> => {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r.get(key);
    const g = groups.get(k);
    if (g === undefined) {
      groups.set(k, [r]);
      continue;
    }
    const head = g[0]!;
    const differs = agree.find((col) => r.get(col) !== head.get(col));
    if (differs !== undefined) {
      problems.push({
        line: r.line,
        column: differs,
        message: `${differs} "${r.get(differs)}" differs from line ${head.line} of the same ${noun} ${k}`,
      });
      continue;
    }
    g.push(r);
  }
  return groups;
};

const payerKinds = ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'] as const;
const cpt: Cell<string> = (s) =>
  /^[A-Z0-9]{5}$/.test(s)
    ? { ok: true, value: s }
    : { ok: false, message: `"${s}" is not a 5-character CPT/HCPCS code` };

/** The charge-line columns shared by encounters and open claims. */
const claimColumns = [
  'claim_id',
  'encounter_id',
  'patient_id',
  'payer_id',
  'payer_kind',
  'date_of_service',
  'cpt_code',
  'units',
  'charge',
] as const;
const claimHead = ['encounter_id', 'patient_id', 'payer_id', 'payer_kind', 'date_of_service', 'provider_id'];
const claimSpec = {
  claim_id: c.id,
  encounter_id: c.id,
  patient_id: c.id,
  payer_id: c.id,
  payer_kind: c.oneOf(payerKinds),
  date_of_service: c.date,
  cpt_code: cpt,
  units: c.count(999),
  charge: c.positiveMoney,
  provider_id: c.optional(c.id),
};
const claimFieldColumns = {
  claimId: 'claim_id',
  encounterId: 'encounter_id',
  patientId: 'patient_id',
  payerId: 'payer_id',
  payerKind: 'payer_kind',
  dateOfService: 'date_of_service',
  charges: 'cpt_code',
  renderingProviderId: 'provider_id',
};

/** The claim's rendering provider, when the file names one. */
const provider = (id: string | undefined) => (id === undefined ? {} : { renderingProviderId: id });

/** Reads charge-line rows into claims (rows with one claim_id make one claim). */
const claimsOf = <S extends Spec>(
  rows: readonly Row[],
  spec: S,
  agree: readonly string[],
  dateLimit: { date: string; what: string },
  problems: RowProblem[],
) => {
  const out: {
    line: number;
    head: Values<S>;
    charges: { cptCode: string; units: number; amount: number }[];
  }[] = [];
  for (const [, g] of group(rows, 'claim_id', agree, problems, 'claim')) {
    let head: Values<S> | undefined;
    const charges: { cptCode: string; units: number; amount: number }[] = [];
    let good = true;
    for (const r of g) {
      const v = read(r, spec, problems);
      if (v === undefined) {
        good = false;
        continue;
      }
      if (
        !notAfter(
          r,
          'date_of_service',
          v['date_of_service'] as string,
          dateLimit.date,
          problems,
          dateLimit.what,
        )
      )
        good = false;
      head ??= v;
      charges.push({
        cptCode: v['cpt_code'] as string,
        units: v['units'] as number,
        amount: v['charge'] as number,
      });
    }
    if (good && head !== undefined) out.push({ line: g[0]!.line, head, charges });
  }
  return out;
};

/**
 * Encounters and their charges (new work, registered now with `RegisterCharges`): one row per
 * charge line; rows with the same claim_id make one claim. `provider_id` is the rendering
 * provider (`renderingProviderId`: a staff member on record on the date of service).
 */
export const encounters: ImportKind = {
  name: 'encounters',
  describes: 'charge line of a new encounter',
  required: claimColumns,
  optional: ['provider_id'],
  order: 80,
  build: (rows, ctx) => {
    const problems: RowProblem[] = [];
    const items = claimsOf(
      rows,
      claimSpec,
      claimHead,
      { date: ctx.now.slice(0, 10), what: 'today' },
      problems,
    ).map((cl): ImportItem => ({
      line: cl.line,
      aggregate: 'Claim',
      columns: claimFieldColumns,
      at: ctx.now,
      command: {
        type: 'RegisterCharges',
        claimId: cl.head.claim_id,
        encounterId: cl.head.encounter_id,
        patientId: cl.head.patient_id,
        payerId: cl.head.payer_id,
        payerKind: cl.head.payer_kind,
        dateOfService: cl.head.date_of_service,
        timeZone: ctx.zone,
        charges: cl.charges,
        ...provider(cl.head.provider_id),
      },
    }));
    return { items, problems };
  },
};

const openingStatuses = ['unbilled', 'submitted', 'accepted', 'denied', 'adjudicated'] as const;
const openClaimSpec = {
  ...claimSpec,
  status: c.oneOf(openingStatuses),
  payer_paid: c.optional(c.money),
  contractual_adjustment: c.optional(c.money),
  patient_responsibility: c.optional(c.money),
  patient_paid: c.optional(c.money),
  carc_code: c.optional(c.id),
  denied_amount: c.optional(c.positiveMoney),
};
const openClaimHead = [
  ...claimHead,
  'status',
  'payer_paid',
  'contractual_adjustment',
  'patient_responsibility',
  'patient_paid',
  'carc_code',
  'denied_amount',
];

/**
 * Open claims (go-live opening balances, `RecordOpeningClaim` at the opening-balance instant):
 * one row per charge line, the claim's status and balances repeated on each of its rows.
 */
export const openClaims: ImportKind = {
  name: 'open claims',
  describes: 'charge line of a claim open at go-live',
  required: [...claimColumns, 'status'],
  optional: [
    'payer_paid',
    'contractual_adjustment',
    'patient_responsibility',
    'patient_paid',
    'carc_code',
    'denied_amount',
    'provider_id',
  ],
  order: 70,
  build: (rows, ctx) => {
    const problems: RowProblem[] = [];
    const items: ImportItem[] = [];
    for (const cl of claimsOf(
      rows,
      openClaimSpec,
      openClaimHead,
      { date: ctx.asOf, what: 'the opening-balance date' },
      problems,
    )) {
      const h = cl.head;
      const needs = (col: string, when: boolean, message: string) => {
        if (when) problems.push({ line: cl.line, column: col, message });
        return when;
      };
      if (
        needs(
          'carc_code',
          h.status === 'denied' && h.carc_code === undefined,
          'carc_code is required for a denied claim',
        ) ||
        needs(
          'carc_code',
          h.status !== 'denied' && h.carc_code !== undefined,
          `carc_code is only for a denied claim (status is ${h.status})`,
        ) ||
        needs(
          'payer_paid',
          h.status !== 'adjudicated' && ((h.payer_paid ?? 0) > 0 || (h.contractual_adjustment ?? 0) > 0),
          `payer_paid and contractual_adjustment are only for an adjudicated claim (status is ${h.status})`,
        )
      )
        continue;
      const opt = <K extends string, V>(k: K, v: V | undefined) =>
        v === undefined ? {} : ({ [k]: v } as Record<K, V>);
      items.push({
        line: cl.line,
        aggregate: 'Claim',
        at: ctx.openingAt,
        columns: {
          ...claimFieldColumns,
          status: 'status',
          payerPaid: 'payer_paid',
          contractualAdjustment: 'contractual_adjustment',
          patientResponsibility: 'patient_responsibility',
          patientPaid: 'patient_paid',
          carcCode: 'carc_code',
          deniedAmount: 'denied_amount',
        },
        command: {
          type: 'RecordOpeningClaim',
          claimId: h.claim_id,
          encounterId: h.encounter_id,
          patientId: h.patient_id,
          payerId: h.payer_id,
          payerKind: h.payer_kind,
          dateOfService: h.date_of_service,
          timeZone: ctx.zone,
          charges: cl.charges,
          status: h.status,
          ...opt('payerPaid', h.payer_paid),
          ...opt('contractualAdjustment', h.contractual_adjustment),
          ...opt('patientResponsibility', h.patient_responsibility),
          ...opt('patientPaid', h.patient_paid),
          ...opt('carcCode', h.carc_code),
          ...opt('deniedAmount', h.denied_amount),
          ...provider(h.provider_id),
        },
      });
    }
    return { items, problems };
  },
};

/** Rows whose `key` must be unique in the file: a repeat is a problem naming the first line. */
const unique = (r: Row, key: string, value: string, seen: Map<string, number>, problems: RowProblem[]) => {
  const first = seen.get(value);
  if (first !== undefined) {
    problems.push({ line: r.line, column: key, message: `${key} ${value} is already on line ${first}` });
    return false;
  }
  seen.set(value, r.line);
  return true;
};

/** Staff applications (recruitment, `ReceiveApplication`): one row per candidate. */
export const staffApplications: ImportKind = {
  name: 'staff applications',
  describes: 'candidate',
  required: ['staff_id', 'name', 'position', 'applied_on'],
  optional: [],
  order: 90,
  build: (rows, ctx) => {
    const problems: RowProblem[] = [];
    const items: ImportItem[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const v = read(r, { staff_id: c.id, name: c.text, position: c.text, applied_on: c.date }, problems);
      if (v === undefined || !unique(r, 'staff_id', v.staff_id, seen, problems)) continue;
      if (!notAfter(r, 'applied_on', v.applied_on, ctx.now.slice(0, 10), problems, 'today')) continue;
      items.push({
        line: r.line,
        aggregate: 'StaffMember',
        columns: { staffId: 'staff_id', name: 'name', position: 'position', appliedOn: 'applied_on' },
        command: {
          type: 'ReceiveApplication',
          staffId: v.staff_id,
          name: v.name,
          position: v.position,
          appliedOn: v.applied_on,
        },
      });
    }
    return { items, problems };
  },
};

/** Staff employed at go-live (`RecordExistingStaffMember`): one row per person. */
export const staff: ImportKind = {
  name: 'staff',
  describes: 'person employed at go-live',
  required: ['staff_id', 'name', 'position', 'role', 'hired_on', 'last_oig_check_on'],
  optional: [],
  order: 10,
  build: (rows, ctx) => {
    const problems: RowProblem[] = [];
    const items: ImportItem[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const v = read(
        r,
        {
          staff_id: c.id,
          name: c.text,
          position: c.text,
          role: c.id,
          hired_on: c.date,
          last_oig_check_on: c.date,
        },
        problems,
      );
      if (v === undefined || !unique(r, 'staff_id', v.staff_id, seen, problems)) continue;
      const limit = { date: ctx.asOf, what: 'the opening-balance date' };
      if (
        !notAfter(r, 'hired_on', v.hired_on, limit.date, problems, limit.what) ||
        !notAfter(r, 'last_oig_check_on', v.last_oig_check_on, limit.date, problems, limit.what)
      )
        continue;
      items.push({
        line: r.line,
        aggregate: 'StaffMember',
        columns: {
          staffId: 'staff_id',
          name: 'name',
          position: 'position',
          role: 'role',
          hiredOn: 'hired_on',
          exclusionCheckedOn: 'last_oig_check_on',
        },
        command: {
          type: 'RecordExistingStaffMember',
          staffId: v.staff_id,
          name: v.name,
          position: v.position,
          role: v.role,
          hiredOn: v.hired_on,
          exclusionCheckedOn: v.last_oig_check_on,
        },
      });
    }
    return { items, problems };
  },
};

const credentialKinds = ['licence', 'dea-registration', 'board-certification'] as const;

/** Staff credentials on file (`VerifyCredential`): one row per licence, DEA registration or board certification. */
export const credentials: ImportKind = {
  name: 'credentials',
  describes: 'credential of a staff member',
  required: ['staff_id', 'credential_id', 'kind', 'issuer', 'number', 'expires_on', 'verified_on'],
  optional: ['jurisdiction'],
  order: 20,
  build: (rows, ctx) => {
    const problems: RowProblem[] = [];
    const items: ImportItem[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const v = read(
        r,
        {
          staff_id: c.id,
          credential_id: c.id,
          kind: c.oneOf(credentialKinds),
          issuer: c.text,
          number: c.text,
          expires_on: c.date,
          verified_on: c.date,
          jurisdiction: c.optional(c.text),
        },
        problems,
      );
      if (v === undefined || !unique(r, 'credential_id', `${v.staff_id}/${v.credential_id}`, seen, problems))
        continue;
      if (!notAfter(r, 'verified_on', v.verified_on, ctx.asOf, problems, 'the opening-balance date'))
        continue;
      items.push({
        line: r.line,
        aggregate: 'StaffMember',
        columns: {
          staffId: 'staff_id',
          credentialId: 'credential_id',
          kind: 'kind',
          issuer: 'issuer',
          number: 'number',
          expiresOn: 'expires_on',
          verifiedOn: 'verified_on',
          jurisdiction: 'jurisdiction',
        },
        command: {
          type: 'VerifyCredential',
          staffId: v.staff_id,
          credentialId: v.credential_id,
          kind: v.kind,
          issuer: v.issuer,
          number: v.number,
          expiresOn: v.expires_on,
          verifiedOn: v.verified_on,
          ...(v.jurisdiction === undefined ? {} : { jurisdiction: v.jurisdiction }),
        },
      });
    }
    return { items, problems };
  },
};

/**
 * Training history (`AssignTraining` then `CompleteTraining`): one row per course a person has
 * completed, with the date of the last completion; a recurring course is due again
 * `recurrence_months` after it.
 */
export const training: ImportKind = {
  name: 'training',
  describes: 'course a staff member completed',
  required: ['staff_id', 'training_id', 'course', 'completed_on', 'hours', 'required'],
  optional: ['recurrence_months', 'legal_source'],
  order: 30,
  build: (rows, ctx) => {
    const problems: RowProblem[] = [];
    const items: ImportItem[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const v = read(
        r,
        {
          staff_id: c.id,
          training_id: c.id,
          course: c.text,
          completed_on: c.date,
          hours: c.hours,
          required: c.yesNo,
          recurrence_months: c.optional(c.count(120)),
          legal_source: c.optional(c.text),
        },
        problems,
      );
      if (v === undefined || !unique(r, 'training_id', `${v.staff_id}/${v.training_id}`, seen, problems))
        continue;
      if (!notAfter(r, 'completed_on', v.completed_on, ctx.asOf, problems, 'the opening-balance date'))
        continue;
      const columns = {
        staffId: 'staff_id',
        trainingId: 'training_id',
        course: 'course',
        assignedOn: 'completed_on',
        dueOn: 'completed_on',
        completedOn: 'completed_on',
        hours: 'hours',
        required: 'required',
        recurrenceMonths: 'recurrence_months',
        legalSource: 'legal_source',
      };
      items.push(
        {
          line: r.line,
          aggregate: 'StaffMember',
          columns,
          command: {
            type: 'AssignTraining',
            staffId: v.staff_id,
            trainingId: v.training_id,
            course: v.course,
            // The history holds the completion: recorded as assigned and due that day.
            assignedOn: v.completed_on,
            dueOn: v.completed_on,
            required: v.required,
            ...(v.recurrence_months === undefined ? {} : { recurrenceMonths: v.recurrence_months }),
            ...(v.legal_source === undefined ? {} : { legalSource: v.legal_source }),
          },
        },
        {
          line: r.line,
          aggregate: 'StaffMember',
          columns,
          command: {
            type: 'CompleteTraining',
            staffId: v.staff_id,
            trainingId: v.training_id,
            completedOn: v.completed_on,
            hours: v.hours,
          },
        },
      );
    }
    return { items, problems };
  },
};

/**
 * Policies in force at go-live (`DraftPolicy`, `ApprovePolicy`, `PublishPolicy`, `AssignPolicy`,
 * and `ReviewPolicy` for the last review): one row per policy. The approval is recorded as
 * given by the person running the import (who attests it), on `approved_on`.
 */
export const policies: ImportKind = {
  name: 'policies',
  describes: 'policy in force at go-live',
  required: [
    'policy_id',
    'title',
    'review_every_months',
    'approved_on',
    'published_on',
    'effective_on',
    'roles',
  ],
  optional: ['last_reviewed_on', 'summary'],
  order: 40,
  build: (rows, ctx) => {
    const problems: RowProblem[] = [];
    const items: ImportItem[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const v = read(
        r,
        {
          policy_id: c.id,
          title: c.text,
          review_every_months: c.count(120),
          approved_on: c.date,
          published_on: c.date,
          effective_on: c.date,
          roles: c.idList,
          last_reviewed_on: c.optional(c.date),
          summary: c.optional(c.text),
        },
        problems,
      );
      if (v === undefined || !unique(r, 'policy_id', v.policy_id, seen, problems)) continue;
      const what = 'the opening-balance date';
      if (
        !notAfter(r, 'approved_on', v.approved_on, ctx.asOf, problems, what) ||
        !notAfter(r, 'published_on', v.published_on, ctx.asOf, problems, what) ||
        !notAfter(r, 'last_reviewed_on', v.last_reviewed_on, ctx.asOf, problems, what)
      )
        continue;
      const columns = {
        policyId: 'policy_id',
        title: 'title',
        reviewEveryMonths: 'review_every_months',
        draftedOn: 'approved_on',
        approvedOn: 'approved_on',
        approverRole: 'approved_on',
        publishedOn: 'published_on',
        effectiveOn: 'effective_on',
        roles: 'roles',
        assignedOn: 'published_on',
        reviewedOn: 'last_reviewed_on',
        summary: 'summary',
      };
      const step = (command: ImportCommand): ImportItem => ({
        line: r.line,
        aggregate: 'Policy',
        columns,
        command,
      });
      const policyId = v.policy_id;
      items.push(
        step({
          type: 'DraftPolicy',
          policyId,
          title: v.title,
          reviewEveryMonths: v.review_every_months,
          draftedOn: v.approved_on,
          ...(v.summary === undefined ? {} : { summary: v.summary }),
        }),
        step({ type: 'ApprovePolicy', policyId, approvedOn: v.approved_on }),
        step({ type: 'PublishPolicy', policyId, publishedOn: v.published_on, effectiveOn: v.effective_on }),
        step({ type: 'AssignPolicy', policyId, roles: v.roles, assignedOn: v.published_on }),
      );
      if (v.last_reviewed_on !== undefined)
        items.push(step({ type: 'ReviewPolicy', policyId, reviewedOn: v.last_reviewed_on }));
    }
    return { items, problems };
  },
};

/**
 * Policy acknowledgments on file (`AcknowledgePolicy`, version 1): one row per person and
 * policy. The role acknowledged under is the person's role on the staff record on that date.
 */
export const acknowledgments: ImportKind = {
  name: 'acknowledgments',
  describes: 'acknowledgment of a policy by a staff member',
  required: ['policy_id', 'staff_id', 'acknowledged_on'],
  optional: ['role'],
  order: 50,
  build: (rows, ctx) => {
    const problems: RowProblem[] = [];
    const items: ImportItem[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const v = read(
        r,
        { policy_id: c.id, staff_id: c.id, acknowledged_on: c.date, role: c.optional(c.id) },
        problems,
      );
      if (v === undefined || !unique(r, 'staff_id', `${v.policy_id}/${v.staff_id}`, seen, problems)) continue;
      if (!notAfter(r, 'acknowledged_on', v.acknowledged_on, ctx.asOf, problems, 'the opening-balance date'))
        continue;
      // The role acknowledged under is the person's role on the staff record (the practice fills
      // it in); a `role` cell, kept for older files, must agree with this import's staff file.
      const onFile = ctx.staffRoles.get(v.staff_id);
      if (v.role !== undefined && onFile !== undefined && v.role !== onFile) {
        problems.push({
          line: r.line,
          column: 'role',
          message: `role ${v.role} is not staff_id ${v.staff_id}'s role in the staff file (${onFile}); the role comes from the staff record`,
        });
        continue;
      }
      items.push({
        line: r.line,
        aggregate: 'Policy',
        columns: {
          policyId: 'policy_id',
          staffId: 'staff_id',
          acknowledgedOn: 'acknowledged_on',
          role: 'staff_id',
          version: 'policy_id',
        },
        command: {
          type: 'AcknowledgePolicy',
          policyId: v.policy_id,
          version: 1,
          staffId: v.staff_id,
          acknowledgedOn: v.acknowledged_on,
        },
      });
    }
    return { items, problems };
  },
};

const units = ['days', 'weeks', 'months', 'years'] as const;

/**
 * Compliance requirements and when each was last met (`EstablishProgramme` once per
 * programme, `AddRequirement`, `MeetRequirement`): one row per requirement; the programme
 * columns repeat on each of its rows. Met is recorded as by the person running the import.
 */
export const requirements: ImportKind = {
  name: 'requirements',
  describes: 'compliance requirement and when it was last met',
  required: [
    'programme_id',
    'regulation',
    'programme_name',
    'owner_id',
    'requirement_id',
    'title',
    'every',
    'unit',
    'first_due_on',
    'added_on',
  ],
  optional: ['last_met_on', 'evidence', 'legal_source', 'requirement_owner_id'],
  order: 60,
  build: (rows, ctx) => {
    const problems: RowProblem[] = [];
    const items: ImportItem[] = [];
    const seen = new Map<string, number>();
    const established = new Set<string>();
    const groups = group(
      rows,
      'programme_id',
      ['regulation', 'programme_name', 'owner_id'],
      problems,
      'programme',
    );
    for (const [, g] of groups)
      for (const r of g) {
        const v = read(
          r,
          {
            programme_id: c.id,
            // The practice's list of regulations (HIPAA, OSHA, …) is checked by the command.
            regulation: c.text,
            programme_name: c.text,
            owner_id: c.id,
            requirement_id: c.id,
            title: c.text,
            every: c.count(365),
            unit: c.oneOf(units),
            first_due_on: c.date,
            added_on: c.date,
            last_met_on: c.optional(c.date),
            evidence: c.optional(c.text),
            legal_source: c.optional(c.text),
            requirement_owner_id: c.optional(c.id),
          },
          problems,
        );
        if (
          v === undefined ||
          !unique(r, 'requirement_id', `${v.programme_id}/${v.requirement_id}`, seen, problems)
        )
          continue;
        const what = 'the opening-balance date';
        if (
          !notAfter(r, 'added_on', v.added_on, ctx.asOf, problems, what) ||
          !notAfter(r, 'last_met_on', v.last_met_on, ctx.asOf, problems, what)
        )
          continue;
        const columns = {
          programmeId: 'programme_id',
          regulation: 'regulation',
          name: 'programme_name',
          ownerId: v.requirement_owner_id === undefined ? 'owner_id' : 'requirement_owner_id',
          establishedOn: 'added_on',
          requirementId: 'requirement_id',
          title: 'title',
          recurrence: 'every',
          firstDueOn: 'first_due_on',
          addedOn: 'added_on',
          metOn: 'last_met_on',
          evidence: 'evidence',
          legalSource: 'legal_source',
        };
        const step = (command: ImportCommand): ImportItem => ({
          line: r.line,
          aggregate: 'Programme',
          columns,
          command,
        });
        if (!established.has(v.programme_id)) {
          established.add(v.programme_id);
          // Established on the earliest added_on of its requirements.
          const firstAdded =
            g
              .map((x) => x.get('added_on'))
              .filter((d) => c.date(d).ok)
              .sort()[0] ?? v.added_on;
          items.push(
            step({
              type: 'EstablishProgramme',
              programmeId: v.programme_id,
              regulation: v.regulation,
              name: v.programme_name,
              ownerId: v.owner_id,
              establishedOn: firstAdded,
            }),
          );
        }
        items.push(
          step({
            type: 'AddRequirement',
            programmeId: v.programme_id,
            requirementId: v.requirement_id,
            title: v.title,
            recurrence: { every: v.every, unit: v.unit },
            ownerId: v.requirement_owner_id ?? v.owner_id,
            firstDueOn: v.first_due_on,
            addedOn: v.added_on,
            ...(v.legal_source === undefined ? {} : { legalSource: v.legal_source }),
          }),
        );
        if (v.last_met_on !== undefined)
          items.push(
            step({
              type: 'MeetRequirement',
              programmeId: v.programme_id,
              requirementId: v.requirement_id,
              metOn: v.last_met_on,
              ...(v.evidence === undefined ? {} : { evidence: v.evidence }),
            }),
          );
      }
    return { items, problems };
  },
};

/** Every kind of file an import reads, told apart by their header. Most specific first. */
export const importKinds: readonly ImportKind[] = [
  staff,
  credentials,
  training,
  policies,
  acknowledgments,
  requirements,
  openClaims,
  encounters,
  staffApplications,
];
