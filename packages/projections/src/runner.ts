import {
  EventDecodeFailed,
  Position,
  type EventStore,
  type ParkedEvent,
  type Projection,
  type ReadModelSlot,
  type ReadModelStore,
} from '@praxis/core';
import { makeBatch, parkedEvent } from './batch.js';
import { makeDocCache } from './doc-cache.js';
import { eventsBehind, later, positionAfter } from './positions.js';

/**
 * Where a projection is in its life: `building` a slot readers do not see yet, `live` (its
 * slot is the active one), `superseded` (a newer version is active, so this one does not
 * run), `failed` (stopped by an infrastructure error), or `idle` (not started).
 */
export type ProjectionPhase = 'idle' | 'building' | 'live' | 'superseded' | 'failed';

/** A projection's progress, reported after every committed batch. */
export interface ProjectionProgress {
  readonly projection: string;
  readonly version: number;
  readonly slot: string;
  readonly phase: ProjectionPhase;
  /** The last event applied. */
  readonly checkpoint: Position.Position | undefined;
  /** The head of the log when the batch was read. */
  readonly head: Position.Position | undefined;
  /** Events behind the head (see `eventsBehind`). */
  readonly lag: number;
  /** Events applied to the slot so far (handled or parked). */
  readonly eventsApplied: number;
}

/** A projection's full status, as `engine.status()` reports it. */
export interface ProjectionStatus extends ProjectionProgress {
  /** True when readers see this slot. */
  readonly active: boolean;
  /** Events parked in this slot. */
  readonly parked: number;
  /** Why the projection stopped, when `phase` is `failed`. */
  readonly error?: unknown;
}

/** What a runner needs; the engine fills it. */
export interface RunnerOptions {
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  readonly projection: Projection;
  readonly batchSize: number;
  /** Documents kept in memory between batches (0: none). */
  readonly cacheSize: number;
  readonly dropReplaced: boolean;
  readonly now: () => Date;
  readonly onProgress?: (progress: ProjectionProgress) => void;
  readonly onParked?: (parked: ParkedEvent) => void;
}

/** Runs one projection: one slot, batches committed with their checkpoint. */
export interface ProjectionRunner {
  readonly projection: Projection;
  /** Applies batches until the slot holds every event up to the head, then activates it. */
  runUntilCaughtUp(): Promise<void>;
  /** Builds a fresh slot from zero beside the current one; it replaces it when caught up. */
  rebuild(): Promise<void>;
  status(): Promise<ProjectionStatus>;
  /** Marks the runner failed (the engine calls it with the error that stopped it). */
  fail(error: unknown): void;
  readonly phase: ProjectionPhase;
  readonly checkpoint: Position.Position | undefined;
}

const slotName = (p: Projection, taken: readonly ReadModelSlot[]): string => {
  const names = new Set(taken.map((s) => s.slot));
  const base = `${p.name}@${p.version}`;
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base}#${n}`)) n++;
  return `${base}#${n}`;
};

/** Makes the runner of one projection (used by `projectionEngine`). */
export const projectionRunner = (o: RunnerOptions): ProjectionRunner => {
  const { store, readModels: rm, projection: p } = o;
  let slot: ReadModelSlot | undefined;
  let phase: ProjectionPhase = 'idle';
  let lastHead: Position.Position | undefined;
  let failure: unknown;
  const cache = makeDocCache(o.cacheSize);
  let lock: Promise<void> = Promise.resolve();
  const exclusive = (f: () => Promise<void>): Promise<void> => {
    const run = lock.then(f);
    lock = run.catch(() => undefined);
    return run;
  };

  /** Resumes the active slot of this version, or a half-built one, or opens a new slot. */
  const open = async (): Promise<ReadModelSlot | undefined> => {
    const slots = await rm.slots(p.name);
    const activeId = await rm.activeSlot(p.name);
    const active = slots.find((s) => s.slot === activeId);
    if (active !== undefined && active.version > p.version) return undefined;
    if (active?.version === p.version) return active;
    const building = slots.filter((s) => s.version === p.version && s.slot !== activeId).at(-1);
    return building ?? rm.openSlot(slotName(p, slots), p.name, p.version);
  };

  const progress = (s: ReadModelSlot): ProjectionProgress => ({
    projection: p.name,
    version: p.version,
    slot: s.slot,
    phase,
    checkpoint: s.checkpoint,
    head: lastHead,
    lag: eventsBehind(s.checkpoint, lastHead),
    eventsApplied: s.eventsApplied,
  });

  /** Activates the slot once it has caught up, unless a newer version is already active. */
  const activateIfNeeded = async (s: ReadModelSlot) => {
    const activeId = await rm.activeSlot(p.name);
    if (activeId === s.slot) {
      phase = 'live';
      return;
    }
    const slots = await rm.slots(p.name);
    const active = slots.find((x) => x.slot === activeId);
    if (active !== undefined && active.version > p.version) {
      phase = 'superseded';
      return;
    }
    await rm.activate(s.slot);
    phase = 'live';
    if (!o.dropReplaced) return;
    // The replaced slot, and builds of this or older versions left behind by an interrupted run.
    for (const old of slots) {
      if (old.slot !== s.slot && old.version <= p.version) await rm.dropSlot(old.slot);
    }
  };

  /** Reads and commits one batch; true when it reached the head of the log. */
  const step = async (s: ReadModelSlot): Promise<{ slot: ReadModelSlot; caughtUp: boolean }> => {
    const head = await store.headPosition();
    const batch = makeBatch(p, cache, (key) => rm.getIn(s.slot, key));
    const parked: ParkedEvent[] = [];
    let last: Position.Position | undefined;
    let n = 0;
    let full = false;
    try {
      const events = store.readAll({
        ...(s.checkpoint === undefined ? {} : { fromPosition: positionAfter(s.checkpoint) }),
        filter: { eventTypes: p.eventTypes },
        maxCount: o.batchSize,
      });
      for await (const e of events) {
        if (s.checkpoint !== undefined && Position.compare(e.position, s.checkpoint) <= 0) continue;
        const applied = batch.apply(e);
        const reason = typeof applied === 'object' ? await applied : applied;
        if (reason !== undefined) parked.push(parkedEvent(s.slot, e, reason, o.now()));
        last = e.position;
        n++;
      }
      full = n >= o.batchSize;
    } catch (err) {
      // A poison event (its stored form fails its codec): park it and read on past it.
      if (!EventDecodeFailed.isInstance(err) || err.position === undefined) throw err;
      const poison = { ...err, type: err.eventType, eventId: '', position: err.position };
      parked.push(parkedEvent(s.slot, poison, err.message, o.now()));
      last = err.position;
      n++;
      full = true;
    }
    const caughtUp = !full;
    let checkpoint = last ?? s.checkpoint;
    // Caught up: every matching event up to the head read before the page has been applied.
    if (caughtUp && head !== undefined) checkpoint = later(head, checkpoint);
    lastHead = head;
    let next = s;
    if (
      checkpoint !== undefined &&
      (s.checkpoint === undefined || Position.compare(checkpoint, s.checkpoint) > 0)
    ) {
      try {
        await rm.commit({
          slot: s.slot,
          expected: s.checkpoint,
          checkpoint,
          documents: batch.changes,
          parked,
          eventsApplied: n,
        });
      } catch (err) {
        cache.clear();
        throw err;
      }
      cache.remember(batch.loaded);
      cache.remember(batch.changes);
      next = { ...s, checkpoint, eventsApplied: s.eventsApplied + n };
      for (const pe of parked) o.onParked?.(pe);
    }
    if (caughtUp) await activateIfNeeded(next);
    if (n > 0 || next !== s) o.onProgress?.(progress(next));
    return { slot: next, caughtUp };
  };

  const build = async () => {
    if (slot === undefined) return;
    if (phase !== 'live') phase = 'building';
    for (;;) {
      const r = await step(slot);
      slot = r.slot;
      if (r.caughtUp) return;
    }
  };

  return {
    projection: p,
    get phase() {
      return phase;
    },
    get checkpoint() {
      return slot?.checkpoint;
    },
    runUntilCaughtUp: () =>
      exclusive(async () => {
        if (phase === 'superseded') return;
        if (slot === undefined || phase === 'failed') {
          failure = undefined;
          phase = 'idle';
          cache.clear();
          slot = await open();
          if (slot === undefined) {
            phase = 'superseded';
            return;
          }
        }
        await build();
      }),
    rebuild: () =>
      exclusive(async () => {
        failure = undefined;
        const slots = await rm.slots(p.name);
        slot = await rm.openSlot(slotName(p, slots), p.name, p.version);
        cache.clear();
        phase = 'building';
        await build();
      }),
    fail: (error) => {
      cache.clear();
      failure = error;
      phase = 'failed';
    },
    status: async () => {
      const head = await store.headPosition();
      const activeId = await rm.activeSlot(p.name);
      const s = slot;
      const parked = s === undefined ? 0 : (await rm.parked(s.slot)).length;
      return {
        projection: p.name,
        version: p.version,
        slot: s?.slot ?? '',
        phase,
        checkpoint: s?.checkpoint,
        head,
        lag: eventsBehind(s?.checkpoint, head),
        eventsApplied: s?.eventsApplied ?? 0,
        active: s !== undefined && activeId === s.slot,
        parked,
        ...(failure === undefined ? {} : { error: failure }),
      };
    },
  };
};
