#!/usr/bin/env node
// Smoke test of the built packages, as a user would get them from the registry:
//   1. `npm pack` every workspace package into a temporary folder;
//   2. install those tarballs into a fresh project there (`npm install --offline`: @praxis/*
//      come from the tarballs, external dependencies from the local npm cache — no registry);
//   3. import each package's entry point in plain Node (no Vite, no tsx), which catches an
//      ESM mistake such as importing `fp-ts/Either` (a directory import Node refuses).
// Exits non-zero when a package fails to pack, install or import.
//
// Usage: node scripts/smoke-dist.mjs [--build] [--keep] [--only=core,store-sqlite]
//   --build  run `npm run build` first (otherwise every package must already have dist/)
//   --keep   leave the temporary folder for inspection
//   --only   check only these packages (folder names under packages/)
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The workspace packages under `root/packages` (folder, name, whether dist exists). */
export const workspacePackages = (root) =>
  readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'packages', d.name, 'package.json')))
    .map((d) => {
      const dir = join(root, 'packages', d.name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return {
        folder: d.name,
        dir,
        name: manifest.name,
        private: manifest.private === true,
        built: existsSync(join(dir, 'dist')),
      };
    });

/**
 * The external (non-@praxis) dependencies and peer dependencies of `packages`, pinned to the
 * versions installed in the workspace, so the offline install picks what the npm cache holds.
 */
export const pinnedExternals = (root, packages) => {
  const pins = {};
  for (const p of packages) {
    const manifest = JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      if (dep.startsWith('@praxis/')) continue;
      const installed = join(root, 'node_modules', dep, 'package.json');
      if (existsSync(installed)) pins[dep] = JSON.parse(readFileSync(installed, 'utf8')).version;
    }
  }
  return pins;
};

/** The consumer project's package.json: every tarball as a `file:` dependency, externals pinned. */
export const consumerManifest = (tarballs, pins = {}) => ({
  name: 'praxis-dist-smoke',
  private: true,
  type: 'module',
  dependencies: { ...pins, ...Object.fromEntries(tarballs.map((t) => [t.name, `file:${t.path}`])) },
  // npm ≥ 11 asks which dependencies may run install scripts (better-sqlite3 fetches its binary).
  allowScripts: { 'better-sqlite3': true, esbuild: true, protobufjs: true },
});

/** A plain-Node program that imports `name` and fails unless it exports something. */
export const importCheck = (name) =>
  `const m = await import(${JSON.stringify(name)});\n` +
  `if (Object.keys(m).length === 0) throw new Error(${JSON.stringify(`${name} exports nothing`)});\n`;

const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(), status: r.status };
};

/**
 * Packs, installs and imports the packages of the workspace at `root`. Returns one result per
 * package; `ok` is false for any failure (the reason is in `error`).
 */
export const smokeDist = ({ root, only, keep = false, log = () => undefined }) => {
  const all = workspacePackages(root).filter(
    (p) => !p.private && (only === undefined || only.includes(p.folder)),
  );
  const results = [];
  const missing = all.filter((p) => !p.built);
  for (const p of missing)
    results.push({ name: p.name, ok: false, error: `no dist/ in ${p.dir} (run npm run build)` });
  const packages = all.filter((p) => p.built);
  if (packages.length === 0) return { results, dir: undefined };

  const dir = mkdtempSync(join(tmpdir(), 'praxis-smoke-'));
  try {
    const tarballDir = join(dir, 'tarballs');
    const appDir = join(dir, 'app');
    mkdirSync(tarballDir);
    mkdirSync(appDir);
    log(`packing ${packages.length} package(s) into ${tarballDir}`);
    const tarballs = [];
    for (const p of packages) {
      const r = run(npm, ['pack', '--json', '--pack-destination', tarballDir], p.dir);
      if (!r.ok) {
        results.push({ name: p.name, ok: false, error: `npm pack failed:\n${r.output}` });
        continue;
      }
      const start = r.output.indexOf('[');
      const [info] = JSON.parse(r.output.slice(start));
      tarballs.push({
        name: p.name,
        path: join(tarballDir, info.filename),
        files: info.files.map((f) => f.path),
      });
    }
    writeFileSync(
      join(appDir, 'package.json'),
      `${JSON.stringify(consumerManifest(tarballs, pinnedExternals(root, packages)), null, 2)}\n`,
    );
    log('installing the tarballs offline (external dependencies from the npm cache)');
    const install = run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], appDir);
    if (!install.ok) {
      for (const t of tarballs)
        results.push({ name: t.name, ok: false, error: `npm install --offline failed:\n${install.output}` });
      return { results, dir };
    }
    for (const t of tarballs) {
      const check = join(appDir, `check-${t.name.replace(/[@/]/g, '_')}.mjs`);
      writeFileSync(check, importCheck(t.name));
      const r = run(process.execPath, [check], appDir);
      results.push(
        r.ok
          ? { name: t.name, ok: true }
          : { name: t.name, ok: false, error: `import('${t.name}') failed in plain Node:\n${r.output}` },
      );
      log(`${r.ok ? 'ok  ' : 'FAIL'} import('${t.name}')`);
    }
    return { results, dir };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
};

const main = () => {
  const args = process.argv.slice(2);
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const onlyArg = args.find((a) => a.startsWith('--only='));
  const only = onlyArg === undefined ? undefined : onlyArg.slice('--only='.length).split(',');
  if (args.includes('--build')) execFileSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const { results, dir } = smokeDist({
    root,
    only,
    keep: args.includes('--keep'),
    log: (l) => console.log(l),
  });
  const failed = results.filter((r) => !r.ok);
  for (const f of failed) console.log(`\n${f.name}: ${f.error}`);
  if (args.includes('--keep') && dir !== undefined) console.log(`\nkept ${dir}`);
  console.log(
    `\ndist smoke test: ${results.length - failed.length} package(s) import in plain Node, ${failed.length} failed`,
  );
  process.exit(failed.length === 0 && results.length > 0 ? 0 : 1);
};

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
