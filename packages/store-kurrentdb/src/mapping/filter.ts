import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
} from '@kurrent/kurrentdb-client';
import type { EventFilter } from '@praxis/core';

/** How a Praxis filter runs against $all: a server-side filter, plus what the client still checks. */
export interface FilterPlan {
  /** Sent to the server (KurrentDB filters on event type or on stream name, not both). */
  readonly server: Filter;
  /** True when the server already did all the filtering (so `maxCount` can go to the server). */
  readonly exact: boolean;
  /** The full check, applied to every event the server returns (system events always fail). */
  readonly matches: (type: string, streamId: string) => boolean;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Plans a filter: stream prefixes go to the server as a stream-name prefix filter; event types
 * as an anchored event-type regex (`^(?:A|B)$`, exact names, not prefixes); both together
 * filter streams on the server and types on the client. No filter excludes system events
 * (`$`-types) on the server. System events and `$`-streams never reach the caller.
 */
export const planFilter = (filter: EventFilter | undefined): FilterPlan => {
  const types = filter?.eventTypes;
  const rawPrefixes = filter?.streamPrefix;
  const prefixes =
    rawPrefixes === undefined
      ? undefined
      : typeof rawPrefixes === 'string'
        ? [rawPrefixes]
        : [...rawPrefixes];
  const typeSet = types === undefined ? undefined : new Set(types);
  const matches = (type: string, streamId: string): boolean =>
    !type.startsWith('$') &&
    !streamId.startsWith('$') &&
    (typeSet === undefined || typeSet.has(type)) &&
    (prefixes === undefined || prefixes.some((p) => streamId.startsWith(p)));
  if (prefixes !== undefined) {
    return { server: streamNameFilter({ prefixes }), exact: typeSet === undefined, matches };
  }
  if (types !== undefined) {
    // An empty list matches nothing: a regex no type can satisfy.
    const regex = types.length === 0 ? '^(?!)$' : `^(?:${types.map(escapeRegex).join('|')})$`;
    return { server: eventTypeFilter({ regex }), exact: true, matches };
  }
  return { server: excludeSystemEvents(), exact: true, matches };
};
