import * as t from 'io-ts';
import { InvalidArgument } from '@praxis/core';
import { checkpointSignedBy, type CheckpointClaim } from './checkpoint.js';
import type { CheckpointData } from './events.js';
import { keyIdOf } from './key.js';

const hex = (n?: number) =>
  new t.Type<string, string, unknown>(
    n === undefined ? 'hex' : `hex(${n})`,
    (u): u is string => typeof u === 'string' && /^[0-9a-f]*$/.test(u) && (n === undefined || u.length === n),
    (u, c) =>
      typeof u === 'string' && /^[0-9a-f]*$/.test(u) && (n === undefined || u.length === n)
        ? t.success(u)
        : t.failure(u, c),
    (s) => s,
  );

const receiptCodec = t.type({
  format: t.literal('praxis-receipt/1'),
  count: t.number,
  lastPosition: t.string,
  head: hex(),
  root: hex(64),
  keyId: hex(16),
  publicKey: hex(64),
  signature: hex(128),
  takenAt: t.string,
});

/**
 * A receipt: a signed checkpoint taken out of the database, for the operator's or an auditor's
 * safe-keeping. `verify` proves the log is a consistent extension of every receipt it is given.
 */
export type Receipt = t.TypeOf<typeof receiptCodec>;

/** The receipt of a checkpoint, signed with the key whose public key is given. */
export const receiptOf = (c: CheckpointData, publicKey: string): Receipt => ({
  format: 'praxis-receipt/1',
  count: c.count,
  lastPosition: c.lastPosition,
  head: c.head,
  root: c.root,
  keyId: c.keyId,
  publicKey,
  signature: c.signature,
  takenAt: c.takenAt,
});

/**
 * Reads a receipt from its JSON text; throws InvalidArgument naming `source` when it is not one.
 * Does not check the signature: `receiptProblem` does.
 */
export const parseReceipt = (text: string, source: string): Receipt => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InvalidArgument(source, `not JSON: ${(e as Error).message}`);
  }
  const r = receiptCodec.decode(json);
  if (r._tag !== 'Right' || !Number.isSafeInteger(r.right.count) || r.right.count < 0) {
    throw new InvalidArgument(source, 'not a Praxis receipt (format praxis-receipt/1)');
  }
  return r.right;
};

/**
 * Why a receipt cannot be relied on, or undefined: its signature must verify under its public
 * key, whose id must be its key id, and — when `trusted` public keys are given (pinned by the
 * auditor) — that key must be one of them.
 */
export const receiptProblem = (r: Receipt, trusted?: readonly string[]): string | undefined => {
  if (keyIdOf(r.publicKey) !== r.keyId) return 'its public key does not match its key id';
  if (trusted !== undefined && !trusted.includes(r.publicKey))
    return `key ${r.keyId} is not one of the trusted keys`;
  const claim: CheckpointClaim & { signature: string } = r;
  return checkpointSignedBy(claim, r.publicKey) ? undefined : 'its signature does not verify';
};
