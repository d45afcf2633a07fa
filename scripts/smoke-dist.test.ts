import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { smokeDist } from './smoke-dist.mjs';

interface Result {
  name: string;
  ok: boolean;
  error?: string;
}

/** A tiny workspace with one package whose dist imports fp-ts correctly and one with the trap. */
const fixtureWorkspace = (): string => {
  const root = mkdtempSync(join(tmpdir(), 'praxis-smoke-fixture-'));
  const fpTs = (createRequire(import.meta.url)('fp-ts/package.json') as { version: string }).version;
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'fixture', private: true, workspaces: ['packages/*'] }),
  );
  mkdirSync(join(root, 'node_modules', 'fp-ts'), { recursive: true });
  writeFileSync(
    join(root, 'node_modules', 'fp-ts', 'package.json'),
    JSON.stringify({ name: 'fp-ts', version: fpTs }),
  );
  const pkg = (folder: string, source: string) => {
    const dir = join(root, 'packages', folder);
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: `@praxis/${folder}`,
        version: '0.0.1',
        type: 'module',
        exports: { '.': { import: './dist/index.js' } },
        files: ['dist'],
        dependencies: { 'fp-ts': `^${fpTs}` },
      }),
    );
    writeFileSync(join(dir, 'dist', 'index.js'), source);
  };
  pkg('good', `import { right } from 'fp-ts/lib/Either.js';\nexport const answer = right(42);\n`);
  pkg('trap', `import { right } from 'fp-ts/Either';\nexport const answer = right(42);\n`);
  pkg('unbuilt', '');
  rmSync(join(root, 'packages', 'unbuilt', 'dist'), { recursive: true });
  return root;
};

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('dist smoke test', () => {
  it('passes a package that imports in plain Node and fails the fp-ts directory-import trap and a missing dist', () => {
    const root = fixtureWorkspace();
    roots.push(root);
    const { results } = smokeDist({ root }) as { results: Result[] };
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(byName.get('@praxis/good')).toEqual({ name: '@praxis/good', ok: true });
    expect(byName.get('@praxis/trap')?.ok).toBe(false);
    expect(byName.get('@praxis/trap')?.error).toMatch(/fp-ts\/Either/);
    expect(byName.get('@praxis/unbuilt')?.ok).toBe(false);
    expect(byName.get('@praxis/unbuilt')?.error).toMatch(/no dist/);
  });
});
