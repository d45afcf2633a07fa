import type { EventStore, NewEvent } from '@praxis/core';

/**
 * Copies every event of `from` into `to`, stream by stream in log order (ids, data and
 * metadata as read), so a practice opened on `to` decides and projects as on `from`.
 * Returns the number of events copied.
 */
export const copyLog = async (from: EventStore, to: EventStore): Promise<number> => {
  let n = 0;
  let stream: string | undefined;
  let batch: NewEvent[] = [];
  const flush = async () => {
    if (stream !== undefined && batch.length > 0) await to.appendToStream(stream, batch);
    batch = [];
  };
  for await (const e of from.readAll()) {
    if (e.streamId !== stream) {
      await flush();
      stream = e.streamId;
    }
    batch.push({
      eventId: e.eventId,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
    });
    n++;
  }
  await flush();
  return n;
};
