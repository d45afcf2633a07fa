/**
 * @praxis/resources — resource management (MODULES.md §3.3): supply items with reorder policies,
 * stock by lot and location (first-expired-first-out, quarantine, counts, adjustments, disposal),
 * the `resources-stock` read model with the reorder list, and the `resources` module.
 *
 * @example
 * import { resourcesModule, reorderList } from '@praxis/resources';
 * const practice = await createPractice({ store: 'memory:', modules: [...builtinModules, resourcesModule] });
 */
import { combineRegistries } from '@praxis/core';
import { events as stockEvents } from './stock/events.js';
import { events as supplyItemEvents } from './supply-item/events.js';

export * as SupplyItem from './supply-item/index.js';
export * as Stock from './stock/index.js';
export * from './stock-model/index.js';
export { stockIdOf } from './stock/state.js';
export { resourcesModule, supplyItem, stock, resourcesStock } from './module.js';

/** Codecs of every event of the resources module (for a store's registry). */
export const resourcesEvents = combineRegistries(supplyItemEvents, stockEvents);
