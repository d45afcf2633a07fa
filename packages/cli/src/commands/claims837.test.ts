import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { read837P } from '@praxis/x12';
import { praxis, tempDir } from '../test-support.js';

/** The parts of a claim's state the test compares (Claim.State of @praxis/finance). */
interface ClaimState {
  readonly totalCharges: number;
  readonly payerId: string;
  readonly charges: readonly {
    cptCode: string;
    amount: number;
    units: number;
    diagnosisPointers?: number[];
  }[];
  readonly billing: { readonly diagnoses: readonly string[]; readonly memberId?: string };
}

const tmp = tempDir();
const db = join(tmp.dir, 'demo.db');
const parties = join(tmp.dir, 'parties.json');
afterAll(() => tmp.remove());

beforeAll(async () => {
  // A small demo: a few hundred encounters, every visit with a payer checked for eligibility.
  const r = await praxis(['demo', '--db', db, '--encounters', '150']);
  expect(r.code, r.err).toBe(0);
  writeFileSync(
    parties,
    JSON.stringify({
      submitter: {
        name: 'RIVERSIDE FAMILY MEDICINE',
        id: 'RFM001',
        contact: 'BEN CARTER',
        phone: '3125550100',
      },
      receiver: { name: 'ACME CLEARINGHOUSE', id: 'ACME01' },
      billingProvider: {
        name: 'RIVERSIDE FAMILY MEDICINE',
        npi: '1234567893',
        taxId: '364812345',
        address: '10 RIVER RD',
        city: 'CHICAGO',
        state: 'IL',
        zip: '60601',
      },
      renderingProviders: {
        'S-102': { npi: '1500000017', lastName: 'REYES', firstName: 'LENA' },
        'S-103': { npi: '1500000025', lastName: 'HADDAD', firstName: 'OMAR' },
        'S-104': { npi: '1500000033', lastName: 'KIM', firstName: 'GRACE' },
      },
    }),
  );
}, 600_000);

describe('praxis export-837 / import-837 on the demo', () => {
  it("exports the demo's claims to an 837P that parses back to the same claims, charges and codes", async () => {
    const out = join(tmp.dir, 'demo.837');
    const r = await praxis(['export-837', '--all', '--parties', parties, '--out', out, '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^exported \d+ claims \(charges [\d.]+\) to /m);
    const back = read837P(readFileSync(out, 'utf8'));
    const practice = await createPractice({ store: `sqlite:${db}` });
    try {
      let compared = 0;
      for (const c of back) {
        const loaded = await practice.load<ClaimState>('Claim', c.claimId);
        if (!loaded.found) throw new Error(`${c.claimId} is not a claim of the demo`);
        const s = loaded.state;
        expect(c.totalCharge).toBe(s.totalCharges);
        expect(c.lines.map((l) => [l.cptCode, l.charge, l.units, l.diagnosisPointers])).toEqual(
          s.charges.map((l) => [l.cptCode, l.amount, l.units, l.diagnosisPointers ?? [1]]),
        );
        expect(c.diagnoses).toEqual(s.billing.diagnoses.map((d) => d.replace('.', '')));
        expect(c.subscriber.memberId).toBe(s.billing.memberId);
        expect(c.renderingProvider?.npi).toMatch(/^15000000\d\d$/);
        expect(c.payer.id).toBe(s.payerId);
        compared++;
      }
      // Every claim with a payer that went to it is in the file; self-pay claims never are.
      let sent = 0;
      for await (const [, doc] of practice.readModels.list('finance-claims', 'claim:')) {
        const d = doc as { status: string; payerKind: string };
        if (d.payerKind !== 'self-pay' && !['charges-registered', 'created', 'held'].includes(d.status))
          sent++;
      }
      expect(compared).toBe(sent);
      expect(compared).toBeGreaterThan(100);
    } finally {
      await practice.close();
    }

    // The same file brings the claims into a new practice (go-live) as submitted claims, once.
    const fresh = join(tmp.dir, 'fresh.db');
    await (
      await createPractice({ store: `sqlite:${fresh}`, timeZone: 'America/Chicago', currency: 'USD' })
    ).close();
    const first = await praxis(['import-837', out, '--db', fresh, '--at', '2026-01-05T09:00:00-06:00']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(new RegExp(`imported ${back.length} claims .*; 0 already in Praxis`));
    const again = await praxis(['import-837', out, '--db', fresh, '--at', '2026-01-06T09:00:00-06:00']);
    expect(again.out).toMatch(new RegExp(`imported 0 claims .*; ${back.length} already in Praxis`));
  });

  it('lists what it cannot export and says so when nothing is ready; refuses a bad parties file by field', async () => {
    const none = await praxis(['export-837', '--parties', parties, '--db', db]);
    expect(none.err).toMatch(/no claim is ready to submit/);
    const badParties = join(tmp.dir, 'bad.json');
    writeFileSync(badParties, JSON.stringify({ submitter: {} }));
    const bad = await praxis(['export-837', '--parties', badParties, '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/submitter\.name/);
    const notX12 = join(tmp.dir, 'not.837');
    writeFileSync(notX12, 'hello');
    const r = await praxis(['import-837', notX12, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing was imported/);
  });
});
