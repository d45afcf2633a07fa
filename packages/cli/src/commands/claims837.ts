import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dollars, ediParties, X12Error, type EdiParties } from '@praxis/x12';
import type { CliCommand, CommandContext } from '../command.js';
import { ExitCode } from '../exit-code.js';
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

/** The EDI parties JSON file (`--parties`): submitter, receiver, billing and rendering providers. */
const readParties = (ctx: CommandContext, file: string): EdiParties => {
  let json: unknown;
  try {
    json = JSON.parse(readText(ctx, file));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${file} is not JSON: ${(err as Error).message}`);
  }
  try {
    return ediParties(json);
  } catch (e) {
    if (X12Error.isInstance(e)) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
};

const actorOf = (ctx: CommandContext, id: string) => ({
  id: str(ctx.values.actor) ?? id,
  role: str(ctx.values.role) ?? 'biller',
});

const partiesHelp = [
  '  --parties FILE  the practice\'s EDI set-up as JSON: { "submitter": { name, id, contact, phone },',
  '                  "receiver": { name, id }, "billingProvider": { name, npi, taxId, address, city,',
  '                  state, zip }, "renderingProviders": { "<staff id>": { npi, lastName, firstName } } }',
];

/** `praxis export-837`: the claims ready to submit as one 005010X222A1 837P. */
export const export837: CliCommand = {
  name: 'export-837',
  summary:
    'write the claims ready to submit as an X12 837P (005010X222A1); --submit records their submission',
  usage: [
    'praxis export-837 --parties FILE [--out FILE] [--claims id,id] [--submit] [--all] [--control-number N] [--test]',
    '                  [--at instant] [--actor id] [--role role] [--db file | --store url]',
    '',
    '  Every claim in status clean (scrubbed, not yet submitted), or those named, whose submission',
    '  the practice would accept (eligibility checked when the billing policy asks for it, filing',
    '  deadline not passed) goes into one 837P; the others are listed with the reason.',
    ...partiesHelp,
    '  --out FILE      write the 837P there (default: standard output; the summary then goes to standard error)',
    '  --submit        record SubmitClaim for every exported clean claim',
    '  --all           also claims already submitted, as copies (a resend, a migration); no submission check',
    '  --test          ISA15 T (test interchange)',
  ].join('\n'),
  options: {
    parties: { type: 'string' },
    out: { type: 'string' },
    claims: { type: 'string' },
    submit: { type: 'boolean' },
    all: { type: 'boolean' },
    'control-number': { type: 'string' },
    test: { type: 'boolean' },
    at: { type: 'string' },
    actor: { type: 'string' },
    role: { type: 'string' },
  },
  positionals: 0,
  run: async (ctx) => {
    const partiesFile = str(ctx.values.parties);
    if (partiesFile === undefined)
      throw new UsageError('export-837 needs --parties FILE (see praxis export-837 --help)');
    const parties = readParties(ctx, partiesFile);
    const control = str(ctx.values['control-number']);
    if (control !== undefined && !/^[1-9]\d{0,8}$/.test(control))
      throw new UsageError(`--control-number must be 1–999999999 (got ${control})`);
    const claims = str(ctx.values.claims);
    const at = str(ctx.values.at);
    const out = str(ctx.values.out);
    const say = (line: string) => (out === undefined ? ctx.io.err(line) : ctx.io.out(line));
    const practice = await openPractice(ctx);
    try {
      const r = await practice.finance.exportClaims(parties, {
        actor: actorOf(ctx, 'edi-export'),
        ...(claims === undefined ? {} : { claimIds: claims.split(',').filter((c) => c !== '') }),
        ...(control === undefined ? {} : { controlNumber: Number(control) }),
        ...(ctx.values.submit === true ? { submit: true } : {}),
        ...(ctx.values.all === true ? { includeSubmitted: true } : {}),
        ...(ctx.values.test === true ? { usage: 'T' as const } : {}),
        ...(at === undefined ? {} : { at }),
      });
      for (const s of r.skipped) say(`skipped ${s.claimId}: ${s.reason}`);
      if (r.text === undefined) {
        say('praxis: no claim is ready to submit; no 837P was written');
        return r.skipped.length === 0 ? ExitCode.ok : ExitCode.failed;
      }
      if (out === undefined) ctx.io.out(r.text.trimEnd());
      else writeFileSync(resolve(ctx.io.cwd, out), r.text);
      const total = r.claims.reduce((a, c) => a + c.totalCharge, 0);
      say(
        `exported ${r.claims.length} claim${r.claims.length === 1 ? '' : 's'} (charges ${dollars(total)})${out === undefined ? '' : ` to ${out}`}${ctx.values.submit === true ? `; ${r.submitted} submitted` : ''}`,
      );
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};

/** `praxis import-837 FILE`: claims from another system, as submitted claims (go-live of open A/R). */
export const import837: CliCommand = {
  name: 'import-837',
  summary:
    'register the claims of an X12 837P from another system as submitted claims (open A/R), all or none',
  usage: [
    'praxis import-837 <file.837> [--parties FILE] [--at instant] [--actor id] [--role role] [--db file | --store url]',
    '',
    '  Each claim (CLM01 = claim id) is registered with its charges, ICD-10-CM diagnoses, subscriber',
    '  (sealed), prior authorization and rendering provider (by NPI, from --parties), then created,',
    '  scrubbed clean and submitted (eligibility rule overridden: it was submitted before Praxis).',
    '  If any claim would be refused, each is listed with the reason and nothing is recorded; a',
    '  claim already in Praxis is skipped, so importing the same file again records nothing twice.',
    ...partiesHelp,
  ].join('\n'),
  options: {
    parties: { type: 'string' },
    at: { type: 'string' },
    actor: { type: 'string' },
    role: { type: 'string' },
  },
  positionals: 1,
  run: async (ctx) => {
    const file = ctx.positionals[0];
    if (file === undefined)
      throw new UsageError('import-837 needs an 837P file (see praxis import-837 --help)');
    const text = readText(ctx, file);
    const partiesFile = str(ctx.values.parties);
    const parties = partiesFile === undefined ? undefined : readParties(ctx, partiesFile);
    const at = str(ctx.values.at);
    const practice = await openPractice(ctx);
    try {
      const r = await practice.finance.importClaims(text, {
        actor: actorOf(ctx, 'edi-import'),
        ...(parties === undefined ? {} : { parties }),
        ...(at === undefined ? {} : { at }),
      });
      switch (r.outcome) {
        case 'imported': {
          const fresh = r.claims.filter((c) => c.status === 'imported');
          for (const c of r.claims) ctx.io.out(`${c.claimId}  ${dollars(c.totalCharge)}  ${c.status}`);
          ctx.io.out(
            `imported ${fresh.length} claim${fresh.length === 1 ? '' : 's'} (charges ${dollars(fresh.reduce((a, c) => a + c.totalCharge, 0))}); ${r.claims.length - fresh.length} already in Praxis`,
          );
          return ExitCode.ok;
        }
        case 'invalid':
          ctx.io.err(`${file}: ${r.error.message}`);
          ctx.io.err('praxis: nothing was imported');
          return ExitCode.usage;
        case 'unmatched':
          for (const u of r.unmatched) ctx.io.err(`${file}: claim ${u.claimId}: ${u.reason}`);
          ctx.io.err(
            `praxis: ${r.unmatched.length} claim${r.unmatched.length === 1 ? '' : 's'} of ${file} cannot be imported; nothing was imported`,
          );
          return ExitCode.usage;
        case 'interrupted':
          ctx.io.err(
            `praxis: ${file}: claim ${r.claimId}: ${r.message}; ${r.commandsPosted} commands were recorded before it — import the file again to finish (nothing is recorded twice)`,
          );
          return ExitCode.failed;
      }
    } finally {
      await practice.close();
    }
  },
};
