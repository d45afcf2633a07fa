import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { decider, events, type SupplyItemCommand } from './index.js';

const spec = deciderSpec(decider);
const registered = events.make('SupplyItemRegistered', {
  itemId: 'gloves-m',
  name: 'Nitrile gloves M',
  category: 'ppe',
  unit: 'glove',
  packSize: 100,
  perishable: false,
  storage: 'ambient',
  unitCostCents: 9,
  registeredOn: '2026-01-02',
});
const policy = (
  extra: Partial<Extract<SupplyItemCommand, { type: 'SetReorderPolicy' }>>,
): SupplyItemCommand => ({
  type: 'SetReorderPolicy',
  mode: 'computed',
  reviewPeriodDays: 7,
  leadTimeDays: 5,
  serviceLevel: 0.95,
  setOn: '2026-01-02',
  ...extra,
});

describe('SupplyItem', () => {
  it('is registered once', () => {
    const register: SupplyItemCommand = { type: 'RegisterSupplyItem', ...registered.data };
    spec.given([]).when(register).then([registered]);
    spec.given([registered]).when(register).thenRejects('ItemAlreadyRegistered', 'itemId');
  });

  it('sets a reorder policy; a 90-day window by default; manual and min-max need min ≤ max', () => {
    spec
      .given([registered])
      .when(policy({}))
      .then([
        events.make('ReorderPolicySet', {
          itemId: 'gloves-m',
          setOn: '2026-01-02',
          policy: {
            mode: 'computed',
            reviewPeriodDays: 7,
            leadTimeDays: 5,
            serviceLevel: 0.95,
            windowDays: 90,
          },
        }),
      ]);
    spec
      .given([registered])
      .when(policy({ mode: 'min-max', min: 10 }))
      .thenRejects('MinMaxRequired', 'max');
    spec
      .given([registered])
      .when(policy({ mode: 'manual', min: 10, max: 5 }))
      .thenRejects('MinAboveMax', 'min');
    expect(
      spec
        .given([registered])
        .when(policy({ mode: 'min-max', min: 5, max: 10 }))
        .thenState().policy,
    ).toMatchObject({
      min: 5,
      max: 10,
    });
    spec.given([]).when(policy({})).thenRejects('ItemNotFound');
  });

  it('changes its unit cost and is discontinued once', () => {
    expect(
      spec
        .given([registered])
        .when({ type: 'ChangeUnitCost', unitCostCents: 11, changedOn: '2026-02-01' })
        .thenState().unitCostCents,
    ).toBe(11);
    const d = events.make('SupplyItemDiscontinued', { itemId: 'gloves-m', discontinuedOn: '2026-03-01' });
    spec.given([registered]).when({ type: 'DiscontinueItem', discontinuedOn: '2026-03-01' }).then([d]);
    spec
      .given([registered, d])
      .when({ type: 'DiscontinueItem', discontinuedOn: '2026-03-02' })
      .thenRejects('ItemDiscontinued');
    spec.given([registered, d]).when(policy({})).thenRejects('ItemDiscontinued');
  });
});
