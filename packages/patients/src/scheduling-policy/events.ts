import * as t from 'io-ts';
import {
  ISOInstant,
  NonEmptyString,
  NonNegativeInt,
  PositiveInt,
  defineEvents,
  type EventOf,
} from '@praxis/core';
import { MissedAppointmentFees, PortalRules } from './policy.js';

/** Events of the practice's scheduling policy (`SchedulingPolicy-practice`). */
export const events = defineEvents({
  /** The scheduling policy from `setAt` on (MODULES.md §3.1 `SchedulingPolicySet`). */
  SchedulingPolicySet: t.type({
    policyId: t.literal('practice'),
    policyVersion: PositiveInt,
    lateCancelWindowHours: NonNegativeInt,
    noShowGraceMinutes: NonNegativeInt,
    gridMinutes: PositiveInt,
    portal: PortalRules,
    fees: MissedAppointmentFees,
    setAt: ISOInstant,
    setBy: NonEmptyString,
  }),
});

export type SchedulingPolicyEvent = EventOf<typeof events>;
