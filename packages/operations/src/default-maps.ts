import type { StepDefinition } from './process-map/events.js';

/** A process map shipped with Praxis: measured by `ops-step-timing` from the first event on. */
export interface DefaultMap {
  readonly mapId: string;
  readonly name: string;
  readonly steps: readonly StepDefinition[];
}

/**
 * The revenue cycle (MODULES.md O2; athenaOne benchmarks charge lag and hold lag [ATH7]):
 * - charge lag: date of service → charges registered (`ClaimChargesRegistered.dateOfService` → the event);
 * - hold lag: claim held by the scrubber → corrected (`ClaimHeld` → `ClaimCorrected`);
 * - denial to appeal: `ClaimDenied` → `ClaimAppealed`;
 * - submission to payment: `ClaimSubmitted` → `ClaimPaidByPayer`.
 * No targets: a practice sets its own by defining a map of its own.
 */
export const revenueCycleMap: DefaultMap = {
  mapId: 'revenue-cycle',
  name: 'Revenue cycle',
  steps: [
    {
      stepId: 'charge-lag',
      name: 'Charge lag (date of service → charges registered)',
      startEventType: 'ClaimChargesRegistered',
      startDateField: 'dateOfService',
      endEventType: 'ClaimChargesRegistered',
      correlation: 'stream',
    },
    {
      stepId: 'hold-lag',
      name: 'Hold lag (held → corrected)',
      startEventType: 'ClaimHeld',
      endEventType: 'ClaimCorrected',
      correlation: 'stream',
    },
    {
      stepId: 'denial-to-appeal',
      name: 'Denial → appeal',
      startEventType: 'ClaimDenied',
      endEventType: 'ClaimAppealed',
      correlation: 'stream',
    },
    {
      stepId: 'submission-to-payment',
      name: 'Submission → payment',
      startEventType: 'ClaimSubmitted',
      endEventType: 'ClaimPaidByPayer',
      correlation: 'stream',
    },
  ],
};

/** Every map shipped with Praxis. */
export const defaultMaps: readonly DefaultMap[] = [revenueCycleMap];
