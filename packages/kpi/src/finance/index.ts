/**
 * Financial read models and KPIs: pure projections over Budget and Claim events, and the
 * queries that read them for a period (see docs/finance.md for every formula and its source).
 */
import type { Projection } from '@praxis/core';
import { budgetsProjection } from './budgets-projection.js';
import { claimsProjection } from './claims-projection.js';
import { financeObligationsProjection } from './obligations-projection.js';
import { ledgerProjection } from './ledger/projection.js';

export * from './claims-projection.js';
export * from './claim-totals.js';
export * from './budgets-projection.js';
export * from './obligations-projection.js';
export * from './revenue-cycle.js';
export * from './ar-aging.js';
export * from './budget-vs-actual.js';
export * from './statements.js';
export * from './breakdowns.js';
export * as Ledger from './ledger/index.js';

/** Every finance read model, for the projection engine to register. */
export const financeProjections: readonly Projection[] = [
  claimsProjection,
  budgetsProjection,
  financeObligationsProjection,
  ledgerProjection,
];
