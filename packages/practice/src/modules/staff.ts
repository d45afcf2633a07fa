import {
  Conflict,
  Roster,
  StaffMember,
  StaffObligations,
  Supervision,
  StaffMeeting,
  PulseSurvey,
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

/** Staff meetings: `practice.staff.holdStaffMeeting({ meetingId, … })`; attendees and owners on the staff record. */
export const staffMeeting = bind(StaffMeeting.decider, StaffMeeting.commands, 'meetingId', {
  facts: {
    HoldStaffMeeting: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(
        ctx,
        [
          ...c.attendeeIds.map((id, i) => [`attendeeIds.${i}`, id] as const),
          ...c.decisions.map((d, i) => [`decisions.${i}.ownerId`, d.ownerId] as const),
        ],
        c.heldOn,
      ),
    }),
  },
});

/** Anonymous pulse surveys: `practice.staff.openPulseSurvey({ surveyId, … })`; invitees on the staff record. */
export const pulseSurvey = bind(PulseSurvey.decider, PulseSurvey.commands, 'surveyId', {
  facts: {
    OpenPulseSurvey: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(
        ctx,
        c.inviteeIds.map((id, i) => [`inviteeIds.${i}`, id] as const),
        c.openedOn,
      ),
    }),
  },
});

/** Staff supervision: recruitment, credentials, training, goals, reviews, conflicts. */
export const staffModule = defineModule({
  area: 'staff',
  aggregates: [staffMember, conflict, staffMeeting, pulseSurvey],
  projections: [
    Roster.staffRoster,
    StaffObligations.staffObligations,
    Supervision.staffSupervision,
    PulseSurvey.staffPulse,
  ],
  kpis: [...staffKpis, ...Supervision.supervisionKpis],
  processManagers: [policyTrainingCounts, StaffMeeting.meetingDecisionsToWork],
  roles: {
    // Everyone records their own training; HR runs the staff records and may record a
    // conflict report or a review in the name of who made it.
    physician: ['self:StaffMember.CompleteTraining'],
    biller: ['self:StaffMember.CompleteTraining'],
    staff: ['self:StaffMember.CompleteTraining'],
    hr: [
      'StaffMember.*',
      'Conflict.*',
      'StaffMeeting.*',
      'PulseSurvey.OpenPulseSurvey',
      'PulseSurvey.ClosePulseSurvey',
      'onBehalfOf:Conflict.OpenConflict',
      'onBehalfOf:StaffMember.RecordQuarterlyReview',
    ],
    compliance_officer: ['StaffMember.CompleteTraining'],
    // The account of the anonymous survey channel (a survey tool, or whoever empties the box):
    // it records responses and is never an invitee.
    pulse_collector: ['PulseSurvey.RecordPulseResponses'],
  },
});

/** The staff commands of the facade. */
export type StaffCommands = ModuleCommands<typeof staffModule>;
