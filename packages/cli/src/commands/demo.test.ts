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

  it('gives the same KPIs for the same seed, and others for another seed', async () => {
    await demo('b.db', '3');
    await demo('c.db', '4');
    const kpis = async (db: string) =>
      (await praxis(['kpi', '--format', 'json', '--db', join(tmp.dir, db)])).out;
    const [a, b, c] = [await kpis('a.db'), await kpis('b.db'), await kpis('c.db')];
    expect(JSON.parse(a).lines.length).toBeGreaterThan(10);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
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
