import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trustKeyFromSecret, verifyInclusion } from '@praxis/audit';
import { createPractice } from './create.js';

const key = trustKeyFromSecret(Buffer.alloc(32, 9));
const at = '2026-01-05T09:00:00-05:00';
const maria = { id: 'maria', role: 'practice_manager' };

describe('a practice opened with a trust key, attacked through SQL', () => {
  let dir = '';
  let path = '';
  const open = () =>
    createPractice({
      store: `sqlite:${path}`,
      timeZone: 'America/New_York',
      currency: 'USD',
      trustKey: key,
      actor: maria,
    });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'praxis-trust-'));
    path = join(dir, 'practice.db');
    const practice = await open();
    const f = practice.finance;
    await f.draftBudget(
      {
        budgetId: '2026',
        fiscalYear: '2026',
        startsOn: '2026-01-01',
        timeZone: 'America/New_York',
        currency: 'USD',
        projections: [{ month: '2026-01', visits: 400, netRevenuePerVisit: 11_000 }],
        lines: [{ category: 'supplies', months: { '2026-01': 50_000 } }],
      },
      { at },
    );
    await f.submitBudget({ budgetId: '2026' }, { at });
    await f.approveBudget({ budgetId: '2026' }, { at });
    for (let i = 0; i < 55; i++) {
      const r = await f.recordExpense(
        {
          budgetId: '2026',
          expenseId: `e${i}`,
          category: 'supplies',
          amount: 100,
          incurredOn: '2026-01-06',
          description: 'gloves',
        },
        { at },
      );
      expect(r.ok).toBe(true);
    }
    await practice.catchUp();
    await practice.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const sql = (statement: string, ...params: unknown[]): number => {
    const db = new Database(path);
    try {
      return db.prepare(statement).run(...params).changes;
    } finally {
      db.close();
    }
  };

  it('verifies its own log with the key, signed checkpoints included', async () => {
    const practice = await open();
    const r = await practice.audit.verify();
    expect(r).toMatchObject({ ok: true, keyed: true, unsealedBeforeKey: 0 });
    expect(r.checkpoints).toBeGreaterThan(0);
    await practice.close();
  });

  it('ignores a budget snapshot whose line was raised in the database: the $500,000 expense is still refused', async () => {
    const changed = sql(
      `UPDATE snapshots SET state = replace(state, '"budgeted":50000', '"budgeted":100000000') WHERE stream_id = 'Budget-2026'`,
    );
    expect(changed).toBe(1);
    const practice = await open();
    const r = await practice.finance.recordExpense(
      {
        budgetId: '2026',
        expenseId: 'big',
        category: 'supplies',
        amount: 50_000_000,
        incurredOn: '2026-01-07',
        description: 'a $500,000 expense',
      },
      { at },
    );
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.code).toBe('LineOverspent');
    await practice.close();
  });

  it('names the first difference when a read-model document was edited in the database', async () => {
    const db = new Database(path);
    const row = db
      .prepare(
        `SELECT slot, key, doc FROM read_model_documents WHERE slot NOT LIKE 'audit%' AND doc LIKE '%:%' ORDER BY slot, key LIMIT 1`,
      )
      .get() as { slot: string; key: string; doc: string };
    const edited = row.doc.replace(/:(\d+)/, (_, n: string) => `:${Number(n) + 1}`);
    expect(edited).not.toBe(row.doc);
    db.prepare('UPDATE read_model_documents SET doc = ? WHERE slot = ? AND key = ?').run(
      edited,
      row.slot,
      row.key,
    );
    db.close();
    const practice = await open();
    const diffs = await practice.audit.checkReadModels();
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ key: row.key, kind: 'differs' });
    expect(row.slot.startsWith(diffs[0]!.projection)).toBe(true);
    await practice.close();
  });

  it('finds nothing to report in read models nobody touched', async () => {
    const practice = await open();
    expect(await practice.audit.checkReadModels()).toEqual([]);
    await practice.close();
  });

  it('gives a receipt that verifies, and fails it once an expense is deleted', async () => {
    const practice = await open();
    const receipt = await practice.audit.receipt();
    await practice.close();
    expect(receipt.count).toBeGreaterThan(58);
    expect(
      sql(
        `DELETE FROM events WHERE position = (SELECT max(position) FROM events WHERE type = 'BudgetExpenseRecorded')`,
      ),
    ).toBe(1);
    const again = await open();
    const r = await again.audit.verify({ keys: [key], receipts: [{ receipt, source: 'r.json' }] });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.kind)).toContain('missing');
    await again.close();
  });

  it('refuses to open the log with another key', async () => {
    await expect(
      createPractice({ store: `sqlite:${path}`, trustKey: trustKeyFromSecret(Buffer.alloc(32, 1)) }),
    ).rejects.toThrow(/sealed with key/);
  });

  it('opens without its key read-only: reads and verifies, records nothing, and the log stays intact', async () => {
    const practice = await createPractice({ store: `sqlite:${path}`, actor: maria });
    try {
      const head = await practice.store.headPosition();
      expect((await practice.load('Budget', '2026')).found).toBe(true);
      // A command that would be accepted, one that would be refused, and an erasure: each fails
      // TrustKeyRequired before anything is stored (the erasure before the key is destroyed).
      await expect(
        practice.finance.recordExpense(
          {
            budgetId: '2026',
            expenseId: 'late',
            category: 'supplies',
            amount: 100,
            incurredOn: '2026-01-06',
            description: 'gloves',
          },
          { at },
        ),
      ).rejects.toMatchObject({ name: 'TrustKeyRequired', keyId: key.keyId });
      await expect(
        practice.as({ id: 'x', role: 'staff' }).finance.approveBudget({ budgetId: '2026' }, { at }),
      ).rejects.toMatchObject({ name: 'TrustKeyRequired' });
      await expect(practice.forgetSubject('staff:S-1')).rejects.toMatchObject({ name: 'TrustKeyRequired' });
      await expect(
        practice.store.appendToStream('Note-1', [], { expectedRevision: 'any' }),
      ).rejects.toMatchObject({ name: 'TrustKeyRequired' });
      expect(await practice.store.headPosition()).toEqual(head);
    } finally {
      await practice.close();
    }
    const keyed = await open();
    try {
      expect((await keyed.audit.verify()).ok).toBe(true);
    } finally {
      await keyed.close();
    }
  });
});

void verifyInclusion;
