import type { Actor, CommandInputOf, DomainCommand } from '@praxis/core';
import { Claim } from '@praxis/finance';
import type { commands as remittanceCommands } from '../remittance/index.js';
import { X12Error } from '../x12-error.js';
import { checkBalance, totalsOf, type RemittanceTotals } from './balance.js';
import type { ClaimPayment, ProviderAdjustment, RemittanceAdvice } from './model.js';
import { planClaim, recordedAdjustments, remittanceIdOf, type ClaimPlan, type Unmatched } from './plan.js';
import { readRemittances, streamRemittances, type RemittanceHeader } from './read.js';
import type { X12Source } from '../stream.js';
import type { ClaimPosting } from '../remittance/events.js';

/** The few facade operations the import needs (a `Practice` has them all). */
export interface PostingPort {
  execute(
    aggregate: string,
    command: DomainCommand,
    options?: { readonly actor?: Actor; readonly at?: string; readonly commandId?: string },
  ): Promise<PortOutcome>;
  check(
    aggregate: string,
    command: DomainCommand,
    options?: { readonly actor?: Actor; readonly at?: string },
  ): Promise<PortOutcome>;
  /** The state of one aggregate instance; `found: false` when nothing was recorded for it. */
  load(aggregate: string, id: string): Promise<{ readonly found: boolean; readonly state?: unknown }>;
  readonly clock: { now(): { toISO(o?: { suppressMilliseconds?: boolean }): string | null } };
}
type PortOutcome =
  | { readonly ok: true; readonly replayed?: boolean }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** Options of an import. */
export interface ImportOptions {
  /** Who posts (default: the practice's session actor). */
  readonly actor?: Actor;
  /** Business time of the postings (ISO instant; default: the practice clock's now). */
  readonly at?: string;
}

/** One remittance of the file and what became of it. Money in cents. */
export interface RemittanceResult {
  readonly remittanceId: string;
  readonly traceNumber: string;
  readonly payerName: string;
  /** `posted` now, or `already-posted` by an earlier import of the same trace number. */
  readonly status: 'posted' | 'already-posted';
  readonly totals: RemittanceTotals;
  readonly claims: readonly ClaimPlan[];
  /** Claim commands recorded by this import (0 for a repeat). */
  readonly commandsPosted: number;
}

/**
 * What an import came to:
 * - `posted`: every remittance of the file is posted (or was already: nothing twice);
 * - `invalid`: the file is not a well-formed, balanced 005010X221A1 835 (`error` names the
 *   segment and element); nothing posted;
 * - `unmatched`: some claims cannot be posted (each listed with the reason); nothing posted;
 * - `interrupted`: a claim was refused after the checks passed (a concurrent change); the
 *   remittance is recorded and importing the file again posts the rest, nothing twice.
 */
export type RemittanceImport =
  | { readonly ok: true; readonly outcome: 'posted'; readonly remittances: readonly RemittanceResult[] }
  | { readonly ok: false; readonly outcome: 'invalid'; readonly error: X12Error }
  | {
      readonly ok: false;
      readonly outcome: 'unmatched';
      readonly unmatched: readonly Unmatched[];
      readonly remittances: readonly Omit<RemittanceResult, 'status' | 'commandsPosted'>[];
    }
  | {
      readonly ok: false;
      readonly outcome: 'interrupted';
      readonly claimId: string;
      readonly message: string;
      readonly commandsPosted: number;
    };

/** One claim payment as the remittance record keeps it (RecordRemittance's `claims`). */
type RecordedClaim = RecordRemittanceInput['claims'][number];

/**
 * One remittance as the import keeps it until everything is checked: its header, and per claim
 * only the plan (its finance commands) and the line RecordRemittance records — not the segments.
 */
interface Planned {
  readonly r: RemittanceHeader;
  readonly remittanceId: string;
  totals: RemittanceTotals | undefined;
  providerAdjustments: readonly ProviderAdjustment[];
  readonly already: boolean;
  readonly claims: ClaimPlan[];
  readonly recorded: RecordedClaim[];
}

/**
 * Parses and balances every remittance of a whole text (no practice needed). For a large
 * file, `dryRunRemittances` reads it as a stream.
 */
export const parseRemittances = (
  text: string,
): { remittance: RemittanceAdvice; totals: RemittanceTotals }[] =>
  readRemittances(text).map((r) => {
    checkBalance(r);
    return { remittance: r, totals: totalsOf(r) };
  });

/** The RecordRemittance input: its time is the call's `at`, never a payload field. */
type RecordRemittanceInput = CommandInputOf<typeof remittanceCommands, 'RecordRemittance'> & {
  readonly type: 'RecordRemittance';
};

const recordedClaim = (c: ClaimPayment, posting: ClaimPosting): RecordedClaim => ({
  claimId: c.claimId,
  status: c.status,
  charge: c.charge,
  paid: c.paid,
  patientResponsibility: c.patientResponsibility,
  posting,
  adjustments: recordedAdjustments(c),
  remarks: [...c.remarks, ...c.lines.flatMap((l) => l.remarks)],
  ...(c.payerClaimNumber === undefined ? {} : { payerClaimNumber: c.payerClaimNumber }),
});

const record = (p: Planned): RecordRemittanceInput => ({
  type: 'RecordRemittance',
  remittanceId: p.remittanceId,
  traceNumber: p.r.traceNumber,
  originator: p.r.originator,
  payerName: p.r.payerName,
  handling: p.r.handling,
  paymentAmount: p.r.paymentAmount,
  paymentMethod: p.r.paymentMethod,
  ...(p.r.paymentDate === undefined ? {} : { paymentDate: p.r.paymentDate }),
  claims: p.recorded,
  providerAdjustments: p.providerAdjustments.map((a) => ({
    reason: a.reason,
    amount: a.amount,
    ...(a.reference === undefined ? {} : { reference: a.reference }),
  })),
});

/**
 * Posts an 835 file: reads it as it arrives (`source`: the whole text, or a stream of text or
 * bytes such as `createReadStream(file)`), checks its balancing, matches every claim payment
 * (CLP01 = claimId) against the practice and plans its finance commands claim by claim; if any
 * claim cannot be posted, posts nothing and lists them all. Otherwise it records each remittance
 * (`RemittancePosted`, the idempotency key: TRN03 + TRN02) and then the claims' commands with
 * command ids derived from it, so a repeat of the same file, or of an interrupted import, posts
 * nothing twice. Until the whole file is read and checked it keeps, per claim, only its plan and
 * its line of the remittance record (never the file's text or segments); nothing is posted
 * before the end of the input.
 *
 * Never throws for bad input: an unreadable file is `{ ok: false, outcome: 'invalid', error }`
 * naming the segment and element (the first fault in file order). An error of the source itself
 * (a file that cannot be read) is thrown as it is, with nothing posted.
 *
 * @example
 * const r = await importRemittance(practice, createReadStream('era.835'), { actor: biller });
 * if (r.ok) console.log(r.remittances[0].totals.paid); else if (r.outcome === 'unmatched') console.log(r.unmatched);
 */
export const importRemittance = async (
  port: PostingPort,
  source: X12Source,
  options: ImportOptions = {},
): Promise<RemittanceImport> => {
  const at = options.at ?? port.clock.now().toISO({ suppressMilliseconds: true })!;
  const callOptions = { ...(options.actor === undefined ? {} : { actor: options.actor }), at };
  const seen = new Set<string>();
  const planned: Planned[] = [];
  const unmatched: Unmatched[] = [];
  let current: Planned | undefined;
  try {
    for await (const e of streamRemittances(source)) {
      if (e.kind === 'remittance') {
        const r = e.remittance;
        const remittanceId = remittanceIdOf(r);
        if (seen.has(remittanceId))
          throw new X12Error('invalid', `trace number ${r.traceNumber} appears twice in the file`, {
            ...r.where,
            element: 'TRN02',
          });
        seen.add(remittanceId);
        const loaded = await port.load('Remittance', remittanceId);
        const already = loaded.found && (loaded.state as { status?: string }).status === 'posted';
        current = {
          r,
          remittanceId,
          already,
          totals: undefined,
          providerAdjustments: [],
          claims: [],
          recorded: [],
        };
        planned.push(current);
      } else if (e.kind === 'claim') {
        const p = current!;
        const c = e.claim;
        const claimLoaded = await port.load('Claim', c.claimId);
        const claimState = claimLoaded.found ? claimLoaded.state : Claim.initialState;
        const plan = planClaim(c, claimState as Claim.State, `ERA ${p.remittanceId}#${e.index}`, e.index);
        if ('reason' in plan) {
          if (!p.already) unmatched.push(plan);
          p.recorded.push(recordedClaim(c, 'no-posting'));
          continue;
        }
        p.claims.push(plan);
        p.recorded.push(recordedClaim(c, plan.posting));
        if (p.already) continue;
        const first = plan.commands[0];
        if (first === undefined) continue;
        const checked = await port.check(first.aggregate, first.command as DomainCommand, callOptions);
        if (!checked.ok)
          unmatched.push({
            claimId: c.claimId,
            reason: `claim ${c.claimId}: ${checked.message}`,
            where: c.where,
          });
      } else {
        const p = current!;
        p.totals = e.totals;
        p.providerAdjustments = e.providerAdjustments;
        if (!p.already) {
          const checked = await port.check('Remittance', record(p), callOptions);
          if (!checked.ok)
            unmatched.push({
              claimId: '',
              reason: `remittance ${p.remittanceId}: ${checked.message}`,
              where: p.r.where,
            });
        }
        current = undefined;
      }
    }
  } catch (e) {
    if (X12Error.isInstance(e)) return { ok: false, outcome: 'invalid', error: e };
    throw e;
  }
  if (unmatched.length > 0)
    return {
      ok: false,
      outcome: 'unmatched',
      unmatched,
      remittances: planned.map((p) => ({
        remittanceId: p.remittanceId,
        traceNumber: p.r.traceNumber,
        payerName: p.r.payerName,
        totals: p.totals!,
        claims: p.claims,
      })),
    };
  const results: RemittanceResult[] = [];
  let total = 0;
  for (const p of planned) {
    if (!p.already) {
      const rec = await port.execute('Remittance', record(p), {
        ...callOptions,
        commandId: `era:${p.remittanceId}`,
      });
      if (!rec.ok)
        return {
          ok: false,
          outcome: 'interrupted',
          claimId: '',
          message: rec.message,
          commandsPosted: total,
        };
    }
    let posted = 0;
    for (const plan of p.claims) {
      for (const [k, cmd] of plan.commands.entries()) {
        const out = await port.execute(cmd.aggregate, cmd.command as DomainCommand, {
          ...callOptions,
          commandId: `era:${p.remittanceId}:${plan.index}:${k + 1}`,
        });
        if (!out.ok)
          return {
            ok: false,
            outcome: 'interrupted',
            claimId: plan.claimId,
            message: out.message,
            commandsPosted: total + posted,
          };
        if (out.replayed !== true) posted++;
      }
    }
    total += posted;
    results.push({
      remittanceId: p.remittanceId,
      traceNumber: p.r.traceNumber,
      payerName: p.r.payerName,
      status: p.already ? 'already-posted' : 'posted',
      totals: p.totals!,
      claims: p.claims,
      commandsPosted: posted,
    });
  }
  return { ok: true, outcome: 'posted', remittances: results };
};

/** One remittance of a dry run: its header, PLB and totals (its claims were reported one by one). */
export interface DryRunRemittance {
  readonly remittance: RemittanceHeader;
  readonly providerAdjustments: readonly ProviderAdjustment[];
  readonly totals: RemittanceTotals;
}

/**
 * The dry run of an import, with no practice: reads and balances an 835 as it arrives, calls
 * `onClaim` for each claim payment as soon as it is read (so a caller can print it and forget
 * it), and returns each remittance's totals — memory flat in the file size. Throws `X12Error`
 * for a bad file (the first fault in file order); claims reported before it are not posted
 * anywhere.
 *
 * @example
 * const all = await dryRunRemittances(createReadStream('era.835'), (c, r) => console.log(r.traceNumber, c.claimId));
 */
export const dryRunRemittances = async (
  source: X12Source,
  onClaim: (claim: ClaimPayment, remittance: RemittanceHeader, index: number) => void = () => {},
): Promise<DryRunRemittance[]> => {
  const out: DryRunRemittance[] = [];
  for await (const e of streamRemittances(source)) {
    if (e.kind === 'claim') onClaim(e.claim, e.remittance, e.index);
    else if (e.kind === 'end')
      out.push({ remittance: e.remittance, providerAdjustments: e.providerAdjustments, totals: e.totals });
  }
  return out;
};
