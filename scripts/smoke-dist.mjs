#!/usr/bin/env node
// Smoke test of the built packages, as a user would get them from the registry:
//   1. `npm pack` every workspace package into a temporary folder;
//   2. install those tarballs into a fresh project there, as a user would (`npm install
//      --prefer-offline`): @praxis/* come from the tarballs, external dependencies at the
//      versions of the workspace's package-lock.json (direct ones pinned, transitive ones as
//      `overrides`), from the npm cache when `npm ci` already put them there, else from the
//      registry. It never needs a cache warmed by hand (`npm install --offline` did: `npm ci`
//      caches tarballs but not the registry metadata an install resolves ranges with);
//   3. import each package's entry point in plain Node (no Vite, no tsx), which catches an
//      ESM mistake such as importing `fp-ts/Either` (a directory import Node refuses);
//   4. when @praxis/cli is among them, run the installed `praxis` the ordinary way
//      (`npx praxis --help`, then `npx praxis demo --db x.db` on a small practice).
// Exits non-zero when a package fails to pack, install, import or run.
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

/**
 * Versions of the workspace's lockfile for packages that are not dependencies of `pins`:
 * every non-dev package the lockfile holds at exactly one version (a package held at several
 * versions is left to npm's resolution within its ranges). Empty without a lockfile.
 */
export const lockfileOverrides = (root, pins = {}) => {
  const lockPath = join(root, 'package-lock.json');
  if (!existsSync(lockPath)) return {};
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const versions = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0 || entry.link === true || entry.dev === true || typeof entry.version !== 'string') continue;
    const name = entry.name ?? path.slice(at + 'node_modules/'.length);
    if (name.startsWith('@praxis/') || name in pins) continue;
    if (!versions.has(name)) versions.set(name, new Set());
    versions.get(name).add(entry.version);
  }
  return Object.fromEntries(
    [...versions]
      .filter(([, v]) => v.size === 1)
      .map(([name, v]) => [name, [...v][0]])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
};

/**
 * The consumer project's package.json: every tarball as a `file:` dependency, externals pinned,
 * transitive externals held to the workspace lockfile's versions by `overrides`.
 */
export const consumerManifest = (tarballs, pins = {}, overrides = {}) => ({
  name: 'praxis-dist-smoke',
  private: true,
  type: 'module',
  dependencies: { ...pins, ...Object.fromEntries(tarballs.map((t) => [t.name, `file:${t.path}`])) },
  ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
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
 * Runs the installed `praxis` command in `appDir` the way a user would: `npx praxis --help`,
 * then a small demo into a new SQLite file. One result per check.
 */
export const cliChecks = (appDir, log = () => undefined) => {
  const checks = [
    { label: 'npx praxis --help', args: ['--help'], expect: (out) => /Usage: praxis/.test(out) },
    {
      label: 'npx praxis demo --db x.db --encounters 60',
      args: ['demo', '--db', 'x.db', '--encounters', '60'],
      expect: () => existsSync(join(appDir, 'x.db')),
    },
  ];
  return checks.map(({ label, args, expect }) => {
    const r = run(npm, ['exec', '--no', '--', 'praxis', ...args], appDir);
    const ok = r.ok && expect(r.output);
    log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
    return ok
      ? { name: label, ok: true }
      : { name: label, ok: false, error: `${label} (exit ${r.status}):\n${r.output.slice(-4000)}` };
  });
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
    const pins = pinnedExternals(root, packages);
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
      `${JSON.stringify(consumerManifest(tarballs, pins, lockfileOverrides(root, pins)), null, 2)}\n`,
    );
    log('installing the tarballs (external dependencies at the lockfile versions: npm cache, else registry)');
    const install = run(
      npm,
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
      appDir,
    );
    if (!install.ok) {
      for (const t of tarballs)
        results.push({ name: t.name, ok: false, error: `npm install failed:\n${install.output}` });
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
    if (tarballs.some((t) => t.name === '@praxis/cli')) results.push(...cliChecks(appDir, log));
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
    `\ndist smoke test: ${results.length - failed.length} check(s) passed (imports in plain Node, the installed praxis command), ${failed.length} failed`,
  );
  process.exit(failed.length === 0 && results.length > 0 ? 0 : 1);
};

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
