import type { DomainCommand } from '../decider.js';
import type { RecordedEvent } from '../envelope.js';
import type { ReadModelReader } from '../projection.js';

/** One command a process manager issues in reaction to an event. */
export interface Reaction {
  /** The aggregate (decider name) the command is for: `AuthorizationUnits`, `Budget`. */
  readonly aggregate: string;
  /** The command, with its aggregate's id field (as a facade call would pass it). */
  readonly command: DomainCommand;
  /** Business time of the command (default: the triggering event's business time). */
  readonly at?: string;
}

/**
 * A process manager: a checkpointed subscriber that reacts to events by issuing commands
 * (MODULES.md C2). The facade runs each one after every command and on `catchUp()`:
 * - the command's `causationId` is the triggering event's id, its `correlationId` the event's,
 *   and its `commandId` is derived from (manager, event id, reaction index), so a retry after a
 *   crash never issues a command twice;
 * - it acts as `{ id: 'process:<name>', role: 'process:<name>' }` with exactly `grants`;
 * - a refused reaction is recorded in the audit trail like every refusal (and the manager moves
 *   on); a `react` that throws parks the event, as a projection parks one;
 * - a chain of reactions to reactions deeper than `maxReactionDepth` is parked, not followed
 *   (two managers answering each other would otherwise never stop).
 *
 * @example
 * const consumeOnCheckout: ProcessManager = {
 *   name: 'authorization-units-on-checkout', eventTypes: ['PatientCheckedOut'],
 *   grants: ['Authorization.ConsumeUnits'],
 *   react: (e) => [{ aggregate: 'Authorization', command: { type: 'ConsumeUnits', authorizationId: …, units: 1 } }],
 * };
 */
export interface ProcessManager {
  /** Unique in the practice; also its actor's id (`process:<name>`) and checkpoint slot. */
  readonly name: string;
  /** The event types it reacts to (the subscription filter). */
  readonly eventTypes: readonly string[];
  /**
   * Where a manager first added to an existing practice starts: `now` (default: it reacts to
   * events recorded from then on, never to history) or `start` (it works through the whole
   * log once — for a manager that must also cover the past).
   */
  readonly from?: 'now' | 'start';
  /** What it may do: grants as in `rolePermissions` (`Lot.Quarantine`, `Budget.*`). */
  readonly grants: readonly string[];
  /** The commands to issue for one event (none: return `[]`). Read models are caught up. */
  readonly react: (
    event: RecordedEvent,
    context: { readonly reader: ReadModelReader },
  ) => readonly Reaction[] | Promise<readonly Reaction[]>;
}

/** The actor a process manager's commands are recorded with. */
export const processActor = (name: string): { readonly id: string; readonly role: string } => ({
  id: `process:${name}`,
  role: `process:${name}`,
});

/** How many reactions to reactions are followed before the event is parked. */
export const maxReactionDepth = 10;
