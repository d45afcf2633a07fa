import * as t from 'io-ts';
import {
  ISODate,
  ISOInstant,
  NonEmptyString,
  PositiveInt,
  command,
  defineCommands,
  type CommandOf,
} from '@praxis/core';
import { LocalTime } from '../shared/time.js';

/** One weekly working interval: ISO weekday (1 = Monday … 7 = Sunday), `HH:MM`–`HH:MM`, where. */
export const WeeklyInterval = t.type({
  weekday: PositiveInt,
  start: LocalTime,
  end: LocalTime,
  locationId: NonEmptyString,
});
export type WeeklyInterval = t.TypeOf<typeof WeeklyInterval>;

/** ProviderSchedule commands (`ProviderSchedule-<providerId>`). */
export const commands = defineCommands('providerId', {
  /** The provider's weekly hours from `effectiveFrom` on (replacing earlier hours from then). */
  SetProviderHours: command(
    { providerId: NonEmptyString, effectiveFrom: ISODate, weekly: t.readonlyArray(WeeklyInterval) },
    {},
    { stamps: { setBy: 'actor' } },
  ),
  /** The provider is away from `fromAt` to `toAt` (holiday, sickness, a course). */
  RecordTimeOff: command(
    { providerId: NonEmptyString, timeOffId: NonEmptyString, fromAt: ISOInstant, toAt: ISOInstant },
    { reason: NonEmptyString },
    { businessTime: 'fromAt', stamps: { recordedBy: 'actor' } },
  ),
  /** How many patients the provider sees at once from `from` on (1 = no overbooking). */
  SetCapacity: command(
    { providerId: NonEmptyString, concurrent: PositiveInt, from: ISODate },
    {},
    { businessTime: 'from', stamps: { setBy: 'actor' } },
  ),
});

export type ProviderScheduleCommand = CommandOf<typeof commands>;
