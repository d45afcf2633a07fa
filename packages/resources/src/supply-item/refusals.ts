import { defineRefusals } from '@praxis/core';

/** Every code a SupplyItem refuses with, and its category. */
export const refusals = defineRefusals({
  ItemAlreadyRegistered: 'conflict',
  ItemNotFound: 'not-found',
  ItemDiscontinued: 'conflict',
  MinMaxRequired: 'invalid',
  MinAboveMax: 'invalid',
  UnitCostUnchanged: 'conflict',
});

/** A code a SupplyItem refuses with. */
export type SupplyItemRefusal = keyof typeof refusals;
