import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { carcDescription } from '@praxis/x12';
import { praxis, tempDir } from '../test-support.js';

/** The public sample interchanges, shared/x12 beside the checkout (PRAXIS_SHARED_DIR overrides). */
const samples = (() => {
  const env = process.env['PRAXIS_SHARED_DIR'];
  if (env !== undefined) return join(env, 'x12');
  for (let d = dirname(fileURLToPath(import.meta.url)); d !== dirname(d); d = dirname(d))
    if (existsSync(join(d, 'shared', 'x12', 'README.md'))) return join(d, 'shared', 'x12');
  // A clone made elsewhere on the team's machines (CI clones into a temporary folder).
  if (existsSync(join('/work/shared', 'x12', 'README.md'))) return join('/work/shared', 'x12');
  throw new Error('shared/x12 is not beside this checkout; set PRAXIS_SHARED_DIR');
})();
const lfh = join(samples, '835-lfh-managed-care.edi');

const tmp = tempDir();
const db = join(tmp.dir, 'practice.db');
beforeAll(async () => {
  const practice = await createPractice({
    store: `sqlite:${db}`,
    timeZone: 'America/Chicago',
    currency: 'USD',
  });
  const b = practice.as({ id: 'bea', role: 'biller' });
  for (const [claimId, dos, cpt, amount] of [
    ['5554555444', '2002-03-01', '99211', 80_000],
    ['8765432112', '2002-03-10', '93555', 120_000],
  ] as const) {
    const at = `${dos}T17:00:00-06:00`;
    for (const r of [
      await b.finance.registerCharges(
        {
          claimId,
          encounterId: `e-${claimId}`,
          patientId: `p-${claimId}`,
          payerId: 'rushmore',
          payerKind: 'commercial',
          dateOfService: dos,
          timeZone: 'America/Chicago',
          charges: [{ cptCode: cpt, units: 1, amount }],
        },
        { at },
      ),
      await b.finance.createClaim({ claimId }, { at }),
      await b.finance.scrubClaim({ claimId, failedEdits: [] }, { at }),
      await b.finance.submitClaim({ claimId }, { at }),
    ])
      if (!r.ok) throw new Error(r.summary);
  }
  await practice.close();
});
afterAll(() => tmp.remove());

describe('praxis import-era', () => {
  it('--dry-run needs no practice and prints per claim and in total what would be posted', async () => {
    const r = await praxis(['import-era', '--dry-run', lfh, '--db', join(tmp.dir, 'none.db')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/5554555444 +1 +800\.00 +450\.00 +300\.00 +50\.00 +0\.00 +payment/);
    expect(r.out).toMatch(/total \(2\) +2000\.00 +945\.00 +900\.00 +155\.00/);
    expect(r.out).toContain('adjustments by group and CARC: CO-A2 105.00, PR-1 900.00, CO-45 50.00');
    // Each code with its description from the CARC/RARC lists.
    expect(r.out).toContain(`  CARC 45: ${carcDescription('45')}`);
    expect(r.out).toContain('  CARC A2: Contractual adjustment (deactivated 2008-01-01)');
    expect(r.out).toContain('reconciliation: BPR02 945.00 = Σ CLP04 945.00 − PLB 0.00 ✓');
    expect(r.out).toContain('dry run: nothing was posted');
    expect(existsSync(join(tmp.dir, 'none.db'))).toBe(false);
  });

  it('posts the file, then posts nothing twice on a second import', async () => {
    const first = await praxis(['import-era', lfh, '--db', db, '--at', '2026-11-02T10:00:00-06:00']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/posted 2 claims as 2 finance commands/);
    const again = await praxis(['import-era', lfh, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already posted \(trace 7170066655\): nothing posted twice/);
  });

  it('names the segment and element of a bad file and posts nothing', async () => {
    const r = await praxis(['import-era', join(samples, '837p-lfh-tr3-example1.edi'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ST\*837\*0021.* segment 1 \(line 3\), ST01: .*not an 835/);
    expect(r.err).toMatch(/nothing was posted/);
  });

  it('a file that cannot be read is a usage error, with nothing posted and no practice opened', async () => {
    const r = await praxis(['import-era', join(tmp.dir, 'missing.835'), '--db', join(tmp.dir, 'never.db')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read .*missing\.835: ENOENT/);
    expect(existsSync(join(tmp.dir, 'never.db'))).toBe(false);
    const dry = await praxis(['import-era', '--dry-run', tmp.dir]);
    expect(dry.code).toBe(2);
    expect(dry.err).toMatch(/not a file/);
  });
});
