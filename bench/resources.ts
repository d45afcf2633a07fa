/**
 * R1: the reorder list (issue 16) as a ratio in one run: 500 supply items at one location with
 * 100,000 consumptions between them over 120 days (`--resources-items=N`, `--resources-consumptions=N`),
 * written straight to an in-memory practice's log and projected once (not timed).
 *
 * - R1: `reorderList` for every item (safety stock, ROP and par level from 90 days of daily
 *   consumption) against one scan of the `resources-stock` stock documents it reads.
 *   Target: within 3× (ratio ≥ 0.33).
 */
import { createPractice, type Practice } from '@praxis/practice';
import { reorderList, resourcesStockName, stockIdOf, Stock, SupplyItem } from '@praxis/resources';
import type { NewEvent } from '@praxis/core';
import type { BenchContext, BenchSuite, Side } from './lib/harness.js';

const flag = (name: string, fallback: number): number => {
  const f = process.argv.find((a) => a.startsWith(`--${name}=`));
  return f === undefined ? fallback : Number(f.slice(name.length + 3));
};
const ITEMS = flag('resources-items', 500);
const CONSUMPTIONS = flag('resources-consumptions', 100_000);
const AS_OF = '2026-04-30';
const FIRST = Date.parse('2026-01-01T00:00:00Z');
const actor = { id: 'bench', role: 'practice_manager' };

/** A small deterministic generator (mulberry32), so every run measures the same log. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const at = (date: string) => `${date}T12:00:00-05:00`;
const ev = (e: { type: string; data: unknown }, date: string): NewEvent => ({
  type: e.type,
  data: e.data,
  metadata: { actor, occurredAt: at(date) },
});

let shared: Promise<Practice> | undefined;
/** One practice per run, seeded once: both sides read the same read model. */
const practiceFor = (ctx: BenchContext): Promise<Practice> =>
  (shared ??= (async () => {
    ctx.log(`writing ${ITEMS} items and ${CONSUMPTIONS} consumptions (not timed)…`);
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      actor,
    });
    const rnd = random(16);
    const perItem = Math.floor(CONSUMPTIONS / ITEMS);
    for (let i = 0; i < ITEMS; i++) {
      const itemId = `item-${i}`;
      const stockId = stockIdOf(itemId, 'main');
      await practice.store.appendToStream(`SupplyItem-${itemId}`, [
        ev(
          SupplyItem.events.make('SupplyItemRegistered', {
            itemId,
            name: `Item ${i}`,
            category: 'supplies',
            unit: 'each',
            packSize: 10,
            perishable: false,
            storage: 'ambient',
            unitCostCents: 100,
            registeredOn: '2025-12-01',
          }),
          '2025-12-01',
        ),
        ev(
          SupplyItem.events.make('ReorderPolicySet', {
            itemId,
            setOn: '2025-12-01',
            policy: {
              mode: 'computed',
              reviewPeriodDays: 7,
              leadTimeDays: 3,
              serviceLevel: 0.95,
              windowDays: 90,
            },
          }),
          '2025-12-01',
        ),
      ]);
      const events: NewEvent[] = [
        ev(
          Stock.events.make('StockReceived', {
            stockId,
            itemId,
            locationId: 'main',
            receiptId: 'r0',
            lotNo: 'L0',
            qty: perItem * 20,
            unitCostCents: 100,
            receivedOn: '2025-12-31',
            perishable: false,
          }),
          '2025-12-31',
        ),
      ];
      let left = perItem * 20;
      for (let k = 0; k < perItem; k++) {
        const date = new Date(FIRST + Math.floor((k / perItem) * 120) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const qty = 1 + Math.floor(rnd() * 9);
        left -= qty;
        events.push(
          ev(
            Stock.events.make('StockConsumed', {
              stockId,
              itemId,
              locationId: 'main',
              consumptionId: `c${k}`,
              qty,
              consumedOn: date,
              purpose: 'procedure',
              lots: [{ lotNo: 'L0', qty, costCents: qty * 100, left }],
              costCents: qty * 100,
              fefo: true,
              consumedBy: 'bench',
            }),
            date,
          ),
        );
      }
      await practice.store.appendToStream(`Stock-${stockId}`, events);
    }
    await practice.catchUp();
    const lines = await reorderList(practice.readModels, AS_OF, { all: true });
    if (lines.length !== ITEMS) throw new Error(`expected ${ITEMS} reorder lines, got ${lines.length}`);
    return practice;
  })());

const side = (label: string, work: (p: Practice) => Promise<number>): Side => ({
  label,
  open: async (ctx) => {
    const practice = await practiceFor(ctx);
    return { run: () => work(practice), close: async () => undefined };
  },
});

export const suite: BenchSuite = {
  name: 'resources',
  description:
    'the reorder list over 500 items and 100k consumptions against one scan of the stock read model',
  scenarios: [
    {
      id: 'R1',
      title: 'reorder list (every item) vs one scan of the stock documents',
      unit: 'runs',
      slices: 5,
      target: 1 / 3,
      subject: side('reorderList(all)', async (p) => {
        await reorderList(p.readModels, AS_OF, { all: true });
        return 1;
      }),
      baseline: side('scan resources-stock', async (p) => {
        for await (const _doc of p.readModels.list(resourcesStockName, 'stock:'));
        return 1;
      }),
    },
  ],
};
