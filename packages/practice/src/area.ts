import type { Actor, CommandCodecs, CommandInput, DomainCommand, PlatformRefusalCode } from '@praxis/core';
import type { AggregateBinding, AnyBinding, PracticeModule } from './module.js';
import type { Outcome } from './outcome.js';

/** Per-call options of a command. */
export interface CallOptions {
  /** Who is acting; defaults to the session's actor (`practice.as(actor)`). */
  readonly actor?: Actor;
  /**
   * Business time of the command (ISO instant with offset); default: the command's business
   * date (`hiredOn` of `hireStaffMember`), else the practice clock. Never the payload's.
   */
  readonly at?: string;
  /**
   * Act in another person's name (their id): needs an `onBehalfOf:` grant; the command's actor
   * fields name that person and its events record both (`metadata.onBehalfOf`).
   */
  readonly onBehalfOf?: string;
  /** Retrying with the same id is idempotent. */
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/**
 * The input of one command: its fields as its codec declares them (stamped fields such as
 * `approvedBy` or `at` may be left out), plus the aggregate's id field.
 */
export type InputOf<Cmds, T extends string, K extends string> =
  Cmds extends CommandCodecs<infer Defs>
    ? T extends keyof Defs
      ? CommandInput<Defs[T]> & { readonly [F in K]: string }
      : never
    : never;

/**
 * One method per command of an aggregate, named after the command in lower camel case:
 * `ApproveBudget` becomes `approveBudget(input, options?)`. The outcome's code is the
 * aggregate's refusal codes or the platform's.
 */
export type CommandMethods<B> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- only S, K, Cmds and R matter here
  B extends AggregateBinding<any, any, infer S, infer K, infer Cmds, infer R>
    ? Cmds extends CommandCodecs<infer Defs>
      ? {
          readonly [T in keyof Defs & string as Uncapitalize<T>]: (
            input: InputOf<Cmds, T, K>,
            options?: CallOptions,
          ) => Promise<Outcome<S, R | PlatformRefusalCode>>;
        }
      : never
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

type UnionToIntersection<U> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the standard distributive trick
  (U extends any ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The command methods of every aggregate of one module. */
export type ModuleCommands<M> =
  M extends PracticeModule<string, infer B> ? UnionToIntersection<CommandMethods<B[number]>> : never;

/** One property per module, named after its area: `{ finance: …, staff: … }`. */
export type AreasOf<Ms extends readonly PracticeModule[]> = UnionToIntersection<
  {
    [I in keyof Ms]: Ms[I] extends PracticeModule<infer A>
      ? { readonly [K in A]: ModuleCommands<Ms[I]> }
      : never;
  }[number]
>;

/** The practice-level methods every module offers (`PracticeModule.methods`), merged. */
export type MethodsOf<Ms extends readonly PracticeModule[]> = UnionToIntersection<
  {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the methods matter here
    [I in keyof Ms]: Ms[I] extends PracticeModule<any, any, infer M> ? M : never;
  }[number]
>;

/**
 * The methods modules add to areas (`PracticeModule.areaMethods`), merged per area:
 * `{ finance: { importRemittance … } }`. Intersected with `AreasOf`, they sit beside the commands.
 */
export type AreaMethodsOf<Ms extends readonly PracticeModule[]> = UnionToIntersection<
  {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the area methods matter here
    [I in keyof Ms]: Ms[I] extends PracticeModule<any, any, any, infer AM>
      ? { readonly [K in keyof AM]: AM[K] }
      : never;
  }[number]
>;
