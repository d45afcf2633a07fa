import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSnippets, checkSnippets, markdownFiles, root, snippetsOf } from './doc-snippets.js';

describe('TypeScript blocks of README.md and docs/', () => {
  it('every block compiles against the workspace (run scripts/doc-snippets.ts for file:line)', () => {
    const snippets = allSnippets();
    expect(snippets.length).toBeGreaterThan(20);
    expect(checkSnippets(snippets)).toEqual([]);
  }, 600_000);

  it('every example creating a practice (timeZone given) gives its currency too: a new practice needs both', () => {
    // createPractice on a new store throws InvalidArgument without `currency` (docs/embedding.md);
    // the types cannot say so, since an existing practice opens with neither.
    const missing: string[] = [];
    for (const f of markdownFiles()) {
      const text = readFileSync(join(root, f), 'utf8');
      for (const m of text.matchAll(/createPractice\(\{/g)) {
        let depth = 1;
        let i = m.index + m[0].length;
        while (depth > 0 && i < text.length) {
          if (text[i] === '{') depth++;
          else if (text[i] === '}') depth--;
          i++;
        }
        const options = text.slice(m.index, i);
        if (/\btimeZone\b/.test(options) && !/\bcurrency\b/.test(options))
          missing.push(`${f}:${text.slice(0, m.index).split('\n').length}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('fragments (```ts fragment) stay rare', () => {
    const fences = markdownFiles().flatMap((f) =>
      readFileSync(join(root, f), 'utf8')
        .split('\n')
        .filter((l) => /^\s*```(ts|typescript)\b/.test(l)),
    );
    const fragments = fences.filter((l) => /\bfragment\b/.test(l));
    expect(fragments.length).toBeLessThanOrEqual(Math.ceil(fences.length / 4));
  });

  it('reports a block that does not compile at its Markdown line, and skips fragments', () => {
    const markdown = [
      '# Title',
      '',
      '```ts',
      "import { businessCalendar } from '@praxis/core';",
      "const cal = businessCalendar('UTC');",
      "cal.addBusinessDays('2026-01-01', '3');",
      '```',
      '',
      '```ts fragment',
      'this is not TypeScript at all',
      '```',
    ].join('\n');
    const snippets = snippetsOf('docs/example.md', markdown);
    expect(snippets).toHaveLength(1);
    const errors = checkSnippets(snippets);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'docs/example.md', line: 6 });
    expect(errors[0]!.message).toMatch(/not assignable to parameter of type 'number'/);
  }, 600_000);
});
