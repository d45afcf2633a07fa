import * as t from 'io-ts';
import {
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  NonNegativeInt,
  PositiveInt,
  defineEvents,
  struct,
  type EventOf,
} from '@praxis/core';

/** Where an item must be kept. */
export const StorageCondition = t.keyof({ ambient: null, refrigerated: null, frozen: null });
export type StorageCondition = t.TypeOf<typeof StorageCondition>;

/** DEA schedule of a controlled substance (21 CFR 1308); schedule I is never stocked by a practice. */
export const ControlledSchedule = t.keyof({ II: null, III: null, IV: null, V: null });
export type ControlledSchedule = t.TypeOf<typeof ControlledSchedule>;

/**
 * How an item is replenished: `computed` (min = reorder point, max = par level, both from
 * consumption), `min-max` (the practice's own min and max; the computed values are shown beside)
 * or `manual` (a fixed par, Open Dental's "desired level": the practice's min and max, same list).
 */
export const ReorderMode = t.keyof({ manual: null, 'min-max': null, computed: null });
export type ReorderMode = t.TypeOf<typeof ReorderMode>;

/** Cycle service level: the chance of not running out during a lead time (z 1.28/1.65/2.05/2.33). */
export const ServiceLevel = t.union([t.literal(0.9), t.literal(0.95), t.literal(0.98), t.literal(0.99)]);
export type ServiceLevel = t.TypeOf<typeof ServiceLevel>;

/** A reorder policy as recorded (days are calendar days; min and max in the item's unit). */
export const ReorderPolicy = struct(
  {
    mode: ReorderMode,
    /** R: days between reviews (orders); short R is just-in-time. */
    reviewPeriodDays: PositiveInt,
    /** L: days from order to receipt. */
    leadTimeDays: NonNegativeInt,
    serviceLevel: ServiceLevel,
    /** W: the consumption window the computation looks back over (default 90). */
    windowDays: PositiveInt,
  },
  { min: NonNegativeInt, max: NonNegativeInt },
);
export type ReorderPolicy = t.TypeOf<typeof ReorderPolicy>;

/** Every event of a SupplyItem (MODULES.md §3.3 R1). */
export const events = defineEvents({
  /** A supply the practice stocks was registered. `unitCostCents` is per unit (not per pack). */
  SupplyItemRegistered: struct(
    {
      itemId: NonEmptyString,
      name: NonEmptyString,
      category: NonEmptyString,
      unit: NonEmptyString,
      packSize: PositiveInt,
      perishable: t.boolean,
      storage: StorageCondition,
      unitCostCents: NonNegativeCents,
      registeredOn: ISODate,
    },
    { controlledSchedule: ControlledSchedule, preferredVendorId: NonEmptyString },
  ),
  /** The item's reorder policy was set (replacing any earlier one). */
  ReorderPolicySet: t.type({ itemId: NonEmptyString, policy: ReorderPolicy, setOn: ISODate }),
  /** The item's standard unit cost changed. */
  UnitCostChanged: t.type({
    itemId: NonEmptyString,
    unitCostCents: NonNegativeCents,
    previousCents: NonNegativeCents,
    changedOn: ISODate,
  }),
  /** The item is no longer bought; stock on hand may still be used. */
  SupplyItemDiscontinued: struct({ itemId: NonEmptyString, discontinuedOn: ISODate }, { reason: t.string }),
});

/** Every SupplyItem event. */
export type SupplyItemEvent = EventOf<typeof events>;
