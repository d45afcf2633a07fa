import type { Projection, RecordedEvent } from '@praxis/core';
import { events as goalEvents, goalObligations, strategyObligationsName } from './goal/index.js';
import { events as initiativeEvents, initiativeObligations } from './initiative/index.js';
import { events as workItemEvents, workItemObligations } from './work-item/index.js';

/**
 * Read model `strategy-obligations`: the strategy module's dated duties as `Obligation`s, listed by
 * `practice.calendar()` — goal checkpoint reviews and closings (`goalObligations`), and answers
 * owed by delegates (`workItemObligations`), initiatives' benefits reviews (`initiativeObligations`).
 */
export const strategyObligations: Projection = {
  name: strategyObligationsName,
  version: 1,
  eventTypes: [...goalEvents.types, ...workItemEvents.types, ...initiativeEvents.types],
  handle: (e: RecordedEvent) =>
    goalEvents.has(e.type)
      ? goalObligations(e)
      : workItemEvents.has(e.type)
        ? workItemObligations(e)
        : initiativeEvents.has(e.type)
          ? initiativeObligations(e)
          : [],
};
