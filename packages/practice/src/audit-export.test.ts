import { describe, expect, it } from 'vitest';
import { parseCsv } from '@praxis/golive';
import { createPractice } from './create.js';

const at = '2026-01-05T09:00:00-05:00';
const maria = { id: 'maria', role: 'practice_manager' };
const zone = 'America/New_York';

const lines = async (it: AsyncIterable<string>) => {
  let s = '';
  for await (const l of it) s += l;
  return s;
};

describe('practice.audit.export carries each event’s data', () => {
  it('shows the amount and the vendor of an expense, and a forgotten person’s name as [forgotten]', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      actor: maria,
    });
    const f = practice.finance;
    await f.draftBudget(
      {
        budgetId: '2026',
        fiscalYear: '2026',
        startsOn: '2026-01-01',
        timeZone: zone,
        currency: 'USD',
        projections: [{ month: '2026-01', visits: 400, netRevenuePerVisit: 11_000 }],
        lines: [{ category: 'supplies', months: { '2026-01': 50_000 } }],
      },
      { at },
    );
    await f.submitBudget({ budgetId: '2026' }, { at });
    await f.approveBudget({ budgetId: '2026' }, { at });
    const spent = await f.recordExpense(
      {
        budgetId: '2026',
        expenseId: 'inv-881',
        category: 'supplies',
        amount: 12_345,
        incurredOn: '2026-01-05',
        description: 'Exam gloves',
        vendor: 'Henry Schein',
      },
      { at },
    );
    expect(spent.ok).toBe(true);
    for (const [id, name] of [
      ['s-1', 'Ada Quinn'],
      ['s-2', 'Bo Li'],
    ])
      await practice.staff.receiveApplication({
        staffId: id!,
        name: name!,
        position: 'Nurse',
        appliedOn: '2026-01-05',
      });
    expect((await practice.forgetSubject('staff:s-2')).ok).toBe(true);

    const text = await lines(practice.audit.export({}, 'csv'));
    const csv = parseCsv(text);
    const header = csv[0]!.fields;
    const dataOf = (type: string, stream: string) => {
      const row = csv.find(
        (r) => r.fields[header.indexOf('type')] === type && r.fields[header.indexOf('streamId')] === stream,
      )!;
      return JSON.parse(row.fields[header.indexOf('data')]!) as Record<string, unknown>;
    };
    expect(dataOf('BudgetExpenseRecorded', 'Budget-2026')).toMatchObject({
      amount: 12_345,
      vendor: 'Henry Schein',
      category: 'supplies',
    });
    expect(dataOf('StaffApplicationReceived', 'StaffMember-s-1')).toMatchObject({ name: 'Ada Quinn' });
    expect(dataOf('StaffApplicationReceived', 'StaffMember-s-2')).toMatchObject({
      staffId: 's-2',
      name: '[forgotten]',
    });

    const jsonl = (await lines(practice.audit.export({ entity: 'Budget-2026' }, 'jsonl'))).trim().split('\n');
    const expense = jsonl
      .map((l) => JSON.parse(l) as { type: string; data?: Record<string, unknown> })
      .find((e) => e.type === 'BudgetExpenseRecorded');
    expect(expense?.data).toMatchObject({ amount: 12_345, vendor: 'Henry Schein' });
    await practice.close();
  });
});
