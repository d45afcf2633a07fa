import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { praxis, tempDir, testEncounters } from '../test-support.js';

const tmp = tempDir();
const db = join(tmp.dir, 'practice.db');
beforeAll(async () => {
  const r = await praxis(['demo', '--db', db, '--encounters', testEncounters]);
  if (r.code !== 0) throw new Error(`demo failed: ${r.err}`);
});
afterAll(() => tmp.remove());

const file = (name: string, lines: readonly string[]) => {
  const path = join(tmp.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
const importFile = (path: string) => praxis(['import', path, '--db', db], tmp.dir);
const eventCount = async () =>
  (await praxis(['audit', '--format', 'jsonl', '--db', db])).out.trim().split('\n').length;
const header = 'claim_id,encounter_id,patient_id,payer_id,payer_kind,date_of_service,cpt_code,units,charge';

describe('praxis import', () => {
  it('imports nothing from a file with bad rows and names each bad row with its line and reason', async () => {
    const before = await eventCount();
    const path = file('bad.csv', [
      header,
      'n-1,e-1,p-1,aetna,commercial,2025-11-03,99213,1,140.00',
      'n-2,e-2,p-2,aetna,comercial,2025-11-03,99214,1,205.00',
      'n-3,e-3,p-3,medicare,medicare,2025-02-30,99214,1,205.00',
      'n-1,e-9,p-1,aetna,commercial,2025-11-03,36415,1,18',
      'c2025-00001,e-5,p-5,medicare,medicare,2025-11-04,99214,1,205.00',
      'n-6,e-6,p-6,medicare,medicare,2025-11-04,99214,1',
    ]);
    const r = await importFile(path);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      `${path}:3: payer_kind "comercial" is not one of medicare, medicaid, commercial, self-pay, other`,
      `${path}:4: date_of_service "2025-02-30" is not a date (YYYY-MM-DD)`,
      `${path}:5: encounter_id "e-9" differs from line 2 of the same claim n-1`,
      `${path}:6: claim_id: claim c2025-00001 already has charges`,
      `${path}:7: has 8 fields, the header has 9`,
      `praxis: 5 problems in ${path}; nothing was imported`,
    ]);
    expect(await eventCount()).toBe(before);
  });

  it('imports the sample file the README points to (examples/data/encounters.csv)', async () => {
    const sample = fileURLToPath(new URL('../../../../examples/data/encounters.csv', import.meta.url));
    const r = await importFile(sample);
    expect([r.code, r.out.trim()]).toEqual([0, `imported 4 rows of ${sample} as 3 claims`]);
  });

  it('imports a good file as claims with their charge lines', async () => {
    const path = file('good.csv', [
      header,
      'n-10,e-10,p-10,bluecross,commercial,2025-11-03,99213,1,140.00',
      'n-10,e-10,p-10,bluecross,commercial,2025-11-03,36415,1,18.5',
      'n-11,e-11,p-11,medicare,medicare,2025-11-04,99214,2,205',
    ]);
    const r = await importFile(path);
    expect([r.code, r.out.trim()]).toEqual([0, `imported 3 rows of ${path} as 2 claims`]);
    const claim = await praxis(['replay', '--as-of', '2100-01-01', '--entity', 'Claim-n-10', '--db', db]);
    expect(claim.out).toMatch(/"totalCharges": 15850/); // $140.00 + $18.50
    const again = await importFile(path);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/good\.csv:2: claim_id: claim n-10 already has charges/);
  });

  it('imports staff applications, refusing an id already on staff', async () => {
    const bad = file('staff-bad.csv', [
      'staff_id,name,position,applied_on',
      's-1,Ada Byron,Medical assistant,2025-11-01',
      'S-108,Jamie Ortiz,Medical assistant,2025-11-01',
    ]);
    const r = await importFile(bad);
    expect([r.code, r.err]).toEqual([
      2,
      expect.stringMatching(/staff-bad\.csv:3: staff_id: staff record S-108 already exists/),
    ]);
    const good = file('staff.csv', [
      'staff_id,name,position,applied_on',
      's-1,Ada Byron,Medical assistant,2025-11-01',
    ]);
    expect((await importFile(good)).out.trim()).toBe(`imported 1 row of ${good} as 1 staff application`);
  });

  it('refuses a file whose header matches no import, or that it cannot read', async () => {
    const r = await importFile(file('odd.csv', ['name,age', 'x,1']));
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/odd\.csv:1: the header matches no import/)]);
    const missing = await importFile(join(tmp.dir, 'nope.csv'));
    expect([missing.code, missing.err]).toEqual([
      2,
      expect.stringMatching(/cannot read .*nope\.csv: ENOENT/),
    ]);
  });

  it('goes live into a new practice from the sample files (examples/data/go-live), all or nothing', async () => {
    const dir = fileURLToPath(new URL('../../../../examples/data/go-live/', import.meta.url));
    const names = [
      'staff',
      'credentials',
      'training',
      'policies',
      'acknowledgments',
      'requirements',
      'open-claims',
    ];
    const files = names.map((n) => join(dir, `${n}.csv`));
    const fresh = join(tmp.dir, 'golive.db');
    const args = ['import', ...files, '--as-of', '2026-02-28', '--db', fresh];
    const noZone = await praxis([...args, '--new'], tmp.dir);
    expect([noZone.code, noZone.err]).toEqual([2, expect.stringMatching(/--new needs --time-zone/)]);
    const r = await praxis([...args, '--new', '--time-zone', 'America/Chicago'], tmp.dir);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/imported 4 rows of .*staff\.csv \(staff\) as 4 commands/);
    expect(r.out).toMatch(/imported 6 rows of .*open-claims\.csv \(open claims\) as 5 commands/);
    // Again: every row is refused on the copy, and nothing more is recorded.
    const again = await praxis(args, tmp.dir);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(
      /staff\.csv:2: staff_id: staff record s-patel already exists \(RecordExistingStaffMember: StaffMemberAlreadyExists\)/,
    );
    expect(again.err).toMatch(/nothing was imported\n$/);
  });

  it('--new fails clean: a bad go-live leaves no file behind, and an existing practice is refused untouched', async () => {
    const fresh = join(tmp.dir, 'new-bad.db');
    const staff = file('new-staff.csv', [
      'staff_id,name,position,role,hired_on,last_oig_check_on',
      's-1,Ada Quinn,Nurse,staff,2020-01-06,2026-02-02',
      's-1,Bo Li,Nurse,staff,2021-01-06,2026-02-02',
    ]);
    const args = ['import', staff, '--as-of', '2026-02-28', '--new', '--time-zone', 'America/Chicago'];
    const bad = await praxis([...args, '--db', fresh], tmp.dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/nothing was imported/);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('new-bad.db'))).toEqual([]);
    // A single file of encounters into a new practice, with a bad row: nothing either.
    const enc = file('new-enc.csv', [header, 'n-1,e-1,p-1,aetna,commercial,2099-11-03,99213,1,140.00']);
    const badEnc = await praxis(
      ['import', enc, '--new', '--time-zone', 'America/Chicago', '--db', fresh],
      tmp.dir,
    );
    expect(badEnc.code).toBe(2);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('new-bad.db'))).toEqual([]);
    // An existing practice (the demo's) is refused with a clear message; nothing written to it.
    const before = await eventCount();
    const good = file('new-good.csv', [
      'staff_id,name,position,role,hired_on,last_oig_check_on',
      's-new-1,Ada Quinn,Nurse,staff,2020-01-06,2026-02-02',
    ]);
    const existing = await praxis(
      ['import', good, '--as-of', '2026-02-28', '--new', '--time-zone', 'America/Chicago', '--db', db],
      tmp.dir,
    );
    expect(existing.code).toBe(2);
    expect(existing.err).toMatch(/^praxis: .*practice\.db is already a practice: --new creates a new one/);
    expect(await eventCount()).toBe(before);
  });
});
