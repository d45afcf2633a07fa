import {
  Conflict,
  Roster,
  StaffMember,
  StaffObligations,
  Supervision,
  policyTrainingCounts,
  staffOnRecord,
} from '@praxis/staff';
import { staffKpis } from '@praxis/kpi';
import type { ModuleCommands } from '../area.js';
import { bind, defineModule } from '../module.js';

/** Staff members: `practice.staff.hireStaffMember({ staffId, … })`. */
export const staffMember = bind(StaffMember.decider, StaffMember.commands, 'staffId', {
  // A SMART goal on a practice KPI: the KPI's definition when the goal is set, and its value for
  // the month of the deadline when it is closed — computed from the log, frozen in the event.
  facts: {
    SetSmartGoal: async (c, ctx) => {
      const def = c.kpiId === undefined ? undefined : ctx.kpiDefinition(c.kpiId);
      return {
        kpi: def === undefined ? null : { label: def.label, unit: def.unit, direction: def.direction },
      };
    },
    CloseSmartGoal: async (c, ctx) => {
      const s = await ctx.load<StaffMember.State>('StaffMember', ctx.id);
      const g = s?.goals[c.goalId];
      if (g?.kpi === undefined || c.outcome === 'withdrawn') return { kpiActual: null };
      const period = g.deadline.slice(0, 7);
      const value = await ctx.kpi(g.kpi.kpiId, period);
      return { kpiActual: { period, value: value === undefined || !Number.isFinite(value) ? null : value } };
    },
  },
});

/** Conflicts between staff: `practice.staff.openConflict({ conflictId, … })`. */
export const conflict = bind(Conflict.decider, Conflict.commands, 'conflictId', {
  // The parties are people on the staff record.
  facts: {
    OpenConflict: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(
        ctx,
        c.parties.map((id, i) => [`parties.${i}`, id] as const),
        c.openedOn,
      ),
    }),
  },
});

/** Staff supervision: recruitment, credentials, training, goals, reviews, conflicts. */
export const staffModule = defineModule({
  area: 'staff',
  aggregates: [staffMember, conflict],
  projections: [Roster.staffRoster, StaffObligations.staffObligations, Supervision.staffSupervision],
  kpis: [...staffKpis, ...Supervision.supervisionKpis],
  processManagers: [policyTrainingCounts],
  roles: {
    // Everyone records their own training; HR runs the staff records and may record a
    // conflict report or a review in the name of who made it.
    physician: ['self:StaffMember.CompleteTraining'],
    biller: ['self:StaffMember.CompleteTraining'],
    staff: ['self:StaffMember.CompleteTraining'],
    hr: [
      'StaffMember.*',
      'Conflict.*',
      'onBehalfOf:Conflict.OpenConflict',
      'onBehalfOf:StaffMember.RecordQuarterlyReview',
    ],
    compliance_officer: ['StaffMember.CompleteTraining'],
  },
});

/** The staff commands of the facade. */
export type StaffCommands = ModuleCommands<typeof staffModule>;
