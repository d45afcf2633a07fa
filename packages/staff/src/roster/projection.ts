import { defineProjection, type DocUpdate, type Json, type Projection } from '@praxis/core';
import { events } from '../staff-member/events.js';
import type { StaffStatus } from '../staff-member/state.js';

/** Name of the staff roster read model. */
export const staffRosterName = 'staff-roster';

/** One completion of a training, and when it falls due again (recurring trainings). */
export interface RosterCompletion {
  readonly completedOn: string;
  readonly hours: number;
  readonly nextDueOn?: string;
}

/** A training assignment with its whole completion history (so it can be judged as of any date). */
export interface RosterTraining {
  readonly trainingId: string;
  readonly course: string;
  readonly required: boolean;
  readonly assignedOn: string;
  /** First due date, from the assignment. */
  readonly dueOn: string;
  readonly recurrenceMonths?: number;
  /** The policy the training is on: a training session on it completes the assignment. */
  readonly policyId?: string;
  readonly completions: readonly RosterCompletion[];
  readonly withdrawnOn?: string;
}

/** A credential as the roster shows it. */
export interface RosterCredential {
  readonly kind: string;
  readonly issuer: string;
  readonly number: string;
  readonly expiresOn: string;
  readonly tracked: boolean;
}

/** A role a person held from a date (until the next entry's date). */
export interface RosterRole {
  readonly role: string;
  /** The first day in that role. */
  readonly from: string;
  /** Why the role changed (absent for the role at hire). */
  readonly reason?: string;
}

/** The roster document of one person (`staff:<staffId>`). */
export interface RosterEntry {
  readonly staffId: string;
  readonly name: string;
  readonly position: string;
  readonly status: StaffStatus;
  readonly appliedOn: string;
  /** The latest role (from the hire or the latest role change, which may take effect later). */
  readonly role?: string;
  /**
   * Every role held, in date order: the role at hire from the start date, then each role
   * change from its effective date. Use `roleOn(entry, date)` for the role on a date.
   */
  readonly roles?: readonly RosterRole[];
  readonly startDate?: string;
  /** Last day of employment. */
  readonly separatedOn?: string;
  readonly voluntary?: boolean;
  /** The latest OIG exclusion check found the person excluded. */
  readonly excluded: boolean;
  readonly lastScreenedOn?: string;
  readonly credentials: Readonly<Record<string, RosterCredential>>;
  readonly trainings: Readonly<Record<string, RosterTraining>>;
  readonly continuingEducationHours: number;
  /**
   * Policy training sessions attended (`HoldPolicyTraining`), in the order recorded. Absent in
   * documents written before version 3.
   */
  readonly policyTrainings?: readonly {
    readonly policyId: string;
    readonly version: number;
    readonly sessionId: string;
    readonly attendedOn: string;
    readonly hours: number;
  }[];
  /**
   * Quarterly ratings (1–5). A rating is personal data: the read model holds it sealed, and a
   * practice's reads (`practice.readModels`, the staff queries through it) reveal it as a number —
   * or `[forgotten]` once the staff member was forgotten.
   */
  readonly reviews: readonly { readonly quarter: string; readonly rating: number | string }[];
}

/** The roster key of a staff member. */
export const rosterKey = (staffId: string): string => `staff:${staffId}`;

const change = (staffId: string, f: (r: RosterEntry) => RosterEntry): DocUpdate => ({
  key: rosterKey(staffId),
  update: (cur) => (cur === undefined ? undefined : (f(cur as unknown as RosterEntry) as unknown as Json)),
});

const withTraining = (r: RosterEntry, id: string, f: (t: RosterTraining) => RosterTraining): RosterEntry => {
  const t = r.trainings[id];
  return t === undefined ? r : { ...r, trainings: { ...r.trainings, [id]: f(t) } };
};

const withCredential = (
  r: RosterEntry,
  id: string,
  f: (c: RosterCredential) => RosterCredential,
): RosterEntry => {
  const c = r.credentials[id];
  return c === undefined ? r : { ...r, credentials: { ...r.credentials, [id]: f(c) } };
};

/**
 * The staff roster: one document per person (`staff:<staffId>`) with status, role and
 * role history, start and separation dates, credentials, and every training with its completion history —
 * enough to answer headcount, turnover and training compliance for any date.
 */
export const staffRoster: Projection = defineProjection({
  name: staffRosterName,
  // 2: role history (StaffMemberRoleChanged); 3: policy training sessions attended
  version: 3,
  events: [events],
  handlers: {
    StaffApplicationReceived: (ev) => {
      const d = ev.data;
      const entry: RosterEntry = {
        staffId: d.staffId,
        name: d.name,
        position: d.position,
        status: 'applied',
        appliedOn: d.appliedOn,
        excluded: false,
        credentials: {},
        trainings: {},
        continuingEducationHours: 0,
        reviews: [],
      };
      return [{ key: rosterKey(d.staffId), update: () => entry as unknown as Json }];
    },
    StaffInterviewed: (ev) => [change(ev.data.staffId, (r) => ({ ...r, status: 'interviewed' }))],
    StaffCredentialingCompleted: (ev) => [change(ev.data.staffId, (r) => ({ ...r, status: 'credentialed' }))],
    StaffOfferMade: (ev) => [change(ev.data.staffId, (r) => ({ ...r, status: 'offered' }))],
    StaffApplicationClosed: (ev) => [change(ev.data.staffId, (r) => ({ ...r, status: 'closed' }))],
    StaffMemberHired: (ev) => {
      const { role, startDate } = ev.data;
      return [
        change(ev.data.staffId, (r) => ({
          ...r,
          status: 'hired',
          role,
          startDate,
          roles: [{ role, from: startDate }],
        })),
      ];
    },
    StaffMemberRoleChanged: (ev) => {
      const { role, effectiveOn, reason } = ev.data;
      return [
        change(ev.data.staffId, (r) => ({
          ...r,
          role,
          roles: [...(r.roles ?? []), { role, from: effectiveOn, reason }],
        })),
      ];
    },
    StaffMemberSeparated: (ev) => {
      const { separatedOn, voluntary } = ev.data;
      return [change(ev.data.staffId, (r) => ({ ...r, status: 'separated', separatedOn, voluntary }))];
    },
    OigExclusionScreened: (ev) => {
      const { screenedOn, result } = ev.data;
      return [
        change(ev.data.staffId, (r) => ({
          ...r,
          lastScreenedOn: screenedOn,
          excluded: result === 'excluded',
        })),
      ];
    },
    StaffCredentialVerified: (ev) => {
      const { credentialId, kind, issuer, number, expiresOn } = ev.data;
      const c: RosterCredential = { kind, issuer, number, expiresOn, tracked: true };
      return [
        change(ev.data.staffId, (r) => ({ ...r, credentials: { ...r.credentials, [credentialId]: c } })),
      ];
    },
    StaffCredentialRenewed: (ev) => {
      const { credentialId, expiresOn } = ev.data;
      return [change(ev.data.staffId, (r) => withCredential(r, credentialId, (c) => ({ ...c, expiresOn })))];
    },
    StaffCredentialTrackingEnded: (ev) => {
      const { credentialId } = ev.data;
      return [
        change(ev.data.staffId, (r) => withCredential(r, credentialId, (c) => ({ ...c, tracked: false }))),
      ];
    },
    TrainingAssigned: (ev) => {
      const { trainingId, course, required, assignedOn, dueOn, recurrenceMonths, policyId } = ev.data;
      const t: RosterTraining = {
        trainingId,
        course,
        required,
        assignedOn,
        dueOn,
        ...(recurrenceMonths === undefined ? {} : { recurrenceMonths }),
        ...(policyId === undefined ? {} : { policyId }),
        completions: [],
      };
      return [change(ev.data.staffId, (r) => ({ ...r, trainings: { ...r.trainings, [trainingId]: t } }))];
    },
    PolicyTrainingAttended: (ev) => {
      const { staffId: _s, ...attended } = ev.data;
      return [
        change(ev.data.staffId, (r) => ({ ...r, policyTrainings: [...(r.policyTrainings ?? []), attended] })),
      ];
    },
    TrainingCompleted: (ev) => {
      const { trainingId, completedOn, hours, nextDueOn } = ev.data;
      const done: RosterCompletion = {
        completedOn,
        hours,
        ...(nextDueOn === undefined ? {} : { nextDueOn }),
      };
      return [
        change(ev.data.staffId, (r) =>
          withTraining(r, trainingId, (t) => ({ ...t, completions: [...t.completions, done] })),
        ),
      ];
    },
    TrainingWithdrawn: (ev) => {
      const { trainingId, withdrawnOn } = ev.data;
      return [change(ev.data.staffId, (r) => withTraining(r, trainingId, (t) => ({ ...t, withdrawnOn })))];
    },
    ContinuingEducationRecorded: (ev) => {
      const { hours } = ev.data;
      return [
        change(ev.data.staffId, (r) => ({
          ...r,
          continuingEducationHours: r.continuingEducationHours + hours,
        })),
      ];
    },
    QuarterlyReviewRecorded: (ev) => {
      const { quarter, rating } = ev.data;
      return [change(ev.data.staffId, (r) => ({ ...r, reviews: [...r.reviews, { quarter, rating }] }))];
    },
    // Events of a staff member the roster does not show (the obligations read model reads
    // recredentialing and onboarding; goals are not on the roster).
    StaffRecredentialed: 'ignored',
    OnboardingTaskAssigned: 'ignored',
    OnboardingTaskCompleted: 'ignored',
    OnboardingTaskDropped: 'ignored',
    SmartGoalSet: 'ignored',
    SmartGoalClosed: 'ignored',
  },
});
