import type { Decision, RefusalCategory } from './domain-error.js';
import type { DomainEvent, EventRegistry } from './codecs/registry.js';
import type { CommandCodecs } from './codecs/commands.js';

/** A command to an aggregate: a discriminated union member with a `type`. */
export interface DomainCommand {
  readonly type: string;
}

/**
 * One aggregate: how its state folds from events and how it decides on commands.
 * `evolve` and `decide` are pure: no clock (business time comes on the command), no I/O.
 */
export interface Decider<C extends DomainCommand, Ev extends DomainEvent, S, R extends string = string> {
  /** Aggregate type, also the stream category: streams are named `${name}-${id}`. */
  readonly name: string;
  /** Bumped when the state's shape or fold changes: older snapshots are ignored. */
  readonly stateVersion: number;
  readonly initialState: S;
  readonly evolve: (state: S, event: Ev) => S;
  readonly decide: (command: C, state: S) => Decision<Ev>;
  /** Codecs of every event this aggregate emits. */
  readonly events: EventRegistry;
  /**
   * Codecs of every command it decides on (`defineCommands`): the handler decodes untrusted
   * input with them before `decide` and stamps actor and business time from the call.
   */
  readonly commands?: CommandCodecs;
  /** Its refusal codes and their categories (`defineRefusals`); undeclared codes are `rule`. */
  readonly refusals?: Readonly<Record<R, RefusalCategory>>;
}

/** Folds a sequence of events from the initial state. */
export const fold = <C extends DomainCommand, Ev extends DomainEvent, S>(
  decider: Decider<C, Ev, S>,
  events: Iterable<Ev>,
  from: S = decider.initialState,
): S => {
  let state = from;
  for (const e of events) state = decider.evolve(state, e);
  return state;
};

/** The stream id of one aggregate instance: `Budget-2026`. */
export const streamIdOf = (decider: { readonly name: string }, id: string): string => `${decider.name}-${id}`;
