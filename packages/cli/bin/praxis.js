#!/usr/bin/env node
// The `praxis` command's launcher. npm links a package's bin when it installs the package,
// which in this repository happens before anything is built: pointing the bin at dist/ would
// leave `npx praxis` with nothing to run after `npm ci`. So the bin is this small file, which
// exists at install time:
//   - in a checkout of the repository (src/ beside it and tsx installed), it runs the
//     TypeScript sources, so `npx praxis` always runs the code you are looking at;
//   - in an installed package (only dist/ is packed), it runs the built dist/bin.js.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const built = new URL('../dist/bin.js', import.meta.url);

const tsx = existsSync(source)
  ? await import('tsx/esm/api').then(
      (m) => m,
      () => undefined,
    )
  : undefined;

if (tsx !== undefined) {
  tsx.register();
  await import(pathToFileURL(source).href);
} else if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  process.stderr.write('praxis: no dist/bin.js in @praxis/cli (run `npm run build`)\n');
  process.exitCode = 1;
}
