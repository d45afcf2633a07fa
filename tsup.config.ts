import { readdirSync, existsSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

/**
 * One config builds every package under packages/: ESM only, with .d.ts.
 * Each package's entry points are src/index.ts (and src/bin.ts for command-line packages).
 * Dependencies stay external, so @praxis/* packages import each other's built dist: every bare
 * import (`@praxis/core`, `io-ts`, `node:fs`) is left to Node. (tsup's `skipNodeModulesBundle`
 * would bundle the tsconfig `paths` aliases, i.e. inline every @praxis package it imports, and
 * with them hoist the PostgreSQL and KurrentDB clients that @praxis/practice loads lazily.)
 */
const packages = readdirSync('packages', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`packages/${d.name}/src/index.ts`))
  .map((d) => d.name);

export default defineConfig(
  packages.map((name): Options => ({
    name,
    entry: [
      `packages/${name}/src/index.ts`,
      ...(existsSync(`packages/${name}/src/bin.ts`) ? [`packages/${name}/src/bin.ts`] : []),
    ],
    outDir: `packages/${name}/dist`,
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
    external: [/^[^./]/],
  })),
);
