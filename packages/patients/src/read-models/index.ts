export {
  appointmentsProjection,
  appointmentsName,
  appointmentKey,
  getAppointment,
  listAppointments,
  getSeries,
  type AppointmentView,
  type SeriesView,
} from './appointments.js';
