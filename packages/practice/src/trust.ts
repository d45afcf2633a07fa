import { InvalidArgument, WrongExpectedRevision, type EventStore } from '@praxis/core';
import { writeCheckpoint, type CheckpointData, type TrustKey } from '@praxis/audit';

/** The practice's keyed log: its key and the checkpointer that signs the log regularly. */
export interface PracticeTrust {
  readonly key: TrustKey;
  /** Signs a checkpoint over the log as it stands now (and returns it). */
  checkpoint(): Promise<CheckpointData>;
  /** Counts a command; signs a checkpoint once `every` commands have run since the last one. */
  afterCommand(): Promise<void>;
  /** Signs a last checkpoint if commands ran since the previous one (on close). */
  flush(): Promise<void>;
}

/** Default number of commands between two checkpoints. */
export const defaultCheckpointEvery = 100;

export const practiceTrust = (
  store: EventStore,
  key: TrustKey,
  every = defaultCheckpointEvery,
): PracticeTrust => {
  if (!Number.isSafeInteger(every) || every < 1) {
    throw new InvalidArgument('checkpointEvery', 'must be a whole number of commands, at least 1');
  }
  let since = 0;
  let running: Promise<CheckpointData> | undefined;
  const checkpoint = async (): Promise<CheckpointData> => {
    // One checkpoint at a time per process; a concurrent caller waits for it, then signs again.
    while (running !== undefined) await running.catch(() => undefined);
    since = 0;
    running = writeCheckpoint(store, key);
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };
  /** A checkpoint another process signed at the same moment covers the same log: nothing lost. */
  const regularly = async (): Promise<void> => {
    try {
      await checkpoint();
    } catch (e) {
      if (!WrongExpectedRevision.isInstance(e)) throw e;
    }
  };
  return {
    key,
    checkpoint,
    afterCommand: async () => {
      if (++since >= every) await regularly();
    },
    flush: async () => {
      if (since > 0) await regularly();
    },
  };
};
