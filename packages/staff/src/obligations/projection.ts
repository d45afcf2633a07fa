import {
  obligationKey,
  type DocUpdate,
  type Json,
  type Obligation,
  type Projection,
  type RecordedEvent,
} from '@praxis/core';
import { addDays, addMonths, nextQuarter, quarterBounds, quarterOf, reviewDueOn } from '../dates.js';
import { deaRenewalWindowDays, recredentialingMonths } from '../staff-member/credentials.js';
import type { StaffMemberEvent, StaffMemberEventData } from '../staff-member/events.js';
import type { ConflictEvent } from '../conflict/events.js';

/**
 * Calendar days within which a workplace conflict should be resolved (the seed: "addressing
 * conflicts promptly"); a practice standard, not a legal deadline.
 */
export const conflictResolutionDays = 30;

/** Name of the staff obligations read model. */
export const staffObligationsName = 'staff-obligations';

const credentialNames = {
  licence: 'licence',
  'dea-registration': 'DEA registration',
  'board-certification': 'board certification',
} as const;

const put = (id: string, make: (current: Obligation | undefined) => Obligation | undefined): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) => make(cur as Obligation | undefined) as Json | undefined,
});
const patch = (id: string, change: Partial<Obligation>): DocUpdate =>
  put(id, (cur) => (cur === undefined ? undefined : { ...cur, ...change }));
const remove = (id: string): DocUpdate => ({ key: obligationKey(id), update: () => undefined });

const credentialId = (staffId: string, credentialId: string) => `credential:${staffId}:${credentialId}`;
const trainingId = (staffId: string, id: string) => `training:${staffId}:${id}`;
const goalId = (staffId: string, id: string) => `smart-goal:${staffId}:${id}`;
const oigId = (staffId: string) => `oig-screening:${staffId}`;
const recredentialId = (staffId: string) => `recredential:${staffId}`;
const onboardingId = (staffId: string, taskId: string) => `onboarding:${staffId}:${taskId}`;
const reviewId = (staffId: string) => `quarterly-review:${staffId}`;
const conflictId = (id: string) => `conflict:${id}`;

/** The quarterly review obligation for `quarter`: arises on its first day (or the start date), due a month after it. */
const reviewObligation = (
  streamId: string,
  staffId: string,
  quarter: string,
  notBefore: string,
): Obligation => {
  const first = quarterBounds(quarter)!.first;
  return {
    id: reviewId(staffId),
    module: 'staff',
    kind: 'quarterly-review',
    label: `Quarterly review ${quarter}`,
    streamId,
    owner: staffId,
    arisesAt: first > notBefore ? first : notBefore,
    dueAt: reviewDueOn(quarter)!,
  };
};

/** The quarter a rolling review obligation is for, read back from its due date (a month after the quarter). */
const quarterDue = (o: Obligation): string => quarterOf(addMonths(o.dueAt.slice(0, 10), -3));

const deaSource = 'DEA: renew up to 60 days before expiry; no handling while expired';
const oigSource = 'OIG guidance: monthly exclusion (LEIE) screening';
const ncqaSource = 'NCQA: recredential at least every 36 months';

const credentialVerified = (
  e: RecordedEvent,
  d: StaffMemberEventData<'StaffCredentialVerified'>,
): DocUpdate => {
  const dea = d.kind === 'dea-registration';
  const opens = addDays(d.expiresOn, -deaRenewalWindowDays);
  return put(credentialId(d.staffId, d.credentialId), () => ({
    id: credentialId(d.staffId, d.credentialId),
    module: 'staff',
    kind: 'credential-expiry',
    label: `Renew ${credentialNames[d.kind]} ${d.number} (${d.issuer})`,
    streamId: e.streamId,
    owner: d.staffId,
    arisesAt: dea && opens > d.verifiedOn ? opens : d.verifiedOn,
    dueAt: d.expiresOn,
    ...(dea ? { legalSource: deaSource } : {}),
  }));
};

const handleOne = (e: RecordedEvent, ev: StaffMemberEvent | ConflictEvent): readonly DocUpdate[] => {
  switch (ev.type) {
    case 'OnboardingTaskAssigned': {
      const d = ev.data;
      return [
        put(onboardingId(d.staffId, d.taskId), () => ({
          id: onboardingId(d.staffId, d.taskId),
          module: 'staff',
          kind: 'onboarding-task',
          label: `Onboarding: ${d.description}`,
          streamId: e.streamId,
          owner: d.staffId,
          arisesAt: d.assignedOn,
          dueAt: d.dueOn,
        })),
      ];
    }
    case 'OnboardingTaskCompleted':
      return [patch(onboardingId(ev.data.staffId, ev.data.taskId), { completedAt: ev.data.completedOn })];
    case 'OnboardingTaskDropped':
      return [remove(onboardingId(ev.data.staffId, ev.data.taskId))];
    case 'QuarterlyReviewRecorded': {
      // The rolling review obligation moves on once the quarter it is for has been reviewed.
      const d = ev.data;
      return [
        put(reviewId(d.staffId), (cur) => {
          if (cur === undefined || quarterDue(cur) !== d.quarter) return cur;
          const next = nextQuarter(d.quarter);
          return next === undefined ? cur : reviewObligation(e.streamId, d.staffId, next, d.reviewedOn);
        }),
      ];
    }
    case 'ConflictOpened': {
      const d = ev.data;
      return [
        put(conflictId(d.conflictId), () => ({
          id: conflictId(d.conflictId),
          module: 'staff',
          kind: 'conflict-resolution',
          label: `Resolve conflict ${d.conflictId}`,
          streamId: e.streamId,
          owner: 'hr',
          arisesAt: d.openedOn,
          dueAt: addDays(d.openedOn, conflictResolutionDays),
          impact: 'operational',
        })),
      ];
    }
    case 'ConflictResolved':
      return [patch(conflictId(ev.data.conflictId), { completedAt: ev.data.resolvedOn })];
    case 'StaffCredentialVerified':
      return [credentialVerified(e, ev.data)];
    case 'StaffCredentialRenewed': {
      const d = ev.data;
      return [
        put(credentialId(d.staffId, d.credentialId), (cur) => {
          if (cur === undefined) return undefined;
          const dea = cur.legalSource === deaSource;
          return {
            ...cur,
            dueAt: d.expiresOn,
            arisesAt: dea ? addDays(d.expiresOn, -deaRenewalWindowDays) : d.renewedOn,
          };
        }),
      ];
    }
    case 'StaffCredentialTrackingEnded':
      return [remove(credentialId(ev.data.staffId, ev.data.credentialId))];
    case 'StaffCredentialingCompleted': {
      const d = ev.data;
      if (d.credentialIds.length === 0) return [];
      return [
        put(recredentialId(d.staffId), () => ({
          id: recredentialId(d.staffId),
          module: 'staff',
          kind: 'recredentialing',
          label: 'Recredential (verify licences and certifications again)',
          streamId: e.streamId,
          owner: d.staffId,
          arisesAt: d.completedOn,
          dueAt: addMonths(d.completedOn, recredentialingMonths),
          legalSource: ncqaSource,
        })),
      ];
    }
    case 'StaffRecredentialed': {
      const on = ev.data.recredentialedOn;
      return [
        patch(recredentialId(ev.data.staffId), { arisesAt: on, dueAt: addMonths(on, recredentialingMonths) }),
      ];
    }
    case 'StaffMemberHired': {
      const d = ev.data;
      return [
        put(reviewId(d.staffId), () =>
          reviewObligation(e.streamId, d.staffId, quarterOf(d.startDate), d.startDate),
        ),
        put(oigId(d.staffId), () => ({
          id: oigId(d.staffId),
          module: 'staff',
          kind: 'oig-screening',
          label: 'Monthly OIG exclusion screening',
          streamId: e.streamId,
          owner: d.staffId,
          arisesAt: d.hiredOn,
          dueAt: addMonths(d.exclusionCheckedOn, 1),
          legalSource: oigSource,
        })),
      ];
    }
    case 'OigExclusionScreened': {
      const on = ev.data.screenedOn;
      return [patch(oigId(ev.data.staffId), { arisesAt: on, dueAt: addMonths(on, 1) })];
    }
    case 'TrainingAssigned': {
      const d = ev.data;
      return [
        put(trainingId(d.staffId, d.trainingId), () => ({
          id: trainingId(d.staffId, d.trainingId),
          module: 'staff',
          kind: 'training-due',
          label: `Complete ${d.course}`,
          streamId: e.streamId,
          owner: d.staffId,
          arisesAt: d.assignedOn,
          dueAt: d.dueOn,
          ...(d.legalSource === undefined ? {} : { legalSource: d.legalSource }),
        })),
      ];
    }
    case 'TrainingCompleted': {
      const d = ev.data;
      return [
        d.nextDueOn === undefined
          ? patch(trainingId(d.staffId, d.trainingId), { completedAt: d.completedOn })
          : patch(trainingId(d.staffId, d.trainingId), { arisesAt: d.completedOn, dueAt: d.nextDueOn }),
      ];
    }
    case 'TrainingWithdrawn':
      return [remove(trainingId(ev.data.staffId, ev.data.trainingId))];
    case 'SmartGoalSet': {
      const d = ev.data;
      return [
        put(goalId(d.staffId, d.goalId), () => ({
          id: goalId(d.staffId, d.goalId),
          module: 'staff',
          kind: 'smart-goal-deadline',
          label: `Goal: ${d.specific}`,
          streamId: e.streamId,
          owner: d.staffId,
          arisesAt: d.setOn,
          dueAt: d.deadline,
        })),
      ];
    }
    case 'SmartGoalClosed': {
      const d = ev.data;
      return [
        d.outcome === 'withdrawn'
          ? remove(goalId(d.staffId, d.goalId))
          : patch(goalId(d.staffId, d.goalId), { completedAt: d.closedOn }),
      ];
    }
    case 'StaffMemberSeparated':
    case 'StaffApplicationClosed':
      return [
        remove(oigId(ev.data.staffId)),
        remove(recredentialId(ev.data.staffId)),
        remove(reviewId(ev.data.staffId)),
      ];
    default:
      return [];
  }
};

/**
 * Every dated duty of the staff module, as `Obligation` documents under
 * `obligation:<id>` for the compliance calendar:
 * - `credential:<staffId>:<credentialId>` — credential expiry (a DEA registration's
 *   obligation arises when its 60-day renewal window opens);
 * - `recredential:<staffId>` — NCQA recredentialing, 36 months after the last one;
 * - `oig-screening:<staffId>` — monthly OIG exclusion screening, a month after the last check;
 * - `training:<staffId>:<trainingId>` — training due (recurring ones roll forward);
 * - `smart-goal:<staffId>:<goalId>` — SMART-goal deadlines;
 * - `onboarding:<staffId>:<taskId>` — onboarding tasks (dropped at a separation);
 * - `quarterly-review:<staffId>` — the next quarterly review owed (the earliest quarter from the
 *   start date not yet reviewed), due the last day of the month after the quarter; it moves on
 *   when that quarter is reviewed;
 * - `conflict:<conflictId>` — resolve a workplace conflict within `conflictResolutionDays`.
 * Obligations of a person who separates (or whose application closes) are removed.
 */
export const staffObligations: Projection = {
  name: staffObligationsName,
  // 2: onboarding tasks, quarterly reviews, conflicts
  version: 2,
  eventTypes: [
    'OnboardingTaskAssigned',
    'OnboardingTaskCompleted',
    'OnboardingTaskDropped',
    'QuarterlyReviewRecorded',
    'ConflictOpened',
    'ConflictResolved',
    'StaffCredentialVerified',
    'StaffCredentialRenewed',
    'StaffCredentialTrackingEnded',
    'StaffCredentialingCompleted',
    'StaffRecredentialed',
    'StaffMemberHired',
    'OigExclusionScreened',
    'TrainingAssigned',
    'TrainingCompleted',
    'TrainingWithdrawn',
    'SmartGoalSet',
    'SmartGoalClosed',
    'StaffMemberSeparated',
    'StaffApplicationClosed',
  ],
  handle: (e) => handleOne(e, e as unknown as StaffMemberEvent | ConflictEvent),
};
