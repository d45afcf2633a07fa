import { describe, expect, it } from 'vitest';
import {
  collect,
  fixedClock,
  foldProjections,
  forgottenPlaceholder,
  makeCommandHandler,
  makeVault,
  streamIdOf,
  type Actor,
} from '@praxis/core';
import { memoryEventStore, memorySubjectKeyStore } from '@praxis/store-memory';
import { Conflict, Roster, StaffMember, StaffObligations, staffEvents } from './index.js';

const actor: Actor = { id: 'pm-lindqvist', role: 'practice_manager' };

describe('@praxis/staff through a real store and command handler', () => {
  it('takes a nurse from application to a separation, and the read models follow', async () => {
    const store = memoryEventStore({ registry: staffEvents });
    const clock = fixedClock('2026-03-01T09:00:00', 'America/New_York');
    const vault = makeVault(memorySubjectKeyStore());
    const seal = vault.sealer(staffEvents);
    const staff = makeCommandHandler({ store, decider: StaffMember.decider, clock, seal });
    const streamId = streamIdOf(StaffMember.decider, 'n-7');
    const commands: StaffMember.StaffMemberCommand[] = [
      {
        type: 'ReceiveApplication',
        staffId: 'n-7',
        name: 'Ana Silva',
        position: 'Registered nurse',
        appliedOn: '2026-03-02',
      },
      {
        type: 'RecordInterview',
        interviewedOn: '2026-03-06',
        panel: ['dr-okafor'],
        scores: [{ interviewer: 'dr-okafor', score: 5 }],
      },
      {
        type: 'VerifyCredential',
        credentialId: 'rn',
        kind: 'licence',
        issuer: 'NY Board of Nursing',
        number: 'RN-771',
        expiresOn: '2027-05-31',
        verifiedOn: '2026-03-09',
      },
      { type: 'RecordExclusionScreening', screenedOn: '2026-03-09', result: 'clear' },
      { type: 'CompleteCredentialing', completedOn: '2026-03-10' },
      { type: 'MakeOffer', offeredOn: '2026-03-11', role: 'nurse', startDate: '2026-04-01' },
      { type: 'HireStaffMember', hiredOn: '2026-03-12' },
      StaffMember.assignRequirement(StaffMember.oshaBloodbornePathogens, '2026-04-01'),
      {
        type: 'CompleteTraining',
        trainingId: 'osha-bloodborne-pathogens',
        completedOn: '2026-04-01',
        hours: 1,
      },
      { type: 'SeparateStaffMember', separatedOn: '2026-09-30', voluntary: true, reason: 'relocation' },
    ];
    for (const command of commands) {
      const r = await staff.handle({ streamId, command, actor });
      expect(r._tag, `${command.type}: ${r._tag === 'Left' ? r.left.message : ''}`).toBe('Right');
    }
    const refused = await staff.handle({
      streamId,
      command: StaffMember.assignRequirement(StaffMember.hipaaPrivacyAndSecurity, '2026-10-01'),
      actor,
    });
    expect(refused).toMatchObject({ _tag: 'Left', left: { code: 'StaffMemberSeparated' } });

    // The parties' standing on the staff record is a fact the facade supplies (tested there).
    const conflicts = makeCommandHandler({
      store,
      decider: Conflict.decider,
      clock,
      seal,
      facts: async () => ({ staffOnRecord: [] }),
    });
    // The nurse reports it herself: a reportedBy naming anyone but the call's actor is refused.
    const opened = await conflicts.handle({
      streamId: streamIdOf(Conflict.decider, 'c-1'),
      command: {
        type: 'OpenConflict',
        conflictId: 'c-1',
        parties: ['n-7', 's-1'],
        description: 'shift swap',
        openedOn: '2026-05-04',
        reportedBy: 'n-7',
        // The handler's input type includes the fact, which the caller must not send.
      } as unknown as Conflict.ConflictCommand,
      actor: { id: 'n-7', role: 'nurse' },
    });
    expect(opened._tag).toBe('Right');

    const model = foldProjections(
      [Roster.staffRoster, StaffObligations.staffObligations],
      await collect(store.readAll()),
    );
    expect(await Roster.headcountOn(model, '2026-09-30')).toBe(1);
    expect(await Roster.headcountOn(model, '2026-10-01')).toBe(0);
    // Her own obligations are gone; the conflict she was part of is still open, so HR still owes its resolution.
    expect((await StaffObligations.listStaffObligations(model)).map((o) => o.id)).toEqual(['conflict:c-1']);
    expect(
      (await Roster.getRosterEntry(model, 'n-7'))?.trainings['osha-bloodborne-pathogens']?.completions,
    ).toEqual([{ completedOn: '2026-04-01', hours: 1, nextDueOn: '2027-04-01' }]);

    // Personal data reaches the log and the read models only sealed; reads reveal it.
    const log = JSON.stringify(await collect(store.readAll()), (_, v: unknown) =>
      typeof v === 'bigint' ? v.toString() : v,
    );
    for (const secret of ['Ana Silva', 'RN-771', 'relocation', 'shift swap'])
      expect(log).not.toContain(secret);
    const entry = await Roster.getRosterEntry(model, 'n-7');
    expect(JSON.stringify(entry)).not.toContain('Ana Silva');
    expect((await vault.reveal(entry))?.name).toBe('Ana Silva');
    // Forgetting her: the counts stand, the name reads as a placeholder.
    await vault.forget('staff:n-7', '2026-10-02T09:00:00Z');
    const after = foldProjections(
      [Roster.staffRoster, StaffObligations.staffObligations],
      await collect(store.readAll()),
    );
    expect(await Roster.headcountOn(after, '2026-09-30')).toBe(1);
    expect((await vault.reveal(await Roster.getRosterEntry(after, 'n-7')))?.name).toBe(forgottenPlaceholder);
    // Nothing new is sealed for a forgotten subject: the command is refused, not stored in clear.
    await vault.forget('conflict:c-1', '2026-10-02T09:00:00Z');
    const late = await conflicts.handle({
      streamId: streamIdOf(Conflict.decider, 'c-1'),
      command: { type: 'MediateConflict', mediator: 's-2', mediatedOn: '2026-10-03', notes: 'talked' },
      actor,
    });
    expect(late).toMatchObject({ _tag: 'Left', left: { code: 'SubjectForgotten' } });
  });
});
