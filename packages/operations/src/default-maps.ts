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

const byAppointment = { field: 'appointmentId' } as const;

/**
 * Patient flow (MODULES.md O1, athenaOne's five stages [ATH6]; O3 check-in duration), per
 * appointment from the day book's events (`@praxis/patients`), at each event's business time:
 * - check-in: arrival → check-in complete (`PatientArrived` → `CheckInCompleted`);
 * - wait for a room: check-in complete → roomed;
 * - roomed, waiting for the provider: roomed → `ProviderEncounterStarted`;
 * - with the provider: encounter started → `PatientCheckedOut`;
 * - visit cycle time: arrival → checkout (the whole visit).
 */
export const patientFlowMap: DefaultMap = {
  mapId: 'patient-flow',
  name: 'Patient flow',
  steps: [
    {
      stepId: 'check-in',
      name: 'Check-in (arrived → check-in complete)',
      startEventType: 'PatientArrived',
      endEventType: 'CheckInCompleted',
      correlation: byAppointment,
    },
    {
      stepId: 'wait-for-room',
      name: 'Waiting room (check-in complete → roomed)',
      startEventType: 'CheckInCompleted',
      endEventType: 'PatientRoomed',
      correlation: byAppointment,
    },
    {
      stepId: 'roomed-to-provider',
      name: 'Roomed, waiting for the provider',
      startEventType: 'PatientRoomed',
      endEventType: 'ProviderEncounterStarted',
      correlation: byAppointment,
    },
    {
      stepId: 'with-provider',
      name: 'With the provider (encounter → checkout)',
      startEventType: 'ProviderEncounterStarted',
      endEventType: 'PatientCheckedOut',
      correlation: byAppointment,
    },
  ],
};

/** The whole visit, arrival → checkout: measured beside the map (not one of its steps). */
export const visitCycleStep = {
  stepId: 'visit-cycle',
  name: 'Visit cycle time (arrived → checked out)',
  startEventType: 'PatientArrived',
  endEventType: 'PatientCheckedOut',
  correlation: byAppointment,
} as const;

/** Every map shipped with Praxis (the visit cycle is kept as a map of one step). */
export const defaultMaps: readonly DefaultMap[] = [
  revenueCycleMap,
  patientFlowMap,
  { mapId: 'visit-cycle', name: 'Visit cycle time', steps: [visitCycleStep] },
];
