/**
 * An async iterable over keyset pages of rows, turned into events one at a time.
 *
 * A hand-written iterator rather than an async generator: reading is the hot path, and each
 * event then costs one resolved promise instead of a generator resumption (or two, with `yield*`).
 * Only one page of rows is held at a time, so memory stays flat however long the read.
 */
export const pagedEvents = <Row, Event>(source: {
  /** Fetches the next page of at most `limit` rows (keyset: it remembers where it stopped). */
  readonly fetch: (limit: number) => Row[];
  readonly pageSize: number;
  /** Checked when iteration starts (so a bad value fails the iteration, not the call). */
  readonly maxCount: () => number;
  readonly toEvent: (row: Row) => Event;
  /** Runs before each page (e.g. the closed-store check). */
  readonly guard: () => void;
  /** Runs when the read delivered nothing (e.g. to throw StreamNotFound). */
  readonly onEmpty?: () => void;
  /** Maps backend errors to typed ones. */
  readonly mapError: (e: unknown) => unknown;
}): AsyncIterable<Event> => ({
  [Symbol.asyncIterator]: (): AsyncIterator<Event> => {
    const maxCount = source.maxCount();
    let rows: Row[] = [];
    let i = 0;
    let delivered = 0;
    let exhausted = false;
    let emptyReported = false;
    const finished: IteratorResult<Event> = { done: true, value: undefined };

    const step = (): IteratorResult<Event> => {
      if (i >= rows.length) {
        if (exhausted || delivered >= maxCount) {
          if (delivered === 0 && !emptyReported && source.onEmpty !== undefined) {
            exhausted = true;
            emptyReported = true;
            source.onEmpty();
          }
          return finished;
        }
        source.guard();
        const limit = Math.min(source.pageSize, maxCount - delivered);
        try {
          rows = source.fetch(limit);
        } catch (e) {
          throw source.mapError(e);
        }
        i = 0;
        if (rows.length < limit) exhausted = true;
        if (rows.length === 0) return step();
      }
      delivered++;
      return { done: false, value: source.toEvent(rows[i++]!) };
    };

    return {
      next: () => {
        try {
          return Promise.resolve(step());
        } catch (e) {
          exhausted = true;
          rows = [];
          return Promise.reject(e as Error);
        }
      },
      return: () => {
        exhausted = true;
        rows = [];
        return Promise.resolve(finished);
      },
    };
  },
});
