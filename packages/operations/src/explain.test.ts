import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedClock } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import type { KpiBreakdown } from '@praxis/core';
import { splitChange, type Explained, type Split } from './index.js';

const zone = 'America/New_York';
const pm = { id: 'pm', role: 'practice_manager' };
const biller = { id: 'bea', role: 'biller' };

const open = () =>
  createPractice({
    store: 'memory:',
    timeZone: zone,
    currency: 'USD',
    clock: fixedClock('2026-08-01T09:00:00', zone),
    actor: pm,
  });
type P = Awaited<ReturnType<typeof open>>;

const register = (p: P, claimId: string, payerId: string, dateOfService: string, amount: number) =>
  p.finance.registerCharges(
    {
      claimId,
      encounterId: `e-${claimId}`,
      patientId: `pt-${claimId}`,
      payerId,
      payerKind: payerId === 'medicare' ? 'medicare' : 'commercial',
      dateOfService,
      timeZone: zone,
      charges: [{ cptCode: '99213', units: 1, amount }],
    },
    { actor: { id: 'dr-lee', role: 'physician' }, at: `${dateOfService}T10:00:00-05:00` },
  );
const pay = (p: P, claimId: string, paymentId: string, amount: number, on: string) =>
  p.finance.collectPatientPayment(
    { claimId, paymentId, amount, pointOfService: true },
    { actor: biller, at: `${on}T11:00:00-04:00`, commandId: `cmd-${paymentId}` },
  );

const sum = (xs: readonly (number | undefined)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

describe('practice.explain: why a KPI moved between two periods', () => {
  it('names the claims that moved days in A/R between two quarters; their shares sum to the change', async () => {
    const p = await open();
    for (const [id, payer, dos, amount] of [
      ['A', 'medicare', '2026-01-15', 100_000],
      ['B', 'aetna', '2026-02-10', 200_000],
      ['C', 'aetna', '2026-04-20', 50_000],
      ['D', 'medicare', '2026-03-05', 30_000],
    ] as const)
      expect(await register(p, id, payer, dos, amount)).toMatchObject({ ok: true });
    expect(await pay(p, 'A', 'A-1', 100_000, '2026-05-12')).toMatchObject({ ok: true });
    expect(await pay(p, 'D', 'D-1', 30_000, '2026-03-20')).toMatchObject({ ok: true });

    const why = (await p.explain('daysInAR', '2026-Q1', '2026-Q2')) as Explained;
    expect(why.explained).toBe(true);
    const q1 = (await p.kpis('2026-Q1')).lines.find((l) => l.id === 'daysInAR')!.value!;
    const q2 = (await p.kpis('2026-Q2')).lines.find((l) => l.id === 'daysInAR')!.value!;
    // Q1: A/R 3,000.00 over adjusted charges 3,300.00 / 90 days; Q2: 2,500.00 over 500.00 / 91.
    expect(q1).toBeCloseTo(300_000 / (330_000 / 90), 9);
    expect(q2).toBeCloseTo(250_000 / (50_000 / 91), 9);
    expect(why).toMatchObject({ before: q1, after: q2, additive: true, kind: 'ratio' });
    expect(why.change).toBeCloseTo(q2 - q1, 9);
    expect(sum(why.contributions.map((c) => c.contribution))).toBeCloseTo(q2 - q1, 6);
    // Every claim that moved it, largest first; A (paid in May) and the new claim C among them.
    expect(why.contributions.map((c) => c.key).sort()).toEqual(['claim:A', 'claim:B', 'claim:C', 'claim:D']);
    const a = why.contributions.find((c) => c.key === 'claim:A')!;
    expect(a.before).toEqual({ numerator: 100_000, denominator: 100_000 / 90 });
    expect(a.after).toBeUndefined();
    expect(a.dimensions).toMatchObject({ payer: 'medicare', reason: 'not submitted' });
    // Down to the events, actors and commands behind it.
    expect(a.events?.map((e) => [e.type, e.actorId])).toEqual([
      ['ClaimChargesRegistered', 'dr-lee'],
      ['PatientPaymentCollected', 'bea'],
    ]);
    expect(a.events?.[1]).toMatchObject({ commandId: 'cmd-A-1', occurredAt: '2026-05-12T11:00:00-04:00' });
    expect(a.events?.every((e) => e.correlationId !== '' && e.eventId !== '')).toBe(true);
    // Grouped by payer: the shares of each payer sum to the change too.
    expect(sum(why.byDimension['payer']!.map((d) => d.contribution))).toBeCloseTo(q2 - q1, 6);
    expect(why.byDimension['payer']!.map((d) => d.value).sort()).toEqual(['aetna', 'medicare']);
    await p.close();
  });

  it('explains a denial rate, a collection rate and the charge lag; says so for a KPI without a breakdown', async () => {
    const p = await open();
    expect(await register(p, 'A', 'aetna', '2026-01-15', 10_000)).toMatchObject({ ok: true });
    expect(await register(p, 'B', 'aetna', '2026-04-15', 20_000)).toMatchObject({ ok: true });
    expect(await pay(p, 'B', 'B-1', 5_000, '2026-04-16')).toMatchObject({ ok: true });
    const rate = (await p.explain('adjustedCollectionRate', '2026-Q1', '2026-Q2')) as Explained;
    expect(rate).toMatchObject({ explained: true, before: 0, after: 25, change: 25, additive: true });
    expect(sum(rate.contributions.map((c) => c.contribution))).toBeCloseTo(25, 9);
    const lag = (await p.explain('chargeLagDays', '2026-Q1', '2026-Q2')) as Explained;
    expect(lag).toMatchObject({ explained: true, kind: 'median', additive: false });
    expect(lag.contributions.map((c) => c.key).sort()).toEqual(['claim:A', 'claim:B']);
    expect(lag.contributions.every((c) => c.contribution === undefined)).toBe(true);
    const denial = await p.explain('initialDenialRate', '2026-Q1', '2026-Q2');
    // No claim was adjudicated: nothing in either period to split, a typed answer.
    expect(denial).toMatchObject({ explained: false, reason: 'NoData' });
    expect(await p.explain('staffTurnover', '2026-Q1', '2026-Q2')).toMatchObject({
      explained: false,
      reason: 'NoBreakdown',
    });
    expect(await p.explain('noSuchKpi', '2026-Q1', '2026-Q2')).toMatchObject({
      explained: false,
      reason: 'UnknownKpi',
    });
    await expect(p.explain('daysInAR', 'Q1', '2026-Q2')).rejects.toMatchObject({ name: 'InvalidArgument' });
    // A month against a quarter compares unlike things: refused, naming the second period.
    await expect(p.explain('daysInAR', '2026-03', '2026-Q2')).rejects.toMatchObject({
      name: 'InvalidArgument',
      argument: 'periodB',
    });
    await expect(p.explain('daysInAR', '', '2026-Q2')).rejects.toMatchObject({ name: 'InvalidArgument' });
    await p.close();
  });

  it('never throws an untyped error, and ratio shares always sum to the change (property)', async () => {
    const p = await open();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom('daysInAR', 'initialDenialRate', 'chargeLagDays'), fc.string()),
        fc.oneof(fc.constantFrom('2026-Q1', '2026-02', '2026'), fc.string()),
        fc.anything(),
        async (kpi, period, limit) => {
          try {
            const r = await p.explain(kpi, period, '2026-Q2', { limit } as never);
            expect(typeof r.explained).toBe('boolean');
          } catch (e) {
            expect((e as Error).name).toBe('InvalidArgument');
          }
        },
      ),
      { numRuns: 60 },
    );
    await p.close();
  });

  it('contributions sum to the change for any claims and payments (property)', async () => {
    const claim = fc.record({
      month: fc.integer({ min: 1, max: 6 }),
      amount: fc.integer({ min: 1_000, max: 90_000 }),
      paidShare: fc.integer({ min: 0, max: 100 }),
      payMonth: fc.integer({ min: 1, max: 7 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(claim, { minLength: 1, maxLength: 6 }), async (claims) => {
        const p = await open();
        try {
          for (const [i, c] of claims.entries()) {
            const dos = `2026-0${c.month}-10`;
            expect(await register(p, `c${i}`, i % 2 ? 'aetna' : 'medicare', dos, c.amount)).toMatchObject({
              ok: true,
            });
            const amount = Math.floor((c.amount * c.paidShare) / 100);
            if (amount > 0 && c.payMonth >= c.month)
              expect(await pay(p, `c${i}`, `c${i}-1`, amount, `2026-0${c.payMonth}-20`)).toMatchObject({
                ok: true,
              });
          }
          for (const kpi of ['daysInAR', 'adjustedCollectionRate', 'netCollections', 'grossCharges']) {
            const r = (await p.explain(kpi, '2026-Q1', '2026-Q2')) as Explained;
            // Symmetric: the other order gives every part the opposite share, the same story.
            const back = (await p.explain(kpi, '2026-Q2', '2026-Q1')) as Explained;
            expect(back.explained).toBe(r.explained);
            if (!r.explained) continue;
            expect(back.contributions.map((c) => c.key).sort()).toEqual(
              r.contributions.map((c) => c.key).sort(),
            );
            for (const c of r.contributions) {
              const b = back.contributions.find((x) => x.key === c.key)!;
              expect(b.dimensions).toEqual(c.dimensions);
              if (c.contribution === undefined) expect(b.contribution).toBeUndefined();
              else expect(b.contribution! + c.contribution === 0).toBe(true);
            }
            if (!r.additive) continue;
            const total = sum(r.contributions.map((c) => c.contribution));
            expect(Math.abs(total - r.change!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(r.change!)));
          }
        } finally {
          await p.close();
        }
      }),
      { numRuns: 12 },
    );
    // Twelve practices built and explained both ways: generous, so a loaded machine does not fail it.
  }, 120_000);

  it('splits any pair of breakdowns symmetrically: swapping the periods negates every share (property)', () => {
    const part = fc.record({
      key: fc.constantFrom('claim:A', 'claim:B', 'claim:C', 'claim:D', 'claim:E'),
      numerator: fc.integer({ min: 0, max: 1_000_000 }),
      denominator: fc.double({ min: 0.5, max: 10_000, noNaN: true }),
      payer: fc.constantFrom('medicare', 'aetna'),
    });
    const breakdown = fc
      .tuple(fc.constantFrom<KpiBreakdown['kind']>('ratio', 'sum'), fc.array(part, { maxLength: 5 }))
      .map(([kind, parts]): KpiBreakdown => {
        const seen = new Map(parts.map((x) => [x.key, x]));
        return {
          kind,
          scale: 1,
          parts: [...seen.values()].map((x) => ({
            key: x.key,
            numerator: x.numerator,
            denominator: x.denominator,
            dimensions: { payer: x.payer },
          })),
        } as KpiBreakdown;
      });
    fc.assert(
      fc.property(breakdown, breakdown, (a0, b0) => {
        const b = { ...b0, kind: a0.kind } as KpiBreakdown;
        const ab = splitChange(a0, b, 'b', true);
        const ba = splitChange(b, a0, 'a', true);
        expect(ba.contributions.map((c) => c.key)).toEqual(ab.contributions.map((c) => c.key));
        for (const [i, c] of ab.contributions.entries()) {
          const r = ba.contributions[i]!;
          expect(r.dimensions).toEqual(c.dimensions);
          if (c.contribution === undefined) expect(r.contribution).toBeUndefined();
          else expect(r.contribution! + c.contribution).toBe(0);
          expect([r.before, r.after]).toEqual([c.after, c.before]);
        }
        if (ab.additive) {
          const total = sum(ab.contributions.map((c) => c.contribution));
          const value = (x: Split) => (x.kind === 'sum' ? x.NB - x.NA : x.NB / x.DB - x.NA / x.DA);
          expect(Math.abs(total - value(ab))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(value(ab))));
        }
      }),
      { numRuns: 300 },
    );
  });
});
