import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo, main } from '@praxis/cli';
import { nightlyReport } from './nightly-report.js';

const dir = mkdtempSync(join(tmpdir(), 'praxis-nightly-'));
const db = join(dir, 'practice.db');
beforeAll(async () => {
  const io = bufferIo();
  if ((await main(['demo', '--db', db, '--encounters', '40'], io)) !== 0) throw new Error(io.stderr());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('example: nightly KPI report', () => {
  it('writes the month so far against the month before, and the overdue obligations', async () => {
    const r = await nightlyReport(`sqlite:${db}`, join(dir, 'reports'), '2025-09-15');
    expect(r.files.map((f) => f.slice(dir.length))).toEqual([
      '/reports/kpi-2025-09-15.json',
      '/reports/kpi-2025-09-15.txt',
    ]);
    expect(r.summary).toMatch(/^Riverside Family Medicine \(demo\): nightly report for 2025-09-15/);
    expect(r.summary).toMatch(/Month to date \(2025-09\) against 2025-08:/);
    expect(r.summary).toMatch(/Days in A\/R: .* \(2025-08: /);
    const json = JSON.parse(readFileSync(r.files[0]!, 'utf8')) as {
      month: { period: { label: string } };
      previous: { period: { label: string } };
    };
    expect([json.month.period.label, json.previous.period.label]).toEqual(['2025-09', '2025-08']);
    expect(readFileSync(r.files[1]!, 'utf8')).toBe(`${r.summary}\n`);
  });
});
