import { accept, reject, type Decider, type Decision } from '@praxis/core';
import { commands, type SchedulingPolicyCommand } from './commands.js';
import { events, type SchedulingPolicyEvent } from './events.js';
import { defaultSchedulingPolicy, gridSteps, type SchedulingPolicy } from './policy.js';
import { refusals, type SchedulingPolicyRefusal } from './refusals.js';

const weekHours = 168;

/** Applies one event (pure). */
export const evolve = (_: SchedulingPolicy, e: SchedulingPolicyEvent): SchedulingPolicy => {
  const { policyVersion, lateCancelWindowHours, noShowGraceMinutes, gridMinutes, portal, fees } = e.data;
  return { policyVersion, lateCancelWindowHours, noShowGraceMinutes, gridMinutes, portal, fees };
};

/**
 * Sets the scheduling policy. The grid is 5/10/15/20/30/60 minutes (`InvalidGrid`); the
 * late-cancel window and portal notice are at most 168 hours and the no-show grace at most
 * 240 minutes (`PolicyValueOutOfRange`), because a larger value is a unit mistake (minutes for hours).
 */
export const decide = (c: SchedulingPolicyCommand, s: SchedulingPolicy): Decision<SchedulingPolicyEvent> => {
  if (!(gridSteps as readonly number[]).includes(c.gridMinutes))
    return reject('InvalidGrid', `gridMinutes must be one of ${gridSteps.join(', ')}`, 'gridMinutes');
  if (c.lateCancelWindowHours > weekHours)
    return reject('PolicyValueOutOfRange', 'at most 168 hours', 'lateCancelWindowHours');
  if (c.noShowGraceMinutes > 240)
    return reject('PolicyValueOutOfRange', 'at most 240 minutes', 'noShowGraceMinutes');
  if (c.portal.minNoticeHours > weekHours)
    return reject('PolicyValueOutOfRange', 'at most 168 hours', 'portal.minNoticeHours');
  const { policyId, lateCancelWindowHours, noShowGraceMinutes, gridMinutes, portal, fees, setAt, setBy } = c;
  return accept(
    events.make('SchedulingPolicySet', {
      policyId,
      policyVersion: s.policyVersion + 1,
      lateCancelWindowHours,
      noShowGraceMinutes,
      gridMinutes,
      portal: { ...portal, bookableTypes: [...portal.bookableTypes] },
      fees,
      setAt,
      setBy,
    }),
  );
};

/**
 * The practice's scheduling policy (`SchedulingPolicy-practice`): a module-owned settings
 * aggregate (docs/decisions/patients-scheduling-policy.md).
 */
export const decider: Decider<
  SchedulingPolicyCommand,
  SchedulingPolicyEvent,
  SchedulingPolicy,
  SchedulingPolicyRefusal
> = {
  name: 'SchedulingPolicy',
  stateVersion: 1,
  initialState: defaultSchedulingPolicy,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
