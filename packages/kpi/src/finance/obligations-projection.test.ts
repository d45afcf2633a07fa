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
  it('keeps the timely-filing obligation of an unsubmitted claim open until 12 months after the date of service', async () => {
    // F: DOS 2026-03-31 + 12 months = 2027-03-31 (42 CFR 424.44)
    expect(await get(model(), timelyFilingId('F'))).toEqual({
      id: 'claim-timely-filing:F',
      module: 'finance',
      kind: 'claim-timely-filing',
      label: 'File claim F with bcbs (date of service 2026-03-31)',
      streamId: 'Claim-F',
      arisesAt: '2026-03-31',
      dueAt: '2027-03-31',
      legalSource: '42 CFR 424.44',
    });
  });

  it('marks timely filing met at the first submission', async () => {
    expect(await get(model(), timelyFilingId('A'))).toMatchObject({
      dueAt: '2027-03-02',
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
