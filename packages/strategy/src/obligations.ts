import type { Projection, RecordedEvent } from '@praxis/core';
import { events as goalEvents, goalObligations, strategyObligationsName } from './goal/index.js';
import { events as initiativeEvents, initiativeObligations } from './initiative/index.js';
import { analysisObligations, events as analysisEvents } from './market-analysis/index.js';
import { events as workItemEvents, workItemObligations } from './work-item/index.js';

/**
 * Read model `strategy-obligations`: the strategy module's dated duties as `Obligation`s, listed by
 * `practice.calendar()` — goal checkpoint reviews and closings (`goalObligations`), and answers
 * owed by delegates (`workItemObligations`), initiatives' benefits reviews (`initiativeObligations`) and
 * market analyses' 12-month reviews of a `go` (`analysisObligations`).
 */
export const strategyObligations: Projection = {
  name: strategyObligationsName,
  version: 2,
  eventTypes: [
    ...goalEvents.types,
    ...workItemEvents.types,
    ...initiativeEvents.types,
    ...analysisEvents.types,
  ],
  handle: (e: RecordedEvent) =>
    goalEvents.has(e.type)
      ? goalObligations(e)
      : workItemEvents.has(e.type)
        ? workItemObligations(e)
        : initiativeEvents.has(e.type)
          ? initiativeObligations(e)
          : analysisEvents.has(e.type)
            ? analysisObligations(e)
            : [],
};
