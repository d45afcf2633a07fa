import * as t from 'io-ts';
import { ISODate, NonEmptyString, PositiveInt, defineEvents, struct, type EventOf } from '@praxis/core';

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
 * Every event of a staff member's stream (`StaffMember-<staffId>`): recruitment,
 * credentials and exclusion screening, hiring and onboarding, training and continuing
 * education, SMART goals and quarterly reviews, separation.
 */
export const events = defineEvents({
  StaffApplicationReceived: t.type({
    staffId: NonEmptyString,
    name: NonEmptyString,
    position: NonEmptyString,
    appliedOn: ISODate,
  }),
  StaffInterviewed: t.type({
    staffId: NonEmptyString,
    interviewedOn: ISODate,
    panel: t.array(NonEmptyString),
    scores: t.array(t.type({ interviewer: NonEmptyString, score: Score })),
  }),
  StaffCredentialVerified: struct(
    {
      staffId: NonEmptyString,
      credentialId: NonEmptyString,
      kind: CredentialKind,
      issuer: NonEmptyString,
      number: NonEmptyString,
      expiresOn: ISODate,
      verifiedOn: ISODate,
    },
    { jurisdiction: NonEmptyString },
  ),
  StaffCredentialRenewed: t.type({
    staffId: NonEmptyString,
    credentialId: NonEmptyString,
    renewedOn: ISODate,
    previousExpiresOn: ISODate,
    expiresOn: ISODate,
  }),
  StaffCredentialTrackingEnded: t.type({
    staffId: NonEmptyString,
    credentialId: NonEmptyString,
    endedOn: ISODate,
    reason: NonEmptyString,
  }),
  OigExclusionScreened: t.type({
    staffId: NonEmptyString,
    screenedOn: ISODate,
    result: ScreeningResult,
    source: NonEmptyString,
  }),
  StaffCredentialingCompleted: t.type({
    staffId: NonEmptyString,
    completedOn: ISODate,
    /** The credentials on file when credentialing completed (empty for non-clinical staff). */
    credentialIds: t.array(NonEmptyString),
  }),
  StaffRecredentialed: t.type({ staffId: NonEmptyString, recredentialedOn: ISODate }),
  StaffOfferMade: t.type({
    staffId: NonEmptyString,
    offeredOn: ISODate,
    role: NonEmptyString,
    startDate: ISODate,
  }),
  StaffMemberHired: t.type({
    staffId: NonEmptyString,
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
    staffId: NonEmptyString,
    previousRole: NonEmptyString,
    role: NonEmptyString,
    effectiveOn: ISODate,
    reason: NonEmptyString,
  }),
  StaffApplicationClosed: t.type({ staffId: NonEmptyString, closedOn: ISODate, reason: NonEmptyString }),
  OnboardingTaskAssigned: t.type({
    staffId: NonEmptyString,
    taskId: NonEmptyString,
    description: NonEmptyString,
    assignedOn: ISODate,
    dueOn: ISODate,
  }),
  OnboardingTaskCompleted: t.type({ staffId: NonEmptyString, taskId: NonEmptyString, completedOn: ISODate }),
  TrainingAssigned: struct(
    {
      staffId: NonEmptyString,
      trainingId: NonEmptyString,
      course: NonEmptyString,
      assignedOn: ISODate,
      dueOn: ISODate,
      required: t.boolean,
    },
    { recurrenceMonths: PositiveInt, legalSource: NonEmptyString },
  ),
  TrainingCompleted: struct(
    {
      staffId: NonEmptyString,
      trainingId: NonEmptyString,
      completedOn: ISODate,
      hours: Hours,
    },
    { nextDueOn: ISODate },
  ),
  TrainingWithdrawn: t.type({
    staffId: NonEmptyString,
    trainingId: NonEmptyString,
    withdrawnOn: ISODate,
    reason: NonEmptyString,
  }),
  ContinuingEducationRecorded: t.type({
    staffId: NonEmptyString,
    activityId: NonEmptyString,
    title: NonEmptyString,
    provider: NonEmptyString,
    hours: Hours,
    completedOn: ISODate,
  }),
  SmartGoalSet: struct(
    {
      staffId: NonEmptyString,
      goalId: NonEmptyString,
      specific: NonEmptyString,
      metric: NonEmptyString,
      target: t.number,
      deadline: ISODate,
      setOn: ISODate,
    },
    { unit: NonEmptyString },
  ),
  SmartGoalClosed: struct(
    { staffId: NonEmptyString, goalId: NonEmptyString, closedOn: ISODate, outcome: GoalOutcome },
    { actual: t.number },
  ),
  QuarterlyReviewRecorded: struct(
    {
      staffId: NonEmptyString,
      quarter: QuarterLabel,
      reviewedOn: ISODate,
      reviewer: NonEmptyString,
      rating: Score,
    },
    { comments: NonEmptyString },
  ),
  StaffMemberSeparated: struct(
    { staffId: NonEmptyString, separatedOn: ISODate, voluntary: t.boolean },
    { reason: NonEmptyString },
  ),
});

/** The union of StaffMember events. */
export type StaffMemberEvent = EventOf<typeof events>;
/** The data of one StaffMember event type. */
export type StaffMemberEventData<K extends StaffMemberEvent['type']> = Extract<
  StaffMemberEvent,
  { type: K }
>['data'];
