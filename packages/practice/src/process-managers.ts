import {
  CheckpointMoved,
  InvalidArgument,
  Position,
  processActor,
  rolePermissions,
  stableId,
  ModuleFailed,
  PraxisError,
  maxReactionDepth,
  type Actor,
  type ParkedEvent,
  type Reaction,
  type EventStore,
  type PermissionPolicy,
  type ProcessManager,
  type ReadModelReader,
  type ReadModelStore,
  type RecordedEvent,
  type Vault,
} from '@praxis/core';
import type { Outcome } from './outcome.js';

/** How a process manager's reaction is issued: the facade's own command path. */
export type IssueReaction = (
  aggregate: unknown,
  command: unknown,
  options: {
    readonly actor: Actor;
    readonly metadata: { readonly reactionDepth: number };
    readonly at?: string;
    readonly commandId: string;
    readonly causationId: string;
    readonly correlationId: string;
  },
) => Promise<Outcome>;

/** Where a process manager stands, for `practice.processManagers()`. */
export interface ProcessManagerStatus {
  readonly name: string;
  /** The last event it has handled (undefined: none yet). */
  readonly checkpoint: Position.Position | undefined;
  /** Events it set aside (its `react` threw, or the reaction chain was too deep), with why. */
  readonly parked: readonly ParkedEvent[];
}

/** The process managers of a practice, run after every command and on `catchUp()`. */
export interface ProcessManagers {
  readonly managers: readonly ProcessManager[];
  /**
   * Opens each manager's checkpoint; a manager new to this practice starts at the end of the
   * log unless it asks for `from: 'start'`. Run once when the practice opens.
   */
  init(): Promise<void>;
  /** Runs every manager over the events recorded since its checkpoint, until none react. */
  drain(issue: IssueReaction): Promise<void>;
  /** Stores each manager's checkpoint where it has handled events without storing it yet. */
  flush(): Promise<void>;
  status(): Promise<readonly ProcessManagerStatus[]>;
}

const slotOf = (m: ProcessManager) => `process:${m.name}@1`;

/**
 * Events a manager may handle without a reaction before its checkpoint is stored. A checkpoint
 * is stored at once when a manager reacts or parks; between those, it is stored every this many
 * events and on `flush()` (the practice's `close()`). After a crash a manager reads those few
 * events again: its reactions carry command ids derived from the event, so nothing is done twice
 * (docs/decisions/process-manager-checkpoints.md).
 */
const unstoredLimit = 256;

/** A manager's progress in this process: what is stored and what it has handled since. */
interface Progress {
  stored: Position.Position | undefined;
  handled: Position.Position | undefined;
  unstored: number;
}

const samePosition = (a: Position.Position | undefined, b: Position.Position | undefined) =>
  a === undefined ? b === undefined : b !== undefined && Position.compare(a, b) === 0;

/** Checks the managers' names and builds their runner. */
export const processManagers = (options: {
  readonly store: EventStore;
  readonly checkpoints: ReadModelStore;
  readonly managers: readonly ProcessManager[];
  readonly reader: ReadModelReader;
  readonly vault: Vault;
  readonly now: () => string;
}): ProcessManagers => {
  const { store, checkpoints, managers, reader, vault } = options;
  const names = new Set<string>();
  for (const m of managers) {
    if (names.has(m.name)) throw new InvalidArgument('modules', `two process managers are named ${m.name}`);
    names.add(m.name);
  }
  const progress = new Map<string, Progress>();
  /** Stores a manager's checkpoint (CheckpointMoved when another process moved it first). */
  const storeProgress = async (slot: string, p: Progress, parked: readonly ParkedEvent[]) => {
    if (p.handled === undefined || (p.unstored === 0 && parked.length === 0)) return;
    try {
      await checkpoints.commit({
        slot,
        expected: p.stored,
        checkpoint: p.handled,
        documents: new Map(),
        parked,
        eventsApplied: p.unstored,
      });
    } catch (err) {
      // Start again from what is stored (CheckpointMoved: another process is ahead).
      progress.delete(slot);
      throw err;
    }
    p.stored = p.handled;
    p.unstored = 0;
  };
  /** A manager with its progress, for one round. */
  interface Runner {
    readonly m: ProcessManager;
    readonly slot: string;
    readonly types: ReadonlySet<string>;
    readonly p: Progress;
  }
  /**
   * Where each manager stands: its progress in this process, or what is stored (the first time,
   * and after another process sharing the database stored a checkpoint first: CheckpointMoved
   * drops the progress, and the round is run again from what is stored).
   */
  const runners = async (): Promise<Runner[]> =>
    Promise.all(
      managers.map(async (m) => {
        const slot = slotOf(m);
        let p = progress.get(slot);
        if (p === undefined) {
          const stored = (await checkpoints.openSlot(slot, `process:${m.name}`, 1)).checkpoint;
          p = { stored, handled: stored, unstored: 0 };
          progress.set(slot, p);
        }
        return { m, slot, types: new Set(m.eventTypes), p };
      }),
    );
  /** One manager's handling of one event: its reactions issued, or the event parked with why. */
  /** Returns how many reactions it issued. */
  const handle = async (r: Runner, event: RecordedEvent, issue: IssueReaction): Promise<number> => {
    const { m, slot, p } = r;
    const parked: ParkedEvent[] = [];
    const park = (reason: string) =>
      parked.push({
        slot,
        position: event.position,
        streamId: event.streamId,
        revision: event.revision,
        type: event.type,
        eventId: event.eventId,
        reason,
        parkedAt: options.now(),
      });
    let reacted = 0;
    const given = event.metadata.reactionDepth;
    const depth = (typeof given === 'number' && Number.isSafeInteger(given) ? given : 0) + 1;
    try {
      const reactions = depth > maxReactionDepth ? undefined : await m.react(event, { reader });
      if (reactions === undefined)
        park(
          `a chain of ${maxReactionDepth} reactions to reactions led here; not followed further (do two managers answer each other?)`,
        );
      else if (!Array.isArray(reactions))
        park(`react returned ${reactions === null ? 'null' : typeof reactions}, not a list of reactions`);
      else
        for (const [i, x] of (reactions as readonly Reaction[]).entries()) {
          reacted++;
          // A refusal is recorded in the audit trail by the command path; the manager moves on.
          await issue(x?.aggregate, x?.command, {
            actor: processActor(m.name),
            metadata: { reactionDepth: depth },
            at: x?.at ?? event.metadata.occurredAt,
            commandId: stableId(`process:${m.name}:${event.eventId}:${i}`),
            causationId: event.eventId,
            correlationId: event.metadata.correlationId,
          });
        }
    } catch (err) {
      // Store and read-model failures stop the run (nothing is lost: the checkpoint has not moved).
      if (PraxisError.isPraxisError(err) && !ModuleFailed.isInstance(err)) throw err;
      park(err instanceof Error ? `${err.name}: ${err.message}` : `react threw ${String(err)}`);
    }
    p.handled = event.position;
    p.unstored++;
    if (reacted > 0 || parked.length > 0 || p.unstored >= unstoredLimit) await storeProgress(slot, p, parked);
    return reacted;
  };
  /**
   * One round: a single read of the log, filtered by every manager's event types, from the
   * earliest checkpoint; each event goes to the managers that take it and have not handled it.
   * Returns how many reactions were issued (their events are for the next round).
   */
  const round = async (issue: IssueReaction): Promise<number> => {
    const rs = await runners();
    let from: Position.Position | undefined = rs[0]?.p.handled;
    for (const r of rs)
      if (r.p.handled === undefined || (from !== undefined && Position.compare(r.p.handled, from) < 0))
        from = r.p.handled;
    const types = [...new Set(managers.flatMap((m) => m.eventTypes))];
    const head = await store.headPosition();
    let reactions = 0;
    for await (const sealed of store.readAll({
      ...(from === undefined ? {} : { fromPosition: from }),
      filter: { eventTypes: types },
    })) {
      let event: RecordedEvent | undefined;
      for (const r of rs) {
        if (!r.types.has(sealed.type)) continue;
        if (r.p.handled !== undefined && Position.compare(sealed.position, r.p.handled) <= 0) continue;
        event ??= (await vault.reveal(sealed)) as RecordedEvent;
        reactions += await handle(r, event, issue);
      }
    }
    // Every event up to the head read before the round, of any manager's types, has been seen:
    // a manager whose events are rare moves on too, so the next round does not read from far back.
    if (head !== undefined)
      for (const r of rs)
        if (r.p.handled === undefined || Position.compare(head, r.p.handled) > 0) {
          r.p.handled = head;
          r.p.unstored++;
        }
    return reactions;
  };
  let chain: Promise<void> = Promise.resolve();
  return {
    managers,
    init: async () => {
      for (const m of managers) {
        const slot = slotOf(m);
        const known = (await checkpoints.slots(`process:${m.name}`)).some((x) => x.slot === slot);
        if (known) continue;
        await checkpoints.openSlot(slot, `process:${m.name}`, 1);
        const head = m.from === 'start' ? undefined : await store.headPosition();
        if (head !== undefined)
          await checkpoints
            .commit({
              slot,
              expected: undefined,
              checkpoint: head,
              documents: new Map(),
              parked: [],
              eventsApplied: 0,
            })
            // Another process opened it at the same moment: its checkpoint stands.
            .catch((err: unknown) => {
              if (!CheckpointMoved.isInstance(err)) throw err;
            });
      }
    },
    drain: (issue) => {
      if (managers.length === 0) return Promise.resolve();
      const run = async () => {
        // Reactions may trigger other managers: go round until a round issues no reaction
        // (bounded, so two managers answering each other cannot spin for ever).
        for (let n = 0; n < 20; n++) {
          let issued = 0;
          for (let attempt = 1; ; attempt++) {
            try {
              issued = await round(issue);
              break;
            } catch (err) {
              // Another process moved a checkpoint: reload and go on (commands are idempotent).
              if (CheckpointMoved.isInstance(err) && attempt < 20) continue;
              throw err;
            }
          }
          if (issued === 0) return;
        }
      };
      const next = chain.then(run, run);
      chain = next.catch(() => undefined);
      return next;
    },
    flush: async () => {
      await chain;
      for (const m of managers) {
        const slot = slotOf(m);
        const p = progress.get(slot);
        if (p === undefined) continue;
        // Another process sharing the database stored a later checkpoint: nothing to keep.
        await storeProgress(slot, p, []).catch((err: unknown) => {
          if (!CheckpointMoved.isInstance(err)) throw err;
        });
      }
    },
    status: async () =>
      Promise.all(
        managers.map(async (m) => {
          const slot = slotOf(m);
          const [s] = (await checkpoints.slots(`process:${m.name}`)).filter((x) => x.slot === slot);
          const p = progress.get(slot);
          const checkpoint =
            p !== undefined && samePosition(p.stored, s?.checkpoint) ? p.handled : s?.checkpoint;
          return { name: m.name, checkpoint, parked: await checkpoints.parked(slot) };
        }),
      ),
  };
};

/**
 * The permission policy with the process managers' own roles: `process:<name>` may do exactly
 * its manager's grants; every other role is judged by `base`.
 */
export const withProcessGrants = (
  base: PermissionPolicy,
  managers: readonly ProcessManager[],
): PermissionPolicy => {
  if (managers.length === 0) return base;
  const own = rolePermissions(Object.fromEntries(managers.map((m) => [processActor(m.name).role, m.grants])));
  return (actor, request) => (actor.role.startsWith('process:') ? own(actor, request) : base(actor, request));
};
