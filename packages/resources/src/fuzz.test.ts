import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { platformRefusals } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { resourcesModule, resourcesStockName, type StockDoc } from './index.js';

const manager = { id: 'maria', role: 'practice_manager' };

/** Every command of the resources module, with its aggregate and the fields its spec names. */
const everyCommand = resourcesModule.aggregates.flatMap((b) =>
  (b.commandTypes as readonly string[]).map((type) => {
    const spec = b.commands.spec(type)!;
    return {
      aggregate: b.decider.name,
      idKey: b.idKey,
      type,
      refusals: b.decider.refusals ?? {},
      required: Object.keys(spec.required),
      fields: [...new Set([...Object.keys(spec.required), ...Object.keys(spec.optional)])],
    };
  }),
);

// Values close to valid, so most commands get past decoding and into the rules.
const id = fc.constantFrom(
  'gloves',
  'vax',
  'main',
  'gloves-main',
  'vax-main',
  'L1',
  'L2',
  'po1',
  'fy26',
  'practice',
  'fridge',
  'ehr',
  's-1',
);
const date = fc.constantFrom(
  '2026-01-05',
  '2026-01-06',
  '2026-02-01',
  '2026-06-30',
  '2025-12-31',
  '2026-02-30',
);
const qty = fc.integer({ min: -3, max: 40 });
const instant = fc.constantFrom(
  '2026-01-05T08:00:00-06:00',
  '2026-01-05T16:00:00-06:00',
  '2026-01-06T09:30:00Z',
  '2026-01-05T25:00:00Z',
  '2026-01-05',
);
const line = fc.record(
  {
    itemId: id,
    qty,
    unitPriceCents: fc.integer({ min: -1, max: 5000 }),
    lotNo: id,
    expiresOn: date,
    counted: qty,
  },
  { requiredKeys: [] },
);
const byField: Record<string, fc.Arbitrary<unknown>> = {
  qty,
  counted: qty,
  packSize: qty,
  unitCostCents: fc.integer({ min: -1, max: 5000 }),
  limitCents: fc.integer({ min: -1, max: 100_000 }),
  min: qty,
  max: qty,
  reviewPeriodDays: qty,
  leadTimeDays: qty,
  windowDays: qty,
  serviceLevel: fc.constantFrom(0.9, 0.95, 0.98, 0.99, 0.5),
  perishable: fc.boolean(),
  significant: fc.boolean(),
  lines: fc.array(line, { maxLength: 3 }),
  lots: fc.array(
    fc.record(
      { stockId: id, lotNo: id, decision: fc.constantFrom('usable', 'discard', 'maybe') },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  ),
  items: fc.array(line, { maxLength: 2 }),
  witnesses: fc.array(id, { maxLength: 3 }),
  rangeMinC: fc.double({ min: -60, max: 20, noNaN: true }),
  rangeMaxC: fc.double({ min: -60, max: 20, noNaN: true }),
  minC: fc.double({ min: -60, max: 20, noNaN: true }),
  maxC: fc.double({ min: -60, max: 20, noNaN: true }),
  currentC: fc.double({ min: -60, max: 20, noNaN: true }),
  mode: fc.constantFrom('manual', 'min-max', 'computed', 'other'),
  storage: fc.constantFrom('ambient', 'refrigerated', 'frozen'),
  controlledSchedule: fc.constantFrom('II', 'IV', 'I'),
  purpose: fc.constantFrom('procedure', 'dispense', 'internal'),
  reason: fc.constantFrom(
    'damage',
    'theft',
    'loss',
    'correction',
    'recall',
    'expired',
    'temperature-excursion',
  ),
  kind: fc.constantFrom(
    'refrigerator',
    'freezer',
    'theft',
    'loss',
    'initial',
    'biennial',
    'ehr-transition',
    'other',
  ),
  category: fc.constantFrom('ehr', 'backup', 'clinical', 'gloves'),
  criticality: fc.constantFrom('high', 'low', 'urgent'),
  ePhi: fc.boolean(),
  planned: fc.boolean(),
  gate: fc.boolean(),
  returnOrDestroyClause: fc.boolean(),
  result: fc.constantFrom('pass', 'fail'),
  timing: fc.constantFrom('opening', 'closing'),
  level: fc.constantFrom('trainee', 'competent', 'expert'),
  decision: fc.constantFrom('usable', 'discard'),
  dataDisposition: fc.constantFrom('migrated', 'archived', 'destroyed'),
  recordType: fc.constantFrom('patients', 'allergies', 'labs'),
  restoreMinutes: qty,
  usersRemoved: qty,
  sourceCount: qty,
  loadedCount: qty,
  sampledOk: qty,
  sampledTotal: qty,
  maxWeeklyHours: fc.integer({ min: -1, max: 200 }),
  accessReviewEveryMonths: fc.integer({ min: -1, max: 200 }),
  restoreTestEveryMonths: fc.integer({ min: -1, max: 200 }),
  fromAt: instant,
  toAt: instant,
  roles: fc.array(fc.constantFrom('staff', 'medical_assistant'), { maxLength: 2 }),
  mediaSanitization: fc.record(
    { method: fc.constantFrom('clear', 'purge', 'shred'), sanitizedOn: date, certificateRef: id },
    { requiredKeys: [] },
  ),
  budget: fc.record({ budgetId: id, category: id, amountCents: fc.integer({ min: -1, max: 10_000 }) }),
  shifts: fc.array(
    fc.record(
      { shiftId: id, staffId: id, role: id, locationId: id, startAt: instant, endAt: instant },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  ),
  policyId: fc.constantFrom('practice', 'other'),
  role: fc.constantFrom('purchasing', 'staff'),
};
const valueFor = (field: string): fc.Arbitrary<unknown> =>
  byField[field] ??
  (/On$/.test(field)
    ? date
    : /(Id|No)$/.test(field)
      ? id
      : fc.oneof({ weight: 4, arbitrary: id }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }));

const anyCommand = fc.constantFrom(...everyCommand).chain((c) =>
  fc
    .tuple(
      fc.record(Object.fromEntries([c.idKey, ...c.fields].map((f) => [f, valueFor(f)])), {
        requiredKeys: [c.idKey, ...c.required],
      }),
      // Now and then a required field is left out.
      fc.oneof(
        { weight: 9, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(c.idKey, ...c.required) },
      ),
    )
    .map(([fields, drop]) => {
      const command: Record<string, unknown> = { ...fields, type: c.type };
      if (drop !== null) delete command[drop];
      return { c, command };
    }),
);

/** Items, lots, a storage unit, an approved budget and a submitted PO for the commands to act on. */
const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD', actor: manager });
const seed = async (practice: Awaited<ReturnType<typeof open>>) => {
  const r = practice.resources;
  for (const [itemId, perishable] of [
    ['gloves', false],
    ['vax', true],
  ] as const)
    await r.registerSupplyItem({
      itemId,
      name: itemId,
      category: 'clinical',
      unit: 'each',
      packSize: 10,
      perishable,
      storage: 'ambient',
      unitCostCents: 100,
      registeredOn: '2026-01-02',
    });
  for (const [itemId, lotNo] of [
    ['gloves', 'L1'],
    ['vax', 'L2'],
  ] as const)
    await r.receiveStock({
      stockId: `${itemId}-main`,
      itemId,
      locationId: 'main',
      receiptId: `r-${lotNo}`,
      lotNo,
      qty: 20,
      unitCostCents: 100,
      receivedOn: '2026-01-02',
      expiresOn: '2026-06-30',
    });
  await r.registerStorageUnit({
    unitId: 'main',
    kind: 'refrigerator',
    locationId: 'main',
    rangeMinC: 2,
    rangeMaxC: 8,
    registeredOn: '2026-01-02',
  });
  await practice.finance.draftBudget({
    budgetId: 'fy26',
    fiscalYear: '2026',
    startsOn: '2026-01-01',
    timeZone: 'America/Chicago',
    currency: 'USD',
    projections: [],
    lines: [{ category: 'gloves', months: { '2026-01': 50_000 } }],
  });
  await practice.finance.submitBudget({ budgetId: 'fy26' });
  await practice.finance.approveBudget({ budgetId: 'fy26' });
  await r.draftPO({
    poId: 'po1',
    vendorId: 'v',
    locationId: 'main',
    budgetId: 'fy26',
    category: 'gloves',
    lines: [{ itemId: 'gloves', qty: 10, unitPriceCents: 100 }],
    draftedOn: '2026-01-02',
  });
  await r.submitPO({ poId: 'po1', submittedOn: '2026-01-02' });
};

describe('resources: any command a caller can send', () => {
  it('is accepted or refused with a declared code, never throws, and never leaves a lot below zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyCommand, { minLength: 1, maxLength: 14 }), async (commands) => {
        const practice = await open();
        try {
          await seed(practice);
          for (const { c, command } of commands) {
            const r = await practice.execute(c.aggregate, command as never);
            expect(typeof r.ok).toBe('boolean');
            if (!r.ok) {
              const declared = Object.hasOwn(platformRefusals, r.code) || Object.hasOwn(c.refusals, r.code);
              expect(declared, `${c.type}: undeclared refusal code ${r.code}`).toBe(true);
            }
          }
          for await (const [, doc] of practice.readModels.list(resourcesStockName, 'stock:'))
            for (const lot of Object.values((doc as unknown as StockDoc).lots))
              expect(lot.qty).toBeGreaterThanOrEqual(0);
        } finally {
          await practice.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
