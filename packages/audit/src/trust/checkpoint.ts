import {
  Position,
  PraxisError,
  InvalidArgument,
  StreamNotFound,
  canonicalJson,
  isTagged,
  type EventStore,
  type RecordedEvent,
} from '@praxis/core';
import { checkpointStream, trustKeyStream, type CheckpointData } from './events.js';
import { verifySignature, type TrustKey } from './key.js';
import { ensureTrustKey, keyInForceAt, keyRecords, readStreamOrEmpty, trustActor } from './key-records.js';
import { eventLeafHash, storedTextProblem } from './leaf.js';
import { MerkleFrontier } from './merkle.js';
import { SealChecker } from './seal-checker.js';
import { sealedStore } from './sealed-store.js';

/** What a checkpoint (and a receipt) states about the log, signed. */
export interface CheckpointClaim {
  readonly count: number;
  readonly lastPosition: string;
  readonly head: string;
  readonly root: string;
  readonly keyId: string;
}

/** The exact text a checkpoint's Ed25519 signature covers. */
export const checkpointStatement = (c: CheckpointClaim): string =>
  canonicalJson({
    format: 'praxis-checkpoint/1',
    count: c.count,
    lastPosition: c.lastPosition,
    head: c.head,
    root: c.root,
    keyId: c.keyId,
  });

/** Whether a checkpoint's signature verifies under `publicKey` (hex). */
export const checkpointSignedBy = (
  c: CheckpointClaim & { readonly signature: string },
  publicKey: string,
): boolean => verifySignature(publicKey, checkpointStatement(c), c.signature);

/** The checkpointer found the log not as its last checkpoint left it: run `verify`. */
export class TamperDetected extends PraxisError {
  readonly _tag = 'TamperDetected' as const;
  constructor(
    readonly position: string,
    readonly detail: string,
  ) {
    super(`tamper evidence: ${detail} (at position ${position}); run praxis verify`);
  }
  static isInstance = isTagged<TamperDetected>('TamperDetected');
}

/** A checkpoint as recorded in the log, with where it is. */
export interface RecordedCheckpoint extends CheckpointData {
  readonly position: Position.Position;
  readonly revision: bigint;
}

/** Every checkpoint in the log, oldest first. */
export const checkpointsIn = async (store: Pick<EventStore, 'readStream'>): Promise<RecordedCheckpoint[]> =>
  (await readStreamOrEmpty(store, checkpointStream))
    .filter((e) => e.type === 'LogCheckpointed')
    .map((e) => ({ ...(e.data as CheckpointData), position: e.position, revision: e.revision }));

/** The newest checkpoint in the log (one backwards read). */
export const lastCheckpoint = async (
  store: Pick<EventStore, 'readStream'>,
): Promise<RecordedCheckpoint | undefined> => {
  try {
    for await (const e of store.readStream(checkpointStream, { direction: 'backwards', maxCount: 1 })) {
      if (e.type === 'LogCheckpointed') {
        return { ...(e.data as CheckpointData), position: e.position, revision: e.revision };
      }
    }
  } catch (e) {
    if (!StreamNotFound.isInstance(e)) throw e;
  }
  return undefined;
};

/** The tree over the log as it stands, grown from the last stored checkpoint. */
interface Grown {
  readonly frontier: MerkleFrontier;
  readonly lastEvent: RecordedEvent | undefined;
  readonly last: RecordedCheckpoint | undefined;
}

const grow = async (store: EventStore, key: TrustKey): Promise<Grown> => {
  const records = await keyRecords(store);
  const last = await lastCheckpoint(store);
  let frontier = new MerkleFrontier();
  let from: Position.Position | undefined;
  if (last !== undefined) {
    const at = Position.toString(last.position);
    const publicKey = records.publicKeys.get(last.keyId);
    if (publicKey === undefined || !checkpointSignedBy(last, publicKey)) {
      throw new TamperDetected(at, 'the last checkpoint is not signed by a key of this log');
    }
    try {
      frontier = new MerkleFrontier(last.count, last.frontier);
    } catch {
      throw new TamperDetected(at, 'the last checkpoint’s tree does not match its count');
    }
    if (frontier.root() !== last.root) {
      throw new TamperDetected(at, 'the last checkpoint’s tree does not match its signed root');
    }
    if (last.count > 0) from = Position.parse(last.lastPosition);
  }
  const checker = new SealChecker(new Map([[key.keyId, key]]), keyInForceAt(records.events, from), key.keyId);
  let lastEvent: RecordedEvent | undefined;
  let first = true;
  for await (const e of store.readAll({
    asStored: true,
    ...(from === undefined ? {} : { fromPosition: from }),
  })) {
    if (first && from !== undefined) {
      first = false;
      if (!Position.equals(e.position, from) || e.hash !== last!.head) {
        throw new TamperDetected(
          last!.lastPosition,
          'the last checkpointed event is no longer in the log as signed',
        );
      }
      continue;
    }
    first = false;
    const where = Position.toString(e.position);
    const text = storedTextProblem(e);
    if (text !== undefined) throw new TamperDetected(where, text);
    const inForce = checker.active;
    const seal = checker.check(e);
    // Seals of a retired key (before the rotation to this one) are verify's to check, with every key.
    const retired = seal?.reason === 'key-unknown' && inForce !== undefined && inForce !== key.keyId;
    if (seal !== undefined && !retired) throw new TamperDetected(where, `${seal.reason}: ${seal.detail}`);
    frontier.push(eventLeafHash(e));
    lastEvent = e;
  }
  if (first && from !== undefined) {
    throw new TamperDetected(last!.lastPosition, 'the last checkpointed event is no longer in the log');
  }
  return { frontier, lastEvent, last };
};

const sign = (key: TrustKey, g: Grown, takenAt: string): CheckpointData => {
  const claim: CheckpointClaim = {
    count: g.frontier.count,
    lastPosition:
      g.lastEvent === undefined ? (g.last?.lastPosition ?? '') : Position.toString(g.lastEvent.position),
    head: g.lastEvent?.hash ?? g.last?.head ?? '',
    root: g.frontier.root(),
    keyId: key.keyId,
  };
  return {
    ...claim,
    frontier: g.frontier.frontier(),
    signature: key.sign(checkpointStatement(claim)),
    takenAt,
  };
};

/**
 * Signs a checkpoint over the committed global order as it stands: count, last position, head
 * and RFC 6962 Merkle root, appended (sealed) to `Trust-checkpoints`. Grows the tree from the
 * previous checkpoint, reading only the events after it, and refuses (TamperDetected) to sign
 * over an event whose seal or stored text does not verify, or when the previous checkpoint no
 * longer matches the log. Returns the new checkpoint, or the last one when nothing was added.
 *
 * @example
 * const c = await writeCheckpoint(store, key);
 * console.log(c.count, c.root);
 */
export const writeCheckpoint = async (
  store: EventStore,
  key: TrustKey,
  options: { readonly now?: () => string } = {},
): Promise<RecordedCheckpoint> => {
  const now = options.now ?? (() => new Date().toISOString());
  await ensureTrustKey(store, key, now);
  const g = await grow(store, key);
  if (g.lastEvent === undefined && g.last !== undefined) return g.last;
  const data = sign(key, g, now());
  const r = await sealedStore(store, key).appendToStream(
    checkpointStream,
    [{ type: 'LogCheckpointed', data, metadata: { actor: trustActor, occurredAt: data.takenAt } }],
    { expectedRevision: g.last === undefined ? 'no_stream' : g.last.revision },
  );
  return {
    ...data,
    position: r.position,
    revision: r.nextExpectedRevision === 'no_stream' ? 0n : r.nextExpectedRevision,
  };
};

/**
 * A signed statement over the whole log as it stands, its newest checkpoint record included:
 * writes a checkpoint, then signs the tree that also covers that record, without storing the
 * result. Deleting any event the statement covers — the checkpoint record too — then shows.
 * Waits (up to `waitMs`, default 10 s) until the checkpoint record is visible to readers.
 */
export const signLogHead = async (
  store: EventStore,
  key: TrustKey,
  options: { readonly now?: () => string; readonly waitMs?: number } = {},
): Promise<CheckpointData> => {
  const now = options.now ?? (() => new Date().toISOString());
  const written = await writeCheckpoint(store, key, options);
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  for (;;) {
    const g = await grow(store, key);
    if (g.lastEvent !== undefined && Position.compare(g.lastEvent.position, written.position) >= 0) {
      return sign(key, g, now());
    }
    if (Date.now() > deadline) {
      throw new TamperDetected(
        Position.toString(written.position),
        'the checkpoint just written does not appear in the log',
      );
    }
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * Hands the log over to a new key: signs a last checkpoint with the key in force, then appends
 * `TrustKeyRotated`, sealed by it. Events from then on must be sealed with `to`; `verify` needs
 * both keys (`keys: [to, from]`) to check every seal of the log.
 *
 * @example
 * await rotateTrustKey(store, oldKey, loadTrustKey({ file: 'trust-2027.key' })!);
 */
export const rotateTrustKey = async (
  store: EventStore,
  from: TrustKey,
  to: TrustKey,
  now: () => string = () => new Date().toISOString(),
): Promise<void> => {
  const records = await keyRecords(store);
  if (records.active !== from.keyId) {
    throw new InvalidArgument(
      'trust key',
      `the key in force is ${records.active ?? 'none'}, not ${from.keyId}`,
    );
  }
  await writeCheckpoint(store, from, { now });
  await sealedStore(store, from).appendToStream(
    trustKeyStream,
    [
      {
        type: 'TrustKeyRotated',
        data: { fromKeyId: from.keyId, toKeyId: to.keyId, toPublicKey: to.publicKey },
        metadata: { actor: trustActor, occurredAt: now() },
      },
    ],
    { expectedRevision: records.revision ?? 'no_stream' },
  );
};
