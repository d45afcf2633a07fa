import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { praxis, tempDir } from '../test-support.js';

const zone = 'America/New_York';
const at = (day: string) => `${day}T09:00:00-04:00`;
const tmp = tempDir();
afterAll(() => tmp.remove());

describe('praxis goals and praxis queue', () => {
  it('prints goals against their path and the ranked queue', async () => {
    const db = join(tmp.dir, 'strategy.db');
    const p = await createPractice({
      store: `sqlite:${db}`,
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-05-04T09:00:00', zone),
      actor: { id: 'pm', role: 'practice_manager' },
    });
    const staffId = 'ana';
    for (const r of [
      await p.staff.receiveApplication({
        staffId,
        name: 'Ana Diaz',
        position: 'MA',
        appliedOn: '2026-01-05',
      }),
      await p.staff.recordInterview({
        staffId,
        interviewedOn: '2026-01-08',
        panel: ['pm', 'hr'],
        scores: [
          { interviewer: 'pm', score: 4 },
          { interviewer: 'hr', score: 4 },
        ],
      }),
      await p.staff.recordExclusionScreening({ staffId, screenedOn: '2026-01-09', result: 'clear' }),
      await p.staff.completeCredentialing({ staffId, completedOn: '2026-01-10' }),
      await p.staff.makeOffer({ staffId, offeredOn: '2026-01-12', role: 'staff', startDate: '2026-02-01' }),
      await p.staff.hireStaffMember({ staffId, hiredOn: '2026-01-15' }),
    ])
      expect(r.ok).toBe(true);
    for (const [id, done] of [
      ['m1', true],
      ['m2', false],
    ] as const) {
      await p.strategy.createWorkItem(
        {
          workItemId: id,
          title: `March ${id}`,
          source: 'manual',
          impact: 'operational',
          ownerId: 'pm',
          dueOn: '2026-03-20',
        },
        { at: at('2026-03-01') },
      );
      if (done)
        await p.strategy.completeWorkItem({ workItemId: id, completedOn: '2026-03-10', evidence: 'ok' });
    }
    expect(
      await p.strategy.draftGoal(
        {
          goalId: 'due',
          statement: 'Finish work on time',
          rationale: 'a weekly queue review',
          kpiId: 'workCompletedByDue',
          baselinePeriod: '2026-03',
          target: 90,
          deadline: '2026-06',
          ownerId: 'ana',
        },
        { at: at('2026-04-02') },
      ),
    ).toMatchObject({ ok: true });
    await p.strategy.createWorkItem(
      {
        workItemId: 'dea',
        title: 'Renew the DEA registration',
        source: 'manual',
        impact: 'legal',
        ownerId: 'pm',
        dueOn: '2026-05-06',
      },
      { at: at('2026-05-01') },
    );
    await p.close();

    const g = await praxis(['goals', '--db', db]);
    expect(g.code).toBe(0);
    expect(g.out).toContain('due: Finish work on time');
    expect(g.out).toContain('workCompletedByDue (higher-is-better) 50 in 2026-03 → 90 in 2026-06');
    expect(g.out).toMatch(/2026-06\s+2026-06-30\s+90/);

    const q = await praxis(['queue', '--db', db, '--as-of', '2026-05-04']);
    expect(q.code).toBe(0);
    // The legal item due in two days (4 × 3) outranks the overdue operational one (2 × 4).
    const lines = q.out.split('\n');
    const dea = lines.findIndex((l) => l.includes('Renew the DEA registration'));
    const march = lines.findIndex((l) => l.includes('March m2'));
    expect(dea).toBeGreaterThan(0);
    expect(march).toBeGreaterThan(dea);
    expect(lines[dea]).toMatch(/^\s*12\s+legal \(reg\)\s+2026-05-06\s+this-week/);
    expect(q.out).not.toContain('March m1');
    expect((await praxis(['queue', '--db', db, '--as-of', 'soon'])).code).not.toBe(0);

    // What-if: complete the open March item and verify it as its doer, on a fork only.
    const file = join(tmp.dir, 'whatif.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          aggregate: 'WorkItem',
          command: { type: 'CompleteWorkItem', workItemId: 'm2', completedOn: '2026-03-19', evidence: 'ok' },
        },
        { aggregate: 'WorkItem', command: { type: 'VerifyWorkItem', workItemId: 'm2' } },
      ]),
    );
    const w = await praxis(['whatif', file, '--period', '2026-03', '--db', db]);
    expect(w.code).toBe(0);
    expect(w.out).toContain('WorkItem-m2: WorkItemCompleted');
    expect(w.out).toContain('refused (VerifierIsDoer)');
    expect(w.out).toMatch(/Work completed by due date %: 50.0% → 100.0% \(\+50.0%, better\)/);
    const again = await praxis(['goals', '--db', db, '--format', 'json']);
    expect(again.code).toBe(0);
    const q2 = await praxis(['queue', '--db', db, '--as-of', '2026-05-04']);
    expect(q2.out).toContain('March m2');
    expect(w.out).toContain('1 of 2 commands refused');
    // Every command refused: nothing hypothetical happened, the exit says so.
    const refused = join(tmp.dir, 'refused.json');
    writeFileSync(
      refused,
      JSON.stringify([{ aggregate: 'WorkItem', command: { type: 'VerifyWorkItem', workItemId: 'nope' } }]),
    );
    const r = await praxis(['whatif', refused, '--period', '2026-03', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('every command (1) was refused');
    expect((await praxis(['whatif', file, '--db', db])).code).toBe(2);
    expect((await praxis(['whatif', file, '--period', 'soon', '--db', db])).code).toBe(2);
  });
});
