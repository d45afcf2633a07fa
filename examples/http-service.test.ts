import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPractice, type Practice } from '@praxis/practice';
import { startService } from './http-service.js';

let practice: Practice;
let server: Server;
let base = '';
beforeAll(async () => {
  practice = await createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD' });
  server = await startService(practice, 0);
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await practice.close();
});

const at = '2025-01-06T09:00:00-06:00';
const post = (path: string, body: unknown, role = 'practice_manager') =>
  fetch(`${base}${path}?at=${encodeURIComponent(at)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-actor-id': 'maria', 'x-actor-role': role },
    body: JSON.stringify(body),
  });

describe('example: Praxis in an HTTP service', () => {
  it('runs commands over HTTP and answers with what was decided', async () => {
    const draft = await post('/commands/finance/draftBudget', {
      budgetId: '2025',
      fiscalYear: '2025',
      startsOn: '2025-01-01',
      timeZone: 'America/Chicago',
      currency: 'USD',
      projections: [{ month: '2025-01', visits: 300, netRevenuePerVisit: 11_000 }],
      lines: [{ category: 'supplies', months: { '2025-01': 500_000 } }],
    });
    expect(draft.status).toBe(200);
    expect(await draft.json()).toMatchObject({ ok: true, decided: ['BudgetDrafted'] });
  });

  it('maps refusals by category: 403 forbidden, 409 conflict, 400 invalid, 404 unknown command', async () => {
    const forbidden = await post('/commands/finance/approveBudget', { budgetId: '2025' }, 'staff');
    expect(forbidden.status).toBe(403);
    const forged = await post('/commands/finance/approveBudget', { budgetId: '2025', approvedBy: 'x' });
    expect([forged.status, ((await forged.json()) as { code: string }).code]).toEqual([403, 'NotTheActor']);
    const early = await post('/commands/finance/approveBudget', { budgetId: '2025' });
    expect([early.status, ((await early.json()) as { code: string }).code]).toEqual([
      409,
      'BudgetNotSubmitted',
    ]);
    const misspelt = await post('/commands/finance/recordExpense', {
      budgetId: '2025',
      expenseId: 'e1',
      category: 'supplies',
      amount: '12.00',
      incurredOn: '2025-01-06',
      description: 'gloves',
    });
    expect([misspelt.status, await misspelt.json()]).toEqual([
      400,
      expect.objectContaining({ code: 'InvalidAmount', field: 'amount', category: 'invalid' }),
    ]);
    expect((await post('/commands/finance/stealMoney', {})).status).toBe(404);
  });

  it('serves KPIs, the calendar and the audit trail', async () => {
    const kpis = (await (await fetch(`${base}/kpis?period=2025-Q1`)).json()) as {
      period: { label: string };
      kpis: { id: string }[];
    };
    expect(kpis.period.label).toBe('2025-Q1');
    expect(kpis.kpis.map((k) => k.id)).toContain('daysInAR');
    expect((await fetch(`${base}/kpis?period=soon`)).status).toBe(400);
    expect((await fetch(`${base}/calendar?asOf=2025-06-30`)).status).toBe(200);
    const audit = (await (await fetch(`${base}/audit?entity=Budget-2025`)).json()) as {
      entries: { type: string }[];
    };
    expect(audit.entries.map((e) => e.type)).toEqual([
      'BudgetDrafted',
      'CommandRefused',
      'CommandRefused',
      'CommandRefused',
      'CommandRefused',
    ]);
  });
});
