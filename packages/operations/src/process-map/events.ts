import * as t from 'io-ts';
import { NonEmptyString, PositiveInt, defineEvents, struct, type EventOf } from '@praxis/core';

/**
 * How a start event and an end event are paired into one step instance: by stream (both on
 * the same aggregate, e.g. one claim) or by the value of a data field both carry (`claimId`).
 */
export const Correlation = t.union([t.literal('stream'), t.type({ field: NonEmptyString })]);
export type Correlation = t.TypeOf<typeof Correlation>;

/** The lead time a step should stay within: minutes or calendar days (exactly one). */
export const StepTarget = t.union([t.type({ minutes: PositiveInt }), t.type({ days: PositiveInt })]);
export type StepTarget = t.TypeOf<typeof StepTarget>;

/** One measured step: from the first start event to the first end event after it with the same key. */
export const StepDefinition = struct(
  {
    stepId: NonEmptyString,
    name: NonEmptyString,
    startEventType: NonEmptyString,
    endEventType: NonEmptyString,
    correlation: Correlation,
  },
  {
    /**
     * A date field of the start event that is the step's real start (`dateOfService`: the
     * charge lag runs from the visit, not from when the charge was entered).
     */
    startDateField: NonEmptyString,
    target: StepTarget,
  },
);
export type StepDefinition = t.TypeOf<typeof StepDefinition>;

/** Every event of a process map (`ProcessMap-<mapId>`). */
export const events = defineEvents({
  ProcessStepDefined: t.type({ mapId: NonEmptyString, step: StepDefinition }),
  ProcessStepsOrdered: t.type({ mapId: NonEmptyString, stepIds: t.array(NonEmptyString) }),
  ProcessStepRetired: t.type({ mapId: NonEmptyString, stepId: NonEmptyString }),
});

/** Every ProcessMap event. */
export type ProcessMapEvent = EventOf<typeof events>;
