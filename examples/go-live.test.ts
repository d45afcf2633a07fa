import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '@praxis/core';
import { createPractice, type Practice } from '@praxis/practice';
import { csvFilesIn, goLiveFrom } from './go-live.js';

const dir = fileURLToPath(new URL('data/go-live', import.meta.url));
const zone = 'America/Chicago';
let practice: Practice;
beforeEach(async () => {
  practice = await createPractice({
    store: 'memory:',
    timeZone: zone,
    currency: 'USD',
    clock: fixedClock('2026-03-01T08:00:00', zone),
  });
});
afterEach(() => practice.close());

const eventCount = async () => {
  let n = 0;
  for await (const _ of practice.store.readAll()) n++;
  return n;
};
const kpi = (r: Awaited<ReturnType<Practice['kpis']>>, id: string) => r.lines.find((l) => l.id === id)?.value;

describe('example: go-live from CSV files', () => {
  it('imports the sample practice, and its first month’s KPIs are the hand-computed ones', async () => {
    const r = await goLiveFrom(practice, dir, '2026-02-28');
    expect(r).toEqual({
      ok: true,
      lines: [
        'staff.csv: 4 rows (staff) → 4 commands',
        'credentials.csv: 3 rows (credentials) → 3 commands',
        'training.csv: 5 rows (training) → 10 commands',
        'policies.csv: 2 rows (policies) → 9 commands',
        'acknowledgments.csv: 4 rows (acknowledgments) → 4 commands',
        'requirements.csv: 3 rows (requirements) → 7 commands',
        'open-claims.csv: 6 rows (open claims) → 5 commands',
      ],
    });
    // March, the first month on Praxis: one new visit, a payer payment and a patient payment.
    const biller = practice.as({ id: 's-lee', role: 'biller' });
    const at = (d: string) => `${d}T10:00:00-06:00`;
    const ok = async (p: Promise<{ ok: boolean; summary: string }>) =>
      expect((await p).summary).not.toMatch(/refused|rejected/i);
    await ok(
      biller.finance.registerCharges(
        {
          claimId: 'n-3001',
          encounterId: 'e-3001',
          patientId: 'p-201',
          payerId: 'bluecross',
          payerKind: 'commercial',
          dateOfService: '2026-03-05',
          timeZone: zone,
          charges: [{ cptCode: '99213', units: 1, amount: 15000 }],
        },
        { at: at('2026-03-05') },
      ),
    );
    await ok(biller.finance.createClaim({ claimId: 'n-3001' }, { at: at('2026-03-05') }));
    await ok(biller.finance.scrubClaim({ claimId: 'n-3001', failedEdits: [] }, { at: at('2026-03-05') }));
    await ok(biller.finance.submitClaim({ claimId: 'n-3001' }, { at: at('2026-03-06') }));
    await ok(
      biller.finance.recordPayerPayment(
        {
          claimId: 'o-9001',
          paymentId: 'era-77',
          lines: [{ cptCode: '99213', paid: 10000, contractualAdjustment: 3000 }],
          patientResponsibility: 2000,
        },
        { at: at('2026-03-20') },
      ),
    );
    await ok(
      biller.finance.collectPatientPayment(
        {
          claimId: 'o-9004',
          paymentId: 'chk-12',
          amount: 3000,
          pointOfService: false,
        },
        { at: at('2026-03-12') },
      ),
    );
    const march = await practice.kpis('2026-03', { basis: 'restated' });
    // Opening A/R (end of February), from open-claims.csv: o-9001 150.00 + o-9002 230.00 +
    // o-9003 150.00 (denied, still owed) + o-9004 200.00 − 120.00 paid − 40.00 adjusted − 10.00
    // copay = 30.00 + o-9005 95.00 = 655.00. March: + 150.00 charged − 100.00 paid − 30.00
    // adjusted (o-9001) − 30.00 paid by the patient (o-9004) = 645.00.
    expect(kpi(march, 'grossCharges')).toBe(15000); // the one March visit
    expect(kpi(march, 'netCollections')).toBe(13000); // 100.00 payer + 30.00 patient
    expect(kpi(march, 'grossCollectionRate')).toBeCloseTo((13000 / 15000) * 100, 6);
    expect(kpi(march, 'agedARRate')).toBe(0); // no open claim served before 2025-12-31
    expect(kpi(march, 'cleanClaimRate')).toBe(100); // n-3001 passed its first scrub
    expect(kpi(march, 'initialDenialRate')).toBe(0); // o-9001 first adjudicated in March: paid
    // HIPAA training (12-monthly) at 31 March: Patel due 2026-03-10 and Okafor 2026-02-20 are
    // overdue; Lee (2026-04-02) and Ruiz (2026-06-12) are current: 2 of 4.
    expect(kpi(march, 'trainingCompliance')).toBe(50);
    // privacy → physician, biller, staff (4 people, 3 acknowledged); billing → biller (1 of 1).
    expect(kpi(march, 'policyAcknowledgment')).toBe(80);
    expect(kpi(march, 'staffTurnover')).toBe(0);
    // The calendar knows the imported duties: Okafor's licence expires 2026-03-31, the OSHA
    // review was never met, the access review (met 2025-12-19, every 3 months) is due 2026-03-19.
    const open = await practice.calendar('2026-03-01', { openOnly: true });
    const labels = open.map((e) => `${e.state} ${e.dueAt} ${e.label}`);
    expect(labels).toEqual(
      expect.arrayContaining([expect.stringMatching(/^overdue 2025-01-31 .*Exposure control plan/)]),
    );
    expect(open.some((e) => e.dueAt === '2026-03-31' && /licen[cs]e/i.test(e.label))).toBe(true);
    expect(open.some((e) => e.dueAt === '2026-03-19' && /access review/i.test(e.label))).toBe(true);
  });

  it('names every bad cell by file, line and column, and imports nothing', async () => {
    const files = csvFilesIn(dir).map((f) =>
      f.name === 'staff.csv'
        ? { ...f, text: f.text.replace('2021-09-13', '2021-09-31') }
        : f.name === 'acknowledgments.csv'
          ? { ...f, text: `${f.text}privacy,s-nobody,2024-01-20\n` }
          : f,
    );
    const before = await eventCount();
    const r = await practice
      .as({ id: 'go-live', role: 'practice_manager' })
      .goLive(files, { asOf: '2026-02-28' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Cells first: the acknowledgment by nobody on staff is found once every cell is clean (the
    // role acknowledged under comes from the staff record, so only the dry run can miss it).
    expect(r.problems.map((p) => [p.file, p.line, p.column])).toEqual([['staff.csv', 3, 'hired_on']]);
    expect(r.problems[0]!.message).toBe('hired_on "2021-09-31" is not a date (YYYY-MM-DD)');
    const nobody = await practice.as({ id: 'go-live', role: 'practice_manager' }).goLive(
      files.map((f) => (f.name === 'staff.csv' ? csvFilesIn(dir).find((g) => g.name === 'staff.csv')! : f)),
      { asOf: '2026-02-28' },
    );
    expect(nobody.ok).toBe(false);
    if (nobody.ok) return;
    expect(nobody.problems.map((p) => [p.file, p.line])).toEqual([['acknowledgments.csv', 6]]);
    expect(nobody.problems[0]!.message).toMatch(/s-nobody/);
    expect(await eventCount()).toBe(before);
  });
});
