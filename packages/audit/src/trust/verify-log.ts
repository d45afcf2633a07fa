import { EventDecodeFailed, Position, chainHash, type EventStore, type RecordedEvent } from '@praxis/core';
import { checkpointSignedBy, checkpointsIn, type CheckpointClaim } from './checkpoint.js';
import type { TrustKey } from './key.js';
import { keyRecords } from './key-records.js';
import { eventLeafHash, storedTextProblem } from './leaf.js';
import { MerkleFrontier } from './merkle.js';
import { receiptProblem, type Receipt } from './receipt.js';
import { SealChecker } from './seal-checker.js';

/** One thing verify found wrong. */
export interface Finding {
  /** `changed`: an event differs from what was written; `missing`: events a checkpoint or receipt covers are gone; `forged`: a checkpoint or receipt is not signed by the key; `unverifiable`: it could not be checked. */
  readonly kind: 'changed' | 'missing' | 'forged' | 'unverifiable';
  readonly reason:
    | 'content-altered'
    | 'link-broken'
    | 'unreadable'
    | 'stored-text'
    | 'unsealed'
    | 'seal-mismatch'
    | 'wrong-key'
    | 'key-unknown'
    | 'events-missing'
    | 'differs-from-checkpoint'
    | 'bad-signature';
  /** The event concerned, when there is one. */
  readonly position?: string;
  readonly streamId?: string;
  readonly revision?: bigint;
  readonly detail: string;
}

/** What verify proved. */
export interface LogVerification {
  readonly ok: boolean;
  readonly eventsChecked: number;
  /** Whether the log is keyed (has a key record) and the key was given: every seal was checked. */
  readonly keyed: boolean;
  /** Whether a key was given (false: seals were not checked). */
  readonly keyGiven: boolean;
  /** Events before the first key record (written before the practice had a key). */
  readonly unsealedBeforeKey: number;
  /** Signed checkpoints found in the log, and receipts given, that the log was checked against. */
  readonly checkpoints: number;
  readonly receipts: number;
  /** Events after the newest checkpoint or receipt: covered by their seals only. */
  readonly uncovered: number;
  /** Every problem, in log order (events first, then checkpoints and receipts); at most `maxFindings`. */
  readonly findings: readonly Finding[];
  /** The chain head (last event's hash), when the log is not empty. */
  readonly head?: string;
}

export interface VerifyLogOptions {
  /** The key(s) to check seals with: the current one and every retired one. */
  readonly keys?: readonly Pick<TrustKey, 'keyId' | 'mac' | 'publicKey'>[];
  /** Receipts kept outside the database; the log must be a consistent extension of each. */
  readonly receipts?: readonly { readonly receipt: Receipt; readonly source: string }[];
  /** Public keys (hex) receipts must be signed by (default: those of `keys`, else the receipt's own). */
  readonly trustedPublicKeys?: readonly string[];
  /** Stop listing event findings after this many (default 50). */
  readonly maxFindings?: number;
  readonly onProgress?: (checked: number) => void;
}

const n = (x: number) => x.toLocaleString('en-US');

const parsePosition = (text: string): Position.Position | undefined => {
  try {
    return Position.parse(text);
  } catch {
    return undefined;
  }
};

interface Claim extends CheckpointClaim {
  readonly source: string;
}

interface Prefix {
  root: string;
  position: string;
  hash: string;
}

/**
 * Tamper evidence against someone with write access to the database: walks the whole log once
 * and checks (1) each event's chain link and hash, (2) that stored JSON text is exactly what a
 * parser reads back, (3) each event's seal under the key in force (HMAC: needs the secret), and
 * (4) that the log is a consistent extension of every signed checkpoint in it and every receipt
 * given — same first `count` events, byte for byte, same positions, same Merkle root. Reports
 * every event that changed and every range that is missing.
 *
 * @example
 * const r = await verifyLog(store, { keys: [key], receipts: [{ receipt, source: 'receipt.json' }] });
 * if (!r.ok) for (const f of r.findings) console.error(f.kind, f.position, f.detail);
 */
export const verifyLog = async (
  store: Pick<EventStore, 'readAll' | 'readStream' | 'chainScope'>,
  options: VerifyLogOptions = {},
): Promise<LogVerification> => {
  const max = options.maxFindings ?? 50;
  const findings: Finding[] = [];
  const add = (f: Finding) => {
    if (findings.length < max) findings.push(f);
  };
  const keys = new Map((options.keys ?? []).map((k) => [k.keyId, k]));
  const records = await keyRecords(store).catch(() => undefined);
  const given = options.keys !== undefined && options.keys.length > 0;
  // With keys given, only they vouch for checkpoints: key records in the log could be forged.
  const publicKeyOf = (keyId: string): string | undefined =>
    given ? options.keys!.find((k) => k.keyId === keyId)?.publicKey : records?.publicKeys.get(keyId);

  // Claims about prefixes of the log: stored checkpoints (signed) and receipts.
  const claims: Claim[] = [];
  const stored = await checkpointsIn(store).catch(() => []);
  for (const c of stored) {
    const where = `checkpoint at position ${Position.toString(c.position)}`;
    const publicKey = publicKeyOf(c.keyId);
    if (publicKey === undefined && given) {
      add({
        kind: 'unverifiable',
        reason: 'key-unknown',
        position: Position.toString(c.position),
        detail: `${where} is signed with key ${c.keyId}, which was not given`,
      });
      continue;
    }
    if (publicKey === undefined || !checkpointSignedBy(c, publicKey)) {
      add({
        kind: 'forged',
        reason: 'bad-signature',
        position: Position.toString(c.position),
        detail: `${where} is not signed by a key of this log`,
      });
      continue;
    }
    claims.push({ ...c, source: where });
  }
  const trusted =
    options.trustedPublicKeys ??
    (options.keys === undefined ? undefined : options.keys.map((k) => k.publicKey));
  for (const { receipt, source } of options.receipts ?? []) {
    const problem = receiptProblem(receipt, trusted);
    if (problem !== undefined) {
      add({ kind: 'forged', reason: 'bad-signature', detail: `receipt ${source}: ${problem}` });
      continue;
    }
    claims.push({ ...receipt, source: `receipt ${source}` });
  }
  const wanted = new Set(claims.map((c) => c.count));
  // How many events the log holds up to each claim's last position (one sweep, positions ascend).
  const byPosition = claims
    .map((c, i) => ({ i, at: c.count === 0 ? undefined : parsePosition(c.lastPosition) }))
    .filter((x): x is { i: number; at: Position.Position } => x.at !== undefined)
    .sort((a, b) => Position.compare(a.at, b.at));
  const upTo = new Map<number, { events: number; found: boolean }>();
  let sweep = 0;
  const prefixes = new Map<number, Prefix>();
  if (wanted.has(0)) prefixes.set(0, { root: new MerkleFrontier().root(), position: '', hash: '' });

  const checker = new SealChecker(keys);
  const tree = new MerkleFrontier();
  const lastByStream = new Map<string, string>();
  let last = '';
  let checked = 0;
  let lastEvent: RecordedEvent | undefined;
  const at = (e: RecordedEvent) => ({
    position: Position.toString(e.position),
    streamId: e.streamId,
    revision: e.revision,
  });
  try {
    for await (const e of store.readAll({ asStored: true })) {
      while (sweep < byPosition.length && Position.compare(e.position, byPosition[sweep]!.at) >= 0) {
        const x = byPosition[sweep++]!;
        const found = Position.equals(e.position, x.at);
        upTo.set(x.i, { events: checked + (found ? 1 : 0), found });
      }
      const prev = store.chainScope === 'log' ? last : (lastByStream.get(e.streamId) ?? '');
      if (e.prevHash !== prev) {
        add({
          kind: 'changed',
          reason: 'link-broken',
          ...at(e),
          detail: `prevHash ${e.prevHash.slice(0, 12)}… should be ${prev.slice(0, 12)}… (an event before it was removed, inserted or changed)`,
        });
      } else if (chainHash(prev, e) !== e.hash) {
        add({
          kind: 'changed',
          reason: 'content-altered',
          ...at(e),
          detail: `stored hash does not match the event's content`,
        });
      }
      const text = storedTextProblem(e);
      if (text !== undefined) add({ kind: 'changed', reason: 'stored-text', ...at(e), detail: text });
      const seal = given ? checker.check(e) : undefined;
      if (seal !== undefined) {
        add({
          kind: seal.reason === 'key-unknown' ? 'unverifiable' : 'changed',
          reason: seal.reason,
          ...at(e),
          detail: seal.detail,
        });
      }
      if (store.chainScope === 'log') last = e.hash;
      else lastByStream.set(e.streamId, e.hash);
      tree.push(eventLeafHash(e));
      checked++;
      lastEvent = e;
      if (wanted.has(checked))
        prefixes.set(checked, { root: tree.root(), position: Position.toString(e.position), hash: e.hash });
      if (options.onProgress !== undefined && checked % 10_000 === 0) options.onProgress(checked);
    }
  } catch (err) {
    if (!EventDecodeFailed.isInstance(err)) throw err;
    add({
      kind: 'changed',
      reason: 'unreadable',
      position: err.position === undefined ? '?' : Position.toString(err.position),
      streamId: err.streamId,
      revision: err.revision,
      detail: `${err.message}; the events after it were not checked`,
    });
  }

  while (sweep < byPosition.length) upTo.set(byPosition[sweep++]!.i, { events: checked, found: false });

  // The log against each claim, smallest first.
  const lastPosition =
    lastEvent === undefined ? 'its start' : `position ${Position.toString(lastEvent.position)}`;
  let coveredUpTo = 0;
  const order = claims.map((c, i) => ({ c, i })).sort((a, b) => a.c.count - b.c.count);
  for (const { c, i } of order) {
    const p = prefixes.get(c.count);
    if (p !== undefined && p.root === c.root) {
      coveredUpTo = Math.max(coveredUpTo, c.count);
      continue;
    }
    const held = upTo.get(i) ?? { events: checked, found: false };
    const intact = `the log is intact up to #${n(coveredUpTo)} at best`;
    if (held.events < c.count) {
      add({
        kind: 'missing',
        reason: 'events-missing',
        detail: `${n(c.count - held.events)} event${c.count - held.events === 1 ? '' : 's'} missing: ${c.source} covers ${n(c.count)} events up to position ${c.lastPosition} (head ${c.head.slice(0, 16)}…), the log holds ${n(held.events)} up to there${held.found ? '' : ` and no event at position ${c.lastPosition}`} (it ends at ${lastPosition}); ${intact}`,
      });
      continue;
    }
    const why =
      held.events > c.count
        ? `${n(held.events - c.count)} event(s) inserted at or before position ${c.lastPosition}, which ${c.source} does not cover`
        : !held.found || p === undefined || p.position !== c.lastPosition
          ? `event #${n(c.count)} is at position ${p?.position ?? '?'}, but ${c.source} has it at ${c.lastPosition} (renumbered)`
          : p.hash !== c.head
            ? `the event at position ${p.position} is not the one ${c.source} signed`
            : `an event up to position ${p.position} differs from what ${c.source} signed (its Merkle root differs)`;
    add({ kind: 'changed', reason: 'differs-from-checkpoint', detail: `${why}; ${intact}` });
  }

  return {
    ok: findings.length === 0,
    eventsChecked: checked,
    keyed: given && checker.active !== undefined,
    keyGiven: given,
    unsealedBeforeKey: checker.legacy,
    checkpoints: claims.filter((c) => c.source.startsWith('checkpoint')).length,
    receipts: claims.filter((c) => c.source.startsWith('receipt')).length,
    uncovered: checked - coveredUpTo,
    findings,
    ...(lastEvent === undefined ? {} : { head: lastEvent.hash }),
  };
};
