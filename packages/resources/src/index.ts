/**
 * @praxis/resources — resource management (MODULES.md §3.3): supply items with reorder policies,
 * stock by lot and location (first-expired-first-out, quarantine, counts, adjustments, disposal),
 * purchase orders against the finance budget, the `resources-stock` and `resources-purchasing`
 * read models (reorder list, open commitments), process managers and the `resources` module.
 *
 * @example
 * import { resourcesModule, reorderList } from '@praxis/resources';
 * const lines = await reorderList(practice.readModels, '2026-03-31');
 */
import { combineRegistries } from '@praxis/core';
import { events as purchaseOrderEvents } from './purchase-order/events.js';
import { events as purchasingPolicyEvents } from './purchasing-policy/index.js';
import { events as stockEvents } from './stock/events.js';
import { events as supplyItemEvents } from './supply-item/events.js';
import { events as storageUnitEvents } from './storage-unit/index.js';
import { events as controlledRegisterEvents } from './controlled-register/index.js';
import { events as vendorContractEvents } from './vendor-contract/index.js';
import { events as equipmentEvents } from './equipment/index.js';
import { events as technologyAssetEvents } from './technology-asset/index.js';
import { policyEvents, rosterEvents, skillEvents } from './staffing/index.js';
import { events as technologyProjectEvents } from './technology-project/index.js';

export * as SupplyItem from './supply-item/index.js';
export * as Stock from './stock/index.js';
export * as PurchaseOrder from './purchase-order/index.js';
export * as PurchasingPolicy from './purchasing-policy/index.js';
export * as StorageUnit from './storage-unit/index.js';
export * as ControlledRegister from './controlled-register/index.js';
export * as VendorContract from './vendor-contract/index.js';
export * as Equipment from './equipment/index.js';
export * as TechnologyAsset from './technology-asset/index.js';
export * from './technology-model/projection.js';
export * as Staffing from './staffing/index.js';
export * as TechnologyProject from './technology-project/index.js';
export * from './staffing/projection.js';
export * from './obligations/index.js';
export { resourcesKpis } from './kpis.js';
export * from './stock-model/index.js';
export * from './purchasing-model/projection.js';
export {
  stockOnPoReceipt,
  budgetExpenseOnPoReceipt,
  quarantineOnExcursion,
  deaLossOnAdjustment,
  transferInOnTransferOut,
  reorderOnMovement,
  excursionDisposition,
  trainingOnProjectRequirement,
} from './process-managers.js';
export { stockIdOf } from './stock/state.js';
export {
  resourcesModule,
  supplyItem,
  stock,
  purchaseOrder,
  purchasingPolicy,
  storageUnit,
  controlledRegister,
  vendorContract,
  equipment,
  technologyAsset,
  staffSkillsAggregate,
  staffingPolicy,
  shiftRoster,
  technologyProject,
  resourcesStock,
} from './module.js';

/** Codecs of every event of the resources module (for a store's registry). */
export const resourcesEvents = combineRegistries(
  supplyItemEvents,
  stockEvents,
  purchaseOrderEvents,
  purchasingPolicyEvents,
  storageUnitEvents,
  controlledRegisterEvents,
  vendorContractEvents,
  equipmentEvents,
  technologyAssetEvents,
  skillEvents,
  policyEvents,
  rosterEvents,
  technologyProjectEvents,
);
