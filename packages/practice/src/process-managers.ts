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
  status(): Promise<readonly ProcessManagerStatus[]>;
}

const slotOf = (m: ProcessManager) => `process:${m.name}@1`;

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
  /** One pass of one manager; returns how many events it handled. */
  const pass = async (m: ProcessManager, issue: IssueReaction): Promise<number> => {
    const slot = slotOf(m);
    let checkpoint = (await checkpoints.openSlot(slot, `process:${m.name}`, 1)).checkpoint;
    let handled = 0;
    const actor = processActor(m.name);
    for await (const sealed of store.readAll({
      ...(checkpoint === undefined ? {} : { fromPosition: checkpoint }),
      filter: { eventTypes: m.eventTypes },
    })) {
      if (checkpoint !== undefined && Position.compare(sealed.position, checkpoint) <= 0) continue;
      const event = (await vault.reveal(sealed)) as RecordedEvent;
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
          for (const [i, r] of (reactions as readonly Reaction[]).entries()) {
            // A refusal is recorded in the audit trail by the command path; the manager moves on.
            await issue(r?.aggregate, r?.command, {
              actor,
              metadata: { reactionDepth: depth },
              at: r?.at ?? event.metadata.occurredAt,
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
      await checkpoints.commit({
        slot,
        expected: checkpoint,
        checkpoint: event.position,
        documents: new Map(),
        parked,
        eventsApplied: 1,
      });
      checkpoint = event.position;
      handled++;
    }
    return handled;
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
        // Reactions may trigger other managers: go round until a pass handles nothing
        // (bounded, so two managers answering each other cannot spin for ever).
        for (let round = 0; round < 20; round++) {
          let handled = 0;
          for (const m of managers) {
            for (let attempt = 1; ; attempt++) {
              try {
                handled += await pass(m, issue);
                break;
              } catch (err) {
                // Another process moved the checkpoint: reload and go on (commands are idempotent).
                if (CheckpointMoved.isInstance(err) && attempt < 20) continue;
                throw err;
              }
            }
          }
          if (handled === 0) return;
        }
      };
      const next = chain.then(run, run);
      chain = next.catch(() => undefined);
      return next;
    },
    status: async () =>
      Promise.all(
        managers.map(async (m) => {
          const slot = slotOf(m);
          const [s] = (await checkpoints.slots(`process:${m.name}`)).filter((x) => x.slot === slot);
          return { name: m.name, checkpoint: s?.checkpoint, parked: await checkpoints.parked(slot) };
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
