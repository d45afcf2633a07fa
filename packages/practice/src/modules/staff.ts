import { Conflict, Roster, StaffMember, StaffObligations } from '@praxis/staff';
import type { ModuleCommands } from '../area.js';
import { bind, defineModule } from '../module.js';

/** Staff members: `practice.staff.hireStaffMember({ staffId, … })`. */
export const staffMember = bind(StaffMember.decider, StaffMember.commands, 'staffId');

/** Conflicts between staff: `practice.staff.openConflict({ conflictId, … })`. */
export const conflict = bind(Conflict.decider, Conflict.commands, 'conflictId');

/** Staff supervision: recruitment, credentials, training, goals, reviews, conflicts. */
export const staffModule = defineModule({
  area: 'staff',
  aggregates: [staffMember, conflict],
  projections: [Roster.staffRoster, StaffObligations.staffObligations],
});

/** The staff commands of the facade. */
export type StaffCommands = ModuleCommands<typeof staffModule>;
