import { describe, expect, it, vi } from 'vitest';
import { quickstart } from './quickstart.js';

describe('example: the README quickstart', () => {
  it('drafts a budget, shows a refusal in words, and reads KPIs', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const r = await quickstart('memory:');
    log.mockRestore();
    expect(r.drafted.summary).toBe('Budget-2026: BudgetDrafted');
    expect(r.early.summary).toBe(
      'refused (BudgetNotSubmitted): only a submitted budget can be approved [status]',
    );
    expect(r.kpis.period.label).toBe('2026-Q1');
  });
});
