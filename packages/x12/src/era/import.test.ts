import { describe, expect, it } from 'vitest';
import { Claim } from '@praxis/finance';
import { parseRemittances } from './import.js';
import { biller, practiceWith, sample, sampleClaims } from './test-support.js';

const postedAt = '2026-11-02T10:00:00-06:00';
type Sample = keyof typeof sampleClaims;
const samples = Object.keys(sampleClaims) as Sample[];

const claimState = async (p: Awaited<ReturnType<typeof practiceWith>>, id: string) => {
  const loaded = await p.load<Claim.State>('Claim', id);
  return loaded.found ? loaded.state : Claim.initialState;
};

describe('importRemittance on the public sample 835s', () => {
  for (const name of samples) {
    it(`posts ${name} and every posted figure equals the file's own totals`, async () => {
      const text = sample(name);
      const [{ remittance, totals }] = parseRemittances(text) as [ReturnType<typeof parseRemittances>[0]];
      const practice = await practiceWith(sampleClaims[name]);
      const r = await practice.as(biller).finance.importRemittance(text, { at: postedAt });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      const [result] = r.remittances;
      expect(result?.status).toBe('posted');
      // Per claim: what the Claim now holds is what the CLP loop says.
      let paid = 0;
      let contractual = 0;
      let other = 0;
      for (const c of remittance.claims) {
        const s = await claimState(practice, c.claimId);
        const adj = [...c.adjustments, ...c.lines.flatMap((l) => l.adjustments)];
        const of = (...g: string[]) =>
          adj.filter((a) => g.includes(a.group)).reduce((x, a) => x + a.amount, 0);
        if (c.status === '4') {
          expect(s.status).toBe('denied');
          expect(s.payerPaid).toBe(0);
        } else {
          expect(s.payerPaid).toBe(c.paid);
          expect(s.contractualAdjustments).toBe(of('CO'));
          expect(s.writtenOff).toBe(of('OA', 'PI'));
          // what is left on the claim is the patient's share (CLP05)
          expect(Claim_balance(s)).toBe(c.patientResponsibility);
        }
        paid += s.payerPaid;
        contractual += s.contractualAdjustments;
        other += s.writtenOff;
      }
      expect(paid).toBe(totals.paid);
      expect(paid - totals.providerAdjustments).toBe(remittance.paymentAmount);
      if (name !== '835-pyx12-denied-clp4.edi') {
        expect(contractual).toBe(totals.adjustmentsByGroup.CO ?? 0);
        expect(other).toBe((totals.adjustmentsByGroup.OA ?? 0) + (totals.adjustmentsByGroup.PI ?? 0));
      }
      await practice.close();
    });
  }

  it('the README figures of the samples are what the reader adds up', () => {
    const lfh = parseRemittances(sample('835-lfh-managed-care.edi'))[0]!.totals;
    expect(lfh).toMatchObject({
      claims: 2,
      paid: 94_500,
      payment: 94_500,
      charges: 200_000,
      patientResponsibility: 90_000,
      adjustmentsByReason: { 'CO-A2': 10_500, 'CO-45': 5_000, 'PR-1': 90_000 },
    });
    const pyx = parseRemittances(sample('835-pyx12-denied-clp4.edi'))[0]!;
    expect(pyx.remittance.handling).toBe('H');
    expect(pyx.totals).toMatchObject({ claims: 1, paid: 0, payment: 0, charges: 91_539 });
    expect(pyx.totals.adjustmentsByReason).toEqual({ 'CO-16': 50_004, 'OA-A7': 41_535 });
    expect(pyx.remittance.claims[0]!.lines.flatMap((l) => l.remarks)).toEqual(['N14', 'N14', 'N14']);
    const tiger = parseRemittances(sample('835-tigershark-professional-zero-pay.edi'))[0]!.totals;
    expect(tiger).toMatchObject({
      claims: 2,
      paid: 5_744,
      payment: 5_744,
      charges: 118_800,
      patientResponsibility: 111_800,
    });
    expect(tiger.adjustmentsByReason).toEqual({ 'PR-29': 108_800, 'PR-3': 3_000, 'CO-45': 1_256 });
  });

  it('denies a CLP02 = 4 claim with the CARC of its largest denied amount', async () => {
    const practice = await practiceWith(sampleClaims['835-pyx12-denied-clp4.edi']);
    const r = await practice
      .as(biller)
      .finance.importRemittance(sample('835-pyx12-denied-clp4.edi'), { at: postedAt });
    expect(r.ok).toBe(true);
    const s = await claimState(practice, '2005555A');
    expect(s.status).toBe('denied');
    const events = [];
    for await (const e of practice.store.readStream('Claim-2005555A')) events.push(e);
    expect(events.at(-1)).toMatchObject({ type: 'ClaimDenied', data: { carcCode: '16', amount: 91_539 } });
    await practice.close();
  });

  it('posts nothing twice when the same file (same TRN) is imported again', async () => {
    const text = sample('835-lfh-managed-care.edi');
    const practice = await practiceWith(sampleClaims['835-lfh-managed-care.edi']);
    const b = practice.as(biller);
    const first = await b.finance.importRemittance(text, { at: postedAt });
    expect(first.ok && first.remittances[0]!.commandsPosted).toBe(2);
    const again = await b.finance.importRemittance(text, { at: postedAt });
    expect(again.ok && again.remittances[0]).toMatchObject({ status: 'already-posted', commandsPosted: 0 });
    expect((await claimState(practice, '5554555444')).payerPaid).toBe(45_000);
    await practice.close();
  });

  it('records the remittance with adjustments by group and CARC, remark codes and no patient names', async () => {
    const practice = await practiceWith(sampleClaims['835-tigershark-professional-zero-pay.edi']);
    await practice
      .as(biller)
      .finance.importRemittance(sample('835-tigershark-professional-zero-pay.edi'), { at: postedAt });
    const events = [];
    for await (const e of practice.store.readAll({ filter: { eventTypes: ['RemittancePosted'] } }))
      events.push(e);
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.metadata.actor).toEqual(biller);
    expect(e.data).toMatchObject({ traceNumber: '123456789', originator: '1123456789', paymentAmount: 5744 });
    expect(JSON.stringify(e.data)).not.toMatch(/LAST|FIRST|R123456789/);
    await practice.close();
  });
});

const Claim_balance = (s: Claim.State): number =>
  s.totalCharges - s.payerPaid - s.patientPaid - s.contractualAdjustments - s.writtenOff;
