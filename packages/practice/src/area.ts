import type { Actor, DomainCommand } from '@praxis/core';
import type { AggregateBinding, AnyBinding } from './module.js';
import type { Outcome } from './outcome.js';

/** Per-call options of a command. */
export interface CallOptions {
  /** Who is acting; defaults to the session's actor (`practice.as(actor)`). */
  readonly actor?: Actor;
  /** Business time of the command (ISO instant); default: the command's own `at`, else the clock. */
  readonly at?: string;
  /** Retrying with the same id is idempotent. */
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** The input of one command: the command without its `type`, plus the aggregate's id field. */
export type InputOf<C extends DomainCommand, T extends C['type'], K extends string> = Omit<
  Extract<C, { type: T }>,
  'type' | K
> & { readonly [F in K]: string };

/**
 * One method per command of an aggregate, named after the command in lower camel case:
 * `ApproveBudget` becomes `approveBudget(input, options?)`.
 */
export type CommandMethods<B> =
  B extends AggregateBinding<infer C, infer _Ev, infer S, infer K>
    ? {
        readonly [T in C['type'] as Uncapitalize<T>]: (
          input: InputOf<C, T, K>,
          options?: CallOptions,
        ) => Promise<Outcome<S>>;
      }
    : never;

/** Runs one command on one aggregate: what the facade does for every method. */
export type Execute = (
  binding: AnyBinding,
  command: DomainCommand,
  options: CallOptions | undefined,
) => Promise<Outcome>;

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** Builds the methods of an area: one per command type of each of its aggregates. */
export const commandMethods = (
  bindings: readonly AnyBinding[],
  execute: Execute,
): Record<string, (input: object, options?: CallOptions) => Promise<Outcome>> => {
  const methods: Record<string, (input: object, options?: CallOptions) => Promise<Outcome>> = {};
  for (const binding of bindings) {
    for (const type of binding.commandTypes as readonly string[]) {
      const name = lowerFirst(type);
      if (name in methods) throw new Error(`two commands are named ${type} in one area`);
      methods[name] = (input, options) => execute(binding, { ...input, type }, options);
    }
  }
  return methods;
};
