import type { Actor, ReadModelReader } from '@praxis/core';
import { importRemittance, type ImportOptions } from '@praxis/x12';
import type { CalendarEntry } from '@praxis/kpi';
import {
  calendarOf,
  defaultTargets,
  kpiReport,
  periodIn,
  type KpiReport,
  type KpiReportOptions,
} from './kpis.js';
import { practiceAudit, type PracticeAudit } from './audit.js';
import {
  builtinModules,
  type ComplianceCommands,
  type FinanceCommands,
  type PoliciesCommands,
  type StaffCommands,
} from './modules/index.js';
import {
  areaMethods,
  practiceCore,
  wirePractice,
  type PracticeCore,
  type PracticeOptions,
} from './practice.js';

/** A practice: typed commands grouped by area, queries over its read models, and its log. */
export interface Practice extends PracticeCore {
  /** Budgets and the revenue cycle. */
  readonly finance: FinanceCommands;
  /** Staff: recruitment, credentials, training, goals, reviews, separations, conflicts. */
  readonly staff: StaffCommands;
  /** Policies: versions, assignments, acknowledgments, reviews. */
  readonly policies: PoliciesCommands;
  /** Compliance: programmes and requirements, audits, breaches, OSHA incidents. */
  readonly compliance: ComplianceCommands;
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
  as(actor: Actor): Practice;
}

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
export const createPractice = async (options: PracticeOptions = {}): Promise<Practice> => {
  const modules = options.modules ?? builtinModules;
  const wiring = await wirePractice(options, modules);
  const sessions = new Map<string, Practice>();
  const targets = { ...defaultTargets, ...options.targets };
  const make = (actor: Actor | undefined): Practice => {
    const core = practiceCore(wiring, actor);
    return {
      ...core,
      finance: {
        ...areaMethods(core, 'finance'),
        importRemittance: (text: string, o?: ImportOptions) => importRemittance(core, text, o),
      } as unknown as FinanceCommands,
      staff: areaMethods(core, 'staff') as unknown as StaffCommands,
      policies: areaMethods(core, 'policies') as unknown as PoliciesCommands,
      compliance: areaMethods(core, 'compliance') as unknown as ComplianceCommands,
      audit: practiceAudit(core, core.projectionList),
      kpis: async (period, o = {}) => {
        const { reader, ...rest } = o;
        return kpiReport(reader ?? core.readModels, periodIn(period, core.settings.timeZone), targets, rest);
      },
      calendar: (asOf, o = {}) => {
        const { reader, ...rest } = o;
        return calendarOf(
          reader ?? core.readModels,
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
  };
  return make(options.actor);
};
