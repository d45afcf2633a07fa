import type { ProcessManager, Reaction, RecordedEvent } from '@praxis/core';

interface WithAuthorization {
  readonly date: string;
  readonly appointmentId: string;
  readonly authorizationId?: string;
}
const dataOf = (e: RecordedEvent) => e.data as unknown as WithAuthorization;
const onAuthorization = (d: WithAuthorization, command: Record<string, unknown>): readonly Reaction[] =>
  d.authorizationId === undefined
    ? []
    : [{ aggregate: 'Authorization', command: { authorizationId: d.authorizationId, ...command } as never }];

/** Booking reserves one unit of the appointment's authorization (MODULES.md §3.1 P5). */
export const reserveOnBooking: ProcessManager = {
  name: 'authorization-reserve-on-booking',
  eventTypes: ['AppointmentBooked'],
  grants: ['Authorization.ReserveUnits'],
  react: (e) => {
    const d = dataOf(e);
    return onAuthorization(d, {
      type: 'ReserveUnits',
      appointmentId: d.appointmentId,
      units: 1,
      serviceOn: d.date,
    });
  },
};

/** Checkout consumes the appointment's reserved unit. */
export const consumeOnCheckout: ProcessManager = {
  name: 'authorization-consume-on-checkout',
  eventTypes: ['PatientCheckedOut'],
  grants: ['Authorization.ConsumeUnits'],
  react: (e) => {
    const d = dataOf(e);
    return onAuthorization(d, {
      type: 'ConsumeUnits',
      appointmentId: d.appointmentId,
      units: 1,
      serviceOn: d.date,
    });
  },
};

/** A cancellation or no-show gives the reserved unit back. */
export const releaseOnCancel: ProcessManager = {
  name: 'authorization-release-on-cancel',
  eventTypes: ['AppointmentCancelled', 'AppointmentNoShowRecorded'],
  grants: ['Authorization.ReleaseUnits'],
  react: (e) => {
    const d = dataOf(e) as WithAuthorization & { rescheduledTo?: string };
    const reason =
      e.type === 'AppointmentNoShowRecorded'
        ? 'no-show'
        : d.rescheduledTo === undefined
          ? 'cancelled'
          : 'moved';
    return onAuthorization(d, { type: 'ReleaseUnits', appointmentId: d.appointmentId, reason });
  },
};

/** Every authorization process manager. */
export const authorizationProcessManagers: readonly ProcessManager[] = [
  reserveOnBooking,
  consumeOnCheckout,
  releaseOnCancel,
];
