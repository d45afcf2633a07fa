import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, platformRefusals, type Actor } from '@praxis/core';
import { createPractice, type Practice } from './create.js';
import { builtinModules } from './modules/index.js';
import { hireForTest } from './test-staff.js';

const zone = 'America/Chicago';
const open = () => createPractice({ store: 'memory:', timeZone: zone, currency: 'USD', name: 'Test' });
const pm: Actor = { id: 'maria', role: 'practice_manager' };
const co: Actor = { id: 'cora', role: 'compliance_officer' };
const at = '2026-01-05T09:00:00-06:00';

/** The audit trail's refusals of one entity, as [code, field-less reason] pairs. */
const refusalsOf = async (practice: Practice, entity: string) =>
  (await practice.audit.query({ entity })).entries
    .filter((e) => e.type === 'CommandRefused')
    .map((e) => (e as { refusal?: { code: string } }).refusal?.code);

describe('commands are decoded exactly before any rule runs', () => {
  it('refuses a list given as text, recorded in the audit trail, and check() says the same', async () => {
    const practice = await open();
    const input = {
      breachId: 'b1',
      description: 'laptop stolen',
      discoveredOn: '2026-01-02',
      affected: 3,
      states: 'TX',
    } as never;
    const checked = await practice.as(co).check('Breach', { type: 'DiscoverBreach', ...(input as object) });
    const r = await practice.as(co).compliance.discoverBreach(input);
    expect(r).toMatchObject({ ok: false, code: 'InvalidField', field: 'states', category: 'invalid' });
    expect(checked).toEqual(r);
    expect(await refusalsOf(practice, 'Breach-b1')).toEqual(['InvalidField']);
    await practice.close();
  });

  it('refuses a value outside a closed set (an OSHA outcome) instead of throwing at append', async () => {
    const practice = await open();
    const input = {
      incidentId: 'i1',
      employeeId: 'emp-1',
      description: 'cut',
      outcome: 'broken-arm',
      occurredAt: '2026-01-02T10:00:00-06:00',
      outcomeAt: '2026-01-02T10:00:00-06:00',
      learnedAt: '2026-01-02T11:00:00-06:00',
      zone,
    } as never;
    const checked = await practice
      .as(co)
      .check('OshaIncident', { type: 'RecordOshaIncident', ...(input as object) });
    const r = await practice.as(co).compliance.recordOshaIncident(input);
    expect(r).toMatchObject({ ok: false, code: 'InvalidValue', field: 'outcome' });
    expect(checked).toEqual(r);
    expect(await refusalsOf(practice, 'OshaIncident-i1')).toEqual(['InvalidValue']);
    await practice.close();
  });

  it('refuses a misspelt optional field instead of silently using the default', async () => {
    const practice = await open();
    const r = await practice.as(pm).finance.registerCharges(
      {
        claimId: 'c1',
        encounterId: 'e1',
        patientId: 'p1',
        payerId: 'aetna',
        payerKind: 'commercial',
        dateOfService: '2026-01-02',
        timeZone: zone,
        charges: [{ cptCode: '99213', units: 1, amount: 14_000 }],
        timelyFilingMonth: 3,
      } as never,
      { at },
    );
    expect(r).toMatchObject({ ok: false, code: 'UnknownField', field: 'timelyFilingMonth' });
    const nested = await practice.as(pm).finance.registerCharges(
      {
        claimId: 'c1',
        encounterId: 'e1',
        patientId: 'p1',
        payerId: 'aetna',
        payerKind: 'commercial',
        dateOfService: '2026-01-02',
        timeZone: zone,
        charges: [{ cptCode: '99213', units: 1, amount: 14_000, modifer: '25' }],
      } as never,
      { at },
    );
    expect(nested).toMatchObject({ ok: false, code: 'UnknownField', field: 'charges.0.modifer' });
    await practice.close();
  });

  it('refuses an unknown command or aggregate as data, and load() of a missing entity says not-found', async () => {
    const practice = await open();
    const p = practice.as(pm);
    expect(await p.execute('Budget', { type: 'NoSuchCommand', budgetId: '2026' } as never)).toMatchObject({
      ok: false,
      code: 'UnknownCommand',
      category: 'invalid',
    });
    expect(await p.execute('NoSuchCommand', { type: 'X' })).toMatchObject({
      ok: false,
      code: 'UnknownAggregate',
      category: 'not-found',
    });
    expect(await p.check('Budget', { type: 'NoSuchCommand', budgetId: '2026' } as never)).toMatchObject({
      code: 'UnknownCommand',
    });
    expect(await p.load('Budget', 'nope')).toMatchObject({
      found: false,
      code: 'NotFound',
      category: 'not-found',
    });
    expect(await p.load('Nope', 'x')).toMatchObject({ found: false, code: 'UnknownAggregate' });
    await practice.close();
  });
});

describe('who and when come from the call', () => {
  it('stamps the approver and business time from the call: one time per event', async () => {
    const practice = await open();
    const p = practice.as(pm);
    await p.finance.draftBudget(
      {
        budgetId: '2026',
        fiscalYear: '2026',
        startsOn: '2026-01-01',
        timeZone: zone,
        currency: 'USD',
        projections: [],
        lines: [{ category: 'rent', months: { '2026-01': 100_000 } }],
      },
      { at },
    );
    const second = '2026-01-06T10:00:00-06:00';
    expect(await p.finance.submitBudget({ budgetId: '2026', at } as never, { at: second })).toMatchObject({
      code: 'TimeMismatch',
      field: 'at',
    });
    const r = await p.finance.submitBudget({ budgetId: '2026' }, { at: second });
    expect(r.ok).toBe(true);
    const events = await collect(practice.store.readStream('Budget-2026'));
    for (const e of events) expect((e.data as { at: string }).at).toBe(e.metadata.occurredAt);
    expect(events.map((e) => (e.data as { submittedBy?: string }).submittedBy)).toEqual([undefined, 'maria']);
    await practice.close();
  });

  it('takes a date-only command’s date as its business time', async () => {
    const practice = await open();
    const hr = practice.as({ id: 'hana', role: 'hr' });
    await hr.staff.receiveApplication({
      staffId: 'n1',
      name: 'N',
      position: 'nurse',
      appliedOn: '2025-11-01',
    });
    const [e] = await collect(practice.store.readStream('StaffMember-n1'));
    expect(e?.metadata.occurredAt).toBe('2025-11-01T00:00:00-05:00');
    await practice.close();
  });

  it('judges the approver-role rule on the actor, not on a name in the payload', async () => {
    const practice = await open();
    await practice.as(co).policies.draftPolicy({
      policyId: 'cs',
      title: 'Controlled substances',
      reviewEveryMonths: 12,
      draftedOn: '2026-01-02',
      approverRoles: ['medical_director'],
    });
    const asWho = await practice
      .as(co)
      .policies.approvePolicy({ policyId: 'cs', approvedBy: 'dr-who', approvedOn: '2026-01-03' });
    expect(asWho).toMatchObject({
      ok: false,
      code: 'NotTheActor',
      category: 'forbidden',
      field: 'approvedBy',
    });
    const asRole = await practice
      .as(co)
      .policies.approvePolicy({ policyId: 'cs', approverRole: 'medical_director', approvedOn: '2026-01-03' });
    expect(asRole).toMatchObject({ ok: false, code: 'NotTheActorRole', field: 'approverRole' });
    const own = await practice.as(co).policies.approvePolicy({ policyId: 'cs', approvedOn: '2026-01-03' });
    expect(own).toMatchObject({ ok: false, code: 'ApproverNotAuthorised' });
    await practice.close();
  });

  it('lets self-service roles act only for themselves', async () => {
    const practice = await open();
    const ann = practice.as({ id: 'ann', role: 'staff' });
    const forBob = await ann.policies.acknowledgePolicy({
      policyId: 'hh',
      version: 1,
      staffId: 'bob',
      acknowledgedOn: '2026-01-06',
    });
    expect(forBob).toMatchObject({ ok: false, code: 'Unauthorized', category: 'forbidden' });
    const training = await ann.staff.completeTraining({
      staffId: 'bob',
      trainingId: 'hipaa',
      completedOn: '2026-01-06',
      hours: 1,
    });
    expect(training).toMatchObject({ ok: false, code: 'Unauthorized' });
    const own = await ann.staff.completeTraining({
      staffId: 'ann',
      trainingId: 'hipaa',
      completedOn: '2026-01-06',
      hours: 1,
    });
    expect(own.ok === false && own.code).not.toBe('Unauthorized');
    await practice.close();
  });

  it('does not let a corrective action’s owner verify it by naming someone else', async () => {
    const practice = await open();
    await hireForTest(practice, 'cora', { role: 'compliance_officer', hiredOn: '2026-01-02' });
    const c = practice.as(co);
    await c.compliance.scheduleAudit({
      auditId: 'a1',
      programmeId: 'hipaa',
      title: 'Q1',
      auditorId: 'cora',
      scheduledFor: '2026-01-10',
    });
    await c.compliance.performAudit({ auditId: 'a1', performedOn: '2026-01-10' });
    await c.compliance.recordFinding({
      auditId: 'a1',
      findingId: 'f1',
      description: 'unlocked cabinet',
      severity: 'high',
      recordedOn: '2026-01-10',
    });
    await c.compliance.assignCorrectiveAction({
      auditId: 'a1',
      findingId: 'f1',
      actionId: 'ca1',
      description: 'fit a lock',
      ownerId: 'cora',
      assignedOn: '2026-01-10',
      dueOn: '2026-01-20',
    });
    await c.compliance.completeCorrectiveAction({
      auditId: 'a1',
      actionId: 'ca1',
      completedOn: '2026-01-12',
    });
    const named = await c.compliance.verifyCorrectiveAction({
      auditId: 'a1',
      actionId: 'ca1',
      verifiedBy: 'maria',
      verifiedOn: '2026-01-13',
    });
    expect(named).toMatchObject({ ok: false, code: 'NotTheActor' });
    const self = await c.compliance.verifyCorrectiveAction({
      auditId: 'a1',
      actionId: 'ca1',
      verifiedOn: '2026-01-13',
    });
    expect(self).toMatchObject({ ok: false, code: 'VerifierIsOwner' });
    const byPm = await practice
      .as(pm)
      .compliance.verifyCorrectiveAction({ auditId: 'a1', actionId: 'ca1', verifiedOn: '2026-01-13' });
    expect(byPm.ok).toBe(true);
    await practice.close();
  });

  it('records both people when one acts for another, and only with the permission', async () => {
    const practice = await open();
    await hireForTest(practice, 'ann', { hiredOn: '2026-01-02' });
    await hireForTest(practice, 'bob', { hiredOn: '2026-01-02' });
    const input = {
      conflictId: 'k1',
      parties: ['ann', 'bob'],
      description: 'rota dispute',
      openedOn: '2026-01-06',
    };
    const staff = await practice
      .as({ id: 'ann', role: 'staff' })
      .staff.openConflict(input, { onBehalfOf: 'bob' });
    expect(staff).toMatchObject({ ok: false, code: 'Unauthorized' });
    const hr = await practice.as({ id: 'hana', role: 'hr' }).staff.openConflict(input, { onBehalfOf: 'ann' });
    expect(hr.ok).toBe(true);
    const [e] = await collect(practice.store.readStream('Conflict-k1'));
    expect(e?.metadata).toMatchObject({ actor: { id: 'hana', role: 'hr' }, onBehalfOf: 'ann' });
    expect((e?.data as { reportedBy: string }).reportedBy).toBe('ann');
    await practice.close();
  });

  it('refuses prototype-named roles, empty ids and an unreadable business time without throwing', async () => {
    const practice = await open();
    const input = { budgetId: '2026' };
    for (const role of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const r = await practice.finance.approveBudget(input, { actor: { id: 'x', role } });
      expect(r).toMatchObject({ ok: false, code: 'InvalidActor' });
    }
    expect(await practice.finance.approveBudget(input, { actor: { id: '', role: 'staff' } })).toMatchObject({
      code: 'InvalidActor',
    });
    expect(
      await practice.finance.approveBudget(input, { actor: { id: 'x'.repeat(200), role: 'staff' } }),
    ).toMatchObject({ code: 'InvalidActor' });
    // Control and bidi characters in an actor id are refused before anything is recorded.
    for (const id of ['ann\u202egnp.exe', 'ann\u0007', 'ann\nbob'])
      expect(await practice.finance.approveBudget(input, { actor: { id, role: 'staff' } })).toMatchObject({
        code: 'InvalidActor',
      });
    // A call dated 'not-a-date' would be recorded but could not be placed by the audit view.
    const hidden = await practice
      .as(pm)
      .staff.receiveApplication(
        { staffId: 'n2', name: 'N', position: 'nurse', appliedOn: '2025-11-01' },
        { at: 'not-a-date' },
      );
    expect(hidden).toMatchObject({ ok: false, code: 'InvalidInstant', field: 'at' });
    expect(await practice.store.streamRevision('StaffMember-n2')).toBe('no_stream');
    await practice.close();
  });
});

/** Every command of every built-in module, with the aggregate that takes it. */
const everyCommand = builtinModules.flatMap((m) =>
  m.aggregates.flatMap((b) =>
    (b.commandTypes as readonly string[]).map((type) => ({
      aggregate: b.decider.name,
      idKey: b.idKey,
      type,
      b,
    })),
  ),
);

describe('no input a caller can send through the facade throws', () => {
  it('answers arbitrary JSON to every command of every module with an outcome', async () => {
    const practice = await open();
    const p = practice.as(pm);
    const input = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    // Each command on its own, so every one is exercised whatever the seed.
    for (const { aggregate, idKey, type, b } of everyCommand) {
      await fc.assert(
        fc.asyncProperty(input, fc.boolean(), async (fields, withId) => {
          const command =
            typeof fields === 'object' && fields !== null && !Array.isArray(fields)
              ? { ...fields, ...(withId ? { [idKey]: 'fuzz' } : {}), type }
              : fields;
          const r = await p.execute(aggregate, command as never, { at });
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) {
            // Every refusal code is declared: the platform's or the aggregate's.
            const declared =
              Object.hasOwn(platformRefusals, r.code) || Object.hasOwn(b.decider.refusals ?? {}, r.code);
            expect(declared, `${type}: undeclared refusal code ${r.code}`).toBe(true);
            expect(await p.check(aggregate, command as never, { at })).toMatchObject({ ok: false });
          }
        }),
        { numRuns: 12 },
      );
    }
    await practice.close();
  });

  it('answers any actor and any business time with an outcome', async () => {
    const practice = await open();
    await fc.assert(
      fc.asyncProperty(
        fc.record({ id: fc.string({ maxLength: 140 }), role: fc.string({ maxLength: 70 }) }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        async (actor, when) => {
          const r = await practice.finance.approveBudget(
            { budgetId: '2026' },
            { actor, ...(when === undefined ? {} : { at: when }) },
          );
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 200 },
    );
    await practice.close();
  });
});
