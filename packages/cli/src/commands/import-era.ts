import { createReadStream, statSync, type ReadStream } from 'node:fs';
import { resolve } from 'node:path';
import {
  carcDescription,
  dollars,
  dryRunRemittances,
  rarcDescription,
  isDenial,
  X12Error,
  type ClaimPayment,
  type ClaimPlan,
  type RemittanceHeader,
  type RemittanceTotals,
} from '@praxis/x12';
import type { CliCommand, CommandContext } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { terminalSafe } from '@praxis/audit';
import { openPractice } from '../open.js';
import { UsageError } from '../usage-error.js';
import { str } from '../when.js';

/** The file as a stream of bytes (read as the import goes; a missing file is a usage error). */
const openFile = (ctx: CommandContext, file: string): ReadStream => {
  const path = resolve(ctx.io.cwd, file);
  try {
    if (!statSync(path).isFile()) throw new UsageError(`cannot read ${file}: not a file`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return createReadStream(path, { highWaterMark: 64 * 1024 });
};

/** A read error of the file (not of its content) as a usage error; anything else passed on. */
const readFailure = (file: string, err: unknown): never => {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') throw new UsageError(`cannot read ${file}: ${code}`);
  throw err;
};

const groupOf = (t: RemittanceTotals): string =>
  Object.entries(t.adjustmentsByReason)
    .map(([k, v]) => `${k} ${dollars(v)}`)
    .join(', ') || 'none';

/** Each CARC and RARC of the remittance with its description (the built-in code lists). */
const codesOf = (t: RemittanceTotals): string[] => {
  const carcs = new Set(Object.keys(t.adjustmentsByReason).map((k) => k.slice(k.indexOf('-') + 1)));
  return [
    ...[...carcs].sort().map((c) => `  CARC ${c}: ${carcDescription(c) ?? '(not in the code list)'}`),
    ...[...t.remarkCodes].sort().map((c) => `  RARC ${c}: ${rarcDescription(c) ?? '(not in the code list)'}`),
  ];
};

/** Fixed columns, so that claims print as they are read (a file of any size, one row at a time). */
const WIDTHS = [16, 5, 12, 12, 12, 12, 12];
const row = (cells: readonly string[]): string =>
  cells
    .map((c, i) => {
      const w = WIDTHS[i];
      const safe = terminalSafe(c);
      return w === undefined ? safe : i < 2 ? safe.padEnd(w) : safe.padStart(w);
    })
    .join('  ')
    .trimEnd();
const HEADER = row(['claim', 'CLP02', 'charges', 'paid', 'patient', 'CO', 'OA/PI', 'posting']);

const claimRow = (c: ClaimPayment): string => {
  const adj = [...c.adjustments, ...c.lines.flatMap((l) => l.adjustments)];
  const of = (...g: string[]) => adj.filter((a) => g.includes(a.group)).reduce((x, a) => x + a.amount, 0);
  return row([
    c.claimId,
    c.status,
    dollars(c.charge),
    dollars(c.paid),
    dollars(c.patientResponsibility),
    dollars(of('CO')),
    dollars(of('OA', 'PI', 'CR')),
    isDenial(c) ? 'denial' : c.status === '22' ? 'reversal' : 'payment',
  ]);
};

const planRow = (p: ClaimPlan): string =>
  row([
    p.claimId,
    '',
    '',
    dollars(p.paid),
    dollars(p.patientResponsibility),
    dollars(p.contractualAdjustment),
    dollars(p.otherAdjustment),
    p.denial === undefined
      ? p.posting
      : `denial (CARC ${p.denial.carcCode}${carcDescription(p.denial.carcCode) === undefined ? '' : `: ${carcDescription(p.denial.carcCode)}`}, ${dollars(p.denial.amount)})`,
  ]);

const headerLine = (r: RemittanceHeader): string =>
  `remittance ${r.traceNumber} from ${r.payerName || r.originator || 'the payer'} to ${r.payeeName || 'the practice'} (BPR01 ${r.handling}, ${r.paymentMethod || 'no method'}${r.paymentDate === undefined ? '' : `, ${r.paymentDate}`})`;

/** The totals of one remittance, as the file states them. */
const totalsLines = (t: RemittanceTotals): string[] => [
  row([
    `total (${t.claims})`,
    '',
    dollars(t.charges),
    dollars(t.paid),
    dollars(t.patientResponsibility),
    dollars(t.adjustmentsByGroup.CO ?? 0),
    dollars((t.adjustmentsByGroup.OA ?? 0) + (t.adjustmentsByGroup.PI ?? 0) + (t.adjustmentsByGroup.CR ?? 0)),
  ]),
  `adjustments by group and CARC: ${groupOf(t)}`,
  ...codesOf(t),
  `provider-level adjustments (PLB): ${dollars(t.providerAdjustments)}`,
  `reconciliation: BPR02 ${dollars(t.payment)} = Σ CLP04 ${dollars(t.paid)} − PLB ${dollars(t.providerAdjustments)} ✓`,
];

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
    if (ctx.values['dry-run'] === true) {
      // Streamed: each claim is printed as it is read and forgotten; an error stops the listing.
      try {
        await dryRunRemittances(openFile(ctx, file), (c, r, i) => {
          if (i === 1) {
            ctx.io.out(headerLine(r));
            ctx.io.out(HEADER);
          }
          ctx.io.out(claimRow(c));
        }).then((all) => {
          for (const { totals } of all) for (const l of totalsLines(totals)) ctx.io.out(l);
        });
      } catch (e) {
        if (X12Error.isInstance(e)) {
          ctx.io.err(`${file}: ${e.message}`);
          ctx.io.err('praxis: nothing was posted');
          return ExitCode.usage;
        }
        return readFailure(file, e);
      }
      ctx.io.out('dry run: nothing was posted');
      return ExitCode.ok;
    }
    const source = openFile(ctx, file);
    const actor = { id: str(ctx.values.actor) ?? 'era-import', role: str(ctx.values.role) ?? 'biller' };
    const at = str(ctx.values.at);
    const practice = await openPractice(ctx);
    try {
      const r = await practice.finance
        .importRemittance(source, { actor, ...(at === undefined ? {} : { at }) })
        .catch((e: unknown) => readFailure(file, e));
      switch (r.outcome) {
        case 'posted':
          for (const rem of r.remittances) {
            ctx.io.out(`remittance ${rem.traceNumber} from ${rem.payerName || 'the payer'}`);
            ctx.io.out(HEADER);
            for (const p of rem.claims) ctx.io.out(planRow(p));
            for (const l of totalsLines(rem.totals)) ctx.io.out(l);
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
