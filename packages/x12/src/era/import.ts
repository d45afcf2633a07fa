import type { Actor, CommandInputOf, DomainCommand } from '@praxis/core';
import { Claim } from '@praxis/finance';
import type { commands as remittanceCommands } from '../remittance/index.js';
import { X12Error } from '../x12-error.js';
import { checkBalance, totalsOf, type RemittanceTotals } from './balance.js';
import type { RemittanceAdvice } from './model.js';
import { planClaim, recordedAdjustments, remittanceIdOf, type ClaimPlan, type Unmatched } from './plan.js';
import { readRemittances } from './read.js';

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

interface Planned {
  readonly r: RemittanceAdvice;
  readonly remittanceId: string;
  readonly totals: RemittanceTotals;
  readonly already: boolean;
  readonly claims: ClaimPlan[];
}

/** Parses and balances every remittance of a file (no practice needed): the dry run. */
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
  claims: p.r.claims.map((c, i) => ({
    claimId: c.claimId,
    status: c.status,
    charge: c.charge,
    paid: c.paid,
    patientResponsibility: c.patientResponsibility,
    posting: p.claims[i]?.posting ?? 'no-posting',
    adjustments: recordedAdjustments(c),
    remarks: [...c.remarks, ...c.lines.flatMap((l) => l.remarks)],
    ...(c.payerClaimNumber === undefined ? {} : { payerClaimNumber: c.payerClaimNumber }),
  })),
  providerAdjustments: p.r.providerAdjustments.map((a) => ({
    reason: a.reason,
    amount: a.amount,
    ...(a.reference === undefined ? {} : { reference: a.reference }),
  })),
});

/**
 * Posts an 835 file: parses it, checks its balancing, matches every claim payment (CLP01 =
 * claimId) against the practice and plans its finance commands; if any claim cannot be posted,
 * posts nothing and lists them all. Otherwise it records each remittance (`RemittancePosted`,
 * the idempotency key: TRN03 + TRN02) and then the claims' commands with command ids derived
 * from it, so a repeat of the same file, or of an interrupted import, posts nothing twice.
 *
 * Never throws for bad input: an unreadable file is `{ ok: false, outcome: 'invalid', error }`.
 *
 * @example
 * const r = await importRemittance(practice, readFileSync('era.835', 'utf8'), { actor: biller });
 * if (r.ok) console.log(r.remittances[0].totals.paid); else if (r.outcome === 'unmatched') console.log(r.unmatched);
 */
export const importRemittance = async (
  port: PostingPort,
  text: string,
  options: ImportOptions = {},
): Promise<RemittanceImport> => {
  let parsed: { remittance: RemittanceAdvice; totals: RemittanceTotals }[];
  try {
    parsed = parseRemittances(text);
  } catch (e) {
    if (X12Error.isInstance(e)) return { ok: false, outcome: 'invalid', error: e };
    throw e;
  }
  const at = options.at ?? port.clock.now().toISO({ suppressMilliseconds: true })!;
  const callOptions = { ...(options.actor === undefined ? {} : { actor: options.actor }), at };
  const seen = new Set<string>();
  const planned: Planned[] = [];
  const unmatched: Unmatched[] = [];
  for (const { remittance: r, totals } of parsed) {
    const remittanceId = remittanceIdOf(r);
    if (seen.has(remittanceId))
      return {
        ok: false,
        outcome: 'invalid',
        error: new X12Error('invalid', `trace number ${r.traceNumber} appears twice in the file`, {
          ...r.where,
          element: 'TRN02',
        }),
      };
    seen.add(remittanceId);
    const loaded = await port.load('Remittance', remittanceId);
    const already = loaded.found && (loaded.state as { status?: string }).status === 'posted';
    const claims: ClaimPlan[] = [];
    // Simulated balances: a claim paid twice in one file is checked against what is left.
    for (const [i, c] of r.claims.entries()) {
      const claimLoaded = await port.load('Claim', c.claimId);
      const claimState = claimLoaded.found ? claimLoaded.state : Claim.initialState;
      const plan = planClaim(c, claimState as Claim.State, `ERA ${remittanceId}#${i + 1}`, i + 1);
      if ('reason' in plan) {
        if (!already) unmatched.push(plan);
        continue;
      }
      claims.push(plan);
      if (already) continue;
      const first = plan.commands[0];
      if (first === undefined) continue;
      const checked = await port.check(first.aggregate, first.command as DomainCommand, callOptions);
      if (!checked.ok)
        unmatched.push({
          claimId: c.claimId,
          reason: `claim ${c.claimId}: ${checked.message}`,
          where: c.where,
        });
    }
    const p: Planned = { r, remittanceId, totals, already, claims };
    if (!already) {
      const checked = await port.check('Remittance', record(p), callOptions);
      if (!checked.ok)
        unmatched.push({
          claimId: '',
          reason: `remittance ${remittanceId}: ${checked.message}`,
          where: r.where,
        });
    }
    planned.push(p);
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
        totals: p.totals,
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
      totals: p.totals,
      claims: p.claims,
      commandsPosted: posted,
    });
  }
  return { ok: true, outcome: 'posted', remittances: results };
};
