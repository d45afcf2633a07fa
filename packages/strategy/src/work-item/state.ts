import type { Impact, WorkItemEvent } from './events.js';

/** Where a work item is: with its owner, offered to a delegate, accepted, done, checked. */
export type WorkItemStatus = 'none' | 'open' | 'delegated' | 'accepted' | 'completed' | 'verified';

/** A work item as its events left it. JSON-serialisable. */
export interface WorkItem {
  readonly status: WorkItemStatus;
  readonly workItemId: string;
  readonly ownerId: string;
  readonly impact: Impact;
  /** The delegate while delegated or accepted. */
  readonly delegate?: string;
  readonly completedBy?: string;
  /** The practice day it was created (`createdAt`'s date, as the work queue shows it). */
  readonly createdOn?: string;
}

export const initialState: WorkItem = { status: 'none', workItemId: '', ownerId: '', impact: 'operational' };

/** Applies one event. Pure. */
export const evolve = (s: WorkItem, e: WorkItemEvent): WorkItem => {
  switch (e.type) {
    case 'WorkItemCreated':
      return {
        status: 'open',
        workItemId: e.data.workItemId,
        ownerId: e.data.ownerId,
        impact: e.data.impact,
        createdOn: e.data.createdAt.slice(0, 10),
      };
    case 'WorkItemDelegated':
      return { ...s, status: 'delegated', delegate: e.data.to };
    case 'WorkItemAccepted':
      return { ...s, status: 'accepted' };
    case 'WorkItemDeclined': {
      const { delegate: _declined, ...rest } = s;
      return { ...rest, status: 'open' };
    }
    case 'WorkItemReprioritised':
      return { ...s, impact: e.data.impact };
    case 'WorkItemCompleted':
      return { ...s, status: 'completed', completedBy: e.data.completedBy };
    case 'WorkItemVerified':
      return { ...s, status: 'verified' };
  }
};
