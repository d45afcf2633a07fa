import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  NonEmptyString,
  reject,
  struct,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';

/** A temperature in °C (a finite number). */
export const Celsius = t.refinement(t.number, Number.isFinite, 'Celsius');

/** What kind of unit: a vaccine refrigerator (CDC range 2–8 °C) or freezer (−50 to −15 °C). */
export const StorageUnitKind = t.keyof({ refrigerator: null, freezer: null });

/** Every event of a StorageUnit (MODULES.md §3.3 R5). Temperatures in °C. */
export const events = defineEvents({
  StorageUnitRegistered: t.type({
    unitId: NonEmptyString,
    kind: StorageUnitKind,
    locationId: NonEmptyString,
    rangeMinC: Celsius,
    rangeMaxC: Celsius,
    registeredOn: ISODate,
  }),
  /** The day's check: the minimum and maximum since the last check, and the current reading. */
  TemperatureChecked: t.type({
    unitId: NonEmptyString,
    locationId: NonEmptyString,
    checkedOn: ISODate,
    checkedBy: NonEmptyString,
    minC: Celsius,
    maxC: Celsius,
    currentC: Celsius,
    rangeMinC: Celsius,
    rangeMaxC: Celsius,
    inRange: t.boolean,
  }),
  /** A reading outside the unit's range: every lot stored in it is quarantined (process manager). */
  TemperatureExcursionDetected: struct(
    {
      unitId: NonEmptyString,
      locationId: NonEmptyString,
      detectedOn: ISODate,
      lowestC: Celsius,
      highestC: Celsius,
      rangeMinC: Celsius,
      rangeMaxC: Celsius,
    },
    {},
  ),
});
export type StorageUnitEvent = EventOf<typeof events>;

/** Every command of a StorageUnit, as exact codecs. */
export const commands = defineCommands('unitId', {
  /** Register a unit storing the stock of `locationId` (a refrigerator is a stock location). */
  RegisterStorageUnit: command(
    {
      unitId: NonEmptyString,
      kind: StorageUnitKind,
      locationId: NonEmptyString,
      rangeMinC: Celsius,
      rangeMaxC: Celsius,
      registeredOn: ISODate,
    },
    {},
    { businessTime: 'registeredOn' },
  ),
  /**
   * Record the start-of-workday check: min/max since the last check and the current reading
   * (CDC Vaccine Storage and Handling Toolkit [IMMUNIZE]). Once per unit per day.
   */
  RecordTemperatureCheck: command(
    { checkedOn: ISODate, minC: Celsius, maxC: Celsius, currentC: Celsius },
    {},
    { businessTime: 'checkedOn', stamps: { checkedBy: 'actor' } },
  ),
});
export type StorageUnitCommand = CommandOf<typeof commands>;

export const refusals = defineRefusals({
  UnitAlreadyRegistered: 'conflict',
  UnitNotFound: 'not-found',
  InvalidRange: 'invalid',
  InvalidReading: 'invalid',
  AlreadyChecked: 'conflict',
});
export type StorageUnitRefusal = keyof typeof refusals;

/** A storage unit as its events left it. JSON-serialisable. */
export interface StorageUnit {
  readonly status: 'none' | 'active';
  readonly unitId: string;
  readonly locationId: string;
  readonly rangeMinC: number;
  readonly rangeMaxC: number;
  readonly lastCheckedOn?: string;
}

export const initialState: StorageUnit = {
  status: 'none',
  unitId: '',
  locationId: '',
  rangeMinC: 0,
  rangeMaxC: 0,
};

export const evolve = (s: StorageUnit, e: StorageUnitEvent): StorageUnit => {
  switch (e.type) {
    case 'StorageUnitRegistered':
      return {
        status: 'active',
        unitId: e.data.unitId,
        locationId: e.data.locationId,
        rangeMinC: e.data.rangeMinC,
        rangeMaxC: e.data.rangeMaxC,
      };
    case 'TemperatureChecked':
      return { ...s, lastCheckedOn: e.data.checkedOn };
    case 'TemperatureExcursionDetected':
      return s;
  }
};

type D = Decision<StorageUnitEvent>;

/**
 * A check is taken once per workday (`AlreadyChecked`), min ≤ current ≤ max (`InvalidReading`).
 * Any of the three outside the unit's range is an excursion: `TemperatureExcursionDetected`
 * follows the check (CDC: "any temperature reading outside the recommended ranges … is a
 * temperature excursion" [IMMUNIZE]).
 */
export const decide = (c: StorageUnitCommand, s: StorageUnit): D => {
  if (c.type === 'RegisterStorageUnit')
    return s.status !== 'none'
      ? reject('UnitAlreadyRegistered', `storage unit ${c.unitId} exists`, 'unitId')
      : c.rangeMinC >= c.rangeMaxC
        ? reject('InvalidRange', `the range ${c.rangeMinC}–${c.rangeMaxC} °C is empty`, 'rangeMinC')
        : accept(
            events.make('StorageUnitRegistered', {
              unitId: c.unitId,
              kind: c.kind,
              locationId: c.locationId,
              rangeMinC: c.rangeMinC,
              rangeMaxC: c.rangeMaxC,
              registeredOn: c.registeredOn,
            }),
          );
  if (s.status === 'none') return reject('UnitNotFound', 'register the storage unit first', 'unitId');
  if (s.lastCheckedOn === c.checkedOn)
    return reject('AlreadyChecked', `unit ${s.unitId} was checked on ${c.checkedOn}`, 'checkedOn');
  if (c.minC > c.currentC || c.currentC > c.maxC)
    return reject('InvalidReading', 'the minimum and maximum must bracket the current reading', 'minC');
  const inRange = c.minC >= s.rangeMinC && c.maxC <= s.rangeMaxC;
  const checked = events.make('TemperatureChecked', {
    unitId: s.unitId,
    locationId: s.locationId,
    checkedOn: c.checkedOn,
    checkedBy: c.checkedBy,
    minC: c.minC,
    maxC: c.maxC,
    currentC: c.currentC,
    rangeMinC: s.rangeMinC,
    rangeMaxC: s.rangeMaxC,
    inRange,
  });
  return inRange
    ? accept(checked)
    : accept<StorageUnitEvent>(
        checked,
        events.make('TemperatureExcursionDetected', {
          unitId: s.unitId,
          locationId: s.locationId,
          detectedOn: c.checkedOn,
          lowestC: c.minC,
          highestC: c.maxC,
          rangeMinC: s.rangeMinC,
          rangeMaxC: s.rangeMaxC,
        }),
      );
};

/**
 * The StorageUnit aggregate (MODULES.md §3.3 R5): a vaccine refrigerator or freezer with its
 * daily temperature log. Streams are `StorageUnit-<unitId>`.
 */
export const decider: Decider<StorageUnitCommand, StorageUnitEvent, StorageUnit, StorageUnitRefusal> = {
  name: 'StorageUnit',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
