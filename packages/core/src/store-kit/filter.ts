import type { EventFilter } from '../event-store.js';

/** A predicate for `readAll`/subscription filters, for adapters that filter in memory. */
export const matchesFilter = (
  filter: EventFilter | undefined,
): ((type: string, streamId: string) => boolean) => {
  if (filter === undefined) return () => true;
  const types = filter.eventTypes === undefined ? undefined : new Set(filter.eventTypes);
  const prefixes =
    filter.streamPrefix === undefined
      ? undefined
      : typeof filter.streamPrefix === 'string'
        ? [filter.streamPrefix]
        : filter.streamPrefix;
  return (type, streamId) =>
    (types === undefined || types.has(type)) &&
    (prefixes === undefined || prefixes.some((p) => streamId.startsWith(p)));
};
