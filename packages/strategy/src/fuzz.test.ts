import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock, platformRefusals } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { strategyModule } from './index.js';

const zone = 'America/New_York';
const pm = { id: 'pm', role: 'practice_manager' };

/** Values that decode for the strategy commands' fields, so the property reaches `decide`. */
const samples: Record<string, fc.Arbitrary<unknown>> = {
  goalId: fc.constantFrom('g1', 'g2', 'fresh'),
  workItemId: fc.constantFrom('w1', 'w2', 'fresh'),
  statement: fc.constantFrom('Grow visits', '', '  '),
  rationale: fc.constantFrom('Demand exists', ''),
  kpiId: fc.constantFrom('workCompletedByDue', 'goalsAchievedRate', 'daysInAR', 'nope'),
  baselinePeriod: fc.constantFrom('2026-03', '2026-Q1', '2026', '2027-01', 'x', '2026-13'),
  deadline: fc.constantFrom('2026-06', '2026-Q3', '2027', '2026-01', 'soon'),
  period: fc.constantFrom('2026-04', '2026-05', '2026-Q2', 'bad'),
  target: fc.oneof(fc.double({ noNaN: false }), fc.integer()),
  ownerId: fc.constantFrom('ana', 'pm', 'ghost'),
  to: fc.constantFrom('ana', 'pm', 'ghost'),
  objectiveId: fc.constant('obj-1'),
  checkpoints: fc.array(
    fc.record({
      period: fc.constantFrom('2026-04', '2026-05', '2026-06', '2027-01', '?'),
      expected: fc.double(),
    }),
    { maxLength: 4 },
  ),
  reason: fc.constantFrom('because', ''),
  title: fc.constantFrom('Call payer', ''),
  source: fc.constantFrom('manual', 'obligation', 'goal'),
  sourceRef: fc.oneof(
    fc.constantFrom(
      'staff-obligations/oig-screening:ana',
      'x-obligations/',
      '/a',
      'strategy-obligations/goal-deadline:g1',
    ),
    fc.string(),
  ),
  impact: fc.constantFrom('legal', 'patient-safety', 'financial', 'operational'),
  dueOn: fc.constantFrom('2026-05-20', '2026-02-30'),
  completedOn: fc.constantFrom('2026-05-20', '2026-04-01'),
  expectations: fc.constantFrom('done means done', ' '),
  evidence: fc.constantFrom('log', ''),
  initiativeId: fc.constantFrom('i1', 'fresh'),
  goalIds: fc.array(fc.constantFrom('g1', 'none'), { maxLength: 3 }),
  budget: fc.record({
    budgetId: fc.constantFrom('2026', ''),
    category: fc.constantFrom('salaries'),
    amountCents: fc.integer({ min: -5, max: 10_000_000 }),
  }),
  milestones: fc.array(
    fc.record({
      milestoneId: fc.constantFrom('m1', 'm2'),
      title: fc.constant('step'),
      dueOn: fc.constant('2026-06-01'),
    }),
    { maxLength: 3 },
  ),
  capexCents: fc.integer({ min: -1, max: 10_000_000 }),
  monthlyBenefit: fc.record({
    visits: fc.integer({ min: -1, max: 500 }),
    netRevenuePerVisitCents: fc.integer({ min: 0, max: 50_000 }),
    costCents: fc.integer({ min: 0, max: 5_000_000 }),
  }),
  discountRatePct: fc.oneof(fc.double(), fc.integer({ min: -10, max: 120 })),
  horizonMonths: fc.integer({ min: -1, max: 600 }),
  milestoneId: fc.constantFrom('m1', 'm2', 'x'),
  months: fc.constantFrom(6, 12, 3, 0),
  findings: fc.constantFrom('on track', ''),
  analysisId: fc.constantFrom('a1', 'fresh'),
  question: fc.constantFrom('Saturday clinic?', ' ', 'x'.repeat(2_001)),
  scope: fc.record(
    {
      zips: fc.array(fc.constantFrom('02139', '02140-1234', '2139', ''), { maxLength: 3 }),
      serviceLines: fc.array(fc.constantFrom('paediatrics', ' '), { maxLength: 2 }),
      demographics: fc.constantFrom('families', ' '),
    },
    { requiredKeys: ['zips', 'serviceLines'] },
  ),
  name: fc.constantFrom('ACS 2024', ' '),
  asOf: fc.constantFrom('2026-01-01', '2026-02-30'),
  ref: fc.constantFrom('census.gov', ''),
  kind: fc.constantFrom(
    'payer-mix',
    'capacity',
    'referral-sources',
    'patient-origin',
    'strength',
    'threat',
    'nope',
  ),
  text: fc.oneof(fc.constantFrom('Commercial heavy', ' '), fc.string({ maxLength: 2_100 })),
  evidenceRef: fc.constantFrom('payer-mix:2026-Q2', 'ACS 2024', 'none'),
  visitsPerMonth: fc.integer({ min: -1, max: 1_000 }),
  netRevenuePerVisitCents: fc.integer({ min: -1, max: 50_000 }),
  startupCostCents: fc.oneof(fc.integer({ min: -1, max: 10_000_000 }), fc.double()),
  rampMonths: fc.integer({ min: -1, max: 200 }),
  scenarioId: fc.constantFrom('s1', 's2'),
  forkRef: fc.constantFrom('whatif:s1', ''),
  summary: fc.constantFrom('adds 30 visits', ' '),
  decision: fc.constantFrom('go', 'no-go', 'defer', 'maybe'),
};

describe('every strategy command answers any input with an outcome, never a throw', () => {
  it('refuses with a declared code or accepts', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-04-02T09:00:00', zone),
      actor: pm,
    });
    const at = '2026-04-02T09:00:00-04:00';
    const s = practice.strategy;
    await s.createWorkItem(
      { workItemId: 'w1', title: 'x', source: 'manual', impact: 'legal', ownerId: 'pm' },
      { at },
    );
    await s.openAnalysis(
      { analysisId: 'a1', question: 'Saturday clinic?', scope: { zips: [], serviceLines: [] } },
      { at },
    );
    await s.addScenario({ analysisId: 'a1', scenarioId: 's1', forkRef: 'whatif:s1' }, { at });
    for (const b of strategyModule.aggregates) {
      for (const type of b.commandTypes as readonly string[]) {
        const spec = b.commands.spec(type)!;
        const fields = [...Object.keys(spec.required), ...Object.keys(spec.optional), b.idKey];
        const arb = fc.record(
          Object.fromEntries(
            fields.map((f) => [
              f,
              fc.option(
                fc.oneof({ weight: 4, arbitrary: samples[f] ?? fc.string() }, fc.jsonValue({ maxDepth: 2 })),
                {
                  nil: undefined,
                },
              ),
            ]),
          ),
        );
        await fc.assert(
          fc.asyncProperty(arb, fc.constantFrom(pm, { id: 'ana', role: 'staff' }), async (input, actor) => {
            const command = {
              ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
              type,
            };
            const r = await practice.execute(b.decider.name, command as never, { at, actor });
            expect(typeof r.ok).toBe('boolean');
            if (!r.ok)
              expect(
                Object.hasOwn(platformRefusals, r.code) || Object.hasOwn(b.decider.refusals ?? {}, r.code),
                `${type}: undeclared refusal code ${r.code}`,
              ).toBe(true);
          }),
          { numRuns: 60 },
        );
      }
    }
    await practice.close();
  });
});
