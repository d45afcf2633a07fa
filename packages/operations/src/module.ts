import { bind, defineModule } from '@praxis/core';
import { operationsKpis } from './kpis.js';
import * as ProcessMap from './process-map/index.js';
import { opsProcessMaps, opsStepTiming } from './read-models.js';

/** Process maps: `practice.operations.defineStep({ mapId, stepId, … })`. */
export const processMap = bind(ProcessMap.decider, ProcessMap.commands, 'mapId', {
  facts: {
    // Every event type of the practice's modules, new ones included.
    DefineStep: async (c, ctx) => ({
      startEventTypeKnown: ctx.eventTypes.includes(c.startEventType),
      endEventTypeKnown: ctx.eventTypes.includes(c.endEventType),
    }),
  },
});

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
