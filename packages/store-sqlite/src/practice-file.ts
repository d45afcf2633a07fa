import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { NotAPractice, SchemaTooNew } from '@praxis/core';
import { schemaVersion, type Migration } from './migrations.js';

/**
 * The SQLite `application_id` of a Praxis practice file (`PRAGMA application_id`, bytes 68–71
 * of the header): "PRXS" in ASCII. `file practice.db` shows it as the file's application id.
 */
export const praxisApplicationId = 0x50525853;

const sqliteHeader = 'SQLite format 3\0';

/** What is at a path, read without changing anything. */
export type FileState =
  | { readonly kind: 'new' } // no file, or ':memory:'
  | { readonly kind: 'empty' } // 0 bytes, or a SQLite database without a table
  | { readonly kind: 'practice'; readonly marked: boolean }; // ours (marked, or written before marking)

const readHeader = (path: string): Buffer => {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
};

/**
 * Looks at the file at `path` and refuses, untouched, anything that is not a Praxis practice:
 * not a SQLite database (NotAPractice 'not-a-database'), another program's database (a foreign
 * `application_id`, or tables without Praxis' event log: 'foreign'), and — unless `create` —
 * a missing or empty file ('missing' / 'empty'). A practice whose schema is newer than
 * `migrations` is SchemaTooNew. Files written before practices were marked (application_id 0,
 * with Praxis' `events` component) are practices; they are marked when opened.
 */
export const inspectPracticeFile = (
  path: string,
  create: boolean,
  component: string,
  migrations: readonly Migration[],
): FileState => {
  if (path === ':memory:' || path === '') return { kind: 'new' };
  if (!existsSync(path)) {
    if (!create) throw new NotAPractice(path, 'missing', 'there is no such file');
    return { kind: 'new' };
  }
  if (statSync(path).size === 0) {
    if (!create) throw new NotAPractice(path, 'empty', 'the file is empty (0 bytes)');
    return { kind: 'empty' };
  }
  const header = readHeader(path);
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== sqliteHeader) {
    throw new NotAPractice(path, 'not-a-database', 'the file is not a SQLite database');
  }
  const applicationId = header.readUInt32BE(68);
  if (applicationId !== 0 && applicationId !== praxisApplicationId) {
    throw new NotAPractice(
      path,
      'foreign',
      `its SQLite application_id is 0x${applicationId.toString(16)}, another program's (Praxis: 0x${praxisApplicationId.toString(16)})`,
    );
  }
  // Only reads: no pragma that writes, no migration. Closing removes the side files it opened.
  const db = new Database(path, { fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[];
    const version = schemaVersion(db, component);
    const latest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
    if (applicationId === 0 && version === 0) {
      if (tables.length > 0) {
        throw new NotAPractice(
          path,
          'foreign',
          `it is another program's SQLite database (tables ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''})`,
        );
      }
      if (!create) throw new NotAPractice(path, 'empty', 'the SQLite database holds no tables');
      return { kind: 'empty' };
    }
    if (version > latest) throw new SchemaTooNew(path, version, latest);
    return { kind: 'practice', marked: applicationId === praxisApplicationId };
  } finally {
    db.close();
  }
};
