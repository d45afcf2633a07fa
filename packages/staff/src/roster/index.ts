/** The `staff-roster` read model: who is on staff when, and where their trainings stand. */
export {
  staffRoster,
  staffRosterName,
  rosterKey,
  type RosterEntry,
  type RosterTraining,
  type RosterCompletion,
  type RosterCredential,
  type RosterRole,
} from './projection.js';
export {
  getRosterEntry,
  listRoster,
  isActiveOn,
  roleOn,
  activeStaffOn,
  headcountOn,
  headcountByRole,
  trainingStandingOn,
  requiredTrainingsOn,
  overdueTrainingsOn,
  type TrainingStanding,
} from './queries.js';
