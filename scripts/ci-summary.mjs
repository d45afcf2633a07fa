// Reads vitest's JSON report and prints the closing line CI looks for:
// `N passed, N failed, N skipped`. Exits non-zero when a test failed or none ran.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-results.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.log(`no test report at ${file}: ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
// A test file that fails to load has no failed test in it, yet failed: count it as one.
const brokenFiles = (report.testResults ?? []).filter(
  (s) => s.status === 'failed' && !(s.assertionResults ?? []).some((t) => t.status === 'failed'),
);
for (const s of brokenFiles)
  console.log(`test file failed to run: ${s.name}\n${(s.message ?? '').slice(0, 500)}`);
const failed = (report.numFailedTests ?? 0) + brokenFiles.length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const skips = [];
for (const suite of report.testResults ?? []) {
  for (const t of suite.assertionResults ?? []) {
    if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo')
      skips.push(t.fullName ?? t.title);
  }
}
if (skips.length > 0) {
  console.log(`\nSkipped (not counted as passed):`);
  for (const s of skips) console.log(`  - ${s}`);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
