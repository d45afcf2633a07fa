import { bind, defineModule } from '@praxis/core';
import { operationsKpis } from './kpis.js';
import * as ProcessMap from './process-map/index.js';
import { opsFrontDesk, opsProcessMaps, opsStepTiming } from './read-models.js';
import { explain, type ExplainOptions } from './explain.js';
import { whatIf, type WhatIfCommand } from './what-if.js';

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
  projections: [opsStepTiming, opsProcessMaps, opsFrontDesk],
  kpis: operationsKpis,
  // Practice-level operations over the facade's host (no import of @praxis/practice).
  methods: (host) => ({
    /** What-if on a fork of the log: `practice.whatIf(commands, { periods })` (see `whatIf`). */
    whatIf: (commands: readonly WhatIfCommand[], options: { readonly periods: readonly string[] }) =>
      whatIf(host, commands, options),
    /** Why a KPI moved: `practice.explain(kpiId, periodA, periodB)` (see `explain`). */
    explain: (kpiId: string, periodA: string, periodB: string, options?: ExplainOptions) =>
      explain(host, kpiId, periodA, periodB, options),
  }),
});
