import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { quickstart } from './quickstart.js';
import { formatKpi } from '@praxis/practice';

/** The `// …` comments after `console.log(…)` calls in README.md's Embedding snippet, in order. */
const readmePromises = (): string[] => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding'));
  const snippet = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return [...snippet.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1] ?? '');
};

const printed = async (
  store?: string,
): Promise<{ lines: string[]; r: Awaited<ReturnType<typeof quickstart>> }> => {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(...args.map(String).join(' ').split('\n'));
  });
  try {
    return { lines, r: await quickstart(store) };
  } finally {
    log.mockRestore();
  }
};

describe('example: the README quickstart', () => {
  it('prints what the README says it prints: the decision, the refusal in words, then one line per KPI', async () => {
    const promises = readmePromises();
    expect(promises.length).toBeGreaterThanOrEqual(2);
    const { lines, r } = await printed('memory:');
    expect(lines.slice(0, promises.length)).toEqual(promises);
    expect(lines.slice(promises.length)).toEqual(
      r.kpis.lines.map((k) => `${k.label}: ${formatKpi(k.value, k.unit)}`),
    );
    expect(r.kpis.period.label).toBe('2026-Q1');
  });

  it('prints the same lines on every run (its default store starts empty)', async () => {
    const first = await printed();
    const second = await printed();
    expect(second.lines).toEqual(first.lines);
  });
});
