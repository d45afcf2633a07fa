import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';

const buyer = { id: 'ben', role: 'purchasing' };

describe('vendor contracts', () => {
  it('put a renewal notice on the calendar: arises endsOn − notice − 30 days, due endsOn − notice', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      actor: buyer,
    });
    const r = practice.resources;
    expect(
      await r.registerContract({
        contractId: 'k1',
        vendorId: 'henry-schein',
        items: [{ itemId: 'gloves', priceCents: 9 }],
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        autoRenew: true,
        noticeDays: 60,
        registeredOn: '2026-01-02',
      }),
    ).toMatchObject({ ok: true });
    // 2026-12-31 − 60 days = 2026-11-01 (due); − 30 more = 2026-10-02 (arises).
    expect((await practice.calendar('2026-10-01')).filter((c) => c.module === 'resources')).toEqual([]);
    const cal = await practice.calendar('2026-10-02');
    expect(
      cal.filter((c) => c.module === 'resources').map((c) => [c.id, c.dueAt, c.arisesAt, c.state]),
    ).toEqual([['contract-notice:k1:2026-12-31', '2026-11-01', '2026-10-02', 'due-soon']]);
    expect(
      await r.renewContract({ contractId: 'k1', renewedOn: '2026-10-15', endsOn: '2026-06-30' }),
    ).toMatchObject({
      ok: false,
      code: 'RenewalNotLater',
    });
    await r.renewContract({ contractId: 'k1', renewedOn: '2026-10-15', endsOn: '2027-12-31' });
    const after = await practice.calendar('2027-10-02');
    expect(after.filter((c) => c.module === 'resources').map((c) => [c.id, c.state])).toEqual([
      ['contract-notice:k1:2026-12-31', 'done'],
      ['contract-notice:k1:2027-12-31', 'due-soon'],
    ]);
    await r.terminateContract({
      contractId: 'k1',
      terminatedOn: '2027-10-20',
      reason: 'better price elsewhere',
    });
    expect(
      (await practice.calendar('2027-10-21', { openOnly: true })).filter((c) => c.module === 'resources'),
    ).toEqual([]);
    await practice.close();
  });
});
