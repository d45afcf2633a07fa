import {
  CheckpointMoved,
  InvalidArgument,
  Position,
  StoreClosed,
  type Json,
  type KeyRange,
  type ParkedEvent,
  type ReadModelCommit,
  type ReadModelSlot,
  type ReadModelStore,
  type Snapshot,
  type SnapshotStore,
} from '@praxis/core';

interface Slot {
  info: ReadModelSlot;
  docs: Map<string, string>;
  parked: ParkedEvent[];
}

const showPosition = (p: Position.Position | undefined) => (p === undefined ? 'none' : Position.toString(p));
const samePosition = (a: Position.Position | undefined, b: Position.Position | undefined) =>
  a === undefined || b === undefined ? a === b : Position.equals(a, b);

/**
 * Read models kept in memory: for tests, demos and scratch replays. Documents are stored as
 * JSON text so a reader never shares objects with the engine. A commit is applied whole or
 * not at all, like the SQL stores' transactions.
 *
 * @example
 * const readModels = memoryReadModelStore();
 * const engine = projectionEngine({ store, readModels, projections: [auditView] });
 */
export const memoryReadModelStore = (): ReadModelStore => {
  const slots = new Map<string, Slot>();
  const active = new Map<string, string>();
  let closed = false;

  const guard = () => {
    if (closed) throw new StoreClosed('memory read-model');
  };
  const slotOf = (slot: string): Slot => {
    const s = slots.get(slot);
    if (s === undefined) throw new InvalidArgument('slot', `no read-model slot ${slot}`);
    return s;
  };
  async function* listDocs(docs: Map<string, string> | undefined, prefix: string, range: KeyRange = {}) {
    if (docs === undefined) return;
    const keys = [...docs.keys()]
      .filter((k) => k.startsWith(prefix) && (range.after === undefined || k > range.after))
      .sort();
    const limit = range.limit ?? keys.length;
    for (const k of keys.slice(0, limit)) {
      const text = docs.get(k);
      if (text !== undefined) yield [k, JSON.parse(text) as Json] as const;
    }
  }
  const activeDocs = (projection: string) => {
    const slot = active.get(projection);
    return slot === undefined ? undefined : slots.get(slot)?.docs;
  };

  return {
    kind: 'memory',
    get: async (projection, key) => {
      guard();
      const text = activeDocs(projection)?.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as Json);
    },
    list: (projection, prefix, range) => {
      guard();
      return listDocs(activeDocs(projection), prefix, range);
    },
    slots: async (projection) => {
      guard();
      return [...slots.values()].filter((s) => s.info.projection === projection).map((s) => s.info);
    },
    openSlot: async (slot, projection, version) => {
      guard();
      const existing = slots.get(slot);
      if (existing !== undefined) return existing.info;
      const info: ReadModelSlot = { slot, projection, version, checkpoint: undefined, eventsApplied: 0 };
      slots.set(slot, { info, docs: new Map(), parked: [] });
      return info;
    },
    activeSlot: async (projection) => {
      guard();
      return active.get(projection);
    },
    activate: async (slot) => {
      guard();
      active.set(slotOf(slot).info.projection, slot);
    },
    dropSlot: async (slot) => {
      guard();
      const s = slots.get(slot);
      if (s === undefined) return;
      if (active.get(s.info.projection) === slot) active.delete(s.info.projection);
      slots.delete(slot);
    },
    getIn: async (slot, key) => {
      guard();
      const text = slots.get(slot)?.docs.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as Json);
    },
    listIn: (slot, prefix, range) => {
      guard();
      return listDocs(slots.get(slot)?.docs, prefix, range);
    },
    commit: async (batch: ReadModelCommit) => {
      guard();
      const s = slotOf(batch.slot);
      if (!samePosition(s.info.checkpoint, batch.expected)) {
        throw new CheckpointMoved(batch.slot, showPosition(batch.expected), showPosition(s.info.checkpoint));
      }
      // Serialise everything first, so a document JSON cannot hold changes nothing.
      const writes = [...batch.documents].map(([k, v]) => [
        k,
        v === undefined ? undefined : JSON.stringify(v),
      ]);
      for (const [k, text] of writes) {
        if (text === undefined) s.docs.delete(k!);
        else s.docs.set(k!, text);
      }
      s.parked.push(...batch.parked);
      s.info = {
        ...s.info,
        checkpoint: batch.checkpoint,
        eventsApplied: s.info.eventsApplied + batch.eventsApplied,
      };
    },
    parked: async (slot) => {
      guard();
      return [...(slots.get(slot)?.parked ?? [])];
    },
    close: async () => {
      closed = true;
    },
  };
};

/**
 * Snapshots kept in memory (one per stream, the highest revision wins).
 *
 * @example
 * const snapshots = memorySnapshotStore();
 */
export const memorySnapshotStore = (): SnapshotStore => {
  const kept = new Map<string, Snapshot>();
  return {
    load: async (streamId) => kept.get(streamId),
    save: async (snapshot) => {
      const current = kept.get(snapshot.streamId);
      if (current === undefined || current.revision <= snapshot.revision)
        kept.set(snapshot.streamId, snapshot);
    },
    remove: async (streamId) => {
      kept.delete(streamId);
    },
  };
};
