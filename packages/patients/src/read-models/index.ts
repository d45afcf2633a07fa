export {
  appointmentsProjection,
  appointmentsName,
  appointmentKey,
  getAppointment,
  listAppointments,
  getSeries,
  listDays,
  type DayView,
  type AppointmentView,
  type SeriesView,
} from './appointments.js';
export {
  authorizationsProjection,
  authorizationsName,
  getAuthorization,
  listAuthorizations,
  type AuthorizationView,
} from './authorizations.js';
export {
  patientsObligations,
  patientsObligationsName,
  authorizationExpiryNoticeDays,
} from './obligations.js';
export { referralsProjection, referralsName, listReferrals, type ReferralView } from './referrals.js';
export {
  experienceProjection,
  experienceName,
  listExperience,
  complaintsProjection,
  complaintsName,
  listComplaints,
  waitlistProjection,
  waitlistName,
  listWaitlist,
  outreachProjection,
  outreachName,
  getOutreach,
  type OutreachView,
  type ExperienceMonth,
  type CompositeTally,
  type ComplaintView,
  type WaitlistView,
} from './experience.js';
export {
  flowBoard,
  nextAvailableSlots,
  dayAvailability,
  type FlowBoardRow,
  type FlowStage,
  type OpenSlot,
} from './flow-board.js';
