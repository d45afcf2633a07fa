import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  coverage,
  describeFinding,
  parseInclusionProof,
  parseReceipt,
  verify as verifyLog,
  verifyInclusion,
  type Receipt,
} from '@praxis/audit';
import { builtinModules, openStore, registryOf } from '@praxis/practice';
import type { CliCommand, CommandContext } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { createPractice } from '@praxis/practice';
import { checkExists, storeOf, trustKeyOf } from '../open.js';
import { progress } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { terminalSafe } from '@praxis/audit';

const list = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];

const readText = (ctx: CommandContext, file: string, what: string): string => {
  try {
    return readFileSync(resolve(ctx.io.cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as Error).message}`);
  }
};

const publicKeysOf = (ctx: CommandContext): string[] | undefined => {
  const keys = list(ctx.values['public-key']);
  for (const k of keys)
    if (!/^[0-9a-f]{64}$/.test(k)) throw new UsageError(`--public-key must be 64 hex digits (got "${k}")`);
  return keys.length === 0 ? undefined : keys;
};

/** `praxis verify`: tamper evidence — seals, checkpoints, receipts; or one inclusion proof. */
export const verify: CliCommand = {
  name: 'verify',
  summary: 'prove nothing in the log was altered, added or removed (seals, checkpoints, receipts)',
  usage: [
    'praxis verify [--receipt FILE]… [--key-file FILE] [--public-key HEX]… [--read-models] [--db file | --store url]',
    'praxis verify --proof FILE [--public-key HEX]…',
    '',
    '  --receipt FILE    a receipt from `praxis receipt`: the log must be a consistent extension of it',
    '  --key-file FILE   the trust key: checks every event’s seal (also PRAXIS_TRUST_KEY[_FILE])',
    '  --public-key HEX  only trust receipts signed by this key (`praxis receipt` prints it)',
    '  --read-models     also rebuild every read model from the log and compare it with the stored one',
    '  --proof FILE      check one event’s inclusion proof (`praxis prove`) without the log',
    '',
    'Exit 0: intact. Exit 1: one line per finding — what changed and what is missing.',
  ].join('\n'),
  options: {
    receipt: { type: 'string', multiple: true },
    'public-key': { type: 'string', multiple: true },
    proof: { type: 'string' },
    'read-models': { type: 'boolean' },
  },
  run: async (ctx) => {
    const trusted = publicKeysOf(ctx);
    const proofFile = ctx.values.proof;
    if (typeof proofFile === 'string') {
      const proof = parseInclusionProof(readText(ctx, proofFile, 'proof'), proofFile);
      const r = verifyInclusion(proof, trusted === undefined ? {} : { trustedPublicKeys: trusted });
      if (!r.ok) {
        ctx.io.err(`praxis: proof ${proofFile} fails: ${r.problem}`);
        return ExitCode.failed;
      }
      const e = r.event;
      ctx.io.out(
        terminalSafe(
          `included: ${String(e.streamId)}@${String(e.revision)} ${String(e.type)} at position ${String(e.position)} is event #${proof.index + 1} of the ${proof.receipt.count.toLocaleString('en-US')} signed by key ${proof.receipt.keyId}${trusted === undefined ? ' (key not pinned: pass --public-key)' : ''}`,
        ),
      );
      return ExitCode.ok;
    }
    const receipts: { receipt: Receipt; source: string }[] = list(ctx.values.receipt).map((file) => ({
      receipt: parseReceipt(readText(ctx, file, 'receipt'), file),
      source: file,
    }));
    const key = trustKeyOf(ctx);
    const where = storeOf(ctx);
    checkExists(where);
    // The raw store, not the practice: verification must not depend on reading any event first.
    const store = await openStore(where, registryOf(builtinModules), { create: false });
    let code: number = ExitCode.ok;
    try {
      const bar = progress(ctx.io, 'events checked');
      const r = await verifyLog(store, {
        ...(key === undefined ? {} : { keys: [key] }),
        receipts,
        ...(trusted === undefined ? {} : { trustedPublicKeys: trusted }),
        onProgress: (n) => bar.update(n),
      });
      bar.done();
      if (r.ok) {
        ctx.io.out(
          `intact: ${r.eventsChecked.toLocaleString('en-US')} events, every hash matches${r.head === undefined ? '' : ` (head ${r.head.slice(0, 16)}…)`}; ${coverage(r)}`,
        );
      } else {
        for (const f of r.findings) ctx.io.err(terminalSafe(`praxis: ${describeFinding(f)}`));
        ctx.io.err(
          `praxis: NOT intact: ${r.findings.length} finding(s) in ${r.eventsChecked.toLocaleString('en-US')} events; ${coverage(r)}`,
        );
        code = ExitCode.failed;
      }
    } finally {
      await store.close();
    }
    if (ctx.values['read-models'] === true) {
      // Without the key: checking must not write a key record or a checkpoint.
      const practice = await createPractice({ store: where });
      try {
        const diffs = await practice.audit.checkReadModels();
        for (const d of diffs) ctx.io.err(terminalSafe(`praxis: read model ${d.message}`));
        if (diffs.length > 0) code = ExitCode.failed;
        else ctx.io.out(`read models: each equals a fresh fold of the log`);
      } finally {
        await practice.close();
      }
    }
    return code;
  },
};
