import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { praxis, tempDir } from '../test-support.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('praxis stock', () => {
  it('prints the reorder list from a practice file, and the same lines as JSON', async () => {
    const file = join(tmp.dir, 'stock.db');
    const practice = await createPractice({
      store: `sqlite:${file}`,
      timeZone: 'America/Chicago',
      currency: 'USD',
      name: 'Stock test',
      actor: { id: 'maria', role: 'practice_manager' },
    });
    const r = practice.resources;
    await r.registerSupplyItem({
      itemId: 'gauze',
      name: 'Gauze 4x4',
      category: 'wound-care',
      unit: 'pad',
      packSize: 50,
      perishable: false,
      storage: 'ambient',
      unitCostCents: 4,
      registeredOn: '2026-01-02',
    });
    await r.setReorderPolicy({
      itemId: 'gauze',
      mode: 'min-max',
      min: 40,
      max: 200,
      reviewPeriodDays: 7,
      leadTimeDays: 2,
      serviceLevel: 0.9,
      setOn: '2026-01-02',
    });
    await r.receiveStock({
      stockId: 'gauze-main',
      itemId: 'gauze',
      locationId: 'main',
      receiptId: 'r1',
      lotNo: 'G1',
      qty: 30,
      unitCostCents: 4,
      receivedOn: '2026-01-02',
    });
    await practice.close();

    const t = await praxis(['stock', '--on', '2026-01-31', '--db', 'stock.db'], tmp.dir);
    expect(t.err).toBe('');
    expect(t.code).toBe(0);
    expect(t.out).toContain('Stock test: reorder list on 2026-01-31');
    // 30 on hand ≤ min 40: order up to 200 → 170, rounded up to packs of 50 → 200.
    expect(t.out).toMatch(/Gauze 4x4\s+main\s+30\s+0\s+40\s+200\s+0\s+0\s+200 pad/);
    const j = await praxis(['stock', '--on', '2026-01-31', '--format', 'json', '--db', 'stock.db'], tmp.dir);
    expect(JSON.parse(j.out)).toMatchObject({
      on: '2026-01-31',
      lines: [{ itemId: 'gauze', suggestedQty: 200 }],
    });
    for (const on of ['31/01/2026', '2026-02-31', '2026-13-01', '2025-02-29']) {
      const bad = await praxis(['stock', '--on', on, '--db', 'stock.db'], tmp.dir);
      expect([bad.code, bad.err.trim()]).toEqual([2, `praxis: --on must be a date YYYY-MM-DD (got "${on}")`]);
    }
  });
});
