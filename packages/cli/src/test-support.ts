import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIo } from './io.js';
import { main } from './main.js';

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `praxis` in-process with `argv`, in `cwd`. */
export const praxis = async (argv: readonly string[], cwd: string = process.cwd()): Promise<CliRun> => {
  const io = bufferIo({ cwd });
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
};

/** A temporary directory, removed by the returned function. */
export const tempDir = (): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'praxis-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

/** Small enough for tests, big enough to have denials, payments and write-offs. */
export const testEncounters = '40';
