import { carcDescription } from '@praxis/x12';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { praxis, tempDir, testEncounters } from '../test-support.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const demo = (db: string, seed: string) =>
  praxis(['demo', '--db', join(tmp.dir, db), '--seed', seed, '--encounters', testEncounters]);

// Each test writes whole demo years: generous timeouts, so a loaded machine does not fail them.
describe('praxis demo', () => {
  it('writes a year through the command API and prints the KPI summary', async () => {
    const r = await demo('a.db', '3');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/commands → [\d,]+ events/);
    expect(r.err).toMatch(/refused on purpose/);
    for (const kpi of [
      'Days in A/R',
      'Clean claim rate',
      'Initial denial rate',
      'Staff turnover',
      'Training compliance',
      'Policy acknowledgment',
      'No-show rate',
      'Late-cancel rate',
      'Complaint resolution',
      'CG-CAHPS access',
    ]) {
      expect(r.out).toContain(kpi);
    }
    expect(r.out).toMatch(/KPIs for 2025/);
  }, 600_000);

  it('sets three goals tied to KPIs; explain names the claims that moved days in A/R between two quarters', async () => {
    const db = join(tmp.dir, 'a.db');
    const goals = JSON.parse((await praxis(['goals', '--format', 'json', '--db', db])).out) as {
      goalId: string;
      kpiId: string;
      baselinePeriod: string;
      status: string;
      checkpoints: { actual?: number | null }[];
    }[];
    expect(goals.map((g) => g.kpiId).sort()).toEqual(['adjustedCollectionRate', 'chargeLagDays', 'daysInAR']);
    for (const g of goals) {
      expect(g.baselinePeriod).toBe('2025-Q1');
      expect(g.checkpoints.filter((c) => typeof c.actual === 'number').length).toBeGreaterThan(3);
    }
    // The two goals due with the third quarter were closed in October from the KPI, not typed in.
    expect(goals.filter((g) => g.status === 'achieved' || g.status === 'missed').length).toBe(2);
    // The report shows each goal against its checkpoint path.
    const html = join(tmp.dir, 'a.html');
    expect((await praxis(['report', '--html', html, '--db', db])).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    const strategy = page.slice(page.indexOf('<h2>Strategy: goals against their checkpoint path</h2>'));
    expect(strategy.length).toBeGreaterThan(100);
    for (const kpi of ['daysInAR', 'adjustedCollectionRate', 'chargeLagDays'])
      expect(strategy).toContain(`<code>${kpi}</code>`);
    expect(strategy.match(/>Expected \(path\)<\/text>/g)?.length).toBe(3);
    expect(strategy).toMatch(/<td>2025-04<\/td><td class="n">[\d.]+<\/td><td class="n">[\d.]+<\/td>/);
    // The denial table names each CARC with its description from the code list.
    const carcs = [...page.matchAll(/<tr><td>CARC ([^<]+)<\/td><td>([^<]*)<\/td>/g)];
    expect(carcs.length).toBeGreaterThan(0);
    for (const [, code, description] of carcs)
      expect(description!.length > 0).toBe(carcDescription(code!) !== undefined);
    expect(carcs.some(([, , description]) => description!.length > 0)).toBe(true);

    const r = await praxis(['explain', 'daysInAR', '2025-Q1', '2025-Q2', '--format', 'json', '--db', db]);
    expect(r.code).toBe(0);
    const why = JSON.parse(r.out) as {
      before: number;
      after: number;
      change: number;
      additive: boolean;
      contributions: { key: string; contribution: number; events?: { type: string; actorId: string }[] }[];
    };
    const kpi = async (period: string) =>
      (
        JSON.parse((await praxis(['kpi', '--period', period, '--format', 'json', '--db', db])).out) as {
          lines: { id: string; value: number }[];
        }
      ).lines.find((l) => l.id === 'daysInAR')!.value;
    expect(why.before).toBeCloseTo(await kpi('2025-Q1'), 9);
    expect(why.after).toBeCloseTo(await kpi('2025-Q2'), 9);
    expect(why.additive).toBe(true);
    expect(why.contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(why.change, 6);
    expect(why.contributions[0]!.key).toMatch(/^claim:c2025-\d{5}$/);
    expect(why.contributions[0]!.events?.[0]).toMatchObject({ type: 'ClaimChargesRegistered' });
    // The other order tells the same story with the opposite signs (fresh-user finding).
    const back = JSON.parse(
      (await praxis(['explain', 'daysInAR', '2025-Q2', '2025-Q1', '--format', 'json', '--db', db])).out,
    ) as typeof why & { contributions: { dimensions: Record<string, string> }[] };
    expect(back.change).toBeCloseTo(-why.change, 9);
    for (const c of why.contributions) {
      const b = back.contributions.find((x) => x.key === c.key)!;
      expect(b.contribution).toBeCloseTo(-c.contribution, 9);
    }
    expect((await praxis(['explain', 'daysInAR', '2025-03', '2025-Q2', '--db', db])).code).toBe(2);
    const text = await praxis(['explain', 'daysInAR', '2025-Q1', '2025-Q2', '--db', db]);
    expect(text.out).toMatch(/Days in A\/R: [\d.]+ d \(2025-Q1\) → [\d.]+ d \(2025-Q2\), [+−][\d.]+ d\n/);
    expect(text.out).toMatch(/By payer: /);
    expect(text.out).toMatch(/claim:c2025-\d{5}/);
    const none = await praxis(['explain', 'staffTurnover', '2025-Q1', '2025-Q2', '--db', db]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/NoBreakdown/);
    expect((await praxis(['explain', 'daysInAR', 'Q1', '2025-Q2', '--db', db])).code).toBe(2);
    expect((await praxis(['explain', 'daysInAR', '2025-Q1', '--db', db])).code).toBe(2);
  });

  it('gives the same KPIs for the same seed, and others for another seed', async () => {
    await demo('b.db', '3');
    await demo('c.db', '4');
    const kpis = async (db: string) =>
      (await praxis(['kpi', '--format', 'json', '--db', join(tmp.dir, db)])).out;
    const [a, b, c] = [await kpis('a.db'), await kpis('b.db'), await kpis('c.db')];
    expect(JSON.parse(a).lines.length).toBeGreaterThan(10);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    // Two demo years on a loaded machine: more than the default minute.
  }, 600_000);

  it('replaces an earlier demo but refuses to overwrite a real practice', async () => {
    expect((await demo('a.db', '5')).code).toBe(0);
    const real = join(tmp.dir, 'real.db');
    const p = await createPractice({
      store: `sqlite:${real}`,
      timeZone: 'UTC',
      currency: 'EUR',
      name: 'Real clinic',
    });
    await p.close();
    const r = await praxis(['demo', '--db', real, '--encounters', testEncounters]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/already holds the practice "Real clinic"; pass --force/);
  }, 600_000);
});
