import type { AuthorizationEvent } from './events.js';

export type AuthorizationStatus = 'none' | 'requested' | 'approved' | 'denied' | 'closed';

/** One authorization: units approved, held for booked appointments, and used. */
export interface Authorization {
  readonly status: AuthorizationStatus;
  readonly authorizationId: string;
  readonly patientId: string;
  readonly payerId: string;
  readonly cptCodes?: readonly string[];
  readonly category?: string;
  readonly number?: string;
  readonly approvedUnits: number;
  readonly validFrom: string;
  readonly validTo: string;
  /** Units held per appointment. */
  readonly reservations: Readonly<Record<string, number>>;
  readonly consumedUnits: number;
}

export const initialState: Authorization = {
  status: 'none',
  authorizationId: '',
  patientId: '',
  payerId: '',
  approvedUnits: 0,
  validFrom: '',
  validTo: '',
  reservations: {},
  consumedUnits: 0,
};

/** Units held for appointments. */
export const reservedUnits = (s: Authorization): number =>
  Object.values(s.reservations).reduce((a, b) => a + b, 0);

/** Units neither used nor held: approved − consumed − reserved. */
export const remainingUnits = (s: Authorization): number =>
  s.approvedUnits - s.consumedUnits - reservedUnits(s);

const without = (r: Readonly<Record<string, number>>, key: string) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => k !== key));

/** Applies one event (pure). */
export const evolve = (s: Authorization, e: AuthorizationEvent): Authorization => {
  switch (e.type) {
    case 'AuthorizationRequested': {
      const d = e.data;
      return {
        ...s,
        status: 'requested',
        authorizationId: d.authorizationId,
        patientId: d.patientId,
        payerId: d.payerId,
        ...('cptCodes' in d.services ? { cptCodes: d.services.cptCodes } : { category: d.services.category }),
      };
    }
    case 'AuthorizationApproved':
      return {
        ...s,
        status: 'approved',
        number: e.data.number,
        approvedUnits: e.data.approvedUnits,
        validFrom: e.data.validFrom,
        validTo: e.data.validTo,
      };
    case 'AuthorizationDenied':
      return { ...s, status: 'denied' };
    case 'AuthorizationUnitsReserved':
      return { ...s, reservations: { ...s.reservations, [e.data.appointmentId]: e.data.units } };
    case 'AuthorizationUnitsReleased':
      return { ...s, reservations: without(s.reservations, e.data.appointmentId) };
    case 'AuthorizationUnitsConsumed': {
      const key = e.data.appointmentId;
      const held = key === undefined ? 0 : (s.reservations[key] ?? 0);
      const left = held - e.data.fromReservation;
      const reservations =
        key === undefined
          ? s.reservations
          : left > 0
            ? { ...s.reservations, [key]: left }
            : without(s.reservations, key);
      return { ...s, reservations, consumedUnits: s.consumedUnits + e.data.units };
    }
    case 'AuthorizationExtended':
      return { ...s, validTo: e.data.validTo, approvedUnits: e.data.approvedUnits };
    case 'AuthorizationClosed':
      return { ...s, status: 'closed', reservations: {} };
  }
};
