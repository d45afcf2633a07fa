import * as t from 'io-ts';
import {
  ISODate,
  NonEmptyString,
  PositiveInt,
  defineEvents,
  personal,
  struct,
  subject,
  type EventOf,
} from '@praxis/core';

/** The credentials a practice verifies: state licence, DEA registration, board certification. */
export const CredentialKind = t.keyof({
  licence: null,
  'dea-registration': null,
  'board-certification': null,
});
/** One of `licence`, `dea-registration`, `board-certification`. */
export type CredentialKind = t.TypeOf<typeof CredentialKind>;

/** Result of an OIG exclusion (LEIE) check. */
export const ScreeningResult = t.keyof({ clear: null, excluded: null });
/** `clear` or `excluded`. */
export type ScreeningResult = t.TypeOf<typeof ScreeningResult>;

/** How a SMART goal ended. */
export const GoalOutcome = t.keyof({ achieved: null, missed: null, withdrawn: null });
/** `achieved`, `missed` or `withdrawn`. */
export type GoalOutcome = t.TypeOf<typeof GoalOutcome>;

/** An interview score from 1 (poor) to 5 (excellent). */
const Score = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1 && n <= 5, 'Score');
/** Positive hours (fractions allowed: 1.5 hours of CE). */
const Hours = t.refinement(t.number, (n) => Number.isFinite(n) && n > 0, 'Hours');
const QuarterLabel = t.refinement(t.string, (s) => /^\d{4}-Q[1-4]$/.test(s), 'Quarter');

/**
 * The staff member an event is about: the subject of its personal fields (`staff:<staffId>`).
 * Personal fields — the name, licence numbers, interview scores, reasons and free text about
 * the person, ratings and review comments — are sealed by the vault (docs/personal-data.md).
 */
const StaffId = subject('staff', NonEmptyString);

/**
 * Every event of a staff member's stream (`StaffMember-<staffId>`): recruitment,
 * credentials and exclusion screening, hiring and onboarding, training and continuing
 * education, SMART goals and quarterly reviews, separation.
 */
export const events = defineEvents({
  StaffApplicationReceived: t.type({
    staffId: StaffId,
    name: personal(NonEmptyString),
    position: NonEmptyString,
    appliedOn: ISODate,
  }),
  StaffInterviewed: t.type({
    staffId: StaffId,
    interviewedOn: ISODate,
    panel: t.array(NonEmptyString),
    scores: t.array(t.type({ interviewer: NonEmptyString, score: personal(Score) })),
  }),
  StaffCredentialVerified: struct(
    {
      staffId: StaffId,
      credentialId: NonEmptyString,
      kind: CredentialKind,
      issuer: NonEmptyString,
      number: personal(NonEmptyString),
      expiresOn: ISODate,
      verifiedOn: ISODate,
    },
    { jurisdiction: NonEmptyString },
  ),
  StaffCredentialRenewed: t.type({
    staffId: StaffId,
    credentialId: NonEmptyString,
    renewedOn: ISODate,
    previousExpiresOn: ISODate,
    expiresOn: ISODate,
  }),
  StaffCredentialTrackingEnded: t.type({
    staffId: StaffId,
    credentialId: NonEmptyString,
    endedOn: ISODate,
    reason: personal(NonEmptyString),
  }),
  OigExclusionScreened: t.type({
    staffId: StaffId,
    screenedOn: ISODate,
    result: ScreeningResult,
    source: NonEmptyString,
  }),
  StaffCredentialingCompleted: t.type({
    staffId: StaffId,
    completedOn: ISODate,
    /** The credentials on file when credentialing completed (empty for non-clinical staff). */
    credentialIds: t.array(NonEmptyString),
  }),
  StaffRecredentialed: t.type({ staffId: StaffId, recredentialedOn: ISODate }),
  StaffOfferMade: t.type({
    staffId: StaffId,
    offeredOn: ISODate,
    role: NonEmptyString,
    startDate: ISODate,
  }),
  StaffMemberHired: t.type({
    staffId: StaffId,
    hiredOn: ISODate,
    role: NonEmptyString,
    startDate: ISODate,
    /** The clear OIG exclusion check the hire relied on. */
    exclusionCheckedOn: ISODate,
  }),
  /**
   * A person on staff moves to another role (promotion, transfer, change of duties) from
   * `effectiveOn`; `previousRole` is the role held until the day before.
   */
  StaffMemberRoleChanged: t.type({
    staffId: StaffId,
    previousRole: NonEmptyString,
    role: NonEmptyString,
    effectiveOn: ISODate,
    reason: personal(NonEmptyString),
  }),
  StaffApplicationClosed: t.type({ staffId: StaffId, closedOn: ISODate, reason: personal(NonEmptyString) }),
  OnboardingTaskAssigned: t.type({
    staffId: StaffId,
    taskId: NonEmptyString,
    description: NonEmptyString,
    assignedOn: ISODate,
    dueOn: ISODate,
  }),
  OnboardingTaskCompleted: t.type({ staffId: StaffId, taskId: NonEmptyString, completedOn: ISODate }),
  /** An open onboarding task lapses because the person separated (it is no longer owed). */
  OnboardingTaskDropped: t.type({ staffId: StaffId, taskId: NonEmptyString, droppedOn: ISODate }),
  TrainingAssigned: struct(
    {
      staffId: StaffId,
      trainingId: NonEmptyString,
      course: NonEmptyString,
      assignedOn: ISODate,
      dueOn: ISODate,
      required: t.boolean,
    },
    /** `policyId`: the policy the training is on; a training session on it completes the assignment. */
    { recurrenceMonths: PositiveInt, legalSource: NonEmptyString, policyId: NonEmptyString },
  ),
  TrainingCompleted: struct(
    {
      staffId: StaffId,
      trainingId: NonEmptyString,
      completedOn: ISODate,
      hours: Hours,
    },
    { nextDueOn: ISODate },
  ),
  TrainingWithdrawn: t.type({
    staffId: StaffId,
    trainingId: NonEmptyString,
    withdrawnOn: ISODate,
    reason: personal(NonEmptyString),
  }),
  /**
   * The person attended a training session on a policy (`HoldPolicyTraining`), recorded on their
   * staff record; any open training assignment on that policy is completed with it
   * (`TrainingCompleted` in the same decision).
   */
  PolicyTrainingAttended: t.type({
    staffId: StaffId,
    policyId: NonEmptyString,
    version: PositiveInt,
    sessionId: NonEmptyString,
    attendedOn: ISODate,
    hours: Hours,
  }),
  ContinuingEducationRecorded: t.type({
    staffId: StaffId,
    activityId: NonEmptyString,
    title: NonEmptyString,
    provider: NonEmptyString,
    hours: Hours,
    completedOn: ISODate,
  }),
  SmartGoalSet: struct(
    {
      staffId: StaffId,
      goalId: NonEmptyString,
      specific: personal(NonEmptyString),
      metric: NonEmptyString,
      target: t.number,
      deadline: ISODate,
      setOn: ISODate,
    },
    /** `kpiId`, `direction`: a goal measured by a practice KPI, and which way is better. */
    {
      unit: NonEmptyString,
      kpiId: NonEmptyString,
      direction: t.keyof({ 'higher-is-better': null, 'lower-is-better': null }),
    },
  ),
  SmartGoalClosed: struct(
    { staffId: StaffId, goalId: NonEmptyString, closedOn: ISODate, outcome: GoalOutcome },
    /** `kpiPeriod`: for a goal on a KPI, the period `actual` was computed for from the log. */
    { actual: t.number, kpiPeriod: t.string },
  ),
  QuarterlyReviewRecorded: struct(
    {
      staffId: StaffId,
      quarter: QuarterLabel,
      reviewedOn: ISODate,
      reviewer: NonEmptyString,
      rating: personal(Score),
    },
    { comments: personal(NonEmptyString) },
  ),
  StaffMemberSeparated: struct(
    { staffId: StaffId, separatedOn: ISODate, voluntary: t.boolean },
    { reason: personal(NonEmptyString) },
  ),
});

/** The union of StaffMember events. */
export type StaffMemberEvent = EventOf<typeof events>;
/** The data of one StaffMember event type. */
export type StaffMemberEventData<K extends StaffMemberEvent['type']> = Extract<
  StaffMemberEvent,
  { type: K }
>['data'];
