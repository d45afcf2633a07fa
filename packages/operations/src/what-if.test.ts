import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedClock } from '@praxis/core';
import { createPractice } from '@praxis/practice';

const zone = 'America/New_York';
const pm = { id: 'pm', role: 'practice_manager' };
const at = (day: string) => `${day}T09:00:00-04:00`;

describe('whatIf: hypothetical commands on a fork of the log', () => {
  it('returns KPI deltas and the refusals the rules would give, never touching the real log', async () => {
    const p = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-05-25T09:00:00', zone),
      actor: pm,
    });
    for (const id of ['w1', 'w2'])
      expect(
        await p.strategy.createWorkItem(
          {
            workItemId: id,
            title: id,
            source: 'manual',
            impact: 'financial',
            ownerId: 'pm',
            dueOn: '2026-05-20',
          },
          { at: at('2026-05-01') },
        ),
      ).toMatchObject({ ok: true });
    await p.strategy.completeWorkItem({ workItemId: 'w1', completedOn: '2026-05-10', evidence: 'done' });
    const head = await p.store.headPosition();
    expect((await p.kpis('2026-05')).lines.find((l) => l.id === 'workCompletedByDue')?.value).toBe(50);

    const r = await p.whatIf(
      [
        {
          aggregate: 'WorkItem',
          command: {
            type: 'CompleteWorkItem',
            workItemId: 'w2',
            completedOn: '2026-05-18',
            evidence: 'done',
          },
        },
        // The rules still apply on the fork: whoever did it cannot verify it.
        { aggregate: 'WorkItem', command: { type: 'VerifyWorkItem', workItemId: 'w2' } },
        // And permissions: the auditor may issue no command.
        {
          aggregate: 'WorkItem',
          command: { type: 'VerifyWorkItem', workItemId: 'w1' },
          actor: { id: 'aud', role: 'auditor' },
        },
      ],
      { periods: ['2026-05'] },
    );
    expect(r.outcomes.map((o) => o.ok)).toEqual([true, false, false]);
    expect(r.refusals.map((o) => o.code)).toEqual(['VerifierIsDoer', 'Unauthorized']);
    // The completion, and the two refusals as the audit trail records them.
    expect(r.eventsAdded).toBe(3);
    expect(r.kpis['2026-05']?.find((k) => k.id === 'workCompletedByDue')).toMatchObject({
      before: 50,
      after: 100,
      delta: 50,
      better: true,
    });

    // The real practice is as it was.
    expect(await p.store.headPosition()).toEqual(head);
    expect((await p.kpis('2026-05')).lines.find((l) => l.id === 'workCompletedByDue')?.value).toBe(50);
    expect(await p.readModels.get('strategy-work-queue', 'item:w2')).toMatchObject({ status: 'open' });
    await expect(p.whatIf([], { periods: ['someday'] })).rejects.toMatchObject({ name: 'InvalidArgument' });
    await p.close();
  });

  it('refuses the whole batch with a typed error, before running anything, when no one would act', async () => {
    const p = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-05-25T09:00:00', zone),
    });
    const verify = { aggregate: 'WorkItem', command: { type: 'VerifyWorkItem', workItemId: 'w1' } };
    const head = await p.store.headPosition();
    await expect(p.whatIf([verify], { periods: ['2026-05'] })).rejects.toMatchObject({
      name: 'InvalidArgument',
      argument: 'commands.0.actor',
    });
    await expect(
      p.whatIf([{ ...verify, actor: { id: '', role: 'x' } }], { periods: ['2026-05'] }),
    ).rejects.toMatchObject({ name: 'InvalidArgument', argument: 'commands.0.actor' });
    // With a session actor (practice.as) or a per-command one, it runs.
    const r = await p.as(pm).whatIf([verify], { periods: ['2026-05'] });
    expect(r.refusals.map((o) => o.code)).toEqual(['WorkItemNotFound']);
    const own = await p.whatIf([{ ...verify, actor: pm }], { periods: ['2026-05'] });
    expect(own.outcomes).toHaveLength(1);
    expect(await p.store.headPosition()).toEqual(head);
    await p.close();
  });
});

describe('whatIf results are plain JSON data', () => {
  it('any batch of accepted, refused and unauthorized commands gives a result JSON.stringify round-trips (property)', async () => {
    const p = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-05-25T09:00:00', zone),
      actor: pm,
    });
    try {
      await p.strategy.createWorkItem(
        {
          workItemId: 'w1',
          title: 'w1',
          source: 'manual',
          impact: 'financial',
          ownerId: 'pm',
          dueOn: '2026-05-20',
        },
        { at: at('2026-05-01') },
      );
      const pick = fc.constantFrom(
        // accepted
        {
          aggregate: 'WorkItem',
          command: {
            type: 'CompleteWorkItem',
            workItemId: 'w1',
            completedOn: '2026-05-18',
            evidence: 'done',
          },
        },
        {
          aggregate: 'WorkItem',
          command: {
            type: 'CreateWorkItem',
            workItemId: 'w9',
            title: 'w9',
            source: 'manual',
            impact: 'financial',
            ownerId: 'pm',
            dueOn: '2026-06-20',
          },
        },
        // refused by a rule
        { aggregate: 'WorkItem', command: { type: 'VerifyWorkItem', workItemId: 'nosuch' } },
        // refused: not permitted
        {
          aggregate: 'WorkItem',
          command: { type: 'VerifyWorkItem', workItemId: 'w1' },
          actor: { id: 'aud', role: 'auditor' },
        },
        // refused: malformed
        { aggregate: 'WorkItem', command: { type: 'CompleteWorkItem', workItemId: 'w1', completedOn: 5 } },
      );
      await fc.assert(
        fc.asyncProperty(fc.array(pick, { maxLength: 4 }), async (batch) => {
          const r = await p.whatIf(batch, { periods: ['2026-05'] });
          const text = JSON.stringify(r);
          expect(JSON.parse(text)).toEqual(r);
          expect(r.outcomes).toHaveLength(batch.length);
          for (const o of r.outcomes)
            expect(Object.keys(o).sort()).toEqual(
              o.ok
                ? ['decided', 'ok', 'streamId', 'summary']
                : expect.arrayContaining([
                    'category',
                    'code',
                    'message',
                    'ok',
                    'reason',
                    'streamId',
                    'summary',
                  ]),
            );
        }),
        { numRuns: 15 },
      );
    } finally {
      await p.close();
    }
  }, 120_000);
});
