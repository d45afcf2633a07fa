import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldProjections, type RecordedEvent } from '@praxis/core';
import { periodOf } from '../period.js';
import { arAgingOf } from './ar-aging.js';
import {
  agingSegment,
  arAgingFromTotals,
  loadClaimTotals,
  revenueCycleFromTotals,
  timeBucket,
  TOTALS_PREFIX,
} from './claim-totals.js';
import { claimsProjection, loadClaims } from './claims-projection.js';
import { revenueCycleKpisOf, type Basis } from './revenue-cycle.js';
import { claimScript, history, type ClaimScript } from './random-claims.fixture.js';
import type { Claim } from '@praxis/finance';

/*
 * The claim totals must give exactly what a scan of every claim document gives, for every
 * period and both bases, in any zone: random claim histories whose instants carry random offsets
 * and fall near month edges, with steps in random business-time order (backdated payments,
 * corrections recorded before earlier ones, payments dated before the registration).
 */
const zones = [
  'America/Denver',
  'UTC',
  'Asia/Kolkata',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Asia/Kathmandu',
];
const labels = [
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-Q1',
  '2026-Q2',
  '2026',
  '2025',
];
const bases: readonly Basis[] = ['as-reported', 'restated'];

const iso = (ms: number, offsetMinutes: number): string => {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
};

/** Moves an instant by up to ±40 hours and writes it with another offset (same or new instant). */
const jitter = fc.record({
  hours: fc.integer({ min: -40, max: 40 }),
  minutes: fc.constantFrom(0, 1, 30, 59),
  offset: fc.constantFrom(-720, -420, -210, 0, 330, 630, 840),
});

const scriptWithJitter = fc.record({
  script: claimScript,
  jitters: fc.array(jitter, { minLength: 25, maxLength: 25 }),
  registrationJitter: jitter,
});

const runRandom = (
  h: ReturnType<typeof history>,
  scripts: readonly {
    script: ClaimScript;
    jitters: (typeof jitter extends fc.Arbitrary<infer J> ? J : never)[];
  }[],
) =>
  scripts.forEach(({ script: s, jitters }, i) => {
    const dos = new Date(Date.UTC(2026, 0, 1) + s.dos * 86_400_000).toISOString().slice(0, 10);
    const move = (at: string, j: (typeof jitters)[number]) =>
      iso(Date.parse(at) + j.hours * 3_600_000 + j.minutes * 60_000, j.offset);
    h.claim(`c${i}`, {
      type: 'RegisterCharges',
      claimId: `c${i}`,
      encounterId: `e${i}`,
      patientId: `p${i}`,
      payerId: i % 2 === 0 ? s.payer : `${s.payer}|x%`,
      payerKind: s.payer === 'medicare' ? 'medicare' : 'commercial',
      dateOfService: dos,
      timeZone: 'America/Denver',
      charges: [{ cptCode: '99213', units: 1, amount: s.amount }],
      at: move(`${dos}T18:00:00-07:00`, { ...jitters[24]!, hours: Math.abs(jitters[24]!.hours) }),
    });
    // in the order written, whatever their business time: the decider takes what it accepts
    s.steps.forEach((c, k) => h.tryClaim(`c${i}`, { ...c, at: move(c.at, jitters[k]!) } as Claim.ClaimCall));
  });

const compare = async (events: readonly RecordedEvent[], zone: string) => {
  const model = foldProjections([claimsProjection], events);
  const claims = await loadClaims(model);
  const totals = await loadClaimTotals(model);
  let checked = 0;
  for (const label of labels)
    for (const basis of bases) {
      const p = periodOf(label, zone);
      const fromTotals = revenueCycleFromTotals(totals, p, basis);
      expect(fromTotals, `${label} ${basis} in ${zone}: a bound inside a time bucket`).toBeDefined();
      expect(fromTotals).toEqual(revenueCycleKpisOf(claims, p, basis));
      expect(arAgingFromTotals(totals, p, basis)).toEqual(arAgingOf(claims, p, basis));
      checked++;
    }
  return { claims, checked };
};

describe('claim totals (pre-aggregated) equal the scan of every claim document', () => {
  it('for every month, quarter and year, both bases, any zone, on random histories (property)', async () => {
    let ledger = 0;
    let corrected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(scriptWithJitter, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...zones),
        async (scripts, zone) => {
          const h = history();
          runRandom(h, scripts);
          const { claims } = await compare(h.events, zone);
          ledger += claims.reduce((t, c) => t + c.ledger.length, 0);
          corrected += claims.filter((c) => c.chargeHistory.length > 1).length;
        },
      ),
      { numRuns: 120 },
    );
    // not vacuous: money was posted and charges were revised
    expect(ledger).toBeGreaterThan(0);
    expect(corrected).toBeGreaterThan(0);
  });

  it('keeps an instant near a month edge by its 15-minute slot and the rest by UTC month', () => {
    const slot = (iso: string) => `@${Math.floor(Date.parse(iso) / 900_000) * 900_000}`;
    expect(timeBucket(Date.parse('2026-03-15T12:00:00Z'))).toBe('2026-03');
    expect(timeBucket(Date.parse('2026-03-31T23:07:00Z'))).toBe(slot('2026-03-31T23:00:00Z'));
    expect(timeBucket(Date.parse('2026-04-01T13:59:59Z'))).toBe(slot('2026-04-01T13:45:00Z'));
    expect(timeBucket(Date.parse('2026-04-01T14:00:00Z'))).toBe('2026-04');
  });

  it('ages every date of service of one A/R segment alike', () => {
    // month ends minus 30/60/90/120 days and the first of each month cut the segments
    expect(agingSegment('2026-03-01')).toBe('2026-03-01');
    expect(agingSegment('2026-03-02')).toBe('2026-03-02'); // 31 May − 90 days
    expect(agingSegment('2026-03-15')).toBe(agingSegment('2026-03-14'));
    for (let n = 0; n < 400; n++) {
      const dos = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      const seg = agingSegment(dos);
      expect(seg <= dos).toBe(true);
      for (let m = 0; m < 24; m++) {
        const lastDay = new Date(Date.UTC(2025, m + 1, 0)).toISOString().slice(0, 10);
        const age = (d: string) => Math.round((Date.parse(lastDay) - Date.parse(d)) / 86_400_000);
        const bucket = (a: number) =>
          a < 0 ? -1 : a <= 30 ? 0 : a <= 60 ? 1 : a <= 90 ? 2 : a <= 120 ? 3 : 4;
        expect(bucket(age(seg)), `${dos} in ${seg} at ${lastDay}`).toBe(bucket(age(dos)));
      }
    }
  });

  it('takes a claim’s cells back when it changes: the shards sum to the cells of the final claims', async () => {
    const h = history();
    runRandom(h, [
      {
        script: {
          payer: 'aetna',
          dos: 40,
          amount: 10_000,
          steps: [
            { type: 'CreateClaim', at: '2026-02-11T09:00:00-07:00' },
            {
              type: 'ScrubClaim',
              failedEdits: [{ code: 'DX', message: 'no pointer' }],
              at: '2026-02-12T09:00:00-07:00',
            },
            {
              type: 'CorrectClaim',
              correction: 'recoded',
              charges: [{ cptCode: '99213', units: 1, amount: 15_000 }],
              at: '2026-03-02T09:00:00-07:00',
            },
          ],
        },
        jitters: Array.from({ length: 25 }, () => ({ hours: 0, minutes: 0, offset: -420 })),
      },
    ]);
    const model = foldProjections([claimsProjection], h.events);
    const shards: string[] = [];
    for await (const [key] of model.list('finance-claims', TOTALS_PREFIX)) shards.push(key);
    expect(shards).toHaveLength(1);
    const totals = await loadClaimTotals(model);
    const feb = periodOf('2026-02', 'America/Denver');
    // February as reported: 10,000 charged by its close; restated: the March recoding, 15,000
    expect(revenueCycleFromTotals(totals, feb)?.grossCharges).toBe(10_000);
    expect(revenueCycleFromTotals(totals, feb, 'restated')?.grossCharges).toBe(15_000);
  });
});
