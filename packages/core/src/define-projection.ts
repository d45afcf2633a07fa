import type { DomainEvent, EventOf } from './codecs/registry.js';
import type { RecordedEvent } from './envelope.js';
import type { DocUpdate, Projection } from './projection.js';

/** One recorded event of a given type, its data typed from its codec. */
export type RecordedOf<Ev extends DomainEvent, K extends Ev['type']> = RecordedEvent<
  K,
  Extract<Ev, { readonly type: K }>['data']
>;

/**
 * A handler for every event type of the registries a read model reads, or `'ignored'` for a
 * type it deliberately does not use. The mapped type is what makes a read model exhaustive:
 * adding an event type to an aggregate's `defineEvents` is a compile error in every
 * `defineProjection` over it until the new type is handled or marked `'ignored'`.
 */
export type ExhaustiveHandlers<Ev extends DomainEvent> = {
  readonly [K in Ev['type']]: ((event: RecordedOf<Ev, K>) => readonly DocUpdate[]) | 'ignored';
};

/**
 * Declares a read model from typed handlers, one per event type of `events` (the aggregates'
 * `defineEvents` registries it reads). Its subscription filter is the handled types.
 *
 * @example
 * export const staffRoster = defineProjection({
 *   name: 'staff-roster', version: 3, events: [StaffMember.events],
 *   handlers: { StaffMemberHired: (e) => [...], StaffInterviewed: 'ignored', … },
 * });
 */
export const defineProjection = <const R extends readonly { readonly types: readonly string[] }[]>(spec: {
  readonly name: string;
  readonly version: number;
  readonly events: R;
  readonly handlers: ExhaustiveHandlers<EventOf<R[number]>>;
}): Projection => {
  const table = new Map<string, (event: RecordedEvent) => readonly DocUpdate[]>();
  for (const [type, h] of Object.entries(spec.handlers) as [string, unknown][])
    if (typeof h === 'function') table.set(type, h as (event: RecordedEvent) => readonly DocUpdate[]);
  return {
    name: spec.name,
    version: spec.version,
    eventTypes: [...table.keys()],
    handle: (event) => table.get(event.type)?.(event) ?? [],
  };
};

/**
 * The end of an exhaustive `switch` over an event union in a projection that is written as a
 * switch rather than with `defineProjection`: `default: return exhaustive(type, [])`. It
 * compiles only when every member of the union has its own `case` (handled, or listed as
 * ignored), so a new event type fails to compile there; at run time (an event type from a
 * newer version of the log) it returns `ignored`.
 */
export const exhaustive = <T>(type: never, ignored: T): T => {
  void type;
  return ignored;
};
