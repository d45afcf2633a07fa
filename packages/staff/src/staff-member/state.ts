import type { CredentialKind, GoalOutcome, ScreeningResult, StaffMemberEvent } from './events.js';

/** Where a person stands in the recruitment → employment → separation lifecycle. */
export type StaffStatus =
  | 'none'
  | 'applied'
  | 'interviewed'
  | 'credentialed'
  | 'offered'
  | 'hired'
  | 'separated'
  /** The application ended without a hire (not selected, withdrew, declined the offer). */
  | 'closed';

/** A verified credential and its current expiry. */
export interface Credential {
  readonly credentialId: string;
  readonly kind: CredentialKind;
  readonly issuer: string;
  readonly number: string;
  readonly expiresOn: string;
  readonly verifiedOn: string;
  /** Set when the practice stopped tracking it (e.g. at separation). */
  readonly endedOn?: string;
}

/** One assigned training (a one-off course or a recurring requirement). */
export interface Training {
  readonly trainingId: string;
  readonly course: string;
  readonly required: boolean;
  readonly assignedOn: string;
  /** The date the next (or only) completion is due; undefined once a one-off is completed. */
  readonly dueOn: string | undefined;
  readonly recurrenceMonths?: number;
  /** The policy the training is on, if any. */
  readonly policyId?: string;
  readonly lastCompletedOn?: string;
  readonly withdrawnOn?: string;
}

/** A SMART goal and how it ended, if it has. */
export interface Goal {
  readonly goalId: string;
  readonly deadline: string;
  readonly setOn: string;
  /** A goal on a practice KPI: its id, target and which way is better. */
  readonly kpi?: { readonly kpiId: string; readonly target: number; readonly direction: string };
  readonly outcome?: GoalOutcome;
}

/** The state of one staff member, folded from their stream. */
export interface StaffMember {
  readonly status: StaffStatus;
  readonly staffId: string;
  readonly name: string;
  readonly appliedOn?: string;
  readonly interviewedOn?: string;
  readonly credentials: Readonly<Record<string, Credential>>;
  readonly lastScreening?: { readonly screenedOn: string; readonly result: ScreeningResult };
  /** Initial credentialing, then each recredentialing (NCQA: at most 36 months apart). */
  readonly credentialedOn?: string;
  readonly offer?: { readonly offeredOn: string; readonly role: string; readonly startDate: string };
  /** The latest role: from the hire, or from the latest role change (which may take effect later). */
  readonly role?: string;
  /** The effective date of the latest role change, if any. */
  readonly roleChangedOn?: string;
  /**
   * Every role held, oldest first: the hire's role from its start date, then each role change
   * from its effective date (the role on a date is `roleOn` in on-record.ts).
   */
  readonly roleHistory?: readonly { readonly role: string; readonly from: string }[];
  readonly startDate?: string;
  readonly onboarding: Readonly<
    Record<
      string,
      { readonly assignedOn: string; readonly completedOn?: string; readonly droppedOn?: string }
    >
  >;
  readonly trainings: Readonly<Record<string, Training>>;
  readonly continuingEducation: Readonly<
    Record<string, { readonly hours: number; readonly completedOn: string }>
  >;
  readonly goals: Readonly<Record<string, Goal>>;
  /** `policyId/sessionId` of every policy training session attended. */
  readonly policySessions: readonly string[];
  readonly reviewedQuarters: readonly string[];
  readonly separatedOn?: string;
}

/** Before the first event: nobody. */
export const initialState: StaffMember = {
  status: 'none',
  staffId: '',
  name: '',
  credentials: {},
  onboarding: {},
  trainings: {},
  continuingEducation: {},
  goals: {},
  policySessions: [],
  reviewedQuarters: [],
};

const updateTraining = (s: StaffMember, id: string, f: (t: Training) => Training): StaffMember => {
  const t = s.trainings[id];
  return t === undefined ? s : { ...s, trainings: { ...s.trainings, [id]: f(t) } };
};

/** Applies one event to the state (pure). */
export const evolve = (s: StaffMember, e: StaffMemberEvent): StaffMember => {
  switch (e.type) {
    case 'StaffApplicationReceived':
      return {
        ...s,
        status: 'applied',
        staffId: e.data.staffId,
        name: e.data.name,
        appliedOn: e.data.appliedOn,
      };
    case 'StaffInterviewed':
      return { ...s, status: 'interviewed', interviewedOn: e.data.interviewedOn };
    case 'StaffCredentialVerified': {
      const { credentialId, kind, issuer, number, expiresOn, verifiedOn } = e.data;
      const credential: Credential = { credentialId, kind, issuer, number, expiresOn, verifiedOn };
      return { ...s, credentials: { ...s.credentials, [credentialId]: credential } };
    }
    case 'StaffCredentialRenewed': {
      const c = s.credentials[e.data.credentialId];
      if (c === undefined) return s;
      return {
        ...s,
        credentials: { ...s.credentials, [c.credentialId]: { ...c, expiresOn: e.data.expiresOn } },
      };
    }
    case 'StaffCredentialTrackingEnded': {
      const c = s.credentials[e.data.credentialId];
      if (c === undefined) return s;
      return { ...s, credentials: { ...s.credentials, [c.credentialId]: { ...c, endedOn: e.data.endedOn } } };
    }
    case 'OigExclusionScreened':
      return { ...s, lastScreening: { screenedOn: e.data.screenedOn, result: e.data.result } };
    case 'StaffCredentialingCompleted':
      return { ...s, status: 'credentialed', credentialedOn: e.data.completedOn };
    case 'StaffRecredentialed':
      return { ...s, credentialedOn: e.data.recredentialedOn };
    case 'StaffOfferMade':
      return {
        ...s,
        status: 'offered',
        offer: { offeredOn: e.data.offeredOn, role: e.data.role, startDate: e.data.startDate },
      };
    case 'StaffApplicationClosed':
      return { ...s, status: 'closed' };
    case 'StaffMemberHired':
      return {
        ...s,
        status: 'hired',
        role: e.data.role,
        startDate: e.data.startDate,
        roleHistory: [...(s.roleHistory ?? []), { role: e.data.role, from: e.data.startDate }],
      };
    case 'StaffMemberRoleChanged':
      return {
        ...s,
        role: e.data.role,
        roleChangedOn: e.data.effectiveOn,
        roleHistory: [...(s.roleHistory ?? []), { role: e.data.role, from: e.data.effectiveOn }],
      };
    case 'OnboardingTaskAssigned':
      return { ...s, onboarding: { ...s.onboarding, [e.data.taskId]: { assignedOn: e.data.assignedOn } } };
    case 'OnboardingTaskCompleted': {
      const task = s.onboarding[e.data.taskId];
      if (task === undefined) return s;
      return {
        ...s,
        onboarding: { ...s.onboarding, [e.data.taskId]: { ...task, completedOn: e.data.completedOn } },
      };
    }
    case 'OnboardingTaskDropped': {
      const task = s.onboarding[e.data.taskId];
      if (task === undefined) return s;
      return {
        ...s,
        onboarding: { ...s.onboarding, [e.data.taskId]: { ...task, droppedOn: e.data.droppedOn } },
      };
    }
    case 'TrainingAssigned': {
      const { trainingId, course, required, assignedOn, dueOn, recurrenceMonths, policyId } = e.data;
      const training: Training = {
        trainingId,
        course,
        required,
        assignedOn,
        dueOn,
        ...(recurrenceMonths === undefined ? {} : { recurrenceMonths }),
        ...(policyId === undefined ? {} : { policyId }),
      };
      return { ...s, trainings: { ...s.trainings, [trainingId]: training } };
    }
    case 'TrainingCompleted':
      return updateTraining(s, e.data.trainingId, (t) => ({
        ...t,
        lastCompletedOn: e.data.completedOn,
        dueOn: e.data.nextDueOn,
      }));
    case 'TrainingWithdrawn':
      return updateTraining(s, e.data.trainingId, (t) => ({ ...t, withdrawnOn: e.data.withdrawnOn }));
    case 'PolicyTrainingAttended':
      return {
        ...s,
        policySessions: [...(s.policySessions ?? []), `${e.data.policyId}/${e.data.sessionId}`],
      };
    case 'ContinuingEducationRecorded':
      return {
        ...s,
        continuingEducation: {
          ...s.continuingEducation,
          [e.data.activityId]: { hours: e.data.hours, completedOn: e.data.completedOn },
        },
      };
    case 'SmartGoalSet':
      return {
        ...s,
        goals: {
          ...s.goals,
          [e.data.goalId]: {
            goalId: e.data.goalId,
            deadline: e.data.deadline,
            setOn: e.data.setOn,
            ...(e.data.kpiId === undefined
              ? {}
              : {
                  kpi: {
                    kpiId: e.data.kpiId,
                    target: e.data.target,
                    direction: e.data.direction ?? 'higher-is-better',
                  },
                }),
          },
        },
      };
    case 'SmartGoalClosed': {
      const g = s.goals[e.data.goalId];
      if (g === undefined) return s;
      return { ...s, goals: { ...s.goals, [g.goalId]: { ...g, outcome: e.data.outcome } } };
    }
    case 'QuarterlyReviewRecorded':
      return { ...s, reviewedQuarters: [...s.reviewedQuarters, e.data.quarter] };
    case 'StaffMemberSeparated':
      return { ...s, status: 'separated', separatedOn: e.data.separatedOn };
  }
};

/** Whether the person is on staff (hired and not separated). */
export const isOnStaff = (s: StaffMember): boolean => s.status === 'hired';

/**
 * Whether the person may handle controlled substances on `date`: on staff, not excluded,
 * and holding a tracked DEA registration that has not expired (DEA: no handling while
 * the registration is expired).
 */
export const mayHandleControlledSubstances = (s: StaffMember, date: string): boolean =>
  isOnStaff(s) &&
  s.lastScreening?.result !== 'excluded' &&
  Object.values(s.credentials).some(
    (c) => c.kind === 'dea-registration' && c.endedOn === undefined && c.expiresOn >= date,
  );
