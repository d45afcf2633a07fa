import * as t from 'io-ts';
import { NonEmptyString, NonNegativeCents, NonNegativeInt, struct } from '@praxis/core';

/** Grid steps a practice may book on, in minutes (MODULES.md §3.1: 5/10/15; 20, 30 and 60 too). */
export const gridSteps = [5, 10, 15, 20, 30, 60] as const;

/** Online self-scheduling rules (Tebra minimum notice [TEB2]; OpenEMR approval request [OE562]). */
export const PortalRules = struct({
  /** Hours of notice a portal booking needs (whole hours, ≥ 0). */
  minNoticeHours: NonNegativeInt,
  /** Appointment types patients may book online (empty: none). */
  bookableTypes: t.array(NonEmptyString),
  /** Portal bookings wait as `requested` until staff approve them. */
  approvalRequired: t.boolean,
});

/** Missed-appointment fees, integer cents (Jane flat fees [JANE1]; Open Dental D9986/D9987 [OD5]). */
export const MissedAppointmentFees = struct({
  lateCancelCents: NonNegativeCents,
  noShowCents: NonNegativeCents,
  firstOffenceWaived: t.boolean,
});

/**
 * The scheduling policy in force: every cancellation, no-show and booking that used one of its
 * values stamps the value (and `policyVersion`), so a later change never reclassifies history.
 */
export interface SchedulingPolicy {
  /** 0 while the practice has never set one (the defaults below apply). */
  readonly policyVersion: number;
  /** A patient cancelling less than this many hours before the start cancels late (SimplePractice 24/48/72 h [SP1]). */
  readonly lateCancelWindowHours: number;
  /** Minutes after the start before a patient who has not arrived may be recorded as a no-show. */
  readonly noShowGraceMinutes: number;
  /** Appointments start on multiples of this many minutes from midnight. */
  readonly gridMinutes: number;
  readonly portal: t.TypeOf<typeof PortalRules>;
  readonly fees: t.TypeOf<typeof MissedAppointmentFees>;
}

/**
 * What applies before the practice sets a policy: a 24-hour late-cancel window (Open Dental
 * breaks an appointment given < 24 h notice [OD5]), 15 minutes' grace, a 15-minute grid, no
 * online booking without approval, no fees.
 */
export const defaultSchedulingPolicy: SchedulingPolicy = {
  policyVersion: 0,
  lateCancelWindowHours: 24,
  noShowGraceMinutes: 15,
  gridMinutes: 15,
  portal: { minNoticeHours: 24, bookableTypes: [], approvalRequired: true },
  fees: { lateCancelCents: 0, noShowCents: 0, firstOffenceWaived: true },
};
