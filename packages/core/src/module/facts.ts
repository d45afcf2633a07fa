import type * as t from 'io-ts';
import type { AnyCommandSpec, CommandCodecs, DecidedCommand } from '../codecs/commands.js';
import type { Actor } from '../envelope.js';
import type { ReadModelReader } from '../projection.js';
import type { KpiDefinition } from './kpi.js';

/**
 * What a fact provider may read: the practice's read models, other aggregates' state and
 * the KPI registry — as of the command's business time `at`.
 */
export interface FactContext {
  /** The read models, caught up with the log, personal fields revealed. */
  readonly reader: ReadModelReader;
  /** Another aggregate's current state (`load('StaffMember', 'S-1')`), or undefined when it has no stream. */
  load<S = unknown>(aggregate: string, id: string): Promise<S | undefined>;
  /** A registered KPI's definition, or undefined for an id no module contributes. */
  kpiDefinition(kpiId: string): KpiDefinition | undefined;
  /**
   * A registered KPI's value for a period label (`2026-Q1`), as reported at the period's close;
   * undefined for an unknown id, a label that is not a period, or a zero denominator.
   */
  kpi(kpiId: string, period: string): Promise<number | undefined>;
  /** The command's business time (ISO instant). */
  readonly at: string;
  /** Who issues the command. */
  readonly actor: Actor;
}

type FactsOfSpec<S> = S extends { readonly facts: infer F extends t.Props } ? F : never;

/**
 * The fact providers of one aggregate, by command type: each returns the fact fields its
 * command's spec declares (decoded by their codecs before `decide`).
 *
 * @example
 * bind(Goal.decider, Goal.commands, 'goalId', {
 *   facts: { DraftGoal: async (c, ctx) => ({ baselineValue: (await ctx.kpi(c.kpiId, c.baselinePeriod)) ?? null }) },
 * })
 */
export type FactProviders<Cmds> =
  Cmds extends CommandCodecs<infer Defs>
    ? {
        readonly [T in keyof Defs & string as keyof FactsOfSpec<Defs[T]> extends never ? never : T]?: (
          command: Omit<DecidedCommand<T, Defs[T]>, keyof FactsOfSpec<Defs[T]>>,
          context: FactContext,
        ) => Promise<{ readonly [F in keyof FactsOfSpec<Defs[T]>]: unknown }>;
      }
    : never;

/** Fact providers of any aggregate, as the facade calls them. */
export type AnyFactProviders = Readonly<
  Record<
    string,
    | ((
        command: Readonly<Record<string, unknown>>,
        context: FactContext,
      ) => Promise<Readonly<Record<string, unknown>>>)
    | undefined
  >
>;

/** Whether a command spec declares facts. */
export const hasFacts = (spec: AnyCommandSpec): boolean => Object.keys(spec.facts).length > 0;
