import * as t from 'io-ts';
import { command, defineCommands, NonEmptyString, type CommandOf } from '@praxis/core';
import { Correlation } from './events.js';

/** Every command of a ProcessMap. */
export const commands = defineCommands('mapId', {
  /**
   * Measures a step between two registered event types (MODULES.md O2); `target`: `{ minutes }`
   * or `{ days }` (positive whole numbers); `startDateField`: a date field of the start event
   * that is the real start (optional).
   */
  DefineStep: command(
    {
      mapId: NonEmptyString,
      stepId: NonEmptyString,
      name: NonEmptyString,
      startEventType: NonEmptyString,
      endEventType: NonEmptyString,
      correlation: Correlation,
    },
    {
      startDateField: NonEmptyString,
      target: t.partial({ minutes: t.number, days: t.number }),
    },
    // Whether the practice records each event type: every module's registry, fetched by the handler.
    { facts: { startEventTypeKnown: t.boolean, endEventTypeKnown: t.boolean } },
  ),
  OrderSteps: command({ stepIds: t.readonlyArray(NonEmptyString) }),
  RetireStep: command({ stepId: NonEmptyString }),
});

/** Every ProcessMap command, as `decide` sees it. */
export type ProcessMapCommand = CommandOf<typeof commands>;
