import * as t from 'io-ts';
import { InvalidArgument, Position, type EventStore } from '@praxis/core';
import { TamperDetected } from './checkpoint.js';
import { eventLeafHash, leafText } from './leaf.js';
import { auditPath, leafHash, merkleRoot, rootFromAuditPath } from './merkle.js';
import { parseReceipt, receiptProblem, type Receipt } from './receipt.js';

/**
 * Proof that one event is in the log a receipt signed: the event's leaf (its exact stored
 * form) and the RFC 6962 audit path from it to the receipt's root. An auditor checks it with
 * `verifyInclusion` and the practice's public key, without the log.
 */
export interface InclusionProof {
  readonly format: 'praxis-inclusion/1';
  readonly receipt: Receipt;
  /** 0-based place of the event among the receipt's `count` events. */
  readonly index: number;
  /** The event's leaf text: canonical JSON of position, stream, revision, id, type, stored data and metadata, hashes. */
  readonly leaf: string;
  /** Sibling hashes from the leaf up to the root (hex). */
  readonly path: readonly string[];
}

/**
 * The inclusion proof of the event at `position` in the log `receipt` covers. Reads the
 * receipt's events once; throws TamperDetected when the log no longer matches the receipt and
 * InvalidArgument when no event the receipt covers is at `position`.
 *
 * @example
 * const proof = await inclusionProof(store, Position.parse('977'), receipt);
 */
export const inclusionProof = async (
  store: Pick<EventStore, 'readAll'>,
  position: Position.Position,
  receipt: Receipt,
): Promise<InclusionProof> => {
  const leaves: string[] = [];
  let index = -1;
  let leaf = '';
  for await (const e of store.readAll({ asStored: true, maxCount: receipt.count })) {
    if (Position.equals(e.position, position)) {
      index = leaves.length;
      leaf = leafText(e);
    }
    leaves.push(eventLeafHash(e));
  }
  if (leaves.length !== receipt.count || merkleRoot(leaves) !== receipt.root) {
    throw new TamperDetected(
      receipt.lastPosition,
      'the log does not match the receipt (run praxis verify --receipt)',
    );
  }
  if (index < 0) {
    throw new InvalidArgument(
      'position',
      `no event the receipt covers is at position ${Position.toString(position)}`,
    );
  }
  return { format: 'praxis-inclusion/1', receipt, index, leaf, path: auditPath(leaves, index) };
};

const proofCodec = t.type({
  format: t.literal('praxis-inclusion/1'),
  receipt: t.unknown,
  index: t.number,
  leaf: t.string,
  path: t.array(t.string),
});

/** Reads an inclusion proof from its JSON text; throws InvalidArgument naming `source`. */
export const parseInclusionProof = (text: string, source: string): InclusionProof => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InvalidArgument(source, `not JSON: ${(e as Error).message}`);
  }
  const r = proofCodec.decode(json);
  if (r._tag !== 'Right' || !r.right.path.every((p) => /^[0-9a-f]{64}$/.test(p))) {
    throw new InvalidArgument(source, 'not a Praxis inclusion proof (format praxis-inclusion/1)');
  }
  return { ...r.right, receipt: parseReceipt(JSON.stringify(r.right.receipt), `${source} (its receipt)`) };
};

/** What checking an inclusion proof found. */
export type InclusionCheck =
  | { readonly ok: true; readonly event: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly problem: string };

/**
 * Checks an inclusion proof without the log: the receipt's signature (under one of `trusted`
 * public keys when given) and the audit path from the event's leaf to the signed root.
 *
 * @example
 * const r = verifyInclusion(proof, { trustedPublicKeys: [practicePublicKey] });
 * if (r.ok) console.log(r.event.streamId, r.event.data);
 */
export const verifyInclusion = (
  proof: InclusionProof,
  options: { readonly trustedPublicKeys?: readonly string[] } = {},
): InclusionCheck => {
  const problem = receiptProblem(proof.receipt, options.trustedPublicKeys);
  if (problem !== undefined) return { ok: false, problem: `the receipt: ${problem}` };
  const root = rootFromAuditPath(leafHash(proof.leaf), proof.index, proof.receipt.count, proof.path);
  if (root !== proof.receipt.root)
    return {
      ok: false,
      problem: 'the event is not in the log the receipt signed (the path does not lead to its root)',
    };
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(proof.leaf) as Record<string, unknown>;
  } catch {
    return { ok: false, problem: 'the leaf is not JSON' };
  }
  return { ok: true, event };
};
