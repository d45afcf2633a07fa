import type { CommandCodecs } from '../codecs/commands.js';
import type { DomainEvent } from '../codecs/registry.js';
import type { Decider, DomainCommand } from '../decider.js';
import { InvalidArgument } from '../errors/index.js';
import type { AnyFactProviders, FactProviders } from './facts.js';

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
  /** Supplies the fact fields of its commands (see `FactProviders`). */
  readonly facts?: AnyFactProviders;
}

/** Any binding, for lists that mix aggregates. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of heterogeneous bindings
export type AnyBinding = AggregateBinding<any, any, any, string, any, any>;

/**
 * Makes a binding from a decider and its command codecs (`defineCommands`): the facade gets
 * one method per command, typed from the codecs. Throws InvalidArgument when `commands` is not
 * the decider's own codecs.
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
  options: { readonly snapshotEvery?: number; readonly facts?: FactProviders<Cmds> } = {},
): AggregateBinding<C, Ev, S, K, Cmds, R> => {
  if (decider.commands !== commands)
    throw new InvalidArgument(
      'commands',
      `bind ${decider.name} to the command codecs its decider decodes with`,
    );
  for (const type of commands.types) {
    const spec = commands.spec(type)!;
    const needs = Object.keys(spec.facts).length > 0;
    const given = (options.facts as AnyFactProviders | undefined)?.[type] !== undefined;
    if (needs && !given)
      throw new InvalidArgument(
        'facts',
        `${decider.name}.${type} declares facts; bind it with a provider for them`,
      );
  }
  const { facts, ...rest } = options;
  return {
    decider,
    commands,
    idKey,
    commandTypes: commands.types as C['type'][],
    ...rest,
    ...(facts === undefined ? {} : { facts: facts as AnyFactProviders }),
  };
};
