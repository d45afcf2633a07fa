import {
  CheckpointMoved,
  InvalidArgument,
  Position,
  processActor,
  rolePermissions,
  stableId,
  type Actor,
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
  aggregate: string,
  command: { readonly type: string },
  options: {
    readonly actor: Actor;
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
  /** Events whose `react` threw, set aside with why (as projections park them). */
  readonly parked: number;
}

/** The process managers of a practice, run after every command and on `catchUp()`. */
export interface ProcessManagers {
  readonly managers: readonly ProcessManager[];
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
      const parked = [];
      try {
        const reactions = await m.react(event, { reader });
        for (const [i, r] of reactions.entries()) {
          // A refusal is recorded in the audit trail by the command path; the manager moves on.
          await issue(r.aggregate, r.command, {
            actor,
            at: r.at ?? event.metadata.occurredAt,
            commandId: stableId(`process:${m.name}:${event.eventId}:${i}`),
            causationId: event.eventId,
            correlationId: event.metadata.correlationId,
          });
        }
      } catch (err) {
        if (CheckpointMoved.isInstance(err)) throw err;
        parked.push({
          slot,
          position: event.position,
          streamId: event.streamId,
          revision: event.revision,
          type: event.type,
          eventId: event.eventId,
          reason: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
          parkedAt: options.now(),
        });
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
                if (CheckpointMoved.isInstance(err) && attempt < 5) continue;
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
          return {
            name: m.name,
            checkpoint: s?.checkpoint,
            parked: (await checkpoints.parked(slot)).length,
          };
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
