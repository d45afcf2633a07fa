import type { Decider, DomainCommand, DomainEvent, Projection } from '@praxis/core';

/**
 * How the facade addresses one aggregate: its decider, and which instance a command is for.
 *
 * @example
 * const budget: AggregateBinding<Budget.Command, Budget.Event, Budget.State> = {
 *   decider: Budget.decider,
 *   idOf: (c) => c.budgetId,
 * };
 */
export interface AggregateBinding<C extends DomainCommand, Ev extends DomainEvent, S> {
  readonly decider: Decider<C, Ev, S>;
  /** The aggregate instance a command addresses (the stream is `${decider.name}-${id}`). */
  readonly idOf: (command: C) => string;
  /** Every command type the aggregate decides on (the facade makes a method for each). */
  readonly commandTypes: readonly C['type'][];
}

/** Any binding, for lists that mix aggregates. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of heterogeneous bindings
export type AnyBinding = AggregateBinding<any, any, any>;

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
 * bind(Budget.decider, (c) => c.budgetId, { DraftBudget: true, ApproveBudget: true })
 */
export const bind = <C extends DomainCommand, Ev extends DomainEvent, S>(
  decider: Decider<C, Ev, S>,
  idOf: (command: C) => string,
  commands: { readonly [K in C['type']]: true },
): AggregateBinding<C, Ev, S> => ({
  decider,
  idOf,
  commandTypes: Object.keys(commands) as C['type'][],
});
