import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldProjections, periodOf, Position, type RecordedEvent } from '@praxis/core';
import { revenueCycleMap } from './default-maps.js';
import { opsStepTiming, opsStepTimingName } from './read-models.js';
import { loadStepTotals, measureStepTotals, STEP_TOTALS_SHARDS } from './step-totals.js';
import { measureStep, type StepRuns } from './timing.js';

/*
 * A step's totals must measure exactly what every run document measures: median, p90,
 * throughput, WIP, Little's WIP and share within target, for every month, quarter and year, in
 * any zone — on random events in random order (runs reopened, ends before starts refused by the
 * fold, instants near month edges with any offset).
 */
const zones = ['America/New_York', 'UTC', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const labels = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-Q1', '2026-Q2', '2026', '2025'];

const iso = (ms: number, offsetMinutes: number): string => {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const a = Math.abs(offsetMinutes);
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
};

const event = fc.record({
  type: fc.constantFrom(
    'ClaimHeld',
    'ClaimCorrected',
    'ClaimChargesRegistered',
    'ClaimSubmitted',
    'ClaimPaidByPayer',
  ),
  claim: fc.integer({ min: 0, max: 7 }),
  // minutes from 2025-12-25, up to ~4 months; edges of months are hit often
  minute: fc.oneof(
    fc.integer({ min: 0, max: 180_000 }),
    fc
      .constantFrom(
        ...[0, 1, 2, 3].map((m) => Date.UTC(2026, m, 1) / 60_000 - Date.UTC(2025, 11, 25) / 60_000),
      )
      .chain((edge) => fc.integer({ min: edge - 900, max: edge + 900 })),
  ),
  offset: fc.constantFrom(-720, -300, 0, 330, 840),
  // a date of service after the event's day gives a run that ends before it starts
  dosBack: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 40 })),
});

type Raw = typeof event extends fc.Arbitrary<infer E> ? E : never;
const recorded = (raw: readonly Raw[]) =>
  raw.map((r, i): RecordedEvent => {
    const ms = Date.UTC(2025, 11, 25) + r.minute * 60_000;
    const occurredAt = iso(ms, r.offset);
    const dateOfService = new Date(ms - r.dosBack * 86_400_000).toISOString().slice(0, 10);
    return {
      eventId: `e${i}`,
      streamId: `Claim-c${r.claim}`,
      revision: BigInt(i),
      position: Position.make(BigInt(i)),
      type: r.type,
      schemaVersion: 1,
      data: { claimId: `c${r.claim}`, dateOfService },
      metadata: {
        actor: { id: 't', role: 'biller' },
        occurredAt,
        correlationId: `e${i}`,
        causationId: `e${i}`,
        recordedAt: occurredAt,
      },
      prevHash: '',
      hash: '',
    };
  });

describe('step totals (pre-aggregated) equal the measure over every run document', () => {
  it('for every month, quarter and year in any zone (property)', async () => {
    let ended = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...zones),
        async (raw, zone) => {
          const model = foldProjections([opsStepTiming], recorded(raw));
          for (const step of revenueCycleMap.steps) {
            const runs: StepRuns[] = [];
            for await (const [, doc] of model.list(opsStepTimingName, `runs:revenue-cycle:${step.stepId}:`))
              runs.push(doc as unknown as StepRuns);
            ended += runs.flatMap((r) => r.runs).filter((r) => r.endAt !== undefined).length;
            const totals = await loadStepTotals(model, opsStepTimingName, 'revenue-cycle', step.stepId);
            for (const label of labels) {
              const p = periodOf(label, zone);
              const window = { from: p.interval.start.toISO()!, to: p.interval.end.toISO()! };
              const fromTotals = measureStepTotals(
                step,
                totals,
                Date.parse(window.from),
                Date.parse(window.to),
              );
              expect(fromTotals, `${step.stepId} ${label} ${zone}`).toEqual(measureStep(step, runs, window));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(ended).toBeGreaterThan(0);
  });

  it('a run that ends before it starts is not in progress at a close between the two', async () => {
    // charges registered 2026-01-31 20:00 New York for a visit dated 2026-02-01 (starts after)
    const model = foldProjections(
      [opsStepTiming],
      recorded([{ type: 'ClaimChargesRegistered', claim: 1, minute: 0, offset: -300, dosBack: 0 }]).map(
        (e) => ({
          ...e,
          data: { claimId: 'c1', dateOfService: '2026-02-01' },
          metadata: { ...e.metadata, occurredAt: '2026-01-31T20:00:00-05:00' },
        }),
      ),
    );
    const step = revenueCycleMap.steps[0]!;
    const totals = await loadStepTotals(model, opsStepTimingName, 'revenue-cycle', step.stepId);
    const jan = periodOf('2026-01', 'America/New_York');
    expect(
      measureStepTotals(step, totals, jan.interval.start.toMillis(), jan.interval.end.toMillis()),
    ).toMatchObject({ wip: 0, throughput: 1 });
  });

  it('spreads a step over at most its shards', async () => {
    const model = foldProjections(
      [opsStepTiming],
      recorded(
        Array.from({ length: 60 }, (_, i) => ({
          type: 'ClaimChargesRegistered',
          claim: i,
          minute: i * 1000,
          offset: 0,
          dosBack: 2,
        })),
      ),
    );
    const keys: string[] = [];
    for await (const [k] of model.list(opsStepTimingName, 'totals:revenue-cycle:charge-lag:')) keys.push(k);
    expect(keys.length).toBeGreaterThan(1);
    expect(keys.length).toBeLessThanOrEqual(STEP_TOTALS_SHARDS);
  });
});
