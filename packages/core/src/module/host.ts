import type { Actor } from '../envelope.js';
import type { Clock } from '../clock.js';
import type { DomainCommand } from '../decider.js';
import type { RefusalCategory } from '../domain-error.js';
import type { EventStore } from '../event-store.js';
import type { ReadModelReader } from '../projection.js';
import type { KpiBasis, KpiContext, KpiDefinition, KpiDirection, KpiUnit } from './kpi.js';
import type { PracticeModule } from './module.js';

/** What one command came to, as a module sees it (the facade's `Outcome` has these fields and more). */
export type HostOutcome =
  | {
      readonly ok: true;
      readonly streamId: string;
      /** The event types recorded, in order. */
      readonly decided: readonly string[];
      readonly summary: string;
    }
  | {
      readonly ok: false;
      readonly streamId: string;
      readonly reason: 'rejected' | 'unauthorized';
      readonly code: string;
      readonly category: RefusalCategory;
      readonly message: string;
      readonly field?: string;
      readonly summary: string;
    };

/** One aggregate instance as `ModuleHost.load` gives it. */
export type HostLoaded =
  | { readonly found: true; readonly streamId: string; readonly state: unknown; readonly revision: bigint }
  | { readonly found: false; readonly streamId: string; readonly code: string; readonly message: string };

/** Per-call options of `ModuleHost.execute` (as the facade's command methods take them). */
export interface HostCallOptions {
  readonly actor?: Actor;
  /** Business time (ISO instant with offset). */
  readonly at?: string;
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** One KPI's value in a period, as `ModuleHost.kpis` lists it. */
export interface HostKpiLine {
  readonly id: string;
  readonly label: string;
  readonly area: string;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly value: number | undefined;
}

/**
 * What the facade gives a module's practice-level methods (`PracticeModule.methods`): the
 * practice as a module may use it without importing `@praxis/practice` (which lists the
 * modules, so importing it back would be a package cycle). One host per session
 * (`practice.as(actor)`): `actor` and `execute` act as that session does.
 */
export interface ModuleHost {
  /** The practice's IANA zone (every period and business date). */
  readonly timeZone: string;
  /** The event log (read it; a module's method should write only through `execute`). */
  readonly store: EventStore;
  readonly clock: Clock;
  /** The session's actor, when it has one. */
  readonly actor: Actor | undefined;
  /** The practice's modules (all of them, this one included). */
  readonly modules: readonly PracticeModule[];
  /** Every KPI the modules contribute. */
  readonly kpiRegistry: readonly KpiDefinition[];
  /** The read models, caught up with the log before each read, personal fields revealed. */
  readonly readModels: ReadModelReader;
  /** Brings every read model (and process manager) up to the end of the log. */
  catchUp(): Promise<void>;
  /**
   * A KPI context for a period label (`2026`, `2026-Q2`, `2026-05`), reading the read models as
   * they are now (call `catchUp` first), for calling a `KpiDefinition`'s `compute` or
   * `explain`. Throws InvalidArgument for a label that is not a period.
   */
  kpiContext(period: string, basis?: KpiBasis): KpiContext;
  /** Every KPI of a period (as `practice.kpis(period)` computes it). InvalidArgument for a bad label. */
  kpis(period: string, basis?: KpiBasis): Promise<{ readonly lines: readonly HostKpiLine[] }>;
  /** Runs a command as `practice.execute` does: permissions, facts, process managers, refusals recorded. */
  execute(aggregate: string, command: DomainCommand, options?: HostCallOptions): Promise<HostOutcome>;
  /**
   * Decides a command as `practice.check` does (permissions, facts, rules) without recording
   * anything: `ok: true` with the event types it would record, or the refusal. For validating
   * an import before any of it is recorded.
   */
  check(aggregate: string, command: DomainCommand, options?: HostCallOptions): Promise<HostOutcome>;
  /**
   * The current state of one aggregate instance (personal fields revealed), as `practice.load`
   * gives it: `found: false` when nothing was recorded for it or no aggregate has that name.
   */
  load(aggregate: string, id: string): Promise<HostLoaded>;
  /**
   * A practice with the same modules, permissions, targets, clock and actor on a copy of this
   * log in a memory store (every read model built there): what-if runs on it. The real log,
   * read models and key store are never written; personal fields sealed in the real log read
   * as forgotten in the fork (its vault has no keys). Close it after use.
   */
  fork(): Promise<ModuleHost & { close(): Promise<void> }>;
}

/**
 * Practice-level methods a module offers (`practice.<name>(…)`), built from the host once per
 * session. Each takes plain arguments and returns a promise.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any argument list; each method types its own
export type ModuleMethods = Readonly<Record<string, (...args: any[]) => Promise<unknown>>>;

/**
 * Methods a module adds to areas (`practice.finance.importRemittance(…)`), keyed by area: its own
 * or another module's. Each takes plain arguments and returns a promise.
 */
export type ModuleAreaMethods = Readonly<Record<string, ModuleMethods>>;
