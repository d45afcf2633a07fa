import type { Projection, RecordedEvent } from '@praxis/core';
import { events as goalEvents, goalObligations, strategyObligationsName } from './goal/index.js';

/**
 * Read model `strategy-obligations`: the strategy module's dated duties as `Obligation`s, listed by
 * `practice.calendar()` — goal checkpoint reviews and goal closings (see `goalObligations`).
 */
export const strategyObligations: Projection = {
  name: strategyObligationsName,
  version: 1,
  eventTypes: [...goalEvents.types],
  handle: (e: RecordedEvent) => (goalEvents.has(e.type) ? goalObligations(e) : []),
};
