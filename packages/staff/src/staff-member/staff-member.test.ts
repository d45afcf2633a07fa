import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeVault } from '@praxis/core';
import { memorySubjectKeyStore } from '@praxis/store-memory';
import { decideHandled, deciderSpec } from '@praxis/testing';
import { addDays, addMonths } from '../dates.js';
import { decider, events, type StaffMemberCommand, type StaffMemberEvent } from './index.js';
import { hired, onStaff } from '../test-fixtures.js';

const spec = deciderSpec(decider);
const ev = events.make;

describe('StaffMember separation', () => {
  const osha = ev('TrainingAssigned', {
    staffId: 's-1',
    trainingId: 'osha',
    course: 'OSHA bloodborne pathogens',
    assignedOn: '2026-02-02',
    dueOn: '2026-02-02',
    required: true,
    recurrenceMonths: 12,
  });
  const goal = ev('SmartGoalSet', {
    staffId: 's-1',
    goalId: 'g1',
    specific: 'Shorter wait',
    metric: 'minutes from arrival to roomed',
    target: 10,
    deadline: '2026-12-31',
    setOn: '2026-03-01',
  });

  it('separates a person on staff, withdrawing open trainings, ending credential tracking and withdrawing open goals', () => {
    spec
      .given([...onStaff, osha, goal])
      .when({
        type: 'SeparateStaffMember',
        separatedOn: '2026-06-30',
        voluntary: false,
        reason: 'position eliminated',
      })
      .then([
        ev('StaffMemberSeparated', {
          staffId: 's-1',
          separatedOn: '2026-06-30',
          voluntary: false,
          reason: 'position eliminated',
        }),
        ev('TrainingWithdrawn', {
          staffId: 's-1',
          trainingId: 'osha',
          withdrawnOn: '2026-06-30',
          reason: 'separated',
        }),
        ev('StaffCredentialTrackingEnded', {
          staffId: 's-1',
          credentialId: 'lic',
          endedOn: '2026-06-30',
          reason: 'separated',
        }),
        ev('StaffCredentialTrackingEnded', {
          staffId: 's-1',
          credentialId: 'dea',
          endedOn: '2026-06-30',
          reason: 'separated',
        }),
        ev('SmartGoalClosed', { staffId: 's-1', goalId: 'g1', closedOn: '2026-06-30', outcome: 'withdrawn' }),
      ]);
  });

  it('rejects a second separation, a separation before the start date, and one of a candidate', () => {
    const sep = { type: 'SeparateStaffMember' as const, separatedOn: '2026-06-30', voluntary: true };
    const separated = ev('StaffMemberSeparated', {
      staffId: 's-1',
      separatedOn: '2026-06-30',
      voluntary: true,
    });
    spec
      .given([...onStaff, separated])
      .when(sep)
      .thenRejects('AlreadySeparated');
    spec
      .given(onStaff)
      .when({ ...sep, separatedOn: '2026-02-01' })
      .thenRejects('SeparationBeforeStart', 'separatedOn');
    spec
      .given(onStaff.filter((e) => e !== hired))
      .when(sep)
      .thenRejects('NotOnStaff');
  });

  it('nothing but reads is possible after separation', () => {
    const separated = ev('StaffMemberSeparated', {
      staffId: 's-1',
      separatedOn: '2026-06-30',
      voluntary: true,
    });
    const given = spec.given([...onStaff, separated]);
    given
      .when({ type: 'RecordExclusionScreening', screenedOn: '2026-07-01', result: 'clear' })
      .thenRejects('NotActive');
    given
      .when({
        type: 'RecordQuarterlyReview',
        quarter: '2026-Q3',
        reviewedOn: '2026-07-01',
        reviewer: 'pm',
        rating: 3,
      })
      .thenRejects('StaffMemberSeparated');
  });
});

// ---- Property tests: random command sequences against the invariants -------------------

const kinds = [
  'apply',
  'interview',
  'verifyDea',
  'verifyLicence',
  'screenClear',
  'screenExcluded',
  'credential',
  'offer',
  'hire',
  'assignOsha',
  'completeOsha',
  'separate',
  'close',
  'renewDea',
  'changeRole',
] as const;
type Kind = (typeof kinds)[number];

const commandFor = (kind: Kind, on: string, n: number): StaffMemberCommand => {
  switch (kind) {
    case 'apply':
      return {
        type: 'ReceiveApplication',
        staffId: 's-9',
        name: 'Sam Ortiz',
        position: 'Nurse',
        appliedOn: on,
      };
    case 'interview':
      return {
        type: 'RecordInterview',
        interviewedOn: on,
        panel: ['a'],
        scores: [{ interviewer: 'a', score: (n % 5) + 1 }],
      };
    case 'verifyDea':
      return {
        type: 'VerifyCredential',
        credentialId: `dea-${n % 3}`,
        kind: 'dea-registration',
        issuer: 'DEA',
        number: 'MO123',
        expiresOn: addDays(on, 30 + n),
        verifiedOn: on,
      };
    case 'verifyLicence':
      return {
        type: 'VerifyCredential',
        credentialId: `lic-${n % 3}`,
        kind: 'licence',
        issuer: 'Board',
        number: 'RN1',
        expiresOn: addMonths(on, 24),
        verifiedOn: on,
      };
    case 'screenClear':
      return { type: 'RecordExclusionScreening', screenedOn: on, result: 'clear' };
    case 'screenExcluded':
      return { type: 'RecordExclusionScreening', screenedOn: on, result: 'excluded' };
    case 'credential':
      return { type: 'CompleteCredentialing', completedOn: on };
    case 'offer':
      return { type: 'MakeOffer', offeredOn: on, role: 'nurse', startDate: addDays(on, n % 20) };
    case 'hire':
      return { type: 'HireStaffMember', hiredOn: on };
    case 'assignOsha':
      return {
        type: 'AssignTraining',
        trainingId: 'osha',
        course: 'OSHA BBP',
        assignedOn: on,
        dueOn: on,
        required: true,
        recurrenceMonths: 12,
      };
    case 'completeOsha':
      return { type: 'CompleteTraining', trainingId: 'osha', completedOn: on, hours: 1 };
    case 'separate':
      return { type: 'SeparateStaffMember', separatedOn: addDays(on, 30), voluntary: n % 2 === 0 };
    case 'close':
      return { type: 'CloseApplication', closedOn: on, reason: 'withdrew' };
    case 'changeRole':
      return {
        type: 'ChangeStaffRole',
        role: ['nurse', 'charge_nurse', 'medical_assistant'][n % 3]!,
        effectiveOn: on,
        reason: 'reorganisation',
      };
    case 'renewDea':
      return {
        type: 'RenewCredential',
        credentialId: `dea-${n % 3}`,
        renewedOn: on,
        expiresOn: addMonths(on, 36),
      };
  }
};

/** Steps: a command kind, days since the previous step, and a number to vary parameters. */
const steps = fc.array(
  fc.tuple(fc.constantFrom(...kinds), fc.integer({ min: 0, max: 45 }), fc.nat({ max: 99 })),
  { maxLength: 40 },
);

/** Runs the steps from 2024-01-01 (through two leap days); returns the accepted events. */
const run = (input: readonly (readonly [Kind, number, number])[]): StaffMemberEvent[] => {
  let state = decider.initialState;
  let on = '2024-01-01';
  const log: StaffMemberEvent[] = [];
  for (const [kind, gap, n] of input) {
    on = addDays(on, gap);
    const d = decideHandled(decider, commandFor(kind, on, n), state);
    if (d._tag === 'Right') {
      log.push(...d.right);
      state = d.right.reduce(decider.evolve, state);
    }
  }
  return log;
};

/** Biased towards the lifecycle order, so that many runs reach hire and separation. */
const lifecycle = fc
  .tuple(steps, steps)
  .map(([a, b]) => [
    ['apply', 0, 0] as const,
    ['interview', 3, 0] as const,
    ['verifyDea', 1, 40] as const,
    ['screenClear', 1, 0] as const,
    ['credential', 1, 0] as const,
    ['offer', 1, 5] as const,
    ...a,
    ['hire', 1, 0] as const,
    ...b,
  ]);

describe('StaffMember invariants (property tests)', () => {
  it('a separated person is never assigned training', () => {
    let separations = 0;
    fc.assert(
      fc.property(lifecycle, (input) => {
        const log = run(input);
        const sep = log.findIndex((e) => e.type === 'StaffMemberSeparated');
        if (sep >= 0) separations++;
        return sep < 0 || log.slice(sep).every((e) => e.type !== 'TrainingAssigned');
      }),
      { numRuns: 300 },
    );
    expect(separations).toBeGreaterThan(0); // the property was exercised, not vacuous
  });

  it('an excluded person is never hired: every hire follows a clear check at most a month old', () => {
    let hires = 0;
    fc.assert(
      fc.property(lifecycle, (input) => {
        const log = run(input);
        return log.every((e, i) => {
          if (e.type !== 'StaffMemberHired') return true;
          hires++;
          const checks = log.slice(0, i).filter((x) => x.type === 'OigExclusionScreened');
          const last = checks[checks.length - 1];
          return (
            last?.type === 'OigExclusionScreened' &&
            last.data.result === 'clear' &&
            last.data.screenedOn >= addMonths(e.data.hiredOn, -1)
          );
        });
      }),
      { numRuns: 300 },
    );
    expect(hires).toBeGreaterThan(0);
  });

  it('a role changes only while on staff, to another role, in date order, naming the role it replaces', () => {
    let changes = 0;
    fc.assert(
      fc.property(lifecycle, (input) => {
        const log = run(input);
        const hire = log.findIndex((e) => e.type === 'StaffMemberHired');
        const sep = log.findIndex((e) => e.type === 'StaffMemberSeparated');
        let role: string | undefined;
        let from = '';
        return log.every((e, i) => {
          if (e.type === 'StaffMemberHired') [role, from] = [e.data.role, e.data.startDate];
          if (e.type !== 'StaffMemberRoleChanged') return true;
          changes++;
          const ok =
            hire >= 0 &&
            i > hire &&
            (sep < 0 || i < sep) &&
            e.data.previousRole === role &&
            e.data.role !== role &&
            e.data.effectiveOn >= from;
          [role, from] = [e.data.role, e.data.effectiveOn];
          return ok;
        });
      }),
      { numRuns: 300 },
    );
    expect(changes).toBeGreaterThan(0);
  });

  it('every event decided, once the vault sealed it, passes its codec (nothing a decision produces can be refused by the store)', async () => {
    const vault = makeVault(memorySubjectKeyStore());
    await fc.assert(
      fc.asyncProperty(lifecycle, async (input) => {
        for (const e of await vault.sealer(events)(run(input)))
          expect(events.encode(e.type, e.data)).toMatchObject({ _tag: 'Right' });
      }),
      { numRuns: 100 },
    );
  });

  it('a recurring training falls due within 12 months of its completion, and never earlier than 3 days short of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 8 }), (offset) => {
        const completedOn = addDays('2024-01-01', offset);
        const log = run([
          ['apply', 0, 0],
          ['interview', 0, 0],
          ['screenClear', 0, 0],
          ['credential', 0, 0],
          ['offer', 0, 0],
          ['hire', 0, 0],
          ['assignOsha', 0, 0],
          ['completeOsha', offset, 0],
        ]);
        const done = log.find((e) => e.type === 'TrainingCompleted');
        if (done?.type !== 'TrainingCompleted') return false;
        const next = done.data.nextDueOn!;
        return (
          done.data.completedOn === completedOn &&
          next <= addDays(completedOn, 366) &&
          next >= addDays(completedOn, 362) &&
          next.slice(0, 4) === String(Number(completedOn.slice(0, 4)) + 1)
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the lifecycle only moves forward: applied → interviewed → credentialed → offered → hired → separated', () => {
    const order = ['none', 'applied', 'interviewed', 'credentialed', 'offered', 'hired', 'separated'];
    fc.assert(
      fc.property(lifecycle, (input) => {
        let s = decider.initialState;
        for (const e of run(input)) {
          const next = decider.evolve(s, e);
          if (next.status !== 'closed' && order.indexOf(next.status) < order.indexOf(s.status)) return false;
          if (s.status === 'closed' || s.status === 'separated') {
            if (next.status !== s.status) return false;
          }
          s = next;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
