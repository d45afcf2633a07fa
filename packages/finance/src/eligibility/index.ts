/**
 * The Eligibility aggregate: the insurance eligibility checks of one patient (stream
 * `Eligibility-<patientId>`), one per visit — is the coverage with this payer active on the date
 * of service, what copay is due and how much deductible remains (the answer of an X12 271 to a
 * 270, a payer portal or a call). Claim submission reads the latest check for the claim's payer
 * and date of service (the SubmitClaim fact `eligibility`; see BillingPolicy).
 *
 * @example
 * await practice.finance.recordEligibilityCheck({ patientId: 'p-00042', checkId: 'elig-1', payerId: 'BCBS-IL',
 *   serviceDate: '2026-03-02', coverageActive: true, copay: 2_500, deductibleRemaining: 40_000, source: 'portal' });
 */
import * as t from 'io-ts';
import {
  ISODate,
  ISOInstant,
  NonEmptyString,
  NonNegativeCents,
  OpaqueId,
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  reject,
  streamIdOf,
  struct,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';

/** Where the answer came from: an X12 271, the payer's portal, a call, the card at the desk. */
export const EligibilitySource = t.keyof({ '271': null, portal: null, phone: null, card: null });
export type EligibilitySource = t.TypeOf<typeof EligibilitySource>;

export const commands = defineCommands('patientId', {
  /**
   * Records one eligibility check: the patient's coverage with `payerId` for the visit on
   * `serviceDate` (`coverageActive`), the copay due at the visit and the deductible remaining
   * (cents, as the payer stated them). A later check for the same payer and date replaces the
   * earlier one for the submission rule. `at` is the call's business time, `checkedBy` the actor.
   */
  RecordEligibilityCheck: command(
    {
      /** The patient as an opaque id (as on their claims). */
      patientId: OpaqueId,
      checkId: NonEmptyString,
      payerId: NonEmptyString,
      /** The date of service the check covers (the visit), practice zone. */
      serviceDate: ISODate,
      coverageActive: t.boolean,
      source: EligibilitySource,
    },
    {
      /** The copay the plan sets for this visit (cents). */
      copay: NonNegativeCents,
      /** What is left of the deductible (cents). */
      deductibleRemaining: NonNegativeCents,
      /** The payer's reference for the answer (271 TRN02, a call reference), at most 50 characters. */
      reference: NonEmptyString,
    },
    { stamps: { at: 'time', checkedBy: 'actor' } },
  ),
});
export type EligibilityCommand = CommandOf<typeof commands>;

export const events = defineEvents({
  EligibilityChecked: struct(
    {
      patientId: NonEmptyString,
      checkId: NonEmptyString,
      payerId: NonEmptyString,
      serviceDate: ISODate,
      coverageActive: t.boolean,
      source: EligibilitySource,
      checkedBy: NonEmptyString,
      at: ISOInstant,
    },
    { copay: NonNegativeCents, deductibleRemaining: NonNegativeCents, reference: NonEmptyString },
  ),
});
export type EligibilityEvent = EventOf<typeof events>;

export const refusals = defineRefusals({
  /** The check id was already used for this patient. */
  DuplicateEntry: 'conflict',
  /** A copay or deductible on a check that found no active coverage, or a reference over 50 characters. */
  InvalidEligibility: 'invalid',
});
export type EligibilityRefusal = keyof typeof refusals;

/** One recorded check (money in cents). */
export interface EligibilityCheck {
  readonly checkId: string;
  readonly payerId: string;
  readonly serviceDate: string;
  readonly coverageActive: boolean;
  readonly source: EligibilitySource;
  readonly copay?: number;
  readonly deductibleRemaining?: number;
  readonly checkedBy: string;
  readonly at: string;
}

/** A patient's checks, in the order recorded. */
export interface State {
  readonly patientId: string;
  readonly checks: readonly EligibilityCheck[];
}

export const initialState: State = { patientId: '', checks: [] };

export const evolve = (s: State, e: EligibilityEvent): State => {
  const { patientId, ...check } = e.data;
  return { patientId, checks: [...s.checks, check] };
};

/** The latest check of the patient with `payerId` for the visit on `serviceDate`, if any. */
export const checkFor = (s: State, payerId: string, serviceDate: string): EligibilityCheck | undefined =>
  s.checks.findLast((c) => c.payerId === payerId && c.serviceDate === serviceDate);

/** A check id is used once per patient; an inactive coverage has no copay or deductible to state. */
export const decide = (c: EligibilityCommand, s: State): Decision<EligibilityEvent> => {
  if (s.checks.some((x) => x.checkId === c.checkId))
    return reject('DuplicateEntry', `check ${c.checkId} is already recorded for this patient`, 'checkId');
  if (!c.coverageActive && (c.copay !== undefined || c.deductibleRemaining !== undefined))
    return reject(
      'InvalidEligibility',
      'a check that found no active coverage states no copay or deductible',
      c.copay === undefined ? 'deductibleRemaining' : 'copay',
    );
  if (c.reference !== undefined && c.reference.length > 50)
    return reject('InvalidEligibility', 'the reference is at most 50 characters', 'reference');
  return accept(
    events.make('EligibilityChecked', {
      patientId: c.patientId,
      checkId: c.checkId,
      payerId: c.payerId,
      serviceDate: c.serviceDate,
      coverageActive: c.coverageActive,
      source: c.source,
      checkedBy: c.checkedBy,
      at: c.at,
      ...(c.copay === undefined ? {} : { copay: c.copay }),
      ...(c.deductibleRemaining === undefined ? {} : { deductibleRemaining: c.deductibleRemaining }),
      ...(c.reference === undefined ? {} : { reference: c.reference }),
    }),
  );
};

/** The Eligibility decider (name `Eligibility`). */
export const decider: Decider<EligibilityCommand, EligibilityEvent, State, EligibilityRefusal> = {
  name: 'Eligibility',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};

/** The stream of one patient's checks: `Eligibility-<patientId>`. */
export const streamId = (patientId: string): string => streamIdOf(decider, patientId);
