import * as E from 'fp-ts/lib/Either.js';
import type { Clock } from './clock.js';
import type { DomainEvent } from './codecs/registry.js';
import type { Decider, DomainCommand } from './decider.js';
import type { DomainError } from './domain-error.js';
import type { Actor, NewEvent, RecordedEvent } from './envelope.js';
import { StreamNotFound } from './errors/stream-not-found.js';
import { SubjectForgotten } from './errors/subject-forgotten.js';
import { domainError } from './domain-error.js';
import { WrongExpectedRevision } from './errors/wrong-expected-revision.js';
import type { EventStore, StreamRevision } from './event-store.js';
import { newEventId } from './ids.js';
import type { PermissionPolicy } from './permissions.js';
import type { Position } from './position.js';

/** The actor was not allowed to issue the command. */
export interface Unauthorized {
  readonly _tag: 'Unauthorized';
  readonly actor: Actor;
  readonly command: string;
  readonly message: string;
}

/** Why a command produced no events: a decision (DomainError) or a permission refusal. */
export type CommandRejection = DomainError | Unauthorized;

/** A command with who sent it and when. */
export interface CommandEnvelope<C extends DomainCommand> {
  /** The aggregate instance's stream, e.g. `Budget-2026`. */
  readonly streamId: string;
  readonly command: C;
  readonly actor: Actor;
  /** Retrying with the same id is idempotent: the first outcome is returned, nothing is appended twice. */
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Business time; default: the clock's now. */
  readonly at?: string;
}

/** One event a command appended. */
export interface AppendedEvent<Ev extends DomainEvent> {
  readonly eventId: string;
  readonly type: Ev['type'];
  readonly data: Ev['data'];
  readonly revision: bigint;
  readonly position: Position;
}

export interface CommandAccepted<Ev extends DomainEvent, S> {
  readonly streamId: string;
  /** The events this command appended (empty when the decision was to do nothing). */
  readonly events: readonly AppendedEvent<Ev>[];
  readonly state: S;
  readonly revision: StreamRevision;
  readonly position: Position | undefined;
  /** True when the command id had already been handled and this is its original outcome. */
  readonly replayed: boolean;
}

export type CommandResult<Ev extends DomainEvent, S> = E.Either<CommandRejection, CommandAccepted<Ev, S>>;

/** What the handler knows of a refused command, for the audit trail. */
export interface RefusedCommand {
  readonly streamId: string;
  readonly aggregate: string;
  readonly commandType: string;
  readonly actor: Actor;
  readonly at: string;
  readonly rejection: CommandRejection;
  readonly commandId?: string;
  readonly correlationId?: string;
}

/** Loads an aggregate's state; the default folds the whole stream. Snapshots plug in here. */
export type StateLoader<Ev extends DomainEvent, S> = (streamId: string) => Promise<{
  state: S;
  revision: StreamRevision;
  events: readonly RecordedEvent<Ev['type'], Ev['data']>[];
  /**
   * The events a command id appended before `events` begin (when the loader started from a
   * snapshot), so a retry stays idempotent however long the stream. Absent: `events` is the
   * whole stream.
   */
  earlier?: (commandId: string) => Promise<readonly RecordedEvent<Ev['type'], Ev['data']>[]>;
}>;

export interface CommandHandlerOptions<C extends DomainCommand, Ev extends DomainEvent, S> {
  readonly store: EventStore;
  readonly decider: Decider<C, Ev, S>;
  readonly clock: Clock;
  readonly permissions?: PermissionPolicy;
  /** Attempts on a concurrency conflict, counting the first (default 5). `1` turns retries off. */
  readonly maxAttempts?: number;
  /** Replaces the default full fold (see `@praxis/projections` snapshots). */
  readonly load?: StateLoader<Ev, S>;
  /** Told of every refused command (the audit package records them in a security stream). */
  readonly onRefused?: (refused: RefusedCommand) => Promise<void>;
  /**
   * Seals the personal fields of decided events before they are appended and folded (the
   * personal-data vault: `(events) => Promise.all(events.map((e) => vault.sealEvent(registry, e)))`),
   * so the log, the returned state and any snapshot hold only tokens. A SubjectForgotten error
   * refuses the command with code `SubjectForgotten`.
   */
  readonly seal?: (events: readonly Ev[]) => Promise<readonly Ev[]>;
  /** Told after every accepted command that appended events (snapshots are taken here). */
  readonly onAppended?: (streamId: string, state: S, revision: StreamRevision) => Promise<void>;
}

export interface CommandHandler<C extends DomainCommand, Ev extends DomainEvent, S> {
  handle(envelope: CommandEnvelope<C>): Promise<CommandResult<Ev, S>>;
  /** The current state of one aggregate instance. */
  load(streamId: string): Promise<{ state: S; revision: StreamRevision }>;
}

/** Reads a whole stream and folds it; a missing stream is the initial state. */
export const foldStream =
  <C extends DomainCommand, Ev extends DomainEvent, S>(
    store: EventStore,
    decider: Decider<C, Ev, S>,
  ): StateLoader<Ev, S> =>
  async (streamId) => {
    let state = decider.initialState;
    let revision: StreamRevision = 'no_stream';
    const events: RecordedEvent<Ev['type'], Ev['data']>[] = [];
    try {
      for await (const e of store.readStream(streamId)) {
        const ev = e as RecordedEvent<Ev['type'], Ev['data']>;
        state = decider.evolve(state, ev as unknown as Ev);
        revision = e.revision;
        events.push(ev);
      }
    } catch (err) {
      if (!StreamNotFound.isInstance(err)) throw err;
    }
    return { state, revision, events };
  };

/**
 * load → fold → authorize → decide → append with the expected revision → on a conflict,
 * reload and decide again (bounded). Rejections come back as `Left`; store failures throw.
 *
 * @example
 * const budgets = makeCommandHandler({ store, decider: Budget.decider, clock });
 * const r = await budgets.handle({ streamId: 'Budget-2026', command, actor });
 * if (r._tag === 'Left') console.log(r.left.message);
 */
export const makeCommandHandler = <C extends DomainCommand, Ev extends DomainEvent, S>(
  options: CommandHandlerOptions<C, Ev, S>,
): CommandHandler<C, Ev, S> => {
  const { store, decider, clock } = options;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const load = options.load ?? foldStream(store, decider);

  const refuse = async (env: CommandEnvelope<C>, at: string, rejection: CommandRejection) => {
    if (options.onRefused !== undefined) {
      await options.onRefused({
        streamId: env.streamId,
        aggregate: decider.name,
        commandType: env.command.type,
        actor: env.actor,
        at,
        rejection,
        ...(env.commandId === undefined ? {} : { commandId: env.commandId }),
        ...(env.correlationId === undefined ? {} : { correlationId: env.correlationId }),
      });
    }
    return E.left(rejection);
  };

  const handle = async (env: CommandEnvelope<C>): Promise<CommandResult<Ev, S>> => {
    const at = env.at ?? clock.now().toISO()!;
    if (options.permissions !== undefined) {
      const verdict = options.permissions(env.actor, {
        aggregate: decider.name,
        command: env.command.type,
        streamId: env.streamId,
      });
      if (verdict !== true) {
        return refuse(env, at, {
          _tag: 'Unauthorized',
          actor: env.actor,
          command: env.command.type,
          message: verdict,
        });
      }
    }
    for (let attempt = 1; ; attempt++) {
      const loaded = await load(env.streamId);
      if (env.commandId !== undefined) {
        let earlier = loaded.events.filter((e) => e.metadata.commandId === env.commandId);
        if (earlier.length === 0 && loaded.earlier !== undefined)
          earlier = [...(await loaded.earlier(env.commandId))];
        if (earlier.length > 0) {
          return E.right({
            streamId: env.streamId,
            events: earlier.map(({ eventId, type, data, revision, position }) => ({
              eventId,
              type,
              data,
              revision,
              position,
            })),
            state: loaded.state,
            revision: loaded.revision,
            position: earlier[earlier.length - 1]?.position,
            replayed: true,
          });
        }
      }
      const decision = decider.decide(env.command, loaded.state);
      if (decision._tag === 'Left') return refuse(env, at, decision.left);
      let decided: readonly Ev[] = decision.right;
      if (options.seal !== undefined && decided.length > 0) {
        try {
          decided = await options.seal(decided);
        } catch (err) {
          if (!SubjectForgotten.isInstance(err)) throw err;
          return refuse(env, at, domainError('SubjectForgotten', 'the person this concerns was forgotten'));
        }
      }
      if (decided.length === 0) {
        return E.right({
          streamId: env.streamId,
          events: [],
          state: loaded.state,
          revision: loaded.revision,
          position: undefined,
          replayed: false,
        });
      }
      const correlationId = env.correlationId ?? env.commandId ?? newEventId();
      const newEvents: NewEvent[] = decided.map((ev) => ({
        eventId: newEventId(),
        type: ev.type,
        data: ev.data,
        metadata: {
          actor: env.actor,
          occurredAt: at,
          correlationId,
          causationId: env.causationId ?? env.commandId ?? correlationId,
          ...(env.commandId === undefined ? {} : { commandId: env.commandId }),
        },
      }));
      try {
        const expectedRevision = loaded.revision === 'no_stream' ? 'no_stream' : loaded.revision;
        const result = await store.appendToStream(env.streamId, newEvents, { expectedRevision });
        const state = decided.reduce(decider.evolve, loaded.state);
        const first = loaded.revision === 'no_stream' ? 0n : loaded.revision + 1n;
        const appended = newEvents.map((ne, i): AppendedEvent<Ev> => ({
          eventId: ne.eventId!,
          type: ne.type,
          data: ne.data as Ev['data'],
          revision: first + BigInt(i),
          position: result.positions[i]!,
        }));
        await options.onAppended?.(env.streamId, state, result.nextExpectedRevision);
        return E.right({
          streamId: env.streamId,
          events: appended,
          state,
          revision: result.nextExpectedRevision,
          position: result.position,
          replayed: false,
        });
      } catch (err) {
        if (WrongExpectedRevision.isInstance(err) && attempt < maxAttempts) continue;
        throw err;
      }
    }
  };

  return {
    handle,
    load: async (streamId) => {
      const { state, revision } = await load(streamId);
      return { state, revision };
    },
  };
};
