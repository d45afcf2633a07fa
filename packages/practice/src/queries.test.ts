import { describe, expect, it } from 'vitest';
import { fixedClock } from '@praxis/core';
import { createPractice } from './create.js';
import { hireForTest } from './test-staff.js';

const zone = 'America/Chicago';
const open = () =>
  createPractice({
    store: 'memory:',
    timeZone: zone,
    currency: 'USD',
    clock: fixedClock('2025-01-02T09:00:00', zone),
    actor: { id: 'cora', role: 'compliance_officer' },
  });

describe('practice queries', () => {
  it('shows a weekly requirement met every week as done on the calendar, and a missed week as overdue', async () => {
    const p = await open();
    await hireForTest(p, 'cora', { role: 'compliance_officer', hiredOn: '2024-12-02' });
    const programmeId = 'infection-control';
    await p.compliance.establishProgramme({
      programmeId,
      regulation: 'CDC-infection-control',
      name: 'Infection control',
      ownerId: 'cora',
      establishedOn: '2025-01-01',
    });
    await p.compliance.addRequirement({
      programmeId,
      requirementId: 'spore',
      title: 'Sterilizer spore test',
      recurrence: { every: 1, unit: 'weeks' },
      ownerId: 'cora',
      firstDueOn: '2025-01-03',
      standard: 'cdc-sterilizer-spore-test',
      addedOn: '2025-01-01',
    });
    for (const metOn of ['2025-01-03', '2025-01-10', '2025-01-17']) {
      expect((await p.compliance.meetRequirement({ programmeId, requirementId: 'spore', metOn })).ok).toBe(
        true,
      );
    }
    // Only the requirement's occurrences (cora's own staff obligations are on the calendar too).
    const spore = <O extends { label: string }>(os: readonly O[]) => os.filter((o) => /spore/i.test(o.label));
    const onTime = spore(await p.calendar('2025-01-20'));
    expect(onTime.map((o) => [o.dueAt, o.state])).toEqual(
      [
        ['2025-01-03', 'done'],
        ['2025-01-10', 'done'],
        ['2025-01-17', 'done'],
        ['2025-01-24', 'upcoming'],
      ].map(([d, s]) => [d, s === 'upcoming' ? expect.stringMatching(/due-soon|upcoming/) : s]),
    );
    const late = spore(await p.calendar('2025-01-27', { openOnly: true }));
    expect(late.map((o) => [o.dueAt, o.state])).toEqual([['2025-01-24', 'overdue']]);
    await expect(p.calendar('2025-02-30')).rejects.toThrow(/"2025-02-30" is not a date/);
    await p.close();
  });

  it('reports KPIs of a period with targets, and refuses a period that does not exist', async () => {
    const p = await open();
    const report = await p.kpis('2025-Q1');
    expect(report.period).toEqual({ label: '2025-Q1', firstDay: '2025-01-01', lastDay: '2025-03-31' });
    const days = report.lines.find((l) => l.id === 'daysInAR')!;
    expect(days).toMatchObject({ value: undefined, target: { value: 40, direction: 'at-most' } });
    expect(days.met).toBeUndefined(); // no value, no verdict
    await expect(p.kpis('2025-Q5')).rejects.toThrow(/"2025-Q5" is not a period/);
    await p.close();
  });

  it('checks a command without recording it', async () => {
    const p = await open();
    await hireForTest(p, 'cora', { role: 'compliance_officer', hiredOn: '2024-12-02' });
    const programme = {
      programmeId: 'hipaa',
      regulation: 'HIPAA',
      name: 'HIPAA',
      ownerId: 'cora',
      establishedOn: '2025-01-01',
    } as const;
    const would = await p.check('Programme', { type: 'EstablishProgramme', ...programme });
    expect(would).toMatchObject({ ok: true, decided: ['ComplianceProgrammeEstablished'] });
    expect(await p.store.streamRevision('Programme-hipaa')).toBe('no_stream');
    const forbidden = await p.check(
      'Programme',
      { type: 'EstablishProgramme', ...programme },
      { actor: { id: 'sam', role: 'staff' } },
    );
    expect(forbidden).toMatchObject({ ok: false, reason: 'unauthorized' });
    await p.compliance.establishProgramme(programme);
    expect(await p.check('Programme', { type: 'EstablishProgramme', ...programme })).toMatchObject({
      ok: false,
      code: 'ProgrammeAlreadyExists',
    });
    await p.close();
  });

  it('rebuilds a read model to the same documents, reporting progress', async () => {
    const p = await open();
    await p.compliance.establishProgramme({
      programmeId: 'osha',
      regulation: 'OSHA',
      name: 'OSHA',
      ownerId: 'cora',
      establishedOn: '2025-01-01',
    });
    const before = await p.audit.query({});
    const seen: number[] = [];
    const [status] = await p.rebuild('audit', (s) => seen.push(s.eventsApplied));
    expect(status).toMatchObject({ projection: 'audit', phase: 'live', parked: 0 });
    expect(seen.at(-1)).toBe(status!.eventsApplied);
    expect(await p.audit.query({})).toEqual(before);
    await expect(p.rebuild('nope')).rejects.toThrow(/no projection named nope/);
    await p.close();
  });
});
