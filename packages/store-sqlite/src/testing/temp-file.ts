import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database path in a fresh temporary folder, and a function that removes the folder. */
export const tempDatabase = (): { path: string; dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'praxis-sqlite-test-'));
  return { path: join(dir, 'practice.db'), dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};
