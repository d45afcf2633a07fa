import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decider, type StaffMemberCommand } from './index.js';

const existing: StaffMemberCommand = {
  type: 'RecordExistingStaffMember',
  staffId: 's-patel',
  name: 'Anita Patel',
  position: 'Physician',
  role: 'physician',
  hiredOn: '2019-06-03',
  exclusionCheckedOn: '2026-02-02',
};

describe('StaffMember.RecordExistingStaffMember (go-live)', () => {
  it('puts a person employed before go-live on staff without the recruitment steps', () => {
    const d = decider.decide(existing, decider.initialState);
    if (E.isLeft(d)) throw new Error(d.left.message);
    expect(d.right.map((e) => e.type)).toEqual([
      'StaffApplicationReceived',
      'OigExclusionScreened',
      'StaffMemberHired',
    ]);
    const s = d.right.reduce(decider.evolve, decider.initialState);
    expect([s.status, s.role, s.lastScreening?.screenedOn]).toEqual(['hired', 'physician', '2026-02-02']);
    // On staff: training can be assigned to them at once.
    const t = decider.decide(
      {
        type: 'AssignTraining',
        staffId: 's-patel',
        trainingId: 'hipaa',
        course: 'HIPAA',
        assignedOn: '2025-03-10',
        dueOn: '2025-03-10',
        required: true,
      },
      s,
    );
    expect(E.isRight(t)).toBe(true);
    const again = decider.decide(existing, s);
    expect(E.isLeft(again) && again.left.code).toBe('StaffMemberAlreadyExists');
  });
});
