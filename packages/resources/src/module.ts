import { bind, defineModule } from '@praxis/core';
import * as Stock from './stock/index.js';
import * as SupplyItem from './supply-item/index.js';
import { makeStockProjection } from './stock-model/projection.js';

/** Supply items: `practice.resources.registerSupplyItem({ itemId, … })`. */
export const supplyItem = bind(SupplyItem.decider, SupplyItem.commands, 'itemId');

/** Stock by lot and location: `practice.resources.consumeStock({ stockId, … })`. */
export const stock = bind(Stock.decider, Stock.commands, 'stockId', { snapshotEvery: 100 });

/** The `resources-stock` read model. */
export const resourcesStock = makeStockProjection();

/**
 * Resource management (MODULES.md §3.3), area `resources`: supply items, stock by lot and
 * location, its read models and obligations.
 */
export const resourcesModule = defineModule({
  area: 'resources',
  aggregates: [supplyItem, stock],
  projections: [resourcesStock],
});
