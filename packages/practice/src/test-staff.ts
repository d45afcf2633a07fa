import type { Practice } from './create.js';

/**
 * Test support: takes `staffId` from application to hire through the facade's commands (as HR),
 * so commands that name a staff member find them on the staff record. Throws when a step is refused.
 */
export const hireForTest = async (
  practice: Practice,
  staffId: string,
  options: { readonly role?: string; readonly hiredOn?: string } = {},
): Promise<void> => {
  const actor = { id: 'hr-test', role: 'hr' };
  const hiredOn = options.hiredOn ?? '2026-01-15';
  const before = (days: number) =>
    new Date(Date.parse(`${hiredOn}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const steps = [
    () =>
      practice.staff.receiveApplication(
        { staffId, name: `Person ${staffId}`, position: 'Staff', appliedOn: before(6) },
        { actor },
      ),
    () =>
      practice.staff.recordInterview(
        {
          staffId,
          interviewedOn: before(5),
          panel: ['hr-test'],
          scores: [{ interviewer: 'hr-test', score: 4 }],
        },
        { actor },
      ),
    () =>
      practice.staff.recordExclusionScreening({ staffId, screenedOn: before(4), result: 'clear' }, { actor }),
    () => practice.staff.completeCredentialing({ staffId, completedOn: before(3) }, { actor }),
    () =>
      practice.staff.makeOffer(
        { staffId, offeredOn: before(2), role: options.role ?? 'staff', startDate: hiredOn },
        { actor },
      ),
    () => practice.staff.hireStaffMember({ staffId, hiredOn }, { actor }),
  ];
  for (const step of steps) {
    const r = await step();
    if (!r.ok) throw new Error(`hiring ${staffId}: ${r.code} ${r.message}`);
  }
};
