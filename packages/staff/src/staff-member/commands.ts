import * as t from 'io-ts';
import { command, defineCommands, ISODate, NonEmptyString, PositiveInt, type CommandOf } from '@praxis/core';
import { CredentialKind, GoalOutcome, ScreeningResult } from './events.js';

/** Facts the handler computes and freezes in the command (never sent by a caller). */
export const facts = {
  /** The KPI a goal names (`kpiId`): its label, unit and direction, or `null` when none is registered. */
  SetSmartGoal: {
    kpi: t.union([
      t.type({
        label: t.string,
        unit: t.string,
        direction: t.keyof({ 'higher-is-better': null, 'lower-is-better': null }),
      }),
      t.null,
    ]),
  },
  /**
   * For a goal on a KPI: the KPI's value for the month of the deadline (`kpiPeriod`), computed
   * from the log (`null` when it has none); `null` for other goals.
   */
  CloseSmartGoal: {
    kpiActual: t.union([t.type({ period: t.string, value: t.union([t.number, t.null]) }), t.null]),
  },
} as const;

/**
 * Every command a StaffMember accepts, as exact codecs. Each is dated (`…On`): without a call
 * `{ at }` its date is the business time of its events.
 */
export const commands = defineCommands('staffId', {
  ReceiveApplication: command(
    { staffId: NonEmptyString, name: NonEmptyString, position: NonEmptyString, appliedOn: ISODate },
    {},
    { businessTime: 'appliedOn' },
  ),
  /**
   * Go-live: a person already employed (an opening balance, see ./opening.ts): name, position,
   * role from `hiredOn`, and the date of the last clear OIG exclusion check.
   */
  RecordExistingStaffMember: command(
    {
      staffId: NonEmptyString,
      name: NonEmptyString,
      position: NonEmptyString,
      role: NonEmptyString,
      hiredOn: ISODate,
      exclusionCheckedOn: ISODate,
    },
    /** Default `OIG LEIE`. */
    { exclusionSource: NonEmptyString },
    { businessTime: 'hiredOn' },
  ),
  RecordInterview: command(
    {
      interviewedOn: ISODate,
      panel: t.readonlyArray(NonEmptyString),
      scores: t.readonlyArray(t.type({ interviewer: NonEmptyString, score: t.number })),
    },
    {},
    { businessTime: 'interviewedOn' },
  ),
  CompleteCredentialing: command({ completedOn: ISODate }, {}, { businessTime: 'completedOn' }),
  MakeOffer: command(
    { offeredOn: ISODate, role: NonEmptyString, startDate: ISODate },
    {},
    { businessTime: 'offeredOn' },
  ),
  HireStaffMember: command(
    { hiredOn: ISODate },
    { role: NonEmptyString, startDate: ISODate },
    { businessTime: 'hiredOn' },
  ),
  CloseApplication: command({ closedOn: ISODate, reason: NonEmptyString }, {}, { businessTime: 'closedOn' }),
  VerifyCredential: command(
    {
      credentialId: NonEmptyString,
      kind: CredentialKind,
      issuer: NonEmptyString,
      number: NonEmptyString,
      expiresOn: ISODate,
      verifiedOn: ISODate,
    },
    /** The state or board that issued a licence, when useful. */
    { jurisdiction: NonEmptyString },
    { businessTime: 'verifiedOn' },
  ),
  RenewCredential: command(
    { credentialId: NonEmptyString, renewedOn: ISODate, expiresOn: ISODate },
    {},
    { businessTime: 'renewedOn' },
  ),
  RecordExclusionScreening: command(
    { screenedOn: ISODate, result: ScreeningResult },
    /** Default `OIG LEIE`. */
    { source: NonEmptyString },
    { businessTime: 'screenedOn' },
  ),
  Recredential: command({ recredentialedOn: ISODate }, {}, { businessTime: 'recredentialedOn' }),
  AssignOnboardingTask: command(
    { taskId: NonEmptyString, description: NonEmptyString, assignedOn: ISODate, dueOn: ISODate },
    {},
    { businessTime: 'assignedOn' },
  ),
  CompleteOnboardingTask: command(
    { taskId: NonEmptyString, completedOn: ISODate },
    {},
    { businessTime: 'completedOn' },
  ),
  SeparateStaffMember: command(
    { separatedOn: ISODate, voluntary: t.boolean },
    { reason: NonEmptyString },
    { businessTime: 'separatedOn' },
  ),
  ChangeStaffRole: command(
    { role: NonEmptyString, effectiveOn: ISODate, reason: NonEmptyString },
    {},
    { businessTime: 'effectiveOn' },
  ),
  AssignTraining: command(
    {
      trainingId: NonEmptyString,
      course: NonEmptyString,
      assignedOn: ISODate,
      dueOn: ISODate,
      /** Counts towards training compliance (a requirement, not an elective). */
      required: t.boolean,
    },
    /**
     * Due again this many months after each completion; `policyId`: the policy the training is
     * on (a training session on that policy completes it).
     */
    { recurrenceMonths: PositiveInt, legalSource: NonEmptyString, policyId: NonEmptyString },
    { businessTime: 'assignedOn' },
  ),
  /** Self-service: a `self:` grant lets staff record only their own training. */
  CompleteTraining: command(
    { trainingId: NonEmptyString, completedOn: ISODate, hours: t.number },
    {},
    { businessTime: 'completedOn', subject: 'staffId' },
  ),
  WithdrawTraining: command(
    { trainingId: NonEmptyString, withdrawnOn: ISODate, reason: NonEmptyString },
    {},
    { businessTime: 'withdrawnOn' },
  ),
  /**
   * Attendance at a policy training session (issued by the `policy-training-counts` process
   * manager for each attendee of `HoldPolicyTraining`).
   */
  RecordPolicyTraining: command(
    {
      policyId: NonEmptyString,
      version: PositiveInt,
      sessionId: NonEmptyString,
      attendedOn: ISODate,
      hours: t.number,
    },
    {},
    { businessTime: 'attendedOn' },
  ),
  RecordContinuingEducation: command(
    {
      activityId: NonEmptyString,
      title: NonEmptyString,
      provider: NonEmptyString,
      hours: t.number,
      completedOn: ISODate,
    },
    {},
    { businessTime: 'completedOn', subject: 'staffId' },
  ),
  SetSmartGoal: command(
    { goalId: NonEmptyString, setOn: ISODate },
    {
      /** Specific: what is to be achieved, in words. */
      specific: NonEmptyString,
      /** The metric that measures it (`days in A/R`, `patient satisfaction score`). */
      metric: NonEmptyString,
      /** Measurable target value of the metric. */
      target: t.number,
      unit: NonEmptyString,
      /** Time-bound: the deadline. */
      deadline: ISODate,
      /**
       * A practice KPI that measures the goal (`daysInAR`, `noShowRate`): its actual is then
       * computed from the log for the month of the deadline, never typed in; `metric` and `unit`
       * default to the KPI's label and unit.
       */
      kpiId: NonEmptyString,
    },
    { businessTime: 'setOn', facts: facts.SetSmartGoal },
  ),
  CloseSmartGoal: command(
    { goalId: NonEmptyString, closedOn: ISODate, outcome: GoalOutcome },
    /** The measured value; not for a goal on a KPI (computed from the log). */
    { actual: t.number },
    { businessTime: 'closedOn', facts: facts.CloseSmartGoal },
  ),
  /** The reviewer is the acting person (HR records another's review with `onBehalfOf`). */
  RecordQuarterlyReview: command(
    { quarter: NonEmptyString, reviewedOn: ISODate, rating: t.number },
    { comments: NonEmptyString },
    { businessTime: 'reviewedOn', stamps: { reviewer: 'actor' } },
  ),
});

/** Every command a StaffMember decides on, as `decide` sees it. */
export type StaffMemberCommand = CommandOf<typeof commands>;
type Cmd<K extends StaffMemberCommand['type']> = Extract<StaffMemberCommand, { type: K }>;
export type ReceiveApplication = Cmd<'ReceiveApplication'>;
export type RecordInterview = Cmd<'RecordInterview'>;
export type RecordExistingStaffMember = Cmd<'RecordExistingStaffMember'>;
export type CompleteCredentialing = Cmd<'CompleteCredentialing'>;
export type MakeOffer = Cmd<'MakeOffer'>;
export type HireStaffMember = Cmd<'HireStaffMember'>;
export type CloseApplication = Cmd<'CloseApplication'>;
export type VerifyCredential = Cmd<'VerifyCredential'>;
export type RenewCredential = Cmd<'RenewCredential'>;
export type RecordExclusionScreening = Cmd<'RecordExclusionScreening'>;
export type Recredential = Cmd<'Recredential'>;
export type AssignOnboardingTask = Cmd<'AssignOnboardingTask'>;
export type CompleteOnboardingTask = Cmd<'CompleteOnboardingTask'>;
export type SeparateStaffMember = Cmd<'SeparateStaffMember'>;
export type ChangeStaffRole = Cmd<'ChangeStaffRole'>;
export type AssignTraining = Cmd<'AssignTraining'>;
export type CompleteTraining = Cmd<'CompleteTraining'>;
export type WithdrawTraining = Cmd<'WithdrawTraining'>;
export type RecordContinuingEducation = Cmd<'RecordContinuingEducation'>;
export type RecordPolicyTraining = Cmd<'RecordPolicyTraining'>;
export type SetSmartGoal = Cmd<'SetSmartGoal'>;
export type CloseSmartGoal = Cmd<'CloseSmartGoal'>;
export type RecordQuarterlyReview = Cmd<'RecordQuarterlyReview'>;
