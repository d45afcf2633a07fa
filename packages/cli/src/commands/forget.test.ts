import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { Roster } from '@praxis/staff';
import { people } from '../demo/cast.js';
import { patientNames, patientSecrets } from '../demo/index.js';
import { praxis, tempDir, testEncounters } from '../test-support.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const db = join(tmp.dir, 'demo.db');

/** Every byte SQLite keeps for the practice: the file, its WAL and shared-memory index. */
const fileBytes = (): Buffer =>
  Buffer.concat([db, `${db}-wal`, `${db}-shm`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));

// Personal data the demo records: staff names, a rejected applicant, separation reasons, an
// employee's needlestick injury, conflict text.
const secrets = [
  ...Object.values(people).map((p) => p.name),
  'Alex Morgan',
  'moving out of state',
  'needlestick during venipuncture',
];

beforeAll(async () => {
  const r = await praxis(['demo', '--db', db, '--seed', '7', '--encounters', testEncounters]);
  expect(r.code, r.err).toBe(0);
}, 600_000);

describe('personal data in a demo database', () => {
  it('is nowhere in the file in clear, yet reads back through the practice', async () => {
    const bytes = fileBytes();
    for (const s of secrets) expect(bytes.includes(Buffer.from(s)), s).toBe(false);
    const practice = await createPractice({ store: `sqlite:${db}` });
    try {
      const entry = await Roster.getRosterEntry(practice.readModels, people.ma3.id);
      expect(entry?.name).toBe(people.ma3.name);
    } finally {
      await practice.close();
    }
  });

  it('holds no demo patient’s name or what a patient said, in the file or its WAL (grep -c finds nothing), yet reads them back', async () => {
    const practice = await createPractice({ store: `sqlite:${db}` });
    let registered: string[];
    try {
      // Every patient the demo registered, as the practice reads them (revealed by the vault).
      registered = [];
      for (let n = 1; n <= patientNames.length; n++) {
        const p = await practice.load<{ name: string }>('Patient', `pt-${String(n).padStart(4, '0')}`);
        if (!p.found) break;
        registered.push(p.state.name);
      }
    } finally {
      await practice.close();
    }
    expect(registered.length).toBeGreaterThanOrEqual(12);
    expect(registered).toEqual(patientNames.slice(0, registered.length));
    const bytes = fileBytes();
    for (const s of [...registered, ...patientSecrets]) expect(bytes.includes(Buffer.from(s)), s).toBe(false);
    // The same with grep itself, as an operator would check: no line of the file or its WAL matches.
    for (const file of [db, `${db}-wal`].filter((p) => existsSync(p))) {
      const count = (() => {
        try {
          return execFileSync('grep', ['-c', '-a', '-F', registered[0]!, file], { encoding: 'utf8' }).trim();
        } catch (e) {
          return String((e as { stdout?: string }).stdout ?? '').trim();
        }
      })();
      expect(count, file).toBe('0');
    }
  });

  it('praxis forget erases one person: verify still passes, the KPIs are equal, the name reads [forgotten]', async () => {
    const kpisBefore = await praxis(['kpi', '--db', db, '--period', '2025', '--format', 'json']);
    expect(kpisBefore.code, kpisBefore.err).toBe(0);

    const auditor = await praxis([
      'forget',
      `staff:${people.ma3.id}`,
      '--db',
      db,
      '--actor',
      'a-1',
      '--role',
      'auditor',
    ]);
    expect(auditor.code).toBe(1);
    expect(auditor.err).toMatch(/Unauthorized/);
    const unknown = await praxis([
      'forget',
      'staff:nobody',
      '--db',
      db,
      '--actor',
      people.manager.id,
      '--role',
      'practice_manager',
    ]);
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringMatching(/UnknownSubject/)]);

    const r = await praxis([
      'forget',
      `staff:${people.ma3.id}`,
      '--db',
      db,
      '--actor',
      people.compliance.id,
      '--role',
      'compliance_officer',
    ]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/SubjectForgotten/);

    const verify = await praxis(['verify', '--db', db]);
    expect(verify.code, verify.out + verify.err).toBe(0);
    const kpisAfter = await praxis(['kpi', '--db', db, '--period', '2025', '--format', 'json']);
    expect(kpisAfter.out).toBe(kpisBefore.out);

    const practice = await createPractice({ store: `sqlite:${db}` });
    try {
      const entry = await Roster.getRosterEntry(practice.readModels, people.ma3.id);
      expect([entry?.name, entry?.status]).toEqual(['[forgotten]', 'separated']);
      expect((await Roster.getRosterEntry(practice.readModels, people.ma2.id))?.name).toBe(people.ma2.name);
      const trail = await practice.audit.query({ type: 'SubjectForgotten' });
      expect(trail.entries.map((e) => [e.actorId, e.streamId])).toEqual([
        [people.compliance.id, `Vault-staff:${people.ma3.id}`],
      ]);
    } finally {
      await practice.close();
    }
    // A second request is answered, and recorded once.
    const again = await praxis([
      'forget',
      `staff:${people.ma3.id}`,
      '--db',
      db,
      '--actor',
      people.manager.id,
      '--role',
      'practice_manager',
    ]);
    expect([again.code, again.out]).toEqual([0, expect.stringMatching(/already forgotten/)]);
  });
});
