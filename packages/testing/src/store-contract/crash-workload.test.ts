import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { killDuringAppends } from './crash-workload.js';

const child = fileURLToPath(new URL('./crash-child.fixture.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('killDuringAppends', () => {
  it('SIGKILLs the child mid-stream and returns every append it acknowledged', async () => {
    const acks = await killDuringAppends({
      command: process.execPath,
      args: ['--import', 'tsx', child, 'k-'],
      cwd: root,
      killAfterAcks: 12,
    });
    expect(acks.length).toBeGreaterThanOrEqual(12);
    acks.forEach((ack, i) => {
      expect(ack.streamId).toBe(`k-Crash-${i % 4}`);
      expect(ack.eventIds).toHaveLength(5);
      // The memory store in the child numbers positions 1, 2, 3, …: five per batch.
      expect(ack.positions).toEqual([1, 2, 3, 4, 5].map((n) => String(i * 5 + n)));
    });
  });

  it('fails when the child ends by itself before it could be killed', async () => {
    await expect(
      killDuringAppends({ command: process.execPath, args: ['-e', 'process.exit(3)'], killAfterAcks: 1 }),
    ).rejects.toThrow(/ended by itself \(code 3/);
  });
});
