import { describe, expect, it } from 'vitest';
import { foldProjections, obligationKey } from '@praxis/core';
import { financeHistory } from './finance-fixture.js';
import {
  appealId,
  FINANCE_OBLIGATIONS,
  financeObligationsProjection,
  timelyFilingId,
} from './obligations-projection.js';

const model = (h = financeHistory()) => foldProjections([financeObligationsProjection], h.events);
const get = (m: ReturnType<typeof model>, id: string) => m.get(FINANCE_OBLIGATIONS, obligationKey(id));

describe('finance-obligations: claim deadlines for the compliance calendar', () => {
  it('keeps the timely-filing obligation of an unsubmitted claim open until the payer’s limit after the date of service', async () => {
    // F: BCBS, contractual limit 12 months: DOS 2026-03-31 + 12 months = 2027-03-31; 10,000 charged, 2,500 paid at the visit
    expect(await get(model(), timelyFilingId('F'))).toEqual({
      id: 'claim-timely-filing:F',
      module: 'finance',
      kind: 'claim-timely-filing',
      label: 'File claim F with bcbs (date of service 2026-03-31)',
      streamId: 'Claim-F',
      arisesAt: '2026-03-31',
      dueAt: '2027-03-31',
      legalSource: 'payer filing limit (12 months)',
      charges: 10_000,
      applied: 2_500,
    });
  });

  it('gives a Medicare claim 12 months from the date of service (42 CFR 424.44)', async () => {
    // E: DOS 2026-01-10 + 12 months = 2027-01-10, filed 2026-01-11
    expect(await get(model(), timelyFilingId('E'))).toMatchObject({
      dueAt: '2027-01-10',
      legalSource: '42 CFR 424.44',
      closedBy: 'filed',
      completedAt: '2026-01-11T10:00:00-05:00',
    });
  });

  it('raises no filing duty for a self-pay claim, nor for a payer whose limit is not given', async () => {
    const h = financeHistory();
    const lines = [{ cptCode: '99213', units: 1, amount: 8_000 }];
    const reg = (claimId: string, payerKind: 'self-pay' | 'commercial') => ({
      type: 'RegisterCharges' as const,
      claimId,
      encounterId: `enc-${claimId}`,
      patientId: 'pat-S',
      payerId: payerKind === 'self-pay' ? 'self-pay' : 'cigna',
      payerKind,
      dateOfService: '2026-03-12',
      timeZone: 'America/New_York',
      charges: lines,
      at: '2026-03-12T10:00:00-05:00',
    });
    h.claim('S', reg('S', 'self-pay'));
    h.claim('S', { type: 'CreateClaim', at: '2026-03-12T11:00:00-05:00' });
    h.claim('U', reg('U', 'commercial'));
    const m = model(h);
    expect(await get(m, timelyFilingId('S'))).toBeUndefined();
    expect(await get(m, timelyFilingId('U'))).toBeUndefined();
  });

  it('closes the filing duty as settled when the balance reaches zero before filing, and reopens it if charges rise', async () => {
    const h = financeHistory();
    const t = (d: string) => `${d}T10:00:00-05:00`;
    h.claim('Z', {
      type: 'RegisterCharges',
      claimId: 'Z',
      encounterId: 'enc-Z',
      patientId: 'pat-Z',
      payerId: 'medicare',
      payerKind: 'medicare',
      dateOfService: '2026-03-12',
      timeZone: 'America/New_York',
      charges: [{ cptCode: '99212', units: 1, amount: 3_000 }],
      at: t('2026-03-12'),
    });
    // the patient pays the whole 3,000 at the visit: nothing is left to file for
    h.claim('Z', {
      type: 'CollectPatientPayment',
      paymentId: 'Z-pos',
      amount: 3_000,
      pointOfService: true,
      at: t('2026-03-12'),
    });
    expect(await get(model(h), timelyFilingId('Z'))).toMatchObject({
      closedBy: 'settled',
      completedAt: t('2026-03-12'),
      charges: 3_000,
      applied: 3_000,
    });
    // created, held and corrected to 5,000: 2,000 is owed again, so the duty reopens
    h.claim('Z', { type: 'CreateClaim', at: t('2026-03-13') });
    h.claim('Z', {
      type: 'ScrubClaim',
      failedEdits: [{ code: 'DX', message: 'no diagnosis' }],
      at: t('2026-03-13'),
    });
    h.claim('Z', {
      type: 'CorrectClaim',
      correction: 'add the procedure',
      charges: [{ cptCode: '99212', units: 1, amount: 5_000 }],
      at: t('2026-03-14'),
    });
    const reopened = await get(model(h), timelyFilingId('Z'));
    expect(reopened).toMatchObject({ charges: 5_000, applied: 3_000 });
    expect(reopened).not.toHaveProperty('completedAt');
    expect(reopened).not.toHaveProperty('closedBy');
  });

  it('marks timely filing met at the first submission', async () => {
    // A: Aetna's 6-month limit: 2026-03-02 + 6 months = 2026-09-02
    expect(await get(model(), timelyFilingId('A'))).toMatchObject({
      dueAt: '2026-09-02',
      closedBy: 'filed',
      completedAt: '2026-03-03T10:00:00-05:00',
    });
  });

  it('opens a 120-day Medicare redetermination obligation at a denial, met when appealed', async () => {
    // B denied 2026-03-15: +120 days = 2026-07-13 (16 left in March + 30 + 31 + 30 + 13 = 120)
    const open = await get(model(), appealId('B'));
    expect(open).toMatchObject({
      kind: 'claim-appeal',
      arisesAt: '2026-03-15T10:00:00-05:00',
      dueAt: '2026-07-13',
      legalSource: '42 CFR 405.942 (Medicare redetermination, 120 days)',
    });
    expect(open).not.toHaveProperty('completedAt');
    const h = financeHistory();
    h.claim('B', { type: 'AppealDenial', note: 'medical records attached', at: '2026-04-01T09:00:00-04:00' });
    expect(await get(model(h), appealId('B'))).toMatchObject({ completedAt: '2026-04-01T09:00:00-04:00' });
  });

  it('opens no appeal obligation when the payer has no known appeal window', async () => {
    // C is a commercial claim without appealWindowDays
    expect(await get(model(), appealId('C'))).toBeUndefined();
  });

  it('lists every finance obligation under the shared obligation: prefix', async () => {
    const ids: string[] = [];
    for await (const [key] of model().list(FINANCE_OBLIGATIONS, 'obligation:')) ids.push(key);
    // six timely-filing obligations (A–F) and B's appeal
    expect(ids).toHaveLength(7);
  });
});
