import { accept, reject, type Decision } from '@praxis/core';
import type { SupplyItemCommand } from './commands.js';
import { events, type SupplyItemEvent } from './events.js';
import type { SupplyItem } from './state.js';
export type { SupplyItemCommand } from './commands.js';

type D = Decision<SupplyItemEvent>;
type Cmd<K extends SupplyItemCommand['type']> = Extract<SupplyItemCommand, { type: K }>;

/** The consumption window of a computed policy when none is given (MODULES.md §3.3: W = 90). */
export const defaultWindowDays = 90;

const register = (c: Cmd<'RegisterSupplyItem'>, s: SupplyItem): D =>
  s.status !== 'none'
    ? reject('ItemAlreadyRegistered', `supply item ${c.itemId} is already registered`, 'itemId')
    : accept(
        events.make('SupplyItemRegistered', {
          itemId: c.itemId,
          name: c.name,
          category: c.category,
          unit: c.unit,
          packSize: c.packSize,
          perishable: c.perishable,
          storage: c.storage,
          unitCostCents: c.unitCostCents,
          registeredOn: c.registeredOn,
          ...(c.controlledSchedule === undefined ? {} : { controlledSchedule: c.controlledSchedule }),
          ...(c.preferredVendorId === undefined ? {} : { preferredVendorId: c.preferredVendorId }),
        }),
      );

/**
 * A reorder policy: `manual` and `min-max` need both `min` and `max` (`MinMaxRequired`), and
 * min ≤ max whenever both are given (`MinAboveMax`). Formulas: MODULES.md §3.3 [SS], [ODOO].
 */
const setPolicy = (c: Cmd<'SetReorderPolicy'>, s: SupplyItem): D => {
  if (c.mode !== 'computed' && (c.min === undefined || c.max === undefined))
    return reject(
      'MinMaxRequired',
      `a ${c.mode} policy needs both min and max`,
      c.min === undefined ? 'min' : 'max',
    );
  if (c.min !== undefined && c.max !== undefined && c.min > c.max)
    return reject('MinAboveMax', `min ${c.min} is above max ${c.max}`, 'min');
  return accept(
    events.make('ReorderPolicySet', {
      itemId: s.itemId,
      setOn: c.setOn,
      policy: {
        mode: c.mode,
        reviewPeriodDays: c.reviewPeriodDays,
        leadTimeDays: c.leadTimeDays,
        serviceLevel: c.serviceLevel,
        windowDays: c.windowDays ?? defaultWindowDays,
        ...(c.min === undefined ? {} : { min: c.min }),
        ...(c.max === undefined ? {} : { max: c.max }),
      },
    }),
  );
};

/** Decides a SupplyItem command. Pure. */
export const decide = (c: SupplyItemCommand, s: SupplyItem): D => {
  if (c.type === 'RegisterSupplyItem') return register(c, s);
  if (s.status === 'none') return reject('ItemNotFound', 'register the supply item first', 'itemId');
  switch (c.type) {
    case 'SetReorderPolicy':
      return s.status === 'discontinued'
        ? reject('ItemDiscontinued', `item ${s.itemId} is discontinued`, 'itemId')
        : setPolicy(c, s);
    case 'ChangeUnitCost':
      return c.unitCostCents === s.unitCostCents
        ? reject('UnitCostUnchanged', `the unit cost is already ${s.unitCostCents} cents`, 'unitCostCents')
        : accept(
            events.make('UnitCostChanged', {
              itemId: s.itemId,
              unitCostCents: c.unitCostCents,
              previousCents: s.unitCostCents,
              changedOn: c.changedOn,
            }),
          );
    case 'DiscontinueItem':
      return s.status === 'discontinued'
        ? reject('ItemDiscontinued', `item ${s.itemId} is already discontinued`, 'itemId')
        : accept(
            events.make('SupplyItemDiscontinued', {
              itemId: s.itemId,
              discontinuedOn: c.discontinuedOn,
              ...(c.reason === undefined ? {} : { reason: c.reason }),
            }),
          );
  }
};
