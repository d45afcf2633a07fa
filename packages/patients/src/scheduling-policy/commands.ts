import * as t from 'io-ts';
import { NonNegativeInt, command, defineCommands, type CommandOf } from '@praxis/core';
import { MissedAppointmentFees, PortalRules } from './policy.js';

/** SchedulingPolicy commands (one instance: `policyId: 'practice'`). */
export const commands = defineCommands('policyId', {
  /** Sets the whole scheduling policy from the command's business time on. */
  SetSchedulingPolicy: command(
    {
      policyId: t.literal('practice'),
      lateCancelWindowHours: NonNegativeInt,
      noShowGraceMinutes: NonNegativeInt,
      gridMinutes: NonNegativeInt,
      portal: PortalRules,
      fees: MissedAppointmentFees,
    },
    {},
    { stamps: { setAt: 'time', setBy: 'actor' } },
  ),
});

export type SchedulingPolicyCommand = CommandOf<typeof commands>;
