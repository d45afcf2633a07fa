import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Claim } from '@praxis/finance';
import { createPractice, type Practice } from '@praxis/practice';
import { sample } from '../era/test-support.js';
import { isNpi, type EdiParties } from './claims.js';
import { read837P } from './p837.js';

const zone = 'America/Chicago';
const biller = { id: 'bea', role: 'biller' } as const;
const desk = { id: 'S-201', role: 'staff' } as const;
const manager = { id: 'pm', role: 'practice_manager' } as const;
const at = (d: string) => `${d}T16:00:00-06:00`;
const dir = mkdtempSync(join(tmpdir(), 'praxis-837-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parties: EdiParties = {
  submitter: { name: 'PRAXIS CLINIC', id: 'PRX001', contact: 'BEA BILLER', phone: '3125550100' },
  receiver: { name: 'ACME CLEARINGHOUSE', id: 'ACME01' },
  billingProvider: {
    name: 'PRAXIS CLINIC',
    npi: '1234567893',
    taxId: '123456789',
    address: '1 MAIN ST',
    city: 'CHICAGO',
    state: 'IL',
    zip: '60601',
  },
  renderingProviders: { 'S-101': { npi: '1245319599', lastName: 'WELBY', firstName: 'MARCUS' } },
};

/** Personal data that must never reach the log in clear. */
const secrets = [
  'QUARTERMAN',
  'ROSALIND',
  'W88120456',
  'PA-55190',
  'HALVORSEN',
  'W77001234',
  'card seen at the desk',
];

const hire = async (p: Practice, staffId: string, hiredOn = '2025-12-01') => {
  const actor = { id: 'hr-1', role: 'hr' };
  const d = (n: number) =>
    new Date(Date.parse(`${hiredOn}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  for (const r of [
    await p.staff.receiveApplication(
      { staffId, name: `Dr ${staffId}`, position: 'Physician', appliedOn: d(6) },
      { actor },
    ),
    await p.staff.recordInterview(
      { staffId, interviewedOn: d(5), panel: ['hr-1'], scores: [{ interviewer: 'hr-1', score: 4 }] },
      { actor },
    ),
    await p.staff.recordExclusionScreening({ staffId, screenedOn: d(4), result: 'clear' }, { actor }),
    await p.staff.completeCredentialing({ staffId, completedOn: d(3) }, { actor }),
    await p.staff.makeOffer({ staffId, offeredOn: d(2), role: 'physician', startDate: hiredOn }, { actor }),
    await p.staff.hireStaffMember({ staffId, hiredOn }, { actor }),
  ])
    expect(r.ok, r.summary).toBe(true);
};

const register = (p: Practice, claimId: string, patientId: string, extra: object = {}, on = '2026-03-02') =>
  p.as(biller).finance.registerCharges(
    {
      claimId,
      encounterId: `enc-${claimId}`,
      patientId,
      payerId: 'AETNA',
      payerKind: 'commercial',
      dateOfService: '2026-03-02',
      timeZone: zone,
      charges: [
        { cptCode: '99214', units: 1, amount: 18_000, modifiers: ['25'], diagnosisPointers: [1, 2] },
        { cptCode: '36415', units: 1, amount: 2_500, diagnosisPointers: [2] },
      ],
      memberId: 'W88120456',
      subscriber: { lastName: 'QUARTERMAN', firstName: 'ROSALIND' },
      diagnoses: ['E11.9', 'I10'],
      renderingProviderId: 'S-101',
      priorAuthorizationNumber: 'PA-55190',
      ...extra,
    },
    { at: at(on) },
  );

const ready = async (p: Practice, claimId: string) => {
  for (const r of [
    await p.as(biller).finance.createClaim({ claimId }, { at: at('2026-03-03') }),
    await p.as(biller).finance.scrubClaim({ claimId, failedEdits: [] }, { at: at('2026-03-03') }),
  ])
    expect(r.ok, r.summary).toBe(true);
};

const fileBytes = (db: string): string =>
  Buffer.concat(
    [db, `${db}-wal`, `${db}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
  ).toString('latin1');

describe('claims carry what an 837P needs, and export to one that parses back', () => {
  it('refuses a rendering provider not on staff; exports only claims whose eligibility was checked; seals the subscriber', async () => {
    const db = join(dir, 'export.db');
    const p = await createPractice({ store: `sqlite:${db}`, timeZone: zone, currency: 'USD' });
    try {
      await hire(p, 'S-101');
      await hire(p, 'S-201');
      const policy = await p
        .as(manager)
        .finance.setBillingPolicy({ policyId: 'practice', eligibilityCheckRequired: true });
      expect(policy.ok, policy.summary).toBe(true);

      const nobody = await register(p, 'c-9', 'pat-9', { renderingProviderId: 'S-999' });
      expect(nobody).toMatchObject({ ok: false, code: 'UnknownStaffMember', field: 'renderingProviderId' });

      expect((await register(p, 'c-1', 'pat-1')).ok).toBe(true);
      expect(
        (
          await register(p, 'c-2', 'pat-2', {
            memberId: 'W77001234',
            subscriber: { lastName: 'HALVORSEN', firstName: 'INGRID' },
            diagnoses: ['Z00.00'],
            priorAuthorizationNumber: undefined,
            charges: [{ cptCode: '99396', units: 1, amount: 22_000 }],
          })
        ).ok,
      ).toBe(true);
      await ready(p, 'c-1');
      await ready(p, 'c-2');

      // Only pat-1's coverage is checked for the date of service.
      const check = await p.as(desk).finance.recordEligibilityCheck(
        {
          patientId: 'pat-1',
          checkId: 'elig-1',
          payerId: 'AETNA',
          serviceDate: '2026-03-02',
          coverageActive: true,
          copay: 2_500,
          deductibleRemaining: 40_000,
          source: '271',
        },
        { at: at('2026-03-01') },
      );
      expect(check.ok, check.summary).toBe(true);
      const refused = await p.as(biller).finance.submitClaim({ claimId: 'c-2' }, { at: at('2026-03-04') });
      expect(refused).toMatchObject({ ok: false, code: 'EligibilityNotChecked', field: 'eligibility' });

      const out = await p.as(biller).finance.exportClaims(parties, {
        controlNumber: 7,
        submit: true,
        at: at('2026-03-04'),
      });
      expect(out.claims.map((c) => c.claimId)).toEqual(['c-1']);
      expect(out.skipped).toEqual([
        { claimId: 'c-2', reason: expect.stringMatching(/^EligibilityNotChecked: /) },
      ]);
      expect(out.submitted).toBe(1);
      const back = read837P(out.text!);
      expect(back).toEqual(out.claims);
      expect(back[0]).toMatchObject({
        claimId: 'c-1',
        totalCharge: 20_500,
        diagnoses: ['E119', 'I10'],
        subscriber: { memberId: 'W88120456', lastName: 'QUARTERMAN', firstName: 'ROSALIND' },
        priorAuthorization: 'PA-55190',
        renderingProvider: { npi: '1245319599', lastName: 'WELBY', firstName: 'MARCUS' },
        claimFilingIndicator: 'CI',
      });
      expect(back[0]!.lines.map((l) => [l.cptCode, l.modifiers, l.charge, l.diagnosisPointers])).toEqual([
        ['99214', ['25'], 18_000, [1, 2]],
        ['36415', undefined, 2_500, [2]],
      ]);
      expect(out.text).toContain('REF*G1*PA-55190~');
      expect(out.text).toContain('NM1*82*1*WELBY*MARCUS****XX*1245319599~');
      expect(out.text).toContain('SV1*HC:99214:25*180*UN*1***1:2~');
      const submitted = await p.load<Claim.State>('Claim', 'c-1');
      expect(submitted.found && submitted.state.status).toBe('submitted');

      // The override: submitted anyway, with a reason the log keeps sealed.
      const overridden = await p
        .as(biller)
        .finance.submitClaim(
          { claimId: 'c-2', eligibilityOverrideReason: 'card seen at the desk' },
          { at: at('2026-03-04') },
        );
      expect(overridden.ok, overridden.summary).toBe(true);
      const events = [];
      for await (const e of p.store.readStream('Claim-c-2')) events.push(e.type);
      expect(events).toContain('ClaimEligibilityOverridden');
    } finally {
      await p.close();
    }
    const bytes = fileBytes(db);
    for (const s of secrets) expect(bytes.includes(s), s).toBe(false);
  });

  it('the export refuses malformed EDI parties with a typed error naming the field', async () => {
    const p = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
    try {
      const bad = { ...parties, billingProvider: { ...parties.billingProvider, npi: '1234567890' } };
      await expect(p.as(biller).finance.exportClaims(bad)).rejects.toThrow(/billingProvider\.npi/);
      expect(isNpi('1234567893')).toBe(true);
      expect(isNpi('1234567890')).toBe(false);
    } finally {
      await p.close();
    }
  });
});

describe('837P import (go-live of open A/R)', () => {
  const exported = async (): Promise<string> => {
    const p = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
    await hire(p, 'S-101');
    for (const [id, patient] of [
      ['c-1', 'pat-1'],
      ['c-2', 'pat-2'],
    ] as const) {
      expect((await register(p, id, patient)).ok).toBe(true);
      await ready(p, id);
    }
    const out = await p.as(biller).finance.exportClaims(parties, { controlNumber: 9, at: at('2026-03-04') });
    await p.close();
    return out.text!;
  };

  it('registers every claim as submitted with the same charges and codes, once', async () => {
    const text = await exported();
    const p = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
    try {
      await hire(p, 'S-101');
      const r = await p.as(biller).finance.importClaims(text, { parties, at: at('2026-04-01') });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      expect(r.claims.map((c) => [c.claimId, c.status, c.totalCharge])).toEqual([
        ['c-1', 'imported', 20_500],
        ['c-2', 'imported', 20_500],
      ]);
      const s = await p.load<Claim.State>('Claim', 'c-1');
      if (!s.found) throw new Error('c-1 not imported');
      expect(s.state.status).toBe('submitted');
      expect(s.state.billing).toMatchObject({
        diagnoses: ['E11.9', 'I10'],
        renderingProviderId: 'S-101',
        memberId: 'W88120456',
        subscriber: { lastName: 'QUARTERMAN', firstName: 'ROSALIND' },
        priorAuthorizationNumber: 'PA-55190',
      });
      expect(s.state.charges.map((l) => [l.cptCode, l.amount, l.diagnosisPointers])).toEqual([
        ['99214', 18_000, [1, 2]],
        ['36415', 2_500, [2]],
      ]);
      // Both claims of one subscriber get one opaque patient id.
      const s2 = await p.load<Claim.State>('Claim', 'c-2');
      expect(s2.found && s2.state.patientId).toBe(s.state.patientId);
      const again = await p.as(biller).finance.importClaims(text, { parties, at: at('2026-04-02') });
      expect(again.ok && again.claims.map((c) => c.status)).toEqual(['already-imported', 'already-imported']);
      // The same claim id with other charges is not the same claim: nothing is imported.
      const k = text.lastIndexOf('SV1*HC:36415*25*');
      const other = `${text.slice(0, k)}SV1*HC:36415*35*${text.slice(k + 16)}`.replace(
        'CLM*c-2*205*',
        'CLM*c-2*215*',
      );
      const clash = await p.as(biller).finance.importClaims(other, { parties, at: at('2026-04-02') });
      expect(clash).toMatchObject({
        ok: false,
        outcome: 'unmatched',
        unmatched: [
          { claimId: 'c-2', reason: 'claim c-2 is already in Praxis with charges of 20500 cents, not 21500' },
        ],
      });
    } finally {
      await p.close();
    }
  });

  it('imports a public sample 837P, and nothing of a file where one claim cannot be registered', async () => {
    const p = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
    try {
      const two = await p.as(biller).finance.importClaims(sample('837p-tigershark-two-claims.edi'), {
        at: at('2026-04-01'),
      });
      expect(two.ok && two.claims.map((c) => [c.claimId, c.totalCharge])).toEqual([
        ['1000A', 14_000],
        ['1001A', 14_000],
      ]);
      // The TR3 example uses ICD-9 codes: not ICD-10-CM.
      const r = await p
        .as(biller)
        .finance.importClaims(sample('837p-lfh-tr3-example1.edi'), { at: at('2026-04-01') });
      expect(r).toMatchObject({ ok: false, outcome: 'unmatched', unmatched: [{ claimId: '26463774' }] });
      // All or nothing: the second claim's diagnosis is ICD-9, so the first is not registered either.
      const text = await exported();
      const k = text.lastIndexOf('HI*ABK:E119*ABF:I10~');
      const mixed = `${text.slice(0, k)}HI*ABK:25000*ABF:I10~${text.slice(k + 'HI*ABK:E119*ABF:I10~'.length)}`;
      const refused = await p.as(biller).finance.importClaims(mixed, { at: at('2026-04-01') });
      expect(refused).toMatchObject({
        ok: false,
        outcome: 'unmatched',
        unmatched: [{ claimId: 'c-2', reason: 'diagnosis 25000 is not an ICD-10-CM code' }],
      });
      expect((await p.load('Claim', 'c-1')).found).toBe(false);
    } finally {
      await p.close();
    }
  });

  it('a claim filed in the old system is not a new filing: import-837 and goLive agree on old claims of every payer (property)', async () => {
    // One claim, exported while it was young (within every filing limit), imported years later.
    const old837 = async (payerKind: string, dateOfService: string) => {
      const p = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
      try {
        await hire(p, 'S-101', '2022-12-01');
        const claimId = 'old-1';
        expect(
          await register(p, claimId, 'pat-1', { payerKind, dateOfService }, dateOfService).then((r) => r.ok),
        ).toBe(true);
        for (const r of [
          await p.as(biller).finance.createClaim({ claimId }, { at: at(dateOfService) }),
          await p.as(biller).finance.scrubClaim({ claimId, failedEdits: [] }, { at: at(dateOfService) }),
        ])
          expect(r.ok, r.summary).toBe(true);
        const out = await p.as(biller).finance.exportClaims(parties, { at: at(dateOfService) });
        expect(out.skipped).toEqual([]);
        return out.text!;
      } finally {
        await p.close();
      }
    };
    const csv = (payerKind: string, dateOfService: string) =>
      [
        'claim_id,encounter_id,patient_id,payer_id,payer_kind,date_of_service,cpt_code,units,charge,status',
        `old-1,enc-old-1,pat-1,AETNA,${payerKind},${dateOfService},99214,1,180.00,submitted`,
        `old-1,enc-old-1,pat-1,AETNA,${payerKind},${dateOfService},36415,1,25.00,submitted`,
      ].join('\n');
    const day = (n: number) => new Date(Date.UTC(2023, 0, 2) + n * 86_400_000).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('medicare', 'medicaid', 'commercial'),
        // 2023-01-02 … 2026-03-20: many long past any filing limit at go-live (2026-03-31).
        fc.integer({ min: 0, max: 1173 }),
        async (payerKind, n) => {
          const dateOfService = day(n);
          const text = await old837(payerKind, dateOfService);
          const viaEdi = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
          const viaCsv = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
          try {
            await hire(viaEdi, 'S-101', '2022-12-01');
            const r = await viaEdi.as(biller).finance.importClaims(text, { parties, at: at('2026-04-01') });
            expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
            const g = await viaCsv
              .as(manager)
              .goLive([{ name: 'open-claims.csv', text: csv(payerKind, dateOfService) }], {
                asOf: '2026-03-31',
              });
            expect(g, JSON.stringify(g)).toMatchObject({ ok: true });
            for (const p of [viaEdi, viaCsv]) {
              const s = await p.load<Claim.State>('Claim', 'old-1');
              expect(s.found && [s.state.status, s.state.payerKind, s.state.totalCharges]).toEqual([
                'submitted',
                payerKind,
                20_500,
              ]);
            }
          } finally {
            await viaEdi.close();
            await viaCsv.close();
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 180_000);

  it('any damaged 837P text gives a typed outcome, never a throw (property)', async () => {
    const text = await exported();
    const p = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: text.length - 1 }),
          fc.integer({ min: 0, max: 40 }),
          fc.string({ maxLength: 6 }),
          async (from, cut, insert) => {
            const damaged = text.slice(0, from) + insert + text.slice(from + cut);
            const r = await p.as(biller).finance.importClaims(damaged, { at: at('2026-04-01') });
            if (r.ok) return; // a harmless edit (whitespace) may still be a valid file
            expect(['invalid', 'unmatched', 'interrupted']).toContain(r.outcome);
            if (r.outcome === 'invalid')
              expect(r.error.kind).toMatch(/syntax|unsupported|invalid|unbalanced/);
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await p.close();
    }
  });
});

describe('eligibility, billing policy and export parties: bad input is a typed refusal or error, never a throw', () => {
  it('holds for random eligibility checks, policies and parties (property)', async () => {
    const p = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
    const anything = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
    );
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            {
              patientId: fc.oneof(fc.constantFrom('pat-1', 'p 1', ''), anything),
              checkId: fc.oneof(fc.constant('e-1'), anything),
              payerId: fc.oneof(fc.constant('AETNA'), anything),
              serviceDate: fc.oneof(fc.constantFrom('2026-03-02', '2026-02-30', '03/02/2026'), anything),
              coverageActive: anything,
              source: fc.oneof(fc.constantFrom('271', 'portal', 'fax'), anything),
              copay: anything,
              deductibleRemaining: anything,
              reference: anything,
              extra: anything,
            },
            { requiredKeys: [] },
          ),
          fc.record({ policyId: anything, eligibilityCheckRequired: anything }, { requiredKeys: [] }),
          fc.record(
            {
              submitter: anything,
              receiver: anything,
              billingProvider: anything,
              renderingProviders: anything,
            },
            { requiredKeys: [] },
          ),
          async (check, policy, badParties) => {
            const r = await p
              .as(desk)
              .finance.recordEligibilityCheck(check as never, { at: at('2026-03-02') });
            if (!r.ok) expect(r.code).toMatch(/^[A-Z][A-Za-z0-9]+$/);
            const q = await p.as(manager).finance.setBillingPolicy(policy as never, { at: at('2026-03-02') });
            if (!q.ok) expect(q.code).toMatch(/^[A-Z][A-Za-z0-9]+$/);
            try {
              await p.as(biller).finance.exportClaims(badParties as never);
              throw new Error('malformed parties were accepted');
            } catch (e) {
              expect((e as { _tag?: string })._tag).toBe('X12Error');
            }
          },
        ),
        { numRuns: 80 },
      );
    } finally {
      await p.close();
    }
  });
});
