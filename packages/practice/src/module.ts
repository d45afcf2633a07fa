import type { Decider, DomainCommand, DomainEvent, Projection } from '@praxis/core';

/**
 * How the facade addresses one aggregate: its decider, and the input field that names the
 * instance a command is for (the stream is `${decider.name}-${input[idKey]}`).
 */
export interface AggregateBinding<
  C extends DomainCommand,
  Ev extends DomainEvent,
  S,
  K extends string = string,
> {
  readonly decider: Decider<C, Ev, S>;
  /** The input field naming the aggregate instance, e.g. `budgetId`. */
  readonly idKey: K;
  /** Every command type the aggregate decides on (the facade makes a method for each). */
  readonly commandTypes: readonly C['type'][];
  /** Snapshot the state every this many events (for aggregates with long streams; state must be JSON). */
  readonly snapshotEvery?: number;
}

/** Any binding, for lists that mix aggregates. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of heterogeneous bindings
export type AnyBinding = AggregateBinding<any, any, any, string>;

/**
 * One domain area as the facade sees it: its aggregates (by the area's own names) and the
 * read models built from its events.
 */
export interface PracticeModule {
  /** The area's name in the facade: `practice.<area>.…` (`finance`, `staff`, …). */
  readonly area: string;
  readonly aggregates: readonly AnyBinding[];
  readonly projections: readonly Projection[];
}

/**
 * Makes a binding. `commands` must name every command type of the decider exactly once (the
 * compiler checks the record is complete), so no command is left without a method.
 *
 * @example
 * bind(Budget.decider, 'budgetId', { DraftBudget: true, ApproveBudget: true, … })
 */
export const bind = <C extends DomainCommand, Ev extends DomainEvent, S, K extends string>(
  decider: Decider<C, Ev, S>,
  idKey: K,
  commands: { readonly [T in C['type']]: true },
  options: { readonly snapshotEvery?: number } = {},
): AggregateBinding<C, Ev, S, K> => ({
  decider,
  idKey,
  commandTypes: Object.keys(commands) as C['type'][],
  ...options,
});
