import {
  InvalidArgument,
  type Actor,
  type KpiDefinition,
  type ModuleAreaMethods,
  type ModuleHost,
  type ReadModelReader,
} from '@praxis/core';
import { memoryEventStore } from '@praxis/store-memory';
import { copyLog } from './fork.js';
import type { ProcessManagerStatus } from './process-managers.js';
import type { CalendarEntry } from '@praxis/kpi';
import {
  calendarOf,
  defaultTargets,
  kpiContext,
  kpiReport,
  periodIn,
  type KpiReport,
  type KpiReportOptions,
} from './kpis.js';
import { practiceAudit, type PracticeAudit } from './audit.js';
import { builtinModules, type BuiltinModules } from './modules/index.js';
import type { AreaMethodsOf, AreasOf, MethodsOf } from './area.js';
import { reservedAreas, type PracticeModule } from './module.js';
import {
  areaMethods,
  practiceCore,
  wirePractice,
  type PracticeCore,
  type PracticeOptions,
} from './practice.js';

/**
 * A practice: typed commands grouped by area (`practice.finance.…`, one area per module it was
 * created with), queries over its read models, and its log.
 */
export type Practice<Ms extends readonly PracticeModule[] = BuiltinModules> = PracticeQueries<Ms> &
  AreasOf<Ms> &
  MethodsOf<Ms> &
  AreaMethodsOf<Ms>;

/** What every practice has, whatever its modules. */
export interface PracticeQueries<Ms extends readonly PracticeModule[] = BuiltinModules> extends PracticeCore {
  /** The audit trail, as-of replays and tamper evidence. */
  readonly audit: PracticeAudit;
  /**
   * Every KPI of a period (`2026`, `2026-Q1`, `2026-03`), with targets where set: as reported
   * at the period's close (default), or `{ basis: 'restated' }` with later corrections.
   */
  kpis(
    period: string,
    options?: { readonly reader?: ReadModelReader } & KpiReportOptions,
  ): Promise<KpiReport>;
  /** Every KPI the practice's modules contribute: id, label, area, unit, direction, formula, source. */
  readonly kpiRegistry: readonly KpiDefinition[];
  /** Where each process manager stands: its checkpoint and parked events. */
  processManagers(): Promise<readonly ProcessManagerStatus[]>;
  /**
   * The compliance calendar as of a date: every dated obligation (credentials, training,
   * policy reviews, requirements, incident clocks, corrective actions, filing deadlines)
   * with its state: done, overdue, due-soon or upcoming.
   */
  calendar(
    asOf: string,
    options?: {
      readonly dueSoonDays?: readonly number[];
      readonly openOnly?: boolean;
      readonly reader?: ReadModelReader;
    },
  ): Promise<CalendarEntry[]>;
  /** The same practice, acting as `actor` by default. */
  as(actor: Actor): Practice<Ms>;
}

/** Each practice's module host (what its fork hands to module methods). */
const hostsOf = new WeakMap<object, ModuleHost>();

/**
 * Opens a practice: the store (SQLite file by default), every domain module with one command
 * handler per aggregate, the practice roles, and the read models.
 *
 * @example
 * const practice = await createPractice({ store: 'sqlite:./practice.db', timeZone: 'America/Chicago', currency: 'USD' });
 * const pm = practice.as({ id: 'maria', role: 'practice_manager' });
 * const r = await pm.finance.approveBudget({ budgetId: '2026', approvedBy: 'maria', at: '2026-01-05T09:00:00-06:00' });
 * console.log(r.summary); // Budget-2026: BudgetApproved   — or why it was refused
 * await practice.close();
 */
export const createPractice = async <const Ms extends readonly PracticeModule[] = BuiltinModules>(
  options: PracticeOptions & {
    /** The domain modules to wire (default: every built-in module); each gives `practice.<area>`. */
    readonly modules?: Ms;
  } = {},
): Promise<Practice<Ms>> => {
  const modules: readonly PracticeModule[] = options.modules ?? builtinModules;
  const wiring = await wirePractice(options, modules);
  const sessions = new Map<string, Practice<Ms>>();
  const targets = { ...defaultTargets, ...options.targets };
  const projectionNames = () => wiring.readModels.projections.map((p) => p.name);
  /** The practice as a module's methods see it (`PracticeModule.methods`). */
  const hostOf = (core: PracticeCore, queries: PracticeQueries<Ms>): ModuleHost => ({
    timeZone: core.settings.timeZone,
    store: core.store,
    clock: core.clock,
    actor: core.actor,
    modules,
    kpiRegistry: wiring.kpis,
    readModels: core.readModels,
    catchUp: core.catchUp,
    kpiContext: (period, basis = 'as-reported') =>
      kpiContext(
        wiring.readers.measures,
        periodIn(period, core.settings.timeZone),
        basis,
        undefined,
        projectionNames(),
      ),
    kpis: (period, basis) => queries.kpis(period, basis === undefined ? {} : { basis }),
    execute: (aggregate, command, o) => core.execute(aggregate, command, o),
    check: (aggregate, command, o) => core.check(aggregate, command, o),
    load: (aggregate, id) => core.load(aggregate, id),
    fork: async () => {
      const store = memoryEventStore();
      await copyLog(core.store, store);
      const fork = await createPractice({
        store,
        clock: core.clock,
        modules: modules as Ms,
        ...(core.actor === undefined ? {} : { actor: core.actor }),
        ...(options.permissions === undefined ? {} : { permissions: options.permissions }),
        ...(options.targets === undefined ? {} : { targets: options.targets }),
      });
      return { ...hostsOf.get(fork)!, close: () => fork.close() };
    },
  });
  const make = (actor: Actor | undefined): Practice<Ms> => {
    const core = practiceCore(wiring, actor);
    // One property per module's area, with a method per command of its aggregates.
    const areas = Object.fromEntries(modules.map((m) => [m.area, areaMethods(core, m.area)])) as AreasOf<Ms>;
    const queries: PracticeQueries<Ms> = {
      ...core,
      audit: practiceAudit(core, core.projectionList),
      kpiRegistry: wiring.kpis,
      processManagers: () => wiring.processes.status(),
      kpis: async (period, o = {}) => {
        const { reader, ...rest } = o;
        // Catch up once, then read the documents as they are: a report reads many of them.
        if (reader === undefined) await wiring.readers.catchUp();
        // The KPIs read documents as stored (no personal field is a measure); the few names in the
        // report's staff and compliance detail (who is behind on training) are revealed once, at
        // the end. The lines and the finance detail hold numbers, payers and codes only: walking
        // them for tokens was ~0.5 ms a period, most of a month's cost in a yearly report.
        const report = await kpiReport(
          reader ?? wiring.readers.measures,
          periodIn(period, core.settings.timeZone),
          targets,
          rest,
          wiring.kpis,
          core.projectionList.map((p) => p.name),
        );
        const [turnover, training, policyAcknowledgments, compliance] = await core.vault.reveal([
          report.turnover,
          report.training,
          report.policyAcknowledgments,
          report.compliance,
        ] as const);
        return { ...report, turnover, training, policyAcknowledgments, compliance };
      },
      calendar: async (asOf, o = {}) => {
        const { reader, ...rest } = o;
        if (reader === undefined) await wiring.readers.catchUp();
        return calendarOf(
          reader ?? wiring.readers.current,
          core.projectionList.map((p) => p.name),
          core.settings.timeZone,
          asOf,
          rest,
        );
      },
      as: (who) => {
        // One session object per actor: cheap to call `as` per command.
        const key = `${who.role}\u0000${who.id}`;
        let session = sessions.get(key);
        if (session === undefined) {
          session = make(who);
          sessions.set(key, session);
        }
        return session;
      },
    };
    const host = hostOf(core, queries);
    // Methods modules add to areas (`practice.finance.importRemittance`), over this session.
    const byArea = areas as Record<string, Record<string, unknown>>;
    for (const m of modules) {
      if (m.areaMethods === undefined) continue;
      for (const [area, added] of Object.entries(m.areaMethods(host) as ModuleAreaMethods)) {
        const target = byArea[area];
        if (target === undefined)
          throw new InvalidArgument(`${m.area}.areaMethods`, `${area} is not an area of this practice`);
        const merged = { ...target };
        for (const [name, method] of Object.entries(added)) {
          if (name in merged)
            throw new InvalidArgument(
              `${m.area}.areaMethods`,
              `${area}.${name} is already a command or a method of that area`,
            );
          if (typeof method !== 'function')
            throw new InvalidArgument(`${m.area}.areaMethods`, `${area}.${name} is not a function`);
          merged[name] = method;
        }
        byArea[area] = merged;
      }
    }
    // Each module's practice-level methods (`practice.whatIf`), over this session.
    const methods: Record<string, unknown> = {};
    for (const m of modules) {
      if (m.methods === undefined) continue;
      for (const [name, method] of Object.entries(m.methods(host))) {
        if (reservedAreas.has(name) || name in queries || name in (areas as object) || name in methods)
          throw new InvalidArgument(
            `${m.area}.methods`,
            `${name} is already a name of the practice (the facade's, an area or another module's method)`,
          );
        if (typeof method !== 'function')
          throw new InvalidArgument(`${m.area}.methods`, `${name} is not a function`);
        methods[name] = method;
      }
    }
    const practice = { ...queries, ...(areas as object), ...methods } as Practice<Ms>;
    hostsOf.set(practice, host);
    return practice;
  };
  try {
    return make(options.actor);
  } catch (err) {
    // A module's methods were refused (a clash): nothing was recorded; close what was opened.
    await wiring.readModels.engine.stop();
    await wiring.backend.close();
    throw err;
  }
};
