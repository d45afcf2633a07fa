import { bind, defineModule } from '@praxis/core';
import { operationsKpis } from './kpis.js';
import * as ProcessMap from './process-map/index.js';
import { opsProcessMaps, opsStepTiming } from './read-models.js';

/** Process maps: `practice.operations.defineStep({ mapId, stepId, … })`. */
export const processMap = bind(ProcessMap.decider, ProcessMap.commands, 'mapId');

/**
 * Operational efficiency (MODULES.md §3.2), area `operations`: Lean measurement of workflows
 * (process maps, step timing, bottlenecks; the revenue cycle shipped) and obligation throughput.
 */
export const operationsModule = defineModule({
  area: 'operations',
  aggregates: [processMap],
  projections: [opsStepTiming, opsProcessMaps],
  kpis: operationsKpis,
});
