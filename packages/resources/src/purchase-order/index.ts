import type { Decider } from '@praxis/core';
import { commands } from './commands.js';
import { decide, type PurchaseOrderCommand } from './decide.js';
import { events, type PurchaseOrderEvent } from './events.js';
import { refusals, type PurchaseOrderRefusal } from './refusals.js';
import { evolve, initialState, type PurchaseOrder } from './state.js';
export { commands, BudgetRoom } from './commands.js';
export { refusals, type PurchaseOrderRefusal } from './refusals.js';
export * from './events.js';
export * from './state.js';
export * from './decide.js';

/**
 * The PurchaseOrder aggregate (MODULES.md §3.3 R3): drafted → submitted → approved (within the
 * approver's limit and the budget line's room) → sent → received (stock and budget expense by
 * process managers) → closed, or cancelled. Streams are `PurchaseOrder-<poId>`.
 */
export const decider: Decider<PurchaseOrderCommand, PurchaseOrderEvent, PurchaseOrder, PurchaseOrderRefusal> =
  {
    name: 'PurchaseOrder',
    stateVersion: 2, // 2: lifecycle dates (draftedOn, submittedOn, approvedOn)
    initialState,
    evolve,
    decide,
    events,
    commands,
    refusals,
  };
