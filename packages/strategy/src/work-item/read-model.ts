import {
  obligationKey,
  type DocUpdate,
  type Json,
  type Obligation,
  type Projection,
  type RecordedEvent,
} from '@praxis/core';
import { addDays } from '../periods.js';
import { events, type Impact, type Source, type WorkItemEvent } from './events.js';
import type { WorkItemStatus } from './state.js';

/** Name of the work-queue read model. */
export const strategyWorkQueueName = 'strategy-work-queue';

/** A work item as `strategy-work-queue` keeps it, under `item:<workItemId>`. */
export interface WorkItemView {
  readonly workItemId: string;
  readonly title: string;
  readonly source: Source;
  readonly sourceRef?: string;
  readonly impact: Impact;
  readonly ownerId: string;
  /** Who has it now: the delegate while delegated or accepted, else the owner. */
  readonly assignee: string;
  readonly status: Exclude<WorkItemStatus, 'none'>;
  /** Due date: the creation's, then the latest delegation's. */
  readonly dueOn?: string;
  readonly createdOn: string;
  /** Whether it was ever delegated. */
  readonly delegated: boolean;
  readonly expectations?: string;
  readonly completedOn?: string;
  readonly completedBy?: string;
  readonly verifiedOn?: string;
  readonly verifiedBy?: string;
}

const itemKey = (id: string) => `item:${id}`;
const day = (instant: string) => instant.slice(0, 10);
const update = (id: string, f: (v: WorkItemView) => WorkItemView): DocUpdate => ({
  key: itemKey(id),
  update: (cur) => (cur === undefined ? undefined : (f(cur as unknown as WorkItemView) as unknown as Json)),
});

const itemDoc = (ev: WorkItemEvent): readonly DocUpdate[] => {
  switch (ev.type) {
    case 'WorkItemCreated': {
      const d = ev.data;
      const view: WorkItemView = {
        workItemId: d.workItemId,
        title: d.title,
        source: d.source,
        impact: d.impact,
        ownerId: d.ownerId,
        assignee: d.ownerId,
        status: 'open',
        createdOn: day(d.createdAt),
        delegated: false,
        ...(d.sourceRef === undefined ? {} : { sourceRef: d.sourceRef }),
        ...(d.dueOn === undefined ? {} : { dueOn: d.dueOn }),
      };
      return [{ key: itemKey(d.workItemId), update: () => view as unknown as Json }];
    }
    case 'WorkItemDelegated':
      return [
        update(ev.data.workItemId, (v) => ({
          ...v,
          status: 'delegated',
          assignee: ev.data.to,
          dueOn: ev.data.dueOn,
          delegated: true,
          expectations: ev.data.expectations,
        })),
      ];
    case 'WorkItemAccepted':
      return [update(ev.data.workItemId, (v) => ({ ...v, status: 'accepted' }))];
    case 'WorkItemDeclined':
      return [update(ev.data.workItemId, (v) => ({ ...v, status: 'open', assignee: v.ownerId }))];
    case 'WorkItemReprioritised':
      return [update(ev.data.workItemId, (v) => ({ ...v, impact: ev.data.impact }))];
    case 'WorkItemCompleted':
      return [
        update(ev.data.workItemId, (v) => ({
          ...v,
          status: 'completed',
          completedOn: ev.data.completedOn,
          completedBy: ev.data.completedBy,
        })),
      ];
    case 'WorkItemVerified':
      return [
        update(ev.data.workItemId, (v) => ({
          ...v,
          status: 'verified',
          verifiedOn: day(ev.data.verifiedAt),
          verifiedBy: ev.data.verifiedBy,
        })),
      ];
  }
};

/** Read model `strategy-work-queue`: one `WorkItemView` per item (rank it with `rankQueue`). */
export const strategyWorkQueue: Projection = {
  name: strategyWorkQueueName,
  version: 1,
  eventTypes: events.types,
  handle: (e: RecordedEvent) => itemDoc(e as unknown as WorkItemEvent),
};

/** Calendar days a delegate has to accept or decline. */
export const delegationAnswerDays = 3;

const answerId = (workItemId: string) => `work-item-answer:${workItemId}`;

/**
 * The work items' obligations (in `strategy-obligations`): a delegate answers a delegation
 * (`work-item-answer:<item>`) within `delegationAnswerDays` calendar days.
 */
export const workItemObligations = (e: RecordedEvent): readonly DocUpdate[] => {
  const ev = e as unknown as WorkItemEvent;
  switch (ev.type) {
    case 'WorkItemDelegated': {
      const d = ev.data;
      const o: Obligation = {
        id: answerId(d.workItemId),
        module: 'strategy',
        kind: 'work-item-answer',
        label: `Accept or decline work item ${d.workItemId} delegated by ${d.delegatedBy}`,
        streamId: e.streamId,
        owner: d.to,
        arisesAt: day(d.delegatedAt),
        dueAt: addDays(day(d.delegatedAt), delegationAnswerDays),
        impact: 'operational',
      };
      return [{ key: obligationKey(o.id), update: () => o as unknown as Json }];
    }
    case 'WorkItemAccepted':
    case 'WorkItemDeclined': {
      const at = ev.type === 'WorkItemAccepted' ? ev.data.acceptedAt : ev.data.declinedAt;
      return [
        {
          key: obligationKey(answerId(ev.data.workItemId)),
          update: (cur) =>
            cur === undefined ? undefined : ({ ...(cur as object), completedAt: at } as Json),
        },
      ];
    }
    default:
      return [];
  }
};
