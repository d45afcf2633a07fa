import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Position } from '@praxis/core';
import { inclusionProof, parseReceipt, receiptOf, sealedStore, signLogHead } from '@praxis/audit';
import { builtinModules, openStore, registryOf } from '@praxis/practice';
import { readFileSync } from 'node:fs';
import type { CliCommand, CommandContext } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { checkExists, storeOf, trustKeyOf } from '../open.js';
import { UsageError } from '../usage-error.js';

const outFile = (ctx: CommandContext): string => {
  const out = ctx.values.out;
  if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE is required');
  return resolve(ctx.io.cwd, out);
};

const write = (file: string, json: unknown): void => {
  try {
    // wx: never overwrite an earlier receipt.
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`, { flag: 'wx' });
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
  }
};

/** `praxis receipt --out FILE`: signs the log as it stands and writes the receipt to keep outside it. */
export const receipt: CliCommand = {
  name: 'receipt',
  summary: 'sign the log as it stands and write a receipt to keep outside the database',
  usage: [
    'praxis receipt --out FILE --key-file FILE [--db file | --store url]',
    '',
    '  Writes a signed checkpoint into the log and the receipt (count, last position, head, Merkle root,',
    '  key id, public key, Ed25519 signature) to FILE, which must not exist. Keep receipts away from the',
    '  database: `praxis verify --receipt FILE` proves the log still extends each of them.',
  ].join('\n'),
  options: { out: { type: 'string' } },
  run: async (ctx) => {
    const file = outFile(ctx);
    const key = trustKeyOf(ctx);
    if (key === undefined)
      throw new UsageError('a receipt is signed with the trust key: pass --key-file (or PRAXIS_TRUST_KEY)');
    const where = storeOf(ctx);
    checkExists(where);
    const registry = registryOf(builtinModules);
    const store = await openStore(where, registry);
    try {
      const r = receiptOf(await signLogHead(sealedStore(store, key, registry), key), key.publicKey);
      write(file, r);
      ctx.io.out(
        `receipt: ${r.count.toLocaleString('en-US')} events up to position ${r.lastPosition}, root ${r.root.slice(0, 16)}…, key ${r.keyId} (public key ${r.publicKey}) → ${file}`,
      );
      return ExitCode.ok;
    } finally {
      await store.close();
    }
  },
};

/** `praxis prove --position P --receipt FILE --out FILE`: one event's inclusion proof. */
export const prove: CliCommand = {
  name: 'prove',
  summary: 'write the inclusion proof of one event against a receipt (checked with verify --proof)',
  usage: 'praxis prove --position P --receipt FILE --out FILE [--db file | --store url]',
  options: { position: { type: 'string' }, receipt: { type: 'string' }, out: { type: 'string' } },
  run: async (ctx) => {
    const file = outFile(ctx);
    const p = ctx.values.position;
    const r = ctx.values.receipt;
    if (typeof p !== 'string' || typeof r !== 'string')
      throw new UsageError('--position and --receipt are required');
    let position: Position.Position;
    try {
      position = Position.parse(p);
    } catch {
      throw new UsageError(`--position must be a log position like 977 (got "${p}")`);
    }
    let text: string;
    try {
      text = readFileSync(resolve(ctx.io.cwd, r), 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read receipt ${r}: ${(e as Error).message}`);
    }
    const rec = parseReceipt(text, r);
    const where = storeOf(ctx);
    checkExists(where);
    const store = await openStore(where, registryOf(builtinModules));
    try {
      const proof = await inclusionProof(store, position, rec);
      write(file, proof);
      ctx.io.out(
        `proof: event #${proof.index + 1} of ${rec.count.toLocaleString('en-US')}, ${proof.path.length} hashes → ${file}`,
      );
      return ExitCode.ok;
    } finally {
      await store.close();
    }
  },
};
