import type { ControlledSchedule, ReorderPolicy, SupplyItemEvent } from './events.js';

/** A supply item as its events left it. JSON-serialisable. */
export interface SupplyItem {
  readonly status: 'none' | 'active' | 'discontinued';
  readonly itemId: string;
  readonly perishable: boolean;
  readonly controlledSchedule?: ControlledSchedule;
  readonly unitCostCents: number;
  readonly packSize: number;
  readonly policy?: ReorderPolicy;
}

/** No item yet. */
export const initialState: SupplyItem = {
  status: 'none',
  itemId: '',
  perishable: false,
  unitCostCents: 0,
  packSize: 1,
};

/** Applies one event. Pure. */
export const evolve = (s: SupplyItem, e: SupplyItemEvent): SupplyItem => {
  switch (e.type) {
    case 'SupplyItemRegistered':
      return {
        status: 'active',
        itemId: e.data.itemId,
        perishable: e.data.perishable,
        unitCostCents: e.data.unitCostCents,
        packSize: e.data.packSize,
        ...(e.data.controlledSchedule === undefined ? {} : { controlledSchedule: e.data.controlledSchedule }),
      };
    case 'ReorderPolicySet':
      return { ...s, policy: e.data.policy };
    case 'UnitCostChanged':
      return { ...s, unitCostCents: e.data.unitCostCents };
    case 'SupplyItemDiscontinued':
      return { ...s, status: 'discontinued' };
  }
};
