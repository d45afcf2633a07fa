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
