import type { DocUpdate, Json, Projection, RecordedEvent } from '@praxis/core';
import type { StaffMemberEvent } from '../staff-member/events.js';
import type { ConflictEvent } from '../conflict/events.js';

/** Name of the staff supervision read model. */
export const staffSupervisionName = 'staff-supervision';

/** One onboarding task (document `onboarding:<staffId>:<taskId>`). */
export interface OnboardingDoc {
  readonly staffId: string;
  readonly taskId: string;
  readonly description: string;
  readonly assignedOn: string;
  readonly dueOn: string;
  readonly completedOn?: string;
  /** The person separated with the task open: it is no longer owed. */
  readonly droppedOn?: string;
}

/**
 * One person's quarterly reviews (document `reviews:<staffId>`): the dates that decide which
 * quarters they owe a review for, and the date each quarter was reviewed. The rating and comments
 * are personal and stay in the staff roster (sealed); this document holds dates only.
 */
export interface ReviewsDoc {
  readonly staffId: string;
  readonly startDate: string;
  /** Last day of employment. */
  readonly separatedOn?: string;
  /** Quarter (`2026-Q1`) → the date it was reviewed. */
  readonly reviewed: Readonly<Record<string, string>>;
}

/** One workplace conflict (document `conflict:<conflictId>`); its free text stays in the log, sealed. */
export interface ConflictDoc {
  readonly conflictId: string;
  readonly parties: readonly string[];
  readonly openedOn: string;
  readonly status: 'open' | 'mediated' | 'escalated' | 'resolved';
  readonly mediatedOn?: string;
  readonly escalatedOn?: string;
  readonly resolvedOn?: string;
}

const update = <D>(key: string, f: (cur: D | undefined) => D | undefined): DocUpdate => ({
  key,
  update: (cur) => f(cur as unknown as D | undefined) as unknown as Json | undefined,
});
const change = <D>(key: string, f: (cur: D) => D): DocUpdate =>
  update<D>(key, (cur) => (cur === undefined ? undefined : f(cur)));

/** Key of an onboarding task. */
export const onboardingKey = (staffId: string, taskId: string): string => `onboarding:${staffId}:${taskId}`;
/** Key of a person's reviews. */
export const reviewsKey = (staffId: string): string => `reviews:${staffId}`;
/** Key of a conflict. */
export const conflictKey = (conflictId: string): string => `conflict:${conflictId}`;

const handle = (ev: StaffMemberEvent | ConflictEvent): readonly DocUpdate[] => {
  switch (ev.type) {
    case 'OnboardingTaskAssigned': {
      const d = ev.data;
      const doc: OnboardingDoc = {
        staffId: d.staffId,
        taskId: d.taskId,
        description: d.description,
        assignedOn: d.assignedOn,
        dueOn: d.dueOn,
      };
      return [update<OnboardingDoc>(onboardingKey(d.staffId, d.taskId), () => doc)];
    }
    case 'OnboardingTaskCompleted': {
      const d = ev.data;
      return [
        change<OnboardingDoc>(onboardingKey(d.staffId, d.taskId), (t) => ({
          ...t,
          completedOn: d.completedOn,
        })),
      ];
    }
    case 'OnboardingTaskDropped': {
      const d = ev.data;
      return [
        change<OnboardingDoc>(onboardingKey(d.staffId, d.taskId), (t) => ({ ...t, droppedOn: d.droppedOn })),
      ];
    }
    case 'StaffMemberHired': {
      const d = ev.data;
      const doc: ReviewsDoc = { staffId: d.staffId, startDate: d.startDate, reviewed: {} };
      return [update<ReviewsDoc>(reviewsKey(d.staffId), () => doc)];
    }
    case 'QuarterlyReviewRecorded': {
      const d = ev.data;
      return [
        change<ReviewsDoc>(reviewsKey(d.staffId), (r) => ({
          ...r,
          reviewed: { ...r.reviewed, [d.quarter]: d.reviewedOn },
        })),
      ];
    }
    case 'StaffMemberSeparated': {
      const d = ev.data;
      return [change<ReviewsDoc>(reviewsKey(d.staffId), (r) => ({ ...r, separatedOn: d.separatedOn }))];
    }
    case 'ConflictOpened': {
      const d = ev.data;
      const doc: ConflictDoc = {
        conflictId: d.conflictId,
        parties: d.parties,
        openedOn: d.openedOn,
        status: 'open',
      };
      return [update<ConflictDoc>(conflictKey(d.conflictId), () => doc)];
    }
    case 'ConflictMediated': {
      const d = ev.data;
      return [
        change<ConflictDoc>(conflictKey(d.conflictId), (c) => ({
          ...c,
          status: 'mediated',
          mediatedOn: c.mediatedOn ?? d.mediatedOn,
        })),
      ];
    }
    case 'ConflictEscalated': {
      const d = ev.data;
      return [
        change<ConflictDoc>(conflictKey(d.conflictId), (c) => ({
          ...c,
          status: 'escalated',
          escalatedOn: d.escalatedOn,
        })),
      ];
    }
    case 'ConflictResolved': {
      const d = ev.data;
      return [
        change<ConflictDoc>(conflictKey(d.conflictId), (c) => ({
          ...c,
          status: 'resolved',
          resolvedOn: d.resolvedOn,
        })),
      ];
    }
    default:
      return [];
  }
};

/**
 * The staff supervision read model: onboarding tasks (`onboarding:<staffId>:<taskId>`), each
 * person's quarterly reviews (`reviews:<staffId>`) and workplace conflicts
 * (`conflict:<conflictId>`), dated so that the supervision KPIs can be asked for any period.
 * It holds no personal text: descriptions of conflicts, ratings and comments stay sealed in the
 * log and the roster.
 */
export const staffSupervision: Projection = {
  name: staffSupervisionName,
  version: 1,
  eventTypes: [
    'OnboardingTaskAssigned',
    'OnboardingTaskCompleted',
    'OnboardingTaskDropped',
    'StaffMemberHired',
    'QuarterlyReviewRecorded',
    'StaffMemberSeparated',
    'ConflictOpened',
    'ConflictMediated',
    'ConflictEscalated',
    'ConflictResolved',
  ],
  handle: (e: RecordedEvent) => handle(e as unknown as StaffMemberEvent | ConflictEvent),
};
