import type { FactContext } from '@praxis/core';
import type { Authorization } from './authorization/state.js';
import { remainingUnits } from './authorization/state.js';
import { providerDay } from './provider-schedule/day-plan.js';
import type { ProviderSchedule } from './provider-schedule/state.js';
import { defaultSchedulingPolicy, type SchedulingPolicy } from './scheduling-policy/policy.js';

/** The scheduling policy in force now (the defaults before one is set). */
export const policyInForce = async (ctx: FactContext): Promise<SchedulingPolicy> =>
  (await ctx.load<SchedulingPolicy>('SchedulingPolicy', 'practice')) ?? defaultSchedulingPolicy;

/** Each named provider's day from their schedule, less their time off that day (`scheduled: false` when they have none). */
export const providerDays = async (
  date: string,
  timeZone: string,
  providerIds: readonly string[],
  ctx: FactContext,
) =>
  Promise.all(
    providerIds.map(async (providerId) => {
      const schedule = await ctx.load<ProviderSchedule>('ProviderSchedule', providerId);
      const day = schedule === undefined ? undefined : providerDay(schedule, date, timeZone);
      return {
        providerId,
        scheduled: schedule !== undefined,
        intervals: day?.intervals ?? [],
        capacity: day?.capacity ?? 1,
      };
    }),
  );

/** An authorization as booking needs it, or null when there is none by that id. */
export const authorizationFact = async (authorizationId: string | undefined, ctx: FactContext) => {
  if (authorizationId === undefined) return null;
  const a = await ctx.load<Authorization>('Authorization', authorizationId);
  if (a === undefined || a.status === 'none') return null;
  return {
    status: a.status,
    patientId: a.patientId,
    validFrom: a.validFrom,
    validTo: a.validTo,
    remainingUnits: remainingUnits(a),
  };
};

/** Whether a patient is registered. */
export const patientKnown = async (patientId: string, ctx: FactContext): Promise<boolean> =>
  (await ctx.load<{ registered: boolean }>('Patient', patientId))?.registered === true;
