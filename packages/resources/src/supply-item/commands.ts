import * as t from 'io-ts';
import {
  command,
  defineCommands,
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  NonNegativeInt,
  PositiveInt,
  type CommandOf,
} from '@praxis/core';
import { ControlledSchedule, ReorderMode, ServiceLevel, StorageCondition } from './events.js';

/** Every command of a SupplyItem, as exact codecs; each `…On` date is its business time. */
export const commands = defineCommands('itemId', {
  /** Register a supply: its unit, pack size, storage, DEA schedule if controlled, and unit cost (cents). */
  RegisterSupplyItem: command(
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
    { businessTime: 'registeredOn' },
  ),
  /**
   * Set how the item is replenished. `min`/`max` are required for `manual` and `min-max`, optional
   * (ignored by the list) for `computed`. `windowDays` defaults to 90.
   */
  SetReorderPolicy: command(
    {
      mode: ReorderMode,
      reviewPeriodDays: PositiveInt,
      leadTimeDays: NonNegativeInt,
      serviceLevel: ServiceLevel,
      setOn: ISODate,
    },
    { min: NonNegativeInt, max: NonNegativeInt, windowDays: PositiveInt },
    { businessTime: 'setOn' },
  ),
  /** Change the standard unit cost (cents per unit). */
  ChangeUnitCost: command(
    { unitCostCents: NonNegativeCents, changedOn: ISODate },
    {},
    { businessTime: 'changedOn' },
  ),
  /** Stop buying the item. */
  DiscontinueItem: command(
    { discontinuedOn: ISODate },
    { reason: NonEmptyString },
    { businessTime: 'discontinuedOn' },
  ),
});

/** Every SupplyItem command, as `decide` sees it. */
export type SupplyItemCommand = CommandOf<typeof commands>;
