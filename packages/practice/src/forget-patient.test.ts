import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, forgottenPlaceholder } from '@praxis/core';
import { createPractice } from './create.js';

const dir = mkdtempSync(join(tmpdir(), 'praxis-forget-patient-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const zone = 'America/Chicago';
const pm = { id: 'S-1', role: 'practice_manager' };
const biller = { id: 'S-2', role: 'biller' };

/** Every byte SQLite keeps for the practice: the file, its WAL and its shared-memory index. */
const bytesOf = (db: string): Buffer =>
  Buffer.concat([db, `${db}-wal`, `${db}-shm`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));

// What identifies Rosalind outside Praxis, and the free text written about her claims.
const patientId = 'P-7Q2K';
const secrets = [
  'Rosalind Quarterman',
  '1961-04-09',
  '555-0142-889',
  'rquarterman@example.org',
  'XQJ884201773',
  'subscriber name Quarterman does not match',
  'corrected the member id from the card Rosalind brought',
  'Quarterman’s cardiology records attached',
];

describe('forgetting a patient', () => {
  it('leaves nothing in the SQLite file that links the claims to her, while verify passes and the KPIs are equal', async () => {
    const db = join(dir, 'practice.db');
    const practice = await createPractice({ store: `sqlite:${db}`, timeZone: zone, currency: 'USD' });
    try {
      const registered = await practice.patients.registerPatient(
        {
          patientId,
          name: 'Rosalind Quarterman',
          dateOfBirth: '1961-04-09',
          phone: '555-0142-889',
          email: 'rquarterman@example.org',
          registeredOn: '2026-01-05',
        },
        { actor: { id: 'S-3', role: 'front_desk' } },
      );
      expect(registered.ok, registered.summary).toBe(true);
      const claim = async (claimId: string, who: string, dateOfService: string, extra: object = {}) => {
        const r = await practice.finance.registerCharges(
          {
            claimId,
            encounterId: `e-${claimId}`,
            patientId: who,
            payerId: 'AETNA',
            payerKind: 'commercial',
            dateOfService,
            timeZone: zone,
            charges: [{ cptCode: '99214', units: 1, amount: 18_000 }],
            ...extra,
          },
          { actor: pm, at: `${dateOfService}T15:00:00-06:00` },
        );
        expect(r.ok, r.summary).toBe(true);
        expect(
          (
            await practice.finance.createClaim(
              { claimId },
              { actor: biller, at: `${dateOfService}T16:00:00-06:00` },
            )
          ).ok,
        ).toBe(true);
      };
      // Her claim: held, corrected, submitted, denied, appealed, paid in part.
      await claim('c-1', patientId, '2026-01-06', { memberId: 'XQJ884201773' });
      const steps = [
        () =>
          practice.finance.scrubClaim(
            {
              claimId: 'c-1',
              failedEdits: [{ code: 'SUBSCRIBER', message: 'subscriber name Quarterman does not match' }],
            },
            { actor: biller, at: '2026-01-07T09:00:00-06:00' },
          ),
        () =>
          practice.finance.correctClaim(
            { claimId: 'c-1', correction: 'corrected the member id from the card Rosalind brought' },
            { actor: biller, at: '2026-01-08T09:00:00-06:00' },
          ),
        () =>
          practice.finance.scrubClaim(
            { claimId: 'c-1', failedEdits: [] },
            { actor: biller, at: '2026-01-08T10:00:00-06:00' },
          ),
        () =>
          practice.finance.submitClaim(
            { claimId: 'c-1' },
            { actor: biller, at: '2026-01-08T11:00:00-06:00' },
          ),
        () =>
          practice.finance.recordDenial(
            { claimId: 'c-1', carcCode: '50', amount: 18_000 },
            { actor: biller, at: '2026-01-20T09:00:00-06:00' },
          ),
        () =>
          practice.finance.appealDenial(
            { claimId: 'c-1', note: 'Quarterman’s cardiology records attached' },
            { actor: biller, at: '2026-01-22T09:00:00-06:00' },
          ),
        () =>
          practice.finance.recordPayerPayment(
            {
              claimId: 'c-1',
              paymentId: 'era-1',
              lines: [{ cptCode: '99214', paid: 9_000, contractualAdjustment: 4_000 }],
              patientResponsibility: 5_000,
            },
            { actor: biller, at: '2026-02-10T09:00:00-06:00' },
          ),
      ];
      for (const step of steps) {
        const r = await step();
        expect(r.ok, r.summary).toBe(true);
      }
      // Someone else's claim, so the KPIs mix both.
      await claim('c-2', 'P-9ZZ1', '2026-01-12');
      expect(
        (
          await practice.finance.submitClaim(
            { claimId: 'c-2' },
            { actor: biller, at: '2026-01-13T09:00:00-06:00' },
          )
        ).ok,
      ).toBe(false); // not scrubbed
      await practice.finance.scrubClaim(
        { claimId: 'c-2', failedEdits: [] },
        { actor: biller, at: '2026-01-13T09:00:00-06:00' },
      );
      await practice.finance.submitClaim(
        { claimId: 'c-2' },
        { actor: biller, at: '2026-01-13T10:00:00-06:00' },
      );

      // Readers of the practice see her data; the file never held it in clear.
      const loaded = await practice.load<{ name: string }>('Patient', patientId);
      expect(loaded.found && loaded.state.name).toBe('Rosalind Quarterman');
      const before = bytesOf(db);
      for (const s of secrets) expect(before.includes(Buffer.from(s)), s).toBe(false);
      const kpisBefore = JSON.stringify([await practice.kpis('2026-Q1'), await practice.kpis('2026-01')]);
      const key = new Database(db, { readonly: true })
        .prepare('SELECT key FROM subject_keys WHERE subject_id = ?')
        .pluck()
        .get(`patient:${patientId}`) as Buffer;
      expect(key).toHaveLength(32);

      const forgot = await practice.forgetSubject(`patient:${patientId}`, { actor: pm });
      expect(forgot).toMatchObject({ ok: true, alreadyForgotten: false, physicallyErased: true });

      const after = bytesOf(db);
      for (const s of secrets) expect(after.includes(Buffer.from(s)), s).toBe(false);
      expect(after.includes(key), 'the subject key').toBe(false);
      expect((await practice.audit.verify()).ok).toBe(true);
      expect(JSON.stringify([await practice.kpis('2026-Q1'), await practice.kpis('2026-01')])).toBe(
        kpisBefore,
      );
      const gone = await practice.load<{ name: string }>('Patient', patientId);
      expect(gone.found && gone.state.name).toBe(forgottenPlaceholder);
      // Her claim's free text reads as forgotten; its amounts and codes are still there.
      const events = await collect(practice.store.readStream('Claim-c-1'));
      const appealed = await practice.load<{ totalCharges: number; everDenied: boolean }>('Claim', 'c-1');
      expect(appealed.found && [appealed.state.totalCharges, appealed.state.everDenied]).toEqual([
        18_000,
        true,
      ]);
      expect(events.map((e) => e.type)).toContain('ClaimAppealed');
      // A new claim naming her id again is refused: a returning person is a new subject.
      const again = await practice.finance.registerCharges(
        {
          claimId: 'c-3',
          encounterId: 'e-3',
          patientId,
          payerId: 'AETNA',
          payerKind: 'commercial',
          dateOfService: '2026-03-02',
          timeZone: zone,
          charges: [{ cptCode: '99213', units: 1, amount: 12_000 }],
        },
        { actor: pm, at: '2026-03-02T15:00:00-06:00' },
      );
      expect(again).toMatchObject({ ok: false, code: 'SubjectForgotten' });
    } finally {
      await practice.close();
    }
    // The file, reopened, still verifies (the trail of the erasure included).
    const reopened = await createPractice({ store: `sqlite:${db}` });
    try {
      expect((await reopened.audit.verify()).ok).toBe(true);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a claim patient id that is not opaque — a name, an e-mail, an SSN, an MRN, a phone number — naming the field', async () => {
    const practice = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
    const register = (patientId: unknown, claimId = 'c-x') =>
      practice.finance.registerCharges(
        {
          claimId,
          encounterId: 'e-x',
          patientId: patientId as string,
          payerId: 'AETNA',
          payerKind: 'commercial',
          dateOfService: '2026-03-02',
          timeZone: zone,
          charges: [{ cptCode: '99213', units: 1, amount: 12_000 }],
        },
        { actor: pm, at: '2026-03-02T15:00:00-06:00' },
      );
    try {
      for (const bad of [
        'Rosalind Quarterman',
        'rq@example.org',
        '123-45-6789',
        '00012345',
        '(555) 014-2889',
        '1961-04-09',
        'x'.repeat(65),
      ])
        expect(await register(bad), bad).toMatchObject({ ok: false, code: 'NotOpaque', field: 'patientId' });
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[0-9 ()./-]{1,20}$/), fc.anything()),
          async (id) => {
            const r = await register(id);
            const opaque =
              typeof id === 'string' &&
              ((/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(id) && /[A-Za-z]/.test(id) && id.length <= 64) ||
                /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
            if (!opaque) expect(r).toMatchObject({ ok: false, field: 'patientId' });
            if (!opaque && typeof id === 'string' && id.trim() !== '')
              expect(r).toMatchObject({ code: 'NotOpaque' });
          },
        ),
        { numRuns: 150 },
      );
      expect((await register('3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b', 'c-uuid')).ok).toBe(true);
    } finally {
      await practice.close();
    }
  });
});
