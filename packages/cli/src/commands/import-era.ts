import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  carcDescription,
  dollars,
  rarcDescription,
  isDenial,
  parseRemittances,
  X12Error,
  type ClaimPlan,
  type RemittanceAdvice,
  type RemittanceTotals,
} from '@praxis/x12';
import type { CliCommand, CommandContext } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { table } from '../format.js';
import { openPractice } from '../open.js';
import { UsageError } from '../usage-error.js';
import { str } from '../when.js';

const readText = (ctx: CommandContext, file: string): string => {
  try {
    return readFileSync(resolve(ctx.io.cwd, file), 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
};

const groupOf = (t: RemittanceTotals): string =>
  Object.entries(t.adjustmentsByReason)
    .map(([k, v]) => `${k} ${dollars(v)}`)
    .join(', ') || 'none';

/** Each CARC and RARC of the remittance with its description (the built-in code lists). */
const codesOf = (r: RemittanceAdvice): string[] => {
  const carcs = new Set<string>();
  const rarcs = new Set<string>();
  for (const c of r.claims) {
    for (const a of [...c.adjustments, ...c.lines.flatMap((l) => l.adjustments)]) carcs.add(a.carc);
    for (const m of [...c.remarks, ...c.lines.flatMap((l) => l.remarks)]) rarcs.add(m);
  }
  return [
    ...[...carcs].sort().map((c) => `  CARC ${c}: ${carcDescription(c) ?? '(not in the code list)'}`),
    ...[...rarcs].sort().map((c) => `  RARC ${c}: ${rarcDescription(c) ?? '(not in the code list)'}`),
  ];
};

/** The per-claim table and the totals of one remittance, as the file states them. */
const describeRemittance = (
  r: RemittanceAdvice,
  t: RemittanceTotals,
  plans?: readonly ClaimPlan[],
): string[] => {
  const rows = [['claim', 'CLP02', 'charges', 'paid', 'patient', 'CO', 'OA/PI', 'posting']];
  for (const [i, c] of r.claims.entries()) {
    const adj = [...c.adjustments, ...c.lines.flatMap((l) => l.adjustments)];
    const of = (...g: string[]) => adj.filter((a) => g.includes(a.group)).reduce((x, a) => x + a.amount, 0);
    const plan = plans?.find((p) => p.index === i + 1);
    rows.push([
      c.claimId,
      c.status,
      dollars(c.charge),
      dollars(c.paid),
      dollars(c.patientResponsibility),
      dollars(of('CO')),
      dollars(of('OA', 'PI', 'CR')),
      plan === undefined
        ? isDenial(c)
          ? 'denial'
          : c.status === '22'
            ? 'reversal'
            : 'payment'
        : plan.denial === undefined
          ? plan.posting
          : `denial (CARC ${plan.denial.carcCode}${carcDescription(plan.denial.carcCode) === undefined ? '' : `: ${carcDescription(plan.denial.carcCode)}`}, ${dollars(plan.denial.amount)})`,
    ]);
  }
  rows.push([
    `total (${t.claims})`,
    '',
    dollars(t.charges),
    dollars(t.paid),
    dollars(t.patientResponsibility),
    dollars(t.adjustmentsByGroup.CO ?? 0),
    dollars((t.adjustmentsByGroup.OA ?? 0) + (t.adjustmentsByGroup.PI ?? 0) + (t.adjustmentsByGroup.CR ?? 0)),
    '',
  ]);
  return [
    `remittance ${r.traceNumber} from ${r.payerName || r.originator || 'the payer'} to ${r.payeeName || 'the practice'} (BPR01 ${r.handling}, ${r.paymentMethod || 'no method'}${r.paymentDate === undefined ? '' : `, ${r.paymentDate}`})`,
    table(rows, new Set([2, 3, 4, 5, 6])),
    `adjustments by group and CARC: ${groupOf(t)}`,
    ...codesOf(r),
    `provider-level adjustments (PLB): ${dollars(t.providerAdjustments)}`,
    `reconciliation: BPR02 ${dollars(t.payment)} = Σ CLP04 ${dollars(t.paid)} − PLB ${dollars(t.providerAdjustments)} ✓`,
  ];
};

/** `praxis import-era FILE`: post an X12 835 remittance; `--dry-run` needs no practice. */
export const importEra: CliCommand = {
  name: 'import-era',
  summary:
    'post an X12 835 remittance (ERA) file: all of its claims or none; --dry-run shows what it would post',
  usage: [
    'praxis import-era <file.835> [--dry-run] [--at instant] [--actor id] [--role role] [--db file | --store url]',
    '',
    '  Reads a 005010X221A1 835, checks its balancing (BPR02 = Σ CLP04 − PLB, each claim and line),',
    '  matches each claim payment (CLP01 = claim id) and posts payer payments, contractual (CO) and',
    '  other (OA/PI) adjustments, patient responsibility (PR) and denials (CLP02 4) through the',
    '  finance commands. If any claim cannot be posted, each is listed with the reason and nothing',
    '  is posted. Importing the same file again (same TRN trace number) posts nothing twice.',
    '  --dry-run       parse, reconcile and print what would be posted; opens no practice',
    '  --at            business time of the postings (default: now)',
    '  --actor/--role  who posts (default: era-import / biller)',
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean' },
    at: { type: 'string' },
    actor: { type: 'string' },
    role: { type: 'string' },
  },
  positionals: 1,
  run: async (ctx) => {
    const file = ctx.positionals[0];
    if (file === undefined)
      throw new UsageError('import-era needs an 835 file (see praxis import-era --help)');
    const text = readText(ctx, file);
    let parsed: ReturnType<typeof parseRemittances>;
    try {
      parsed = parseRemittances(text);
    } catch (e) {
      if (X12Error.isInstance(e)) {
        ctx.io.err(`${file}: ${e.message}`);
        ctx.io.err('praxis: nothing was posted');
        return ExitCode.usage;
      }
      throw e;
    }
    if (ctx.values['dry-run'] === true) {
      for (const { remittance, totals } of parsed)
        for (const l of describeRemittance(remittance, totals)) ctx.io.out(l);
      ctx.io.out('dry run: nothing was posted');
      return ExitCode.ok;
    }
    const actor = { id: str(ctx.values.actor) ?? 'era-import', role: str(ctx.values.role) ?? 'biller' };
    const at = str(ctx.values.at);
    const practice = await openPractice(ctx);
    try {
      const r = await practice.finance.importRemittance(text, { actor, ...(at === undefined ? {} : { at }) });
      switch (r.outcome) {
        case 'posted':
          for (const [i, rem] of r.remittances.entries()) {
            const p = parsed[i]!;
            for (const l of describeRemittance(p.remittance, p.totals, rem.claims)) ctx.io.out(l);
            ctx.io.out(
              rem.status === 'already-posted'
                ? `already posted (trace ${rem.traceNumber}): ${rem.commandsPosted === 0 ? 'nothing posted twice' : `${rem.commandsPosted} postings completed`}`
                : `posted ${rem.claims.length} claim${rem.claims.length === 1 ? '' : 's'} as ${rem.commandsPosted} finance command${rem.commandsPosted === 1 ? '' : 's'} (remittance ${rem.remittanceId})`,
            );
          }
          return ExitCode.ok;
        case 'invalid':
          ctx.io.err(`${file}: ${r.error.message}`);
          ctx.io.err('praxis: nothing was posted');
          return ExitCode.usage;
        case 'unmatched':
          for (const u of r.unmatched)
            ctx.io.err(
              `${file}: ${u.where.segment ?? ''} (line ${u.where.line ?? '?'}), ${u.where.element ?? 'CLP'}: ${u.reason}`,
            );
          ctx.io.err(
            `praxis: ${r.unmatched.length} claim${r.unmatched.length === 1 ? '' : 's'} of ${file} cannot be posted; nothing was posted`,
          );
          return ExitCode.usage;
        case 'interrupted':
          ctx.io.err(
            `praxis: ${file}: claim ${r.claimId}: ${r.message}; ${r.commandsPosted} postings were made before it — import the file again to finish (nothing is posted twice)`,
          );
          return ExitCode.failed;
      }
    } finally {
      await practice.close();
    }
  },
};
