import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { decider, events, type ChangeStaffRole } from './index.js';
import { hired, onStaff, uptoOffer } from '../test-fixtures.js';

const spec = deciderSpec(decider);
const ev = events.make;

const change = (role: string, effectiveOn: string, reason = 'promotion'): ChangeStaffRole => ({
  type: 'ChangeStaffRole',
  role,
  effectiveOn,
  reason,
});
const changed = (previousRole: string, role: string, effectiveOn: string, reason = 'promotion') =>
  ev('StaffMemberRoleChanged', { staffId: 's-1', previousRole, role, effectiveOn, reason });

describe('StaffMember role changes', () => {
  it('moves a person on staff to another role from the effective date, naming the role they leave', () => {
    spec
      .given(onStaff)
      .when(change('medical_director', '2026-07-01'))
      .then([changed('physician', 'medical_director', '2026-07-01')]);
  });

  it('keeps the latest role in the state, and a second change names the role before it', () => {
    const first = changed('physician', 'medical_director', '2026-07-01');
    const s = spec
      .given([...onStaff, first])
      .when(change('physician', '2026-10-01', 'stepped down'))
      .thenState();
    expect(s).toMatchObject({ role: 'physician', roleChangedOn: '2026-10-01' });
    spec
      .given([...onStaff, first])
      .when(change('physician', '2026-10-01', 'stepped down'))
      .then([changed('medical_director', 'physician', '2026-10-01', 'stepped down')]);
  });

  it('rejects a change for a separated person', () => {
    const separated = ev('StaffMemberSeparated', {
      staffId: 's-1',
      separatedOn: '2026-06-30',
      voluntary: true,
    });
    spec
      .given([...onStaff, separated])
      .when(change('medical_director', '2026-06-01'))
      .thenRejects('StaffMemberSeparated');
  });

  it('rejects a change for someone not hired (a candidate holding an offer, or nobody)', () => {
    spec.given(uptoOffer).when(change('nurse', '2026-02-02')).thenRejects('NotOnStaff');
    spec.given([]).when(change('nurse', '2026-02-02')).thenRejects('NotOnStaff');
  });

  it('rejects a change to the role already held, including after an earlier change', () => {
    spec.given(onStaff).when(change('physician', '2026-07-01')).thenRejects('SameRole', 'role');
    spec
      .given([...onStaff, changed('physician', 'medical_director', '2026-07-01')])
      .when(change('medical_director', '2026-08-01'))
      .thenRejects('SameRole', 'role');
  });

  it('rejects a missing role or reason, an invalid date, and a date before the start or an earlier change', () => {
    const given = spec.given(onStaff);
    given.when(change(' ', '2026-07-01')).thenRejects('Required', 'role');
    given.when(change('nurse', '2026-07-01', '')).thenRejects('Required', 'reason');
    given.when(change('nurse', '2026-02-30')).thenRejects('InvalidDate', 'effectiveOn');
    // Hired to start 2026-02-02: a role cannot change before the person starts.
    expect(hired.data.startDate).toBe('2026-02-02');
    given.when(change('nurse', '2026-02-01')).thenRejects('RoleChangeBeforeStart', 'effectiveOn');
    spec
      .given([...onStaff, changed('physician', 'medical_director', '2026-07-01')])
      .when(change('physician', '2026-06-30'))
      .thenRejects('RoleChangeOutOfOrder', 'effectiveOn');
  });
});
