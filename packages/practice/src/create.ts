import type { Actor } from '@praxis/core';
import { practiceAudit, type PracticeAudit } from './audit.js';
import {
  builtinModules,
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
  /** The audit trail, as-of replays and tamper evidence. */
  readonly audit: PracticeAudit;
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
  const make = (actor: Actor | undefined): Practice => {
    const core = practiceCore(wiring, actor);
    return {
      ...core,
      finance: areaMethods(core, 'finance') as unknown as FinanceCommands,
      staff: areaMethods(core, 'staff') as unknown as StaffCommands,
      policies: areaMethods(core, 'policies') as unknown as PoliciesCommands,
      audit: practiceAudit(core, core.projectionList),
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
