import {
  InvalidArgument,
  type CommandCodecs,
  type Decider,
  type DomainCommand,
  type DomainEvent,
  type Projection,
} from '@praxis/core';

/**
 * How the facade addresses one aggregate: its decider, and the input field that names the
 * instance a command is for (the stream is `${decider.name}-${input[idKey]}`).
 */
export interface AggregateBinding<
  C extends DomainCommand,
  Ev extends DomainEvent,
  S,
  K extends string = string,
  Cmds extends CommandCodecs = CommandCodecs,
  R extends string = string,
> {
  readonly decider: Decider<C, Ev, S, R>;
  /** The aggregate's command codecs (the decider's own): the facade's input types come from them. */
  readonly commands: Cmds;
  /** The input field naming the aggregate instance, e.g. `budgetId`. */
  readonly idKey: K;
  /** Every command type the aggregate decides on (the facade makes a method for each). */
  readonly commandTypes: readonly C['type'][];
  /** Snapshot the state every this many events (for aggregates with long streams; state must be JSON). */
  readonly snapshotEvery?: number;
}

/** Any binding, for lists that mix aggregates. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of heterogeneous bindings
export type AnyBinding = AggregateBinding<any, any, any, string, any, any>;

/**
 * One domain area as the facade sees it: its aggregates (by the area's own names) and the
 * read models built from its events. Build it with `defineModule` so its area name and
 * aggregates keep their types: `practice.<area>` is typed from the modules a practice is
 * created with.
 */
export interface PracticeModule<
  A extends string = string,
  B extends readonly AnyBinding[] = readonly AnyBinding[],
> {
  /** The area's name in the facade: `practice.<area>.…` (`finance`, `staff`, …). */
  readonly area: A;
  readonly aggregates: B;
  readonly projections: readonly Projection[];
}

/** Area names the facade itself uses: a module may not take them. */
export const reservedAreas: ReadonlySet<string> = new Set([
  'audit',
  'kpis',
  'calendar',
  'as',
  'settings',
  'store',
  'registry',
  'clock',
  'modules',
  'readModels',
  'actor',
  'execute',
  'check',
  'load',
  'catchUp',
  'projectionList',
  'projections',
  'rebuild',
  'catchUpWithProgress',
  'close',
]);

/**
 * Declares a module, keeping its area name and aggregates in its type.
 *
 * @example
 * export const financeModule = defineModule({ area: 'finance', aggregates: [budget, claim], projections });
 */
export const defineModule = <const A extends string, const B extends readonly AnyBinding[]>(
  module: PracticeModule<A, B>,
): PracticeModule<A, B> => {
  if (reservedAreas.has(module.area))
    throw new InvalidArgument(
      'area',
      `${module.area} is a name the facade uses itself; pick another area name`,
    );
  return module;
};

/**
 * Makes a binding from a decider and its command codecs (`defineCommands`): the facade gets
 * one method per command, typed from the codecs.
 *
 * @example
 * bind(Budget.decider, Budget.commands, 'budgetId', { snapshotEvery: 50 })
 */
export const bind = <
  C extends DomainCommand,
  Ev extends DomainEvent,
  S,
  R extends string,
  Cmds extends CommandCodecs,
  K extends string,
>(
  decider: Decider<C, Ev, S, R>,
  commands: Cmds,
  idKey: K,
  options: { readonly snapshotEvery?: number } = {},
): AggregateBinding<C, Ev, S, K, Cmds, R> => {
  if (decider.commands !== commands)
    throw new InvalidArgument(
      'commands',
      `bind ${decider.name} to the command codecs its decider decodes with`,
    );
  return { decider, commands, idKey, commandTypes: commands.types as C['type'][], ...options };
};
