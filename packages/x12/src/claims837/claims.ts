import { randomUUID } from 'node:crypto';
import * as t from 'io-ts';
import type { DomainCommand, ReadModelReader } from '@praxis/core';
import { Claim } from '@praxis/finance';
import type { ImportOptions, PostingPort } from '../era/import.js';
import { X12Error } from '../x12-error.js';
import { read837P, write837P, type Parties837, type ProfessionalClaim } from './p837.js';

/** What the 837P export and import need of a practice (a `Practice`'s core has it all). */
export interface ClaimsPort extends PostingPort {
  /** The read models, personal fields revealed (the export lists `finance-claims`). */
  readonly readModels: ReadModelReader;
  /** The practice's IANA time zone (an imported claim's dates are read in it). */
  readonly settings: { readonly timeZone: string };
}

/** The read model listing every claim with its status (@praxis/kpi's `finance-claims`, keys `claim:<claimId>`). */
const CLAIMS_READ_MODEL = 'finance-claims';

const text = (max: number) =>
  new t.Type<string, string, unknown>(
    `X12 text (1–${max})`,
    (u): u is string => typeof u === 'string',
    (u, c) =>
      typeof u === 'string' &&
      u.length >= 1 &&
      u.length <= max &&
      /^[\x20-\x7E]+$/.test(u) &&
      !/[*:^~]/.test(u)
        ? t.success(u)
        : t.failure(u, c, `1–${max} printable characters without * : ^ ~`),
    (a) => a,
  );
const digits = (n: number, what: string) =>
  new t.Type<string, string, unknown>(
    what,
    (u): u is string => typeof u === 'string',
    (u, c) => (typeof u === 'string' && new RegExp(`^\\d{${n}}$`).test(u) ? t.success(u) : t.failure(u, c)),
    (a) => a,
  );

/**
 * The National Provider Identifier check digit (Luhn over `80840` + the first nine digits,
 * 45 CFR 162.406; CMS "NPI check digit"): true for a well-formed NPI.
 */
export const isNpi = (npi: string): boolean => {
  if (!/^\d{10}$/.test(npi)) return false;
  const digitsOf = `80840${npi.slice(0, 9)}`.split('').map(Number);
  let sum = 0;
  for (let i = digitsOf.length - 1, double = true; i >= 0; i--, double = !double) {
    const d = digitsOf[i]! * (double ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
};
const Npi = new t.Type<string, string, unknown>(
  'NPI',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u === 'string' && isNpi(u) ? t.success(u) : t.failure(u, c, 'not an NPI (10 digits, check digit)'),
  (a) => a,
);
const Person = t.type({ npi: Npi, lastName: text(60), firstName: text(35) });

/**
 * Who sends an 837P and to whom (the practice's EDI set-up, e.g. a JSON file): submitter
 * (1000A), receiver (1000B), billing provider (2010AA, NPI and EIN), and the rendering
 * providers by staff id (2310B: NPI and name as enrolled with payers).
 */
export const EdiParties = t.intersection([
  t.type({
    submitter: t.type({
      name: text(60),
      id: text(15),
      contact: text(60),
      phone: digits(10, 'phone (10 digits)'),
    }),
    receiver: t.type({ name: text(60), id: text(15) }),
    billingProvider: t.type({
      name: text(60),
      npi: Npi,
      taxId: digits(9, 'EIN (9 digits)'),
      address: text(55),
      city: text(30),
      state: text(2),
      zip: text(15),
    }),
  }),
  t.partial({ renderingProviders: t.record(t.string, Person) }),
]);
export type EdiParties = Parties837 & {
  readonly renderingProviders?: Readonly<
    Record<string, { readonly npi: string; readonly lastName: string; readonly firstName: string }>
  >;
};

/** Decodes the EDI parties (a JSON file's content): the value, or an X12Error naming the field. */
export const ediParties = (u: unknown): EdiParties => {
  const r = EdiParties.decode(u);
  if (r._tag === 'Right') return r.right;
  const e = r.left[0]!;
  const path = e.context
    .map((c) => c.key)
    .filter((k) => k !== '' && !/^\d+$/.test(k))
    .join('.');
  throw new X12Error(
    'invalid',
    `EDI parties: ${path || 'the document'} ${e.message ?? 'is missing or malformed'}`,
  );
};

/** SBR09 claim filing indicator of a payer kind (5010 code list): Medicare Part B, Medicaid, commercial. */
const FILING: Readonly<Record<string, string>> = {
  medicare: 'MB',
  medicaid: 'MC',
  commercial: 'CI',
  other: 'ZZ',
};
/** The payer kind an 837's SBR09 names. */
export const payerKindOf = (sbr09: string | undefined): Claim.PayerKind =>
  sbr09 === 'MB' || sbr09 === 'MA' || sbr09 === '16'
    ? 'medicare'
    : sbr09 === 'MC'
      ? 'medicaid'
      : sbr09 === undefined || sbr09 === 'ZZ' || sbr09 === '11'
        ? 'other'
        : 'commercial';

/** A claim the export or import leaves out, and why. */
export interface ClaimProblem {
  readonly claimId: string;
  readonly reason: string;
}

/** The statuses of a claim not yet sent to the payer. */
const UNSENT: readonly string[] = ['charges-registered', 'created', 'held', 'clean'];

/** The statuses of a claim that went to the payer at least once. */
const SENT: readonly string[] = ['submitted', 'accepted', 'rejected', 'denied', 'appealed', 'adjudicated'];

/** Options of an 837P export. */
export interface ExportOptions {
  /** The claims to export (default: every claim in status `clean`, scrubbed and not yet submitted). */
  readonly claimIds?: readonly string[];
  /** ISA13/GS06/BHT03 (default: seconds since 2020 modulo 10⁹). */
  readonly controlNumber?: number;
  /** Record `SubmitClaim` for every exported clean claim (the file is what goes to the payer). */
  readonly submit?: boolean;
  /**
   * Also export claims already submitted (submitted, accepted, rejected, denied, appealed,
   * adjudicated) as copies — a clearinghouse resend, a migration — without a submission check.
   */
  readonly includeSubmitted?: boolean;
  /** `T` for a test interchange (ISA15). */
  readonly usage?: 'P' | 'T';
  readonly actor?: ImportOptions['actor'];
  /** Business time of the export and submissions (default: the practice clock). */
  readonly at?: string;
}

/**
 * What an export came to: the 837P text (undefined when no claim could go), the claims in it,
 * the claims left out with the reason (not in status `clean`, self-pay, missing what an 837P
 * needs, a rendering provider without an NPI in the parties, a submission the practice would
 * refuse, e.g. `EligibilityNotChecked`), and how many submissions were recorded.
 */
export interface ClaimsExport {
  readonly text: string | undefined;
  readonly claims: readonly ProfessionalClaim[];
  readonly skipped: readonly ClaimProblem[];
  readonly submitted: number;
}

const undotted = (code: string): string => code.replace('.', '');

/** The 837P view of one claim (revealed state), or why it cannot go. */
const professionalClaim = (
  s: Claim.State,
  parties: EdiParties,
): { claim: ProfessionalClaim } | { reason: string } => {
  const b = s.billing;
  if (s.payerKind === 'self-pay') return { reason: 'a self-pay claim goes to no payer' };
  const missing = [
    b.memberId === undefined ? 'memberId' : '',
    b.subscriber === undefined ? 'subscriber' : '',
    b.diagnoses.length === 0 ? 'diagnoses' : '',
  ].filter((x) => x !== '');
  if (missing.length > 0) return { reason: `the claim has no ${missing.join(', ')} (837P needs them)` };
  if (b.memberId === '[forgotten]') return { reason: "the patient's personal data was erased" };
  if (s.claimId.length > 38 || /[*:^~]/.test(s.claimId))
    return { reason: 'the claim id does not fit CLM01 (at most 38 characters, no * : ^ ~)' };
  const provider =
    b.renderingProviderId === undefined ? undefined : parties.renderingProviders?.[b.renderingProviderId];
  if (b.renderingProviderId !== undefined && provider === undefined)
    return { reason: `rendering provider ${b.renderingProviderId} has no NPI in the EDI parties` };
  return {
    claim: {
      claimId: s.claimId,
      totalCharge: s.totalCharges,
      placeOfService: b.placeOfService ?? '11',
      diagnoses: b.diagnoses.map(undotted),
      subscriber: {
        memberId: b.memberId!,
        lastName: b.subscriber!.lastName,
        firstName: b.subscriber!.firstName,
      },
      payer: { id: s.payerId, name: s.payerId },
      claimFilingIndicator: FILING[s.payerKind] ?? 'ZZ',
      ...(b.priorAuthorizationNumber === undefined ? {} : { priorAuthorization: b.priorAuthorizationNumber }),
      ...(provider === undefined
        ? {}
        : {
            renderingProvider: {
              npi: provider.npi,
              lastName: provider.lastName,
              firstName: provider.firstName,
            },
          }),
      lines: s.charges.map((l) => ({
        cptCode: l.cptCode,
        ...(l.modifiers === undefined || l.modifiers.length === 0 ? {} : { modifiers: [...l.modifiers] }),
        charge: l.amount,
        units: l.units,
        diagnosisPointers: [...(l.diagnosisPointers ?? [1])],
        serviceDate: s.dateOfService,
      })),
    },
  };
};

/**
 * Writes the practice's claims ready to submit (status `clean`, or the ids given) as one
 * 005010X222A1 837P. Each claim's submission is checked first (`practice.check`: the
 * eligibility rule, the filing deadline, permissions); claims that cannot go are listed in
 * `skipped` with the reason. With `submit: true` the exported claims are then submitted
 * (command ids `837:<control number>:<claimId>`, so a repeat posts nothing twice).
 *
 * Throws `X12Error` (kind `invalid`) for malformed parties; never for a claim's data.
 */
export const exportClaims = async (
  port: ClaimsPort,
  parties: EdiParties,
  options: ExportOptions = {},
): Promise<ClaimsExport> => {
  const checkedParties = ediParties(parties);
  const at = options.at ?? port.clock.now().toISO({ suppressMilliseconds: true })!;
  const call = { ...(options.actor === undefined ? {} : { actor: options.actor }), at };
  let ids: string[];
  if (options.claimIds !== undefined) ids = [...new Set(options.claimIds)];
  else {
    ids = [];
    for await (const [, doc] of port.readModels.list(CLAIMS_READ_MODEL, 'claim:')) {
      const d = doc as { claimId?: string; status?: string; payerKind?: string };
      if (d.claimId === undefined || d.status === undefined) continue;
      if (
        d.status === 'clean' ||
        (options.includeSubmitted === true && SENT.includes(d.status) && d.payerKind !== 'self-pay')
      )
        ids.push(d.claimId);
    }
  }
  const claims: ProfessionalClaim[] = [];
  const skipped: ClaimProblem[] = [];
  const toSubmit: string[] = [];
  for (const claimId of ids) {
    const loaded = await port.load('Claim', claimId);
    if (!loaded.found) {
      skipped.push({ claimId, reason: 'no such claim' });
      continue;
    }
    const state = loaded.state as Claim.State;
    const copy = options.includeSubmitted === true && SENT.includes(state.status);
    if (state.status !== 'clean' && !copy) {
      skipped.push({
        claimId,
        reason: `the claim is ${state.status}, not clean (scrubbed and not yet submitted)`,
      });
      continue;
    }
    const view = professionalClaim(state, checkedParties);
    if ('reason' in view) {
      skipped.push({ claimId, reason: view.reason });
      continue;
    }
    if (!copy) {
      const checked = await port.check('Claim', { type: 'SubmitClaim', claimId } as DomainCommand, call);
      if (!checked.ok) {
        skipped.push({ claimId, reason: `${checked.code}: ${checked.message}` });
        continue;
      }
      toSubmit.push(claimId);
    }
    claims.push(view.claim);
  }
  if (claims.length === 0) return { text: undefined, claims, skipped, submitted: 0 };
  const controlNumber =
    options.controlNumber ?? (Math.floor((Date.parse(at) - Date.UTC(2020, 0, 1)) / 1000) % 999_999_999) + 1;
  const text = write837P(claims, checkedParties, {
    controlNumber,
    createdAt: at,
    ...(options.usage === undefined ? {} : { usage: options.usage }),
  });
  let submitted = 0;
  if (options.submit === true)
    for (const c of claims) {
      const out = await port.execute('Claim', { type: 'SubmitClaim', claimId: c.claimId } as DomainCommand, {
        ...call,
        commandId: `837:${controlNumber}:${c.claimId}`,
      });
      if (out.ok && out.replayed !== true) submitted++;
    }
  return { text, claims, skipped, submitted };
};

/** Options of an 837P import. */
export interface ClaimImportOptions extends ImportOptions {
  /**
   * The opaque patient id of an incoming claim (never a name or member id). Default: one new
   * UUID per payer and member id within the file.
   */
  readonly patientIdOf?: (claim: ProfessionalClaim) => string;
  /** Rendering providers by NPI → staff id (default: the inverse of `parties.renderingProviders`). */
  readonly parties?: EdiParties;
  /**
   * @deprecated Not used: an imported claim is an opening claim filed in the old system, which
   * is not held to the eligibility rule again (as a go-live CSV's open claim), so no override is
   * recorded.
   */
  readonly overrideReason?: string;
}

/** One claim of an imported file. Money in cents. */
export interface ImportedClaim {
  readonly claimId: string;
  readonly status: 'imported' | 'already-imported';
  readonly totalCharge: number;
  readonly lines: number;
}

/**
 * What an 837P import came to: `imported` (every claim registered, created, scrubbed and
 * submitted, or already there), `invalid` (not a readable 837P; nothing recorded), `unmatched`
 * (some claims would be refused, each listed with the reason; nothing recorded) or
 * `interrupted` (a concurrent change refused a command after the checks; importing the file
 * again finishes it).
 */
export type ClaimsImport =
  | { readonly ok: true; readonly outcome: 'imported'; readonly claims: readonly ImportedClaim[] }
  | { readonly ok: false; readonly outcome: 'invalid'; readonly error: X12Error }
  | { readonly ok: false; readonly outcome: 'unmatched'; readonly unmatched: readonly ClaimProblem[] }
  | {
      readonly ok: false;
      readonly outcome: 'interrupted';
      readonly claimId: string;
      readonly message: string;
      readonly commandsPosted: number;
    };

type Cmd = { readonly type: string; readonly claimId: string } & Readonly<Record<string, unknown>>;

/**
 * The opening claim (`RecordOpeningClaim`, status `submitted`) that brings one 837P claim into
 * Praxis as open A/R: the same command as a go-live CSV's open claim, so both paths share one
 * semantics — a claim already filed in the old system is not a new filing (no filing limit, no
 * eligibility rule), and every other claim rule applies.
 */
const commandsOf = (
  c: ProfessionalClaim,
  patientId: string,
  timeZone: string,
  providerIdOf: (npi: string) => string | undefined,
): { command: Cmd } | { reason: string } => {
  const diagnoses: string[] = [];
  for (const d of c.diagnoses) {
    const code = Claim.icd10(d);
    if (code === undefined) return { reason: `diagnosis ${d} is not an ICD-10-CM code` };
    diagnoses.push(code);
  }
  const dates = c.lines.map((l) => l.serviceDate).sort();
  const dateOfService = dates[0];
  if (dateOfService === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfService))
    return { reason: 'the claim has no service date (DTP*472)' };
  if (c.lines.some((l) => !Number.isInteger(l.units)))
    return { reason: 'fractional units (SV104) are not supported' };
  if (c.subscriber.memberId === '') return { reason: 'no subscriber member id (NM1*IL NM109)' };
  if (c.payer.id === '') return { reason: 'no payer id (NM1*PR NM109)' };
  const providerId = c.renderingProvider === undefined ? undefined : providerIdOf(c.renderingProvider.npi);
  return {
    command: {
      type: 'RecordOpeningClaim',
      claimId: c.claimId,
      encounterId: `837:${c.claimId}`,
      patientId,
      payerId: c.payer.id,
      payerKind: payerKindOf(c.claimFilingIndicator),
      dateOfService,
      timeZone,
      charges: c.lines.map((l) => ({
        cptCode: l.cptCode,
        units: l.units,
        amount: l.charge,
        ...(l.modifiers === undefined || l.modifiers.length === 0 ? {} : { modifiers: [...l.modifiers] }),
        ...(l.diagnosisPointers === undefined || diagnoses.length === 0
          ? {}
          : { diagnosisPointers: [...l.diagnosisPointers] }),
      })),
      status: 'submitted',
      memberId: c.subscriber.memberId,
      ...(c.subscriber.lastName === '' || c.subscriber.firstName === ''
        ? {}
        : { subscriber: { lastName: c.subscriber.lastName, firstName: c.subscriber.firstName } }),
      ...(diagnoses.length === 0 ? {} : { diagnoses }),
      ...(providerId === undefined ? {} : { renderingProviderId: providerId }),
      ...(c.priorAuthorization === undefined ? {} : { priorAuthorizationNumber: c.priorAuthorization }),
      ...(/^\d{2}$/.test(c.placeOfService) ? { placeOfService: c.placeOfService } : {}),
    },
  };
};

/**
 * Registers the claims of an 837P from another system as submitted claims (go-live of open
 * A/R): per claim one `RecordOpeningClaim` with status `submitted` — charges, ICD-10-CM
 * diagnoses and pointers, modifiers, subscriber and member id (sealed), prior authorization,
 * rendering provider by NPI — the command a go-live CSV's open claim uses, so the two paths
 * agree: a claim filed in the old system is not held to its filing limit or to the eligibility
 * rule again (docs/decisions/golive-filed-claims.md); every other claim rule, the staff record
 * and the books' period lock apply. All of the file's claims or none: each is checked first
 * (`practice.check`), and a claim already in Praxis with the same charges is `already-imported`.
 * Command ids `837in:<claimId>` make a repeat or an interrupted import safe. Never throws for
 * bad input.
 */
export const importClaims = async (
  port: ClaimsPort,
  text: string,
  options: ClaimImportOptions = {},
): Promise<ClaimsImport> => {
  let claims: ProfessionalClaim[];
  let parties: EdiParties | undefined;
  try {
    claims = read837P(text);
    parties = options.parties === undefined ? undefined : ediParties(options.parties);
  } catch (e) {
    if (X12Error.isInstance(e)) return { ok: false, outcome: 'invalid', error: e };
    throw e;
  }
  const at = options.at ?? port.clock.now().toISO({ suppressMilliseconds: true })!;
  const call = { ...(options.actor === undefined ? {} : { actor: options.actor }), at };
  const byNpi = new Map(Object.entries(parties?.renderingProviders ?? {}).map(([id, p]) => [p.npi, id]));
  const patients = new Map<string, string>();
  const patientIdOf =
    options.patientIdOf ??
    ((c: ProfessionalClaim) => {
      const key = `${c.payer.id}\u0000${c.subscriber.memberId}`;
      let id = patients.get(key);
      if (id === undefined) patients.set(key, (id = randomUUID()));
      return id;
    });
  const unmatched: ClaimProblem[] = [];
  const planned: { claim: ProfessionalClaim; command: Cmd | undefined }[] = [];
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.claimId)) {
      unmatched.push({ claimId: c.claimId, reason: 'the claim id appears twice in the file' });
      continue;
    }
    seen.add(c.claimId);
    const existing = await port.load('Claim', c.claimId);
    if (existing.found) {
      const s = existing.state as Claim.State;
      if (UNSENT.includes(s.status))
        unmatched.push({
          claimId: c.claimId,
          reason: `claim ${c.claimId} is already in Praxis and not submitted there (status ${s.status})`,
        });
      else if (s.totalCharges === c.totalCharge) planned.push({ claim: c, command: undefined });
      else
        unmatched.push({
          claimId: c.claimId,
          reason: `claim ${c.claimId} is already in Praxis with charges of ${s.totalCharges} cents, not ${c.totalCharge}`,
        });
      continue;
    }
    const plan = commandsOf(c, patientIdOf(c), port.settings.timeZone, (npi) => byNpi.get(npi));
    if ('reason' in plan) {
      unmatched.push({ claimId: c.claimId, reason: plan.reason });
      continue;
    }
    const checked = await port.check('Claim', plan.command as DomainCommand, call);
    if (!checked.ok) {
      unmatched.push({ claimId: c.claimId, reason: `${checked.code}: ${checked.message}` });
      continue;
    }
    planned.push({ claim: c, command: plan.command });
  }
  if (unmatched.length > 0) return { ok: false, outcome: 'unmatched', unmatched };
  const out: ImportedClaim[] = [];
  let posted = 0;
  for (const p of planned) {
    if (p.command !== undefined) {
      const r = await port.execute('Claim', p.command as DomainCommand, {
        ...call,
        commandId: `837in:${p.claim.claimId}`,
      });
      if (!r.ok)
        return {
          ok: false,
          outcome: 'interrupted',
          claimId: p.claim.claimId,
          message: r.message,
          commandsPosted: posted,
        };
      if (r.replayed !== true) posted++;
    }
    out.push({
      claimId: p.claim.claimId,
      status: p.command === undefined ? 'already-imported' : 'imported',
      totalCharge: p.claim.totalCharge,
      lines: p.claim.lines.length,
    });
  }
  return { ok: true, outcome: 'imported', claims: out };
};
