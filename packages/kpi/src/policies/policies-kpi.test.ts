import { describe, expect, it } from 'vitest';
import { foldProjections } from '@praxis/core';
import { Policy } from '@praxis/policies';
import { StaffMember } from '@praxis/staff';
import {
  policyAcknowledgmentRate,
  policyAcknowledgmentStatus,
  policyAcknowledgmentStatuses,
  policyAcknowledgmentsOfPerson,
  policyAcknowledgments,
} from './index.js';
import { recorder } from '../recorded-events.js';

const rec = recorder({
  actor: { id: 'pm', role: 'practice_manager' },
  occurredAt: '2026-01-01T09:00:00-05:00',
});

const S = StaffMember.events;
const hire = (staffId: string, role: string, startDate: string) =>
  rec(
    `StaffMember-${staffId}`,
    S.make('StaffMemberHired', {
      staffId,
      hiredOn: startDate,
      role,
      startDate,
      exclusionCheckedOn: startDate,
    }),
  );
const P = Policy.events;
const drafted = (policyId: string) =>
  rec(
    `Policy-${policyId}`,
    P.make('PolicyDrafted', {
      policyId,
      title: policyId.toUpperCase(),
      version: 1,
      reviewEveryMonths: 12,
      approverRoles: ['practice_manager'],
      draftedBy: 'pm',
      draftedOn: '2026-01-02',
    }),
  );
const published = (policyId: string, version: number, on: string) =>
  rec(
    `Policy-${policyId}`,
    P.make('PolicyPublished', {
      policyId,
      version,
      publishedOn: on,
      effectiveOn: on,
      reviewDueOn: '2027-01-01',
    }),
  );
const assigned = (policyId: string, roles: string[], on: string) =>
  rec(`Policy-${policyId}`, P.make('PolicyAssigned', { policyId, roles, assignedOn: on }));
const ack = (policyId: string, version: number, staffId: string, role: string, on: string) =>
  rec(
    `Policy-${policyId}`,
    P.make('PolicyAcknowledged', { policyId, version, staffId, role, acknowledgedOn: on }),
  );

const model = foldProjections(
  [policyAcknowledgments],
  [
    hire('n1', 'nurse', '2026-01-01'),
    hire('n2', 'nurse', '2026-01-01'),
    hire('n3', 'nurse', '2026-01-01'),
    rec(
      'StaffMember-n3',
      S.make('StaffMemberSeparated', { staffId: 'n3', separatedOn: '2026-05-31', voluntary: true }),
    ),
    hire('n4', 'nurse', '2026-07-01'),
    hire('p1', 'physician', '2026-01-01'),
    hire('b1', 'biller', '2026-01-01'),
    // HH: v1 published 01-10, v2 published 06-01; nurses and physicians
    drafted('hh'),
    published('hh', 1, '2026-01-10'),
    assigned('hh', ['nurse', 'physician'], '2026-01-10'),
    ack('hh', 1, 'n1', 'nurse', '2026-01-12'),
    ack('hh', 1, 'n2', 'nurse', '2026-01-15'),
    ack('hh', 1, 'n3', 'nurse', '2026-01-16'),
    published('hh', 2, '2026-06-01'),
    ack('hh', 2, 'n1', 'nurse', '2026-06-05'),
    ack('hh', 2, 'p1', 'physician', '2026-06-10'),
    // HIPAA: v1 published 02-01; billers and nurses
    drafted('hipaa'),
    published('hipaa', 1, '2026-02-01'),
    assigned('hipaa', ['biller', 'nurse'], '2026-02-01'),
    ack('hipaa', 1, 'b1', 'biller', '2026-02-02'),
    ack('hipaa', 1, 'n2', 'nurse', '2026-02-03'),
    ack('hipaa', 1, 'n1', 'nurse', '2026-07-02'),
    // OLD: nurses only, retired 06-15
    drafted('old'),
    published('old', 1, '2026-01-05'),
    assigned('old', ['nurse'], '2026-01-05'),
    ack('old', 1, 'n1', 'nurse', '2026-01-06'),
    rec(
      'Policy-old',
      P.make('PolicyRetired', { policyId: 'old', reason: 'merged', retiredOn: '2026-06-15' }),
    ),
    // DRAFT: never published
    drafted('draft'),
    assigned('draft', ['nurse'], '2026-01-05'),
  ],
);

describe('policy acknowledgment % (DOMAIN.md)', () => {
  it('counts only the current version, over active staff and published, unretired policies', async () => {
    // As of 2026-06-30 active staff: n1, n2, p1, b1 (n3 separated 05-31, n4 starts 07-01).
    // HH current = v2, roles nurse+physician → n1 ✓(v2 06-05), n2 ✗ (only v1), p1 ✓  = 2 of 3
    // HIPAA v1, roles biller+nurse → b1 ✓, n1 ✗ (signed 07-02, after the date), n2 ✓ = 2 of 3
    // OLD retired 06-15, DRAFT unpublished: not counted.
    // 4 ÷ 6 × 100 = 66.666…
    const r = await policyAcknowledgmentRate(model, '2026-06-30');
    expect(r).toMatchObject({ acknowledged: 4, assigned: 6 });
    expect(r.percent).toBeCloseTo(66.667, 3);
  });

  it('is computed as of any date', async () => {
    // As of 2026-05-15 active: n1, n2, n3, p1, b1. HH current = v1:
    //   n1 ✓, n2 ✓, n3 ✓, p1 ✗ = 3 of 4; HIPAA: b1 ✓, n1 ✗, n2 ✓, n3 ✗ = 2 of 4;
    //   OLD (nurses): n1 ✓, n2 ✗, n3 ✗ = 1 of 3.  (3+2+1) ÷ (4+4+3) = 6 ÷ 11 = 54.545…%
    const r = await policyAcknowledgmentRate(model, '2026-05-15');
    expect(r).toMatchObject({ acknowledged: 6, assigned: 11 });
    expect(r.percent).toBeCloseTo(54.545, 3);
  });

  it('is undefined, not zero, when nothing is assigned', async () => {
    expect(await policyAcknowledgmentRate(model, '2025-12-31')).toEqual({
      asOf: '2025-12-31',
      acknowledged: 0,
      assigned: 0,
      percent: undefined,
    });
  });
});

describe('acknowledgment status', () => {
  it('per version, per role and per person', async () => {
    const s = await policyAcknowledgmentStatus(model, 'hh', { asOf: '2026-06-30' });
    expect(s).toMatchObject({ version: 2, current: true, assigned: 3, acknowledged: 2 });
    expect(s?.byRole).toEqual([
      { role: 'nurse', assigned: 2, acknowledged: 1 },
      { role: 'physician', assigned: 1, acknowledged: 1 },
    ]);
    expect(s?.people).toEqual([
      { staffId: 'n1', role: 'nurse', acknowledgedOn: '2026-06-05' },
      { staffId: 'n2', role: 'nurse' },
      { staffId: 'p1', role: 'physician', acknowledgedOn: '2026-06-10' },
    ]);
    const v1 = await policyAcknowledgmentStatus(model, 'hh', { asOf: '2026-06-30', version: 1 });
    expect(v1).toMatchObject({ version: 1, current: false, assigned: 3, acknowledged: 2 });
    expect(await policyAcknowledgmentStatus(model, 'draft', { asOf: '2026-06-30' })).toBeUndefined();
  });

  it('for every live policy at once (retired and unpublished ones left out)', async () => {
    const all = await policyAcknowledgmentStatuses(model, '2026-06-30');
    expect(all.map((s) => [s.policyId, s.version, s.acknowledged, s.assigned])).toEqual([
      ['hh', 2, 2, 3],
      ['hipaa', 1, 2, 3],
    ]);
  });

  it('per person: which current versions they still have to acknowledge', async () => {
    expect(await policyAcknowledgmentsOfPerson(model, 'n2', '2026-06-30')).toEqual([
      { policyId: 'hh', title: 'HH', currentVersion: 2, lastAcknowledgedVersion: 1 },
      {
        policyId: 'hipaa',
        title: 'HIPAA',
        currentVersion: 1,
        acknowledgedOn: '2026-02-03',
        lastAcknowledgedVersion: 1,
      },
    ]);
  });
});

describe('policy acknowledgment % across role changes (assignments follow the role held on the date)', () => {
  const roleChanged = (staffId: string, previousRole: string, role: string, effectiveOn: string) =>
    rec(
      `StaffMember-${staffId}`,
      S.make('StaffMemberRoleChanged', {
        staffId,
        previousRole,
        role,
        effectiveOn,
        reason: 'reorganisation',
      }),
    );
  const m = foldProjections(
    [policyAcknowledgments],
    [
      hire('a1', 'biller', '2026-01-01'),
      hire('a2', 'nurse', '2026-01-01'),
      hire('a3', 'nurse', '2026-01-01'),
      // HH: nurses only. v1 published 01-10, v2 published 05-01.
      drafted('hh'),
      published('hh', 1, '2026-01-10'),
      assigned('hh', ['nurse'], '2026-01-10'),
      ack('hh', 1, 'a2', 'nurse', '2026-01-12'),
      ack('hh', 1, 'a3', 'nurse', '2026-01-13'),
      // HIPAA: billers and nurses, v1 published 02-01.
      drafted('hipaa'),
      published('hipaa', 1, '2026-02-01'),
      assigned('hipaa', ['biller', 'nurse'], '2026-02-01'),
      ack('hipaa', 1, 'a1', 'biller', '2026-02-02'),
      ack('hipaa', 1, 'a2', 'nurse', '2026-02-03'),
      // Recorded in March, effective 04-01: a1 biller → nurse (into HH), a2 nurse → biller (out of HH).
      roleChanged('a1', 'biller', 'nurse', '2026-04-01'),
      roleChanged('a2', 'nurse', 'biller', '2026-04-01'),
      published('hh', 2, '2026-05-01'),
      ack('hh', 2, 'a1', 'nurse', '2026-05-03'),
      ack('hh', 2, 'a3', 'nurse', '2026-05-20'),
    ],
  );

  it('counts each person under the role they held before the change', async () => {
    // 2026-03-31: a1 biller, a2 nurse, a3 nurse.
    //   HH v1 (nurses): a2 ✓ (01-12), a3 ✓ (01-13)            = 2 of 2
    //   HIPAA v1 (billers, nurses): a1 ✓, a2 ✓, a3 ✗          = 2 of 3
    //   (2 + 2) ÷ (2 + 3) = 4 ÷ 5 = 80 %
    expect(await policyAcknowledgmentRate(m, '2026-03-31')).toEqual({
      asOf: '2026-03-31',
      acknowledged: 4,
      assigned: 5,
      percent: 80,
    });
  });

  it('from the effective date: the person moving in owes the current version, the one moving out no longer counts', async () => {
    // 2026-04-01: a1 nurse, a2 biller, a3 nurse.
    //   HH v1 (nurses): a1 ✗ (never acknowledged HH), a3 ✓; a2 left the role → not counted = 1 of 2
    //   HIPAA v1 (billers, nurses): a1 ✓, a2 ✓ (acknowledgments are per person and version,
    //   so they survive a move between assigned roles), a3 ✗                            = 2 of 3
    //   (1 + 2) ÷ (2 + 3) = 3 ÷ 5 = 60 %
    expect(await policyAcknowledgmentRate(m, '2026-04-01')).toEqual({
      asOf: '2026-04-01',
      acknowledged: 3,
      assigned: 5,
      percent: 60,
    });
    const hh = await policyAcknowledgmentStatus(m, 'hh', { asOf: '2026-04-01' });
    expect(hh?.people).toEqual([
      { staffId: 'a1', role: 'nurse' },
      { staffId: 'a3', role: 'nurse', acknowledgedOn: '2026-01-13' },
    ]);
    expect(hh?.byRole).toEqual([{ role: 'nurse', assigned: 2, acknowledged: 1 }]);
    const hipaa = await policyAcknowledgmentStatus(m, 'hipaa', { asOf: '2026-04-01' });
    expect(hipaa?.byRole).toEqual([
      { role: 'biller', assigned: 1, acknowledged: 1 },
      { role: 'nurse', assigned: 2, acknowledged: 1 },
    ]);
    expect((await policyAcknowledgmentsOfPerson(m, 'a2', '2026-04-01')).map((p) => p.policyId)).toEqual([
      'hipaa',
    ]);
    expect(await policyAcknowledgmentsOfPerson(m, 'a1', '2026-04-01')).toEqual([
      { policyId: 'hh', title: 'HH', currentVersion: 1 },
      {
        policyId: 'hipaa',
        title: 'HIPAA',
        currentVersion: 1,
        acknowledgedOn: '2026-02-02',
        lastAcknowledgedVersion: 1,
      },
    ]);
  });

  it('and a new version is owed by whoever holds the role when it is current', async () => {
    // 2026-05-10: HH v2 current (05-01). a1 ✓ (v2 05-03), a3 ✗ (signs v2 only on 05-20) = 1 of 2
    //   HIPAA unchanged = 2 of 3.  (1 + 2) ÷ 5 = 60 %
    expect(await policyAcknowledgmentRate(m, '2026-05-10')).toMatchObject({ acknowledged: 3, assigned: 5 });
    // 2026-05-31: HH v2 a1 ✓, a3 ✓ = 2 of 2; HIPAA 2 of 3.  (2 + 2) ÷ 5 = 80 %
    expect(await policyAcknowledgmentRate(m, '2026-05-31')).toMatchObject({
      acknowledged: 4,
      assigned: 5,
      percent: 80,
    });
  });
});
