import { accept, reject, type Decision } from '@praxis/core';
import type {
  AcceptWorkItem,
  CompleteWorkItem,
  CreateWorkItem,
  DeclineWorkItem,
  DelegateWorkItem,
  ReassessPriority,
  VerifyWorkItem,
  WorkItemCommand,
} from './commands.js';
import { events, type WorkItemEvent } from './events.js';
import type { WorkItem } from './state.js';
export type * from './commands.js';

type D = Decision<WorkItemEvent>;

const blank = (s: string) => s.trim() === '';
const notFound = (s: WorkItem): D | undefined =>
  s.status === 'none' ? reject('WorkItemNotFound', 'no such work item') : undefined;
const closed = (s: WorkItem): D | undefined =>
  notFound(s) ??
  (s.status === 'completed' || s.status === 'verified'
    ? reject('WorkItemClosed', `the work item is ${s.status}`)
    : undefined);

/**
 * A work item has a title, an impact and an owner; one created from an obligation
 * (`source: 'obligation'`, `sourceRef` naming it) inherits its due date and impact (MODULES.md S5).
 */
const create = (c: CreateWorkItem, s: WorkItem): D => {
  if (s.status !== 'none') return reject('WorkItemExists', `work item ${c.workItemId} exists`, 'workItemId');
  let dueOn = c.dueOn;
  let impact = c.impact;
  if (c.source === 'obligation') {
    if (c.sourceRef === undefined)
      return reject('SourceRefMissing', 'name the obligation (<projection>/<obligation id>)', 'sourceRef');
    if (c.sourceObligation === null)
      return reject('ObligationNotFound', `no obligation ${c.sourceRef.slice(0, 80)}`, 'sourceRef');
    dueOn = c.sourceObligation.dueOn;
    impact = c.sourceObligation.impact ?? impact;
  }
  return accept(
    events.make('WorkItemCreated', {
      workItemId: c.workItemId,
      title: c.title.trim(),
      source: c.source,
      impact,
      ownerId: c.ownerId,
      createdBy: c.createdBy,
      createdAt: c.at,
      ...(c.sourceRef === undefined ? {} : { sourceRef: c.sourceRef }),
      ...(dueOn === undefined ? {} : { dueOn }),
    }),
  );
};

/**
 * Delegation (the seed's tip 2): a definition of done and a due date are required
 * (`ExpectationsMissing`), the delegate is active staff (`DelegateNotActive`) and someone else.
 */
const delegate = (c: DelegateWorkItem, s: WorkItem): D => {
  const bad = closed(s);
  if (bad !== undefined) return bad;
  if (s.status === 'delegated')
    return reject('DelegationPending', `${s.delegate ?? ''} has not answered the delegation yet`);
  if (s.status === 'accepted') return reject('AlreadyDelegated', `${s.delegate ?? ''} accepted the item`);
  if (blank(c.expectations))
    return reject('ExpectationsMissing', 'say what done looks like (expectations)', 'expectations');
  if (c.dueOn === undefined) return reject('ExpectationsMissing', 'say when it is due (dueOn)', 'dueOn');
  if (c.to === c.delegatedBy) return reject('DelegateIsSelf', 'delegate to someone else', 'to');
  if (!c.delegateActive) return reject('DelegateNotActive', `${c.to} is not active staff`, 'to');
  return accept(
    events.make('WorkItemDelegated', {
      workItemId: s.workItemId,
      to: c.to,
      expectations: c.expectations.trim(),
      dueOn: c.dueOn,
      delegatedBy: c.delegatedBy,
      delegatedAt: c.at,
    }),
  );
};

const answerable = (s: WorkItem, by: string): D | undefined =>
  notFound(s) ??
  (s.status !== 'delegated'
    ? reject('NothingToAnswer', 'the item is not waiting for a delegate’s answer')
    : by !== s.delegate
      ? reject('NotTheDelegate', `only ${s.delegate ?? ''}, the delegate, may answer`)
      : undefined);

/** Only the delegate accepts (the acting person of the call). */
const acceptItem = (c: AcceptWorkItem, s: WorkItem): D =>
  answerable(s, c.acceptedBy) ??
  accept(
    events.make('WorkItemAccepted', { workItemId: s.workItemId, acceptedBy: c.acceptedBy, acceptedAt: c.at }),
  );

/** Only the delegate declines, with a reason; the item returns to its owner. */
const declineItem = (c: DeclineWorkItem, s: WorkItem): D =>
  answerable(s, c.declinedBy) ??
  (blank(c.reason)
    ? reject('ReasonRequired', 'say why the item is declined', 'reason')
    : accept(
        events.make('WorkItemDeclined', {
          workItemId: s.workItemId,
          declinedBy: c.declinedBy,
          reason: c.reason.trim(),
          declinedAt: c.at,
        }),
      ));

/** Priorities are reassessed with a reason (the seed: "regularly reassess"). */
const reassess = (c: ReassessPriority, s: WorkItem): D =>
  closed(s) ??
  (blank(c.reason)
    ? reject('ReasonRequired', 'say why the priority changes', 'reason')
    : c.impact === s.impact
      ? reject('PriorityUnchanged', `the impact is already ${s.impact}`, 'impact')
      : accept(
          events.make('WorkItemReprioritised', {
            workItemId: s.workItemId,
            previousImpact: s.impact,
            impact: c.impact,
            reason: c.reason.trim(),
            reprioritisedBy: c.reprioritisedBy,
            reprioritisedAt: c.at,
          }),
        ));

/** Completed with evidence, not dated before it was created; not while a delegation waits for an answer. */
const complete = (c: CompleteWorkItem, s: WorkItem): D =>
  closed(s) ??
  (s.status === 'delegated'
    ? reject('DelegationPending', `${s.delegate ?? ''} has not answered the delegation yet`)
    : s.createdOn !== undefined && c.completedOn < s.createdOn
      ? reject(
          'CompletedBeforeCreated',
          `completedOn ${c.completedOn} is before the item was created on ${s.createdOn}`,
          'completedOn',
        )
      : blank(c.evidence)
        ? reject('EvidenceMissing', 'say what shows the work is done (evidence)', 'evidence')
        : accept(
            events.make('WorkItemCompleted', {
              workItemId: s.workItemId,
              completedOn: c.completedOn,
              evidence: c.evidence.trim(),
              completedBy: c.completedBy,
            }),
          ));

/** Verified by someone other than whoever completed it (as compliance CAPA). */
const verify = (c: VerifyWorkItem, s: WorkItem): D =>
  notFound(s) ??
  (s.status !== 'completed'
    ? reject('WorkItemNotCompleted', `the work item is ${s.status}`)
    : c.verifiedBy === s.completedBy
      ? reject('VerifierIsDoer', 'whoever did the work cannot verify it', 'verifiedBy')
      : accept(
          events.make('WorkItemVerified', {
            workItemId: s.workItemId,
            verifiedBy: c.verifiedBy,
            verifiedAt: c.at,
          }),
        ));

/** Decides a WorkItem command. Pure. */
export const decide = (c: WorkItemCommand, s: WorkItem): D => {
  switch (c.type) {
    case 'CreateWorkItem':
      return create(c, s);
    case 'DelegateWorkItem':
      return delegate(c, s);
    case 'AcceptWorkItem':
      return acceptItem(c, s);
    case 'DeclineWorkItem':
      return declineItem(c, s);
    case 'ReassessPriority':
      return reassess(c, s);
    case 'CompleteWorkItem':
      return complete(c, s);
    case 'VerifyWorkItem':
      return verify(c, s);
  }
};
