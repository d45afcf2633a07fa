import { spawn } from 'node:child_process';
import { Position, type EventStore } from '@praxis/core';
import type { AcknowledgedAppend } from './subject.js';
import { batchItems } from './test-events.js';

const ackTag = 'PRAXIS-ACK ';

/**
 * The child-process side of contract case 27: appends batches of `ContractBatchItemWritten`
 * events until killed (at most `maxBatches`, default 100 000), printing one acknowledgement line per append only
 * after the store has resolved it. The parent kills the process while this runs.
 *
 * @example
 * // crash-child.ts, run as: node --import tsx crash-child.ts <file> <streamPrefix>
 * const store = openMyStore(process.argv[2]!, { registry: testRegistry });
 * await runCrashWorkload(store, { streamPrefix: process.argv[3]! });
 */
export const runCrashWorkload = async (
  store: EventStore,
  options: {
    readonly streamPrefix: string;
    readonly streams?: number;
    readonly batchSize?: number;
    readonly maxBatches?: number;
    /**
     * Appends in flight at once (default 4), each awaited by its own writer, so stores that
     * commit concurrent appends together are killed in the middle of such a commit too.
     */
    readonly writers?: number;
    /** Where acknowledgements go (default: stdout, which is synchronous for pipes on Linux). */
    readonly write?: (line: string) => void;
  },
): Promise<void> => {
  const streams = options.streams ?? 4;
  const batchSize = options.batchSize ?? 5;
  const maxBatches = options.maxBatches ?? 100_000;
  // If the parent is gone (stdout closed), stop instead of appending forever.
  if (options.write === undefined) process.stdout.on('error', () => process.exit(1));
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < maxBatches; i = next++) {
      const streamId = `${options.streamPrefix}Crash-${i % streams}`;
      const batch = batchItems(`${options.streamPrefix}batch-${i}`, batchSize);
      const r = await store.appendToStream(streamId, batch, { expectedRevision: 'any' });
      const ack: AcknowledgedAppend = {
        streamId,
        eventIds: batch.map((e) => e.eventId!),
        positions: r.positions.map(Position.toString),
      };
      write(`${ackTag}${JSON.stringify(ack)}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.writers ?? 4) }, writer));
};

/** How to start the child process that runs `runCrashWorkload`. */
export interface CrashChild {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** SIGKILL the child once this many appends were acknowledged (default 40). */
  readonly killAfterAcks?: number;
  /** Fail if the child has not acknowledged enough appends by then (default 30 s). */
  readonly timeoutMs?: number;
}

/**
 * The parent side of case 27: starts the child, reads its acknowledgements, kills it with
 * SIGKILL in the middle of its stream of appends, and returns every acknowledged append
 * (including those that arrived between the kill and the pipe closing).
 */
export const killDuringAppends = (child: CrashChild): Promise<AcknowledgedAppend[]> =>
  new Promise((resolve, reject) => {
    const killAfter = child.killAfterAcks ?? 40;
    const proc = spawn(child.command, child.args, {
      cwd: child.cwd,
      env: child.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: AcknowledgedAppend[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(
        new Error(`crash child acknowledged ${acks.length}/${killAfter} appends in time; stderr: ${stderr}`),
      );
    }, child.timeoutMs ?? 30_000);
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith(ackTag)) acks.push(JSON.parse(line.slice(ackTag.length)) as AcknowledgedAppend);
      }
      if (!killed && acks.length >= killAfter) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    proc.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && killed) resolve(acks);
      else
        reject(new Error(`crash child ended by itself (code ${code}, signal ${signal}); stderr: ${stderr}`));
    });
  });
