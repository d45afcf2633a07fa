import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  NonEmptyString,
  NonNegativeInt,
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

/** What the manufacturer's guidance says of a lot after an excursion. */
export const LotDecision = t.keyof({ usable: null, discard: null });
/** A lot held at the unit's location under quarantine for a temperature excursion (a fact). */
export const QuarantinedLot = t.type({ stockId: NonEmptyString, lotNo: NonEmptyString, qty: NonNegativeInt });

/** Every event of a StorageUnit (MODULES.md §3.3 R5). Temperatures in °C. */
export const events = defineEvents({
  /** A unit was registered; its first check is due `firstCheckDueOn` (a business day). */
  StorageUnitRegistered: struct(
    {
      unitId: NonEmptyString,
      kind: StorageUnitKind,
      locationId: NonEmptyString,
      rangeMinC: Celsius,
      rangeMaxC: Celsius,
      registeredOn: ISODate,
    },
    { firstCheckDueOn: ISODate },
  ),
  /**
   * The day's check: the minimum and maximum since the last check, and the current reading.
   * `dueOn` is the check it answers (late when before `checkedOn`), `nextDueOn` the next business day.
   */
  TemperatureChecked: struct(
    {
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
    },
    { dueOn: ISODate, nextDueOn: ISODate },
  ),
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
  /**
   * What became of the lots quarantined by the excursion, on the manufacturer's guidance: each
   * `usable` lot is released, each `discard` lot disposed of (reason `excursion`) by a process manager.
   */
  ExcursionDispositioned: t.type({
    unitId: NonEmptyString,
    locationId: NonEmptyString,
    excursionOn: ISODate,
    decidedOn: ISODate,
    decidedBy: NonEmptyString,
    guidanceRef: NonEmptyString,
    method: NonEmptyString,
    lots: t.readonlyArray(
      t.type({ stockId: NonEmptyString, lotNo: NonEmptyString, qty: NonNegativeInt, decision: LotDecision }),
    ),
  }),
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
    { businessTime: 'registeredOn', facts: { firstCheckOn: ISODate } },
  ),
  /**
   * Record the start-of-workday check: min/max since the last check and the current reading
   * (CDC Vaccine Storage and Handling Toolkit [IMMUNIZE]). Once per unit per day.
   */
  RecordTemperatureCheck: command(
    { checkedOn: ISODate, minC: Celsius, maxC: Celsius, currentC: Celsius },
    {},
    { businessTime: 'checkedOn', stamps: { checkedBy: 'actor' }, facts: { nextCheckOn: ISODate } },
  ),
  /**
   * Decide, on the manufacturer's guidance (`guidanceRef`), each lot the open excursion
   * quarantined: `usable` (released) or `discard` (disposed of, `method`). Every such lot is decided
   * at once (`LotsUndecided`); a lot not quarantined for it is `LotNotQuarantined`.
   */
  DispositionExcursion: command(
    {
      decidedOn: ISODate,
      guidanceRef: NonEmptyString,
      lots: t.readonlyArray(
        t.type({ stockId: NonEmptyString, lotNo: NonEmptyString, decision: LotDecision }),
      ),
    },
    { method: NonEmptyString },
    {
      businessTime: 'decidedOn',
      stamps: { decidedBy: 'actor' },
      facts: { quarantined: t.readonlyArray(QuarantinedLot) },
    },
  ),
});
export type StorageUnitCommand = CommandOf<typeof commands>;

export const refusals = defineRefusals({
  UnitAlreadyRegistered: 'conflict',
  UnitNotFound: 'not-found',
  InvalidRange: 'invalid',
  InvalidReading: 'invalid',
  AlreadyChecked: 'conflict',
  NoOpenExcursion: 'conflict',
  LotNotQuarantined: 'rule',
  LotsUndecided: 'rule',
  DuplicateLine: 'invalid',
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
  /** The next check due (a business day). */
  readonly nextCheckDueOn?: string;
  /** The day of the excursion not yet dispositioned. */
  readonly openExcursionOn?: string;
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
        ...(e.data.firstCheckDueOn === undefined ? {} : { nextCheckDueOn: e.data.firstCheckDueOn }),
      };
    case 'TemperatureChecked':
      return {
        ...s,
        lastCheckedOn: e.data.checkedOn,
        ...(e.data.nextDueOn === undefined ? {} : { nextCheckDueOn: e.data.nextDueOn }),
      };
    case 'TemperatureExcursionDetected':
      return s.openExcursionOn === undefined ? { ...s, openExcursionOn: e.data.detectedOn } : s;
    case 'ExcursionDispositioned': {
      const { openExcursionOn: _, ...rest } = s;
      return rest;
    }
  }
};

type D = Decision<StorageUnitEvent>;
type Cmd<K extends StorageUnitCommand['type']> = Extract<StorageUnitCommand, { type: K }>;

/**
 * The excursion's disposition: an open excursion (`NoOpenExcursion`); each lot listed once
 * (`DuplicateLine`) and quarantined for it at the unit's location (`LotNotQuarantined`); every
 * such lot decided (`LotsUndecided`). CDC: keep the vaccines quarantined and ask the manufacturer
 * before use [IMMUNIZE].
 */
const disposition = (c: Cmd<'DispositionExcursion'>, s: StorageUnit): D => {
  if (s.openExcursionOn === undefined)
    return reject('NoOpenExcursion', `unit ${s.unitId} has no excursion to disposition`, 'unitId');
  const held = new Map(c.quarantined.map((l) => [`${l.stockId}\u0000${l.lotNo}`, l.qty]));
  const seen = new Set<string>();
  const lots = [];
  for (const [i, l] of c.lots.entries()) {
    const key = `${l.stockId}\u0000${l.lotNo}`;
    if (seen.has(key))
      return reject('DuplicateLine', `lot ${l.lotNo} of ${l.stockId} is listed twice`, `lots.${i}`);
    seen.add(key);
    const qty = held.get(key);
    if (qty === undefined)
      return reject(
        'LotNotQuarantined',
        `lot ${l.lotNo} of ${l.stockId} is not quarantined for a temperature excursion at ${s.locationId}`,
        `lots.${i}`,
      );
    lots.push({ stockId: l.stockId, lotNo: l.lotNo, qty, decision: l.decision });
  }
  const undecided = c.quarantined.filter((l) => !seen.has(`${l.stockId}\u0000${l.lotNo}`));
  if (undecided.length > 0)
    return reject(
      'LotsUndecided',
      `decide every quarantined lot: ${undecided.map((l) => `${l.stockId}/${l.lotNo}`).join(', ')}`,
      'lots',
    );
  return accept(
    events.make('ExcursionDispositioned', {
      unitId: s.unitId,
      locationId: s.locationId,
      excursionOn: s.openExcursionOn,
      decidedOn: c.decidedOn,
      decidedBy: c.decidedBy,
      guidanceRef: c.guidanceRef,
      method: c.method ?? 'returned or destroyed per the manufacturer’s guidance',
      lots,
    }),
  );
};

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
              firstCheckDueOn: c.firstCheckOn,
            }),
          );
  if (s.status === 'none') return reject('UnitNotFound', 'register the storage unit first', 'unitId');
  if (c.type === 'DispositionExcursion') return disposition(c, s);
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
    // The check answers the one due (a missed day is met late by the next check).
    ...(s.nextCheckDueOn === undefined || s.nextCheckDueOn > c.checkedOn
      ? {}
      : { dueOn: s.nextCheckDueOn, nextDueOn: c.nextCheckOn }),
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
