import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleOn } from '../on-record.js';
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

describe('roleOn: the role a person held on a date', () => {
  const day = fc
    .integer({ min: 0, max: 400 })
    .map((n) => new Date(Date.UTC(2026, 1, 2) + n * 86_400_000).toISOString().slice(0, 10));
  it('is the role of the latest hire or change effective on or before the date, whatever order changes were recorded in (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.constantFrom('staff', 'physician', 'biller'), on: day }), {
          maxLength: 6,
        }),
        day,
        (changes, date) => {
          const s = [...onStaff, ...changes.map((c, i) => changed(`r${i}`, c.role, c.on))].reduce(
            decider.evolve,
            decider.initialState,
          );
          // the hire: physician from 2026-02-02; each later entry wins over earlier ones on a tie
          const entries = [
            { role: 'physician', from: '2026-02-02' },
            ...changes.map((c) => ({ role: c.role, from: c.on })),
          ];
          const held = entries.filter((e) => e.from <= date);
          const expected = held.reduce((a, e) => (e.from >= a.from ? e : a), held[0] ?? entries[0]!).role;
          expect(roleOn(s, date)).toBe(expected);
        },
      ),
    );
  });
  it('is the hired role before the start date, and undefined for someone never hired', () => {
    const s = onStaff.reduce(decider.evolve, decider.initialState);
    expect(roleOn(s, '2026-01-01')).toBe('physician');
    expect(roleOn(uptoOffer.reduce(decider.evolve, decider.initialState), '2026-03-01')).toBeUndefined();
    expect(roleOn(undefined, '2026-03-01')).toBeUndefined();
    expect(hired.data.role).toBe('physician');
  });
});
