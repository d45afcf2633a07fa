// Keeps every package's declared dependencies equal to what its source imports.
// `node scripts/check-deps.mjs` reports drift (exit 1); `--fix` rewrites the package.json files
// (then run `npm install` to refresh the lockfile). Test files count as devDependencies.
// An optional peer dependency (`peerDependenciesMeta.<name>.optional`) may be loaded only with
// `import()` (or `import type`) in a package's runtime source: a static import would load it
// with the package and fail where it is not installed.
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const fix = process.argv.includes('--fix');
const root = JSON.parse(readFileSync('package.json', 'utf8'));
const rootDev = root.devDependencies ?? {};
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory()
      ? f === 'dist' || f === 'node_modules'
        ? []
        : walk(p)
      : p.endsWith('.ts')
        ? [p]
        : [];
  });
const spec =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'".][^'"]*)['"]|import\(\s*['"]([^'".][^'"]*)['"]\s*\)/gm;
// A static import that loads a module at run time (not `import type`, not `export type`).
const staticImport = /(?:^|\s)(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'".][^'"]*)['"]/gm;
const pkgName = (s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);
const versionOf = (name) => {
  if (name.startsWith('@praxis/')) return '0.1.0';
  for (const d of readdirSync('packages')) {
    const j = JSON.parse(readFileSync(`packages/${d}/package.json`, 'utf8'));
    const v = j.dependencies?.[name] ?? j.devDependencies?.[name];
    if (v) return v;
  }
  const v = rootDev[name];
  if (v) return v;
  return JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version.replace(/^/, '^');
};
let drift = 0;
for (const d of readdirSync('packages')) {
  const file = `packages/${d}/package.json`;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const runtime = new Set();
  const dev = new Set();
  const optionalPeers = new Set(
    Object.entries(pkg.peerDependenciesMeta ?? {})
      .filter(([, meta]) => meta?.optional === true)
      .map(([name]) => name),
  );
  for (const f of walk(`packages/${d}/src`)) {
    const isTest =
      /\.test(-d)?\.ts$|\.fixture\.ts$|test-support/.test(f) || (/\/testing\//.test(f) && d !== 'testing');
    if (!isTest) {
      for (const m of readFileSync(f, 'utf8').matchAll(staticImport)) {
        if (optionalPeers.has(pkgName(m[1]))) {
          drift++;
          console.log(`${f}: imports the optional peer ${m[1]} statically; load it with import()`);
        }
      }
    }
    for (const m of readFileSync(f, 'utf8').matchAll(spec)) {
      const s = m[1] ?? m[2];
      if (!s || s.startsWith('node:')) continue;
      const n = pkgName(s);
      if (n === pkg.name) continue;
      (isTest ? dev : runtime).add(n);
    }
  }
  for (const n of runtime) dev.delete(n);
  const peers = new Set(Object.keys(pkg.peerDependencies ?? {}));
  const want = Object.fromEntries(
    [...runtime]
      .filter((n) => !peers.has(n))
      .sort()
      .map((n) => [n, versionOf(n)]),
  );
  const wantDev = Object.fromEntries(
    [...dev]
      .filter((n) => !peers.has(n))
      .sort()
      .map((n) => [n, versionOf(n)]),
  );
  const same = (a = {}, b = {}) =>
    JSON.stringify(Object.keys(a).sort()) === JSON.stringify(Object.keys(b).sort());
  if (!same(pkg.dependencies, want) || !same(pkg.devDependencies, wantDev)) {
    drift++;
    console.log(
      `${pkg.name}: imports ${JSON.stringify(Object.keys(want))} (dev ${JSON.stringify(Object.keys(wantDev))}), declares ${JSON.stringify(Object.keys(pkg.dependencies ?? {}))} (dev ${JSON.stringify(Object.keys(pkg.devDependencies ?? {}))})`,
    );
    if (fix) {
      pkg.dependencies = want;
      if (Object.keys(wantDev).length > 0) pkg.devDependencies = wantDev;
      else delete pkg.devDependencies;
      writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
    }
  }
}
if (drift > 0 && !fix) process.exit(1);
console.log(
  drift === 0 ? 'dependencies match imports' : `fixed ${drift} package.json files; now run npm install`,
);
