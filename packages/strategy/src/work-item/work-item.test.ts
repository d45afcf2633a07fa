import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { obligationKey, periodOf, type KpiContext, type Obligation } from '@praxis/core';
import { runThrough } from '../test-support.js';
import { strategyObligations } from '../obligations.js';
import {
  decider,
  rankQueue,
  strategyWorkQueue,
  workItemKpis,
  type WorkItemCommand,
  type WorkItemView,
} from './index.js';

const at = '2026-05-04T09:00:00-04:00';
const c = (x: Record<string, unknown>) => ({ at, ...x }) as unknown as WorkItemCommand;
const create = (id: string, over: Record<string, unknown> = {}) =>
  c({
    type: 'CreateWorkItem',
    workItemId: id,
    title: `Item ${id}`,
    source: 'manual',
    impact: 'financial',
    ownerId: 'pm',
    sourceObligation: null,
    createdBy: 'pm',
    ...over,
  });
const delegate = (over: Record<string, unknown> = {}) =>
  c({
    type: 'DelegateWorkItem',
    to: 'ana',
    expectations: 'All Q1 denials appealed or written off',
    dueOn: '2026-05-20',
    delegateActive: true,
    delegatedBy: 'pm',
    ...over,
  });

const outcome = (history: readonly WorkItemCommand[], cmd: WorkItemCommand) => {
  let s = decider.initialState;
  for (const h of history) {
    const r = decider.decide(h, s);
    if (r._tag === 'Left') throw new Error(`${h.type}: ${r.left.code}`);
    for (const e of r.right) s = decider.evolve(s, e);
  }
  const r = decider.decide(cmd, s);
  return r._tag === 'Left' ? [r.left.code, r.left.field] : r.right.map((e) => e.type);
};

describe('WorkItem: delegation (the seed, tip 2)', () => {
  it('needs expectations and a due date, and an active delegate other than oneself', () => {
    expect(outcome([create('w')], delegate({ expectations: ' ' }))).toEqual([
      'ExpectationsMissing',
      'expectations',
    ]);
    expect(outcome([create('w')], delegate({ dueOn: undefined }))).toEqual(['ExpectationsMissing', 'dueOn']);
    expect(outcome([create('w')], delegate({ delegateActive: false }))).toEqual(['DelegateNotActive', 'to']);
    expect(outcome([create('w')], delegate({ to: 'pm' }))).toEqual(['DelegateIsSelf', 'to']);
    expect(outcome([create('w')], delegate())).toEqual(['WorkItemDelegated']);
    expect(outcome([create('w'), delegate()], delegate({ to: 'bo' }))).toEqual([
      'DelegationPending',
      undefined,
    ]);
  });

  it('is accepted or declined only by the delegate', () => {
    const h = [create('w'), delegate()];
    expect(outcome(h, c({ type: 'AcceptWorkItem', acceptedBy: 'bo' }))).toEqual([
      'NotTheDelegate',
      undefined,
    ]);
    expect(outcome(h, c({ type: 'AcceptWorkItem', acceptedBy: 'ana' }))).toEqual(['WorkItemAccepted']);
    expect(outcome(h, c({ type: 'DeclineWorkItem', declinedBy: 'pm', reason: 'x' }))).toEqual([
      'NotTheDelegate',
      undefined,
    ]);
    expect(outcome(h, c({ type: 'DeclineWorkItem', declinedBy: 'ana', reason: '' }))).toEqual([
      'ReasonRequired',
      'reason',
    ]);
    const declined = [...h, c({ type: 'DeclineWorkItem', declinedBy: 'ana', reason: 'on leave' })];
    // Declined: back with the owner, who may delegate again.
    expect(outcome(declined, delegate({ to: 'bo' }))).toEqual(['WorkItemDelegated']);
    expect(outcome([create('w')], c({ type: 'AcceptWorkItem', acceptedBy: 'ana' }))).toEqual([
      'NothingToAnswer',
      undefined,
    ]);
  });

  it('is completed with evidence (not while a delegation is unanswered) and verified by someone else', () => {
    const complete = (by: string, evidence = 'appeal log') =>
      c({ type: 'CompleteWorkItem', completedOn: '2026-05-18', evidence, completedBy: by });
    const h = [create('w'), delegate()];
    expect(outcome(h, complete('ana'))).toEqual(['DelegationPending', undefined]);
    const accepted = [...h, c({ type: 'AcceptWorkItem', acceptedBy: 'ana' })];
    expect(outcome(accepted, complete('ana', ''))).toEqual(['EvidenceMissing', 'evidence']);
    const done = [...accepted, complete('ana')];
    expect(outcome(done, c({ type: 'VerifyWorkItem', verifiedBy: 'ana' }))).toEqual([
      'VerifierIsDoer',
      'verifiedBy',
    ]);
    expect(outcome(done, c({ type: 'VerifyWorkItem', verifiedBy: 'pm' }))).toEqual(['WorkItemVerified']);
    expect(outcome(done, complete('ana'))).toEqual(['WorkItemClosed', undefined]);
    expect(outcome(h, c({ type: 'VerifyWorkItem', verifiedBy: 'pm' }))).toEqual([
      'WorkItemNotCompleted',
      undefined,
    ]);
  });

  it('reprioritises with a reason; an item from an obligation inherits its due date and impact', () => {
    const re = (impact: string, reason = 'payer deadline') =>
      c({ type: 'ReassessPriority', impact, reason, reprioritisedBy: 'pm' });
    expect(outcome([create('w')], re('legal', ''))).toEqual(['ReasonRequired', 'reason']);
    expect(outcome([create('w')], re('financial'))).toEqual(['PriorityUnchanged', 'impact']);
    expect(outcome([create('w')], re('legal'))).toEqual(['WorkItemReprioritised']);
    expect(outcome([], create('w', { source: 'obligation' }))).toEqual(['SourceRefMissing', 'sourceRef']);
    expect(outcome([], create('w', { source: 'obligation', sourceRef: 'staff-obligations/x' }))).toEqual([
      'ObligationNotFound',
      'sourceRef',
    ]);
    const r = decider.decide(
      create('w', {
        source: 'obligation',
        sourceRef: 'staff-obligations/credential:s1:lic',
        dueOn: '2027-01-01',
        sourceObligation: { dueOn: '2026-06-30', impact: 'legal' },
      }),
      decider.initialState,
    );
    expect(r._tag === 'Right' && r.right[0]?.data).toMatchObject({ dueOn: '2026-06-30', impact: 'legal' });
  });
});

describe('strategy-work-queue: impact × urgency, regulatory first', () => {
  const view = (id: string, impact: WorkItemView['impact'], dueOn?: string): WorkItemView => ({
    workItemId: id,
    title: id,
    source: 'manual',
    impact,
    ownerId: 'pm',
    assignee: 'pm',
    status: 'open',
    createdOn: '2026-05-01',
    delegated: false,
    ...(dueOn === undefined ? {} : { dueOn }),
  });
  const obligation = (
    id: string,
    dueAt: string,
    extra: Partial<Obligation> = {},
  ): Obligation & { projection: string } => ({
    id,
    module: 'staff',
    kind: 'k',
    label: id,
    streamId: 's',
    arisesAt: '2026-01-01',
    dueAt,
    projection: 'staff-obligations',
    ...extra,
  });

  it('ranks work items and obligations together by impact weight × urgency weight', () => {
    const q = rankQueue({
      today: '2026-05-04',
      items: [
        view('overdue-financial', 'financial', '2026-05-01'), // 3 × 4 = 12
        view('week-legal', 'legal', '2026-05-08'), // 4 × 3 = 12, regulatory: before the one above
        view('month-operational', 'operational', '2026-05-30'), // 2 × 2 = 4
        view('undated-safety', 'patient-safety'), // 4 × 1 = 4: ties, and an undated item goes after a dated one
        { ...view('done', 'legal', '2026-05-01'), status: 'completed', completedOn: '2026-05-02' },
      ],
      obligations: [
        obligation('dea', '2026-05-02', { legalSource: 'DEA' }), // no impact, legal source → legal, overdue: 16
        obligation('later', '2026-09-01'), // operational × later = 2
        obligation('met', '2026-05-01', { completedAt: '2026-04-30' }),
        obligation('future', '2026-12-01', { arisesAt: '2026-11-01' }),
      ],
    });
    expect(q.entries.map((e) => [e.ref, e.rank])).toEqual([
      ['staff-obligations/dea', 16],
      ['week-legal', 12],
      ['overdue-financial', 12],
      ['month-operational', 4],
      ['undated-safety', 4],
      ['staff-obligations/later', 2],
    ]);
    expect(q.load).toEqual({ pm: 4, '(unassigned)': 2 });
  });

  it('lets a work item made from an obligation stand for it', () => {
    const q = rankQueue({
      today: '2026-05-04',
      items: [
        { ...view('w', 'legal', '2026-05-02'), source: 'obligation', sourceRef: 'staff-obligations/dea' },
      ],
      obligations: [obligation('dea', '2026-05-02', { legalSource: 'DEA' })],
    });
    expect(q.entries.map((e) => e.ref)).toEqual(['w']);
  });
});

describe('work-item read models and KPIs', () => {
  const ctx = (reader: KpiContext['reader'], label: string): KpiContext => ({
    reader,
    period: periodOf(label, 'America/New_York'),
    basis: 'as-reported',
    projections: [],
    memo: (_k, load) => load(),
    shared: (_k, load) => load(reader),
  });
  const kpi = (id: string) => workItemKpis.find((k) => k.id === id)!;

  it('tracks the delegate’s answer obligation and the KPIs of due, delegated, age and overdue', async () => {
    const r = runThrough(decider, [strategyWorkQueue, strategyObligations]);
    r.send('a', create('a', { dueOn: '2026-05-10', impact: 'legal' }), at);
    r.send('a', delegate({ dueOn: '2026-05-15' }), at);
    const answer = (await r.model.get(
      'strategy-obligations',
      obligationKey('work-item-answer:a'),
    )) as unknown as Obligation;
    expect(answer).toMatchObject({ owner: 'ana', arisesAt: '2026-05-04', dueAt: '2026-05-07' });
    expect(answer.completedAt).toBeUndefined();
    r.send('a', c({ type: 'AcceptWorkItem', acceptedBy: 'ana', at: '2026-05-05T10:00:00-04:00' }), at);
    expect(
      (
        (await r.model.get(
          'strategy-obligations',
          obligationKey('work-item-answer:a'),
        )) as unknown as Obligation
      ).completedAt,
    ).toBe('2026-05-05T10:00:00-04:00');
    r.send(
      'a',
      c({ type: 'CompleteWorkItem', completedOn: '2026-05-14', evidence: 'done', completedBy: 'ana' }),
      at,
    );
    r.send('b', create('b', { dueOn: '2026-05-20', impact: 'patient-safety' }), at);
    r.send('c', create('c', { dueOn: '2026-06-20' }), '2026-05-20T09:00:00-04:00');

    const view = (await r.model.get('strategy-work-queue', 'item:a')) as unknown as WorkItemView;
    expect(view).toMatchObject({
      status: 'completed',
      assignee: 'ana',
      dueOn: '2026-05-15',
      delegated: true,
    });
    // Due in May: a (on time, 05-14 ≤ 05-15) and b (open) → 50 %.
    expect(await kpi('workCompletedByDue').compute(ctx(r.model, '2026-05'))).toBe(50);
    expect(await kpi('workDelegatedShare').compute(ctx(r.model, '2026-05'))).toBeCloseTo(100 / 3, 6);
    // Open on 05-31: b (27 days old) and c (27 days old: created 05-04 as `at` says).
    expect(await kpi('openWorkItemAge').compute(ctx(r.model, '2026-05'))).toBe(27);
    expect(await kpi('overdueHighImpactWork').compute(ctx(r.model, '2026-05'))).toBe(1);
    expect(await kpi('workCompletedByDue').compute(ctx(r.model, '2026-04'))).toBeUndefined();
  });
});

describe('WorkItem: completion is not dated before creation', () => {
  it('refuses completedOn before the creation day (2026-05-04) naming the field, accepts it from that day (property)', () => {
    const day = (n: number) => new Date(Date.UTC(2026, 3, 1) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }), (n) => {
        const completedOn = day(n);
        const r = outcome(
          [create('w')],
          c({ type: 'CompleteWorkItem', completedOn, evidence: 'log', completedBy: 'pm' }),
        );
        expect(r).toEqual(
          completedOn < '2026-05-04' ? ['CompletedBeforeCreated', 'completedOn'] : ['WorkItemCompleted'],
        );
      }),
    );
  });
});
