import { DateTime } from 'luxon';
import {
  InvalidArgument,
  Position,
  StreamNotFound,
  foldProjections,
  type Decider,
  type DomainCommand,
  type DomainEvent,
  type EventStore,
  type Projection,
  type ReadModelReader,
  type ReadModelStore,
  type RecordedEvent,
  type StreamRevision,
} from '@praxis/core';
import { projectionEngine } from '@praxis/projections';

/**
 * A past moment: a business-time instant (events whose `occurredAt` is at or before it), or a
 * log position (events up to and including it).
 */
export type AsOf = { readonly at: string } | { readonly position: Position.Position };

/** Whether an event belongs to the past that `asOf` names. */
const inPast = (asOf: AsOf): ((e: RecordedEvent) => boolean) => {
  if ('position' in asOf) return (e) => Position.compare(e.position, asOf.position) <= 0;
  const t = DateTime.fromISO(asOf.at, { setZone: true });
  if (!t.isValid) throw new InvalidArgument('at', `"${asOf.at}" is not an ISO instant`);
  const limit = t.toMillis();
  return (e) => {
    const when = DateTime.fromISO(e.metadata.occurredAt, { setZone: true });
    return when.isValid && when.toMillis() <= limit;
  };
};

/** An aggregate as it stood at a past moment. */
export interface AggregateAsOf<S> {
  readonly state: S;
  /** Revision of the last event folded in, or `no_stream` when none had happened yet. */
  readonly revision: StreamRevision;
  readonly eventsFolded: number;
}

/**
 * The state of one aggregate at a past instant or position: its stream folded through the
 * events of that past only. An event back-dated after the fact (recorded later, occurring
 * earlier) counts at its business time.
 *
 * @example
 * const { state } = await aggregateAsOf(store, Budget.decider, 'Budget-2026', { at: '2026-03-31T23:59:59-05:00' });
 */
export const aggregateAsOf = async <C extends DomainCommand, Ev extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, Ev, S>,
  streamId: string,
  asOf: AsOf,
): Promise<AggregateAsOf<S>> => {
  const keep = inPast(asOf);
  let state = decider.initialState;
  let revision: StreamRevision = 'no_stream';
  let eventsFolded = 0;
  try {
    for await (const e of store.readStream(streamId)) {
      if ('position' in asOf && !keep(e)) break;
      if (!keep(e)) continue;
      state = decider.evolve(state, e as unknown as Ev);
      revision = e.revision;
      eventsFolded++;
    }
  } catch (err) {
    if (!StreamNotFound.isInstance(err)) throw err;
  }
  return { state, revision, eventsFolded };
};

/** Where `practiceAsOf` builds the past read models. */
export interface PracticeAsOfOptions {
  /**
   * A scratch read-model store (e.g. a SQLite file of its own) to build into through the
   * projection engine, for practices whose read models do not fit in memory. Default: in memory.
   * Never pass the live read-model store.
   */
  readonly into?: ReadModelStore;
}

/**
 * The whole practice at a past instant or position: every given projection folded from the
 * events of that past only — in memory, or into a scratch store. The live read models are not
 * touched.
 *
 * @example
 * const then = await practiceAsOf(store, [kpiView, auditView(types)], { at: '2025-12-31T23:59:59Z' });
 * await then.get('kpi', 'month:2025-12');
 */
export const practiceAsOf = async (
  store: EventStore,
  projections: readonly Projection[],
  asOf: AsOf,
  options: PracticeAsOfOptions = {},
): Promise<ReadModelReader & { readonly eventsFolded: number }> => {
  const keep = inPast(asOf);
  if (options.into !== undefined) return intoScratch(store, projections, keep, options.into);
  const model = foldProjections(projections, []);
  const eventTypes = [...new Set(projections.flatMap((p) => p.eventTypes))];
  let eventsFolded = 0;
  for await (const e of store.readAll({ filter: { eventTypes } })) {
    if ('position' in asOf && !keep(e)) break;
    if (!keep(e)) continue;
    model.apply(e);
    eventsFolded++;
  }
  return { get: model.get, list: model.list, eventsFolded };
};

/** Runs the projections through the engine into `into`, each seeing only the past's events. */
const intoScratch = async (
  store: EventStore,
  projections: readonly Projection[],
  keep: (e: RecordedEvent) => boolean,
  into: ReadModelStore,
): Promise<ReadModelReader & { readonly eventsFolded: number }> => {
  // Each event is counted once: by the first projection that reads its type.
  const firstReader = new Map<string, number>();
  projections.forEach((p, i) => p.eventTypes.forEach((t) => firstReader.has(t) || firstReader.set(t, i)));
  let eventsFolded = 0;
  const past = projections.map((p, i): Projection => ({
    ...p,
    handle: (e) => {
      if (!keep(e)) return [];
      if (firstReader.get(e.type) === i) eventsFolded++;
      return p.handle(e);
    },
  }));
  const statuses = await projectionEngine({ store, readModels: into, projections: past }).catchUp();
  const failed = statuses.find((s) => s.phase === 'failed');
  if (failed !== undefined) throw failed.error;
  return { get: into.get, list: into.list, eventsFolded };
};
