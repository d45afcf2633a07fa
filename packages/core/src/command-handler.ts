import * as E from 'fp-ts/lib/Either.js';
import { DateTime } from 'luxon';
import type { Clock } from './clock.js';
import type * as t from 'io-ts';
import { ISODate, ISOInstant } from './codecs/primitives.js';
import { domainError } from './domain-error.js';
import type { DomainEvent } from './codecs/registry.js';
import type { Decider, DomainCommand } from './decider.js';
import type { DomainError } from './domain-error.js';
import type { Actor, NewEvent, RecordedEvent } from './envelope.js';
import { StreamNotFound } from './errors/stream-not-found.js';
import { ModuleFailed } from './errors/module-failed.js';
import { PraxisError } from './errors/praxis-error.js';
import { describeValue } from './store-kit/arguments.js';
import { SubjectForgotten } from './errors/subject-forgotten.js';
import { WrongExpectedRevision } from './errors/wrong-expected-revision.js';
import type { EventStore, StreamRevision } from './event-store.js';
import { newEventId } from './ids.js';
import { actorProblem, personIdProblem, type PermissionPolicy } from './permissions.js';
import type { Position } from './position.js';

const describeError = (err: unknown): string =>
  err instanceof Error ? `${err.name}: ${err.message}` : `threw ${describeValue(err)}`;

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
  /**
   * Business time (ISO instant with offset); default: the command's business date or instant
   * field when its spec names one (`hiredOn`), else the clock's now. The command's own `at` is
   * stamped from this, never taken from the payload.
   */
  readonly at?: string;
  /**
   * The person the actor acts for: needs an `onBehalfOf:` grant; the command's actor fields
   * (`approvedBy`, …) name this person and the events record both (`metadata.onBehalfOf`).
   */
  readonly onBehalfOf?: string;
  /** Extra metadata for the events it records (JSON values; the core keys above win). */
  readonly metadata?: Readonly<Record<string, unknown>>;
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
  /**
   * Supplies the fact fields a command's spec declares (`command(…, …, { facts })`): values
   * from outside the aggregate's stream, fetched after the input is decoded and stamped and
   * before `decide`. What it returns is decoded with the fact codecs; a value that does not
   * decode refuses the command with `FactUnavailable`.
   */
  readonly facts?: FactProvider;
  /** Told after every accepted command that appended events (snapshots are taken here). */
  readonly onAppended?: (streamId: string, state: S, revision: StreamRevision) => Promise<void>;
}

/** What a fact provider is told of the command it supplies facts for. */
export interface FactRequest {
  readonly type: string;
  /** The decoded and stamped command (without its facts). */
  readonly command: Readonly<Record<string, unknown>>;
  readonly streamId: string;
  /** The command's business time (ISO instant). */
  readonly at: string;
  readonly actor: Actor;
}

/** Fetches the fact fields of one command (see `CommandHandlerOptions.facts`). */
export type FactProvider = (request: FactRequest) => Promise<Readonly<Record<string, unknown>>>;

export interface CommandHandler<C extends DomainCommand, Ev extends DomainEvent, S> {
  handle(envelope: CommandEnvelope<C>): Promise<CommandResult<Ev, S>>;
  /**
   * Decides a command exactly as `handle` would (identity, permissions, decoding, stamps, rules)
   * without appending or recording anything: the events it would record, or why not.
   */
  check(envelope: CommandEnvelope<C>): Promise<E.Either<CommandRejection, readonly Ev[]>>;
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
        commandType: bound((env.command as { type?: unknown } | null)?.type ?? ''),
        actor: env.actor,
        at,
        rejection,
        ...(env.commandId === undefined ? {} : { commandId: env.commandId }),
        ...(env.correlationId === undefined ? {} : { correlationId: env.correlationId }),
      });
    }
    return E.left(rejection);
  };

  const zone = clock.zone;
  const nowIso = () => clock.now().toISO({ suppressMilliseconds: true })!;
  const bound = (s: unknown) => {
    const text = typeof s === 'string' ? s : String(s);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  };

  /**
   * Everything before `decide`, shared by `handle` and `check`: the actor and business time are
   * valid, the actor may issue the command, its input decodes exactly, and the fields the call
   * stamps (actor, role, time) agree with any the payload carried.
   */
  const prepare = async (
    env: CommandEnvelope<C>,
  ): Promise<
    E.Either<{ rejection: CommandRejection; at: string; record: boolean }, { command: C; at: string }>
  > => {
    const raw = env.command as unknown;
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    // A refusal is dated at the call's business time when it gave a valid one.
    const callAt = env.at !== undefined && ISOInstant.is(env.at) ? env.at : undefined;
    const fail = (rejection: CommandRejection, at = callAt ?? nowIso(), record = true) =>
      E.left({ rejection, at, record });
    const badActor =
      actorProblem(env.actor) ??
      (env.onBehalfOf === undefined ? undefined : personIdProblem(env.onBehalfOf, 'onBehalfOf'));
    // An invalid identity cannot be attributed: it is refused without a record.
    if (badActor !== undefined) return fail(badActor, nowIso(), false);
    if (env.at !== undefined && !ISOInstant.is(env.at))
      return fail(
        domainError(
          'InvalidInstant',
          `at must be an ISO-8601 instant with an offset (got ${bound(JSON.stringify(env.at))})`,
          'at',
        ),
      );
    if (typeof type !== 'string')
      return fail(domainError('UnknownCommand', 'a command needs a type naming it', 'type'));
    const codecs = decider.commands;
    const spec = codecs?.spec(type);
    const fields = raw as Record<string, unknown>;
    if (options.permissions !== undefined) {
      const subjectValue = spec?.subject === undefined ? undefined : fields[spec.subject];
      const verdict = options.permissions(env.actor, {
        aggregate: decider.name,
        command: type,
        streamId: env.streamId,
        ...(typeof subjectValue === 'string' ? { subject: subjectValue } : {}),
        ...(env.onBehalfOf === undefined ? {} : { onBehalfOf: env.onBehalfOf }),
      });
      if (verdict !== true)
        return fail({ _tag: 'Unauthorized', actor: env.actor, command: bound(type), message: verdict });
    }
    if (codecs === undefined) return E.right({ command: env.command, at: env.at ?? nowIso() });
    const decoded = codecs.decode(type, raw);
    if (decoded._tag === 'Left') return fail(decoded.left);
    const { spec: s, claimed } = decoded.right;
    let at = env.at;
    if (at === undefined && s.businessTime !== undefined) {
      const v = decoded.right.fields[s.businessTime];
      if (ISODate.is(v)) at = DateTime.fromISO(v, { zone }).toISO({ suppressMilliseconds: true })!;
      else if (ISOInstant.is(v)) at = v;
    }
    at ??= nowIso();
    const person = env.onBehalfOf ?? env.actor.id;
    const stamped: Record<string, string> = {};
    for (const [field, stamp] of Object.entries(s.stamps)) {
      const value = stamp === 'actor' ? person : stamp === 'role' ? env.actor.role : at;
      const given = claimed[field];
      if (given !== undefined && given !== value) {
        const code =
          stamp === 'actor' ? 'NotTheActor' : stamp === 'role' ? 'NotTheActorRole' : 'TimeMismatch';
        const why =
          stamp === 'time'
            ? `${field} is the call's business time (${value}); give it as { at } on the call, not in the command`
            : `${field} is ${stamp === 'actor' ? 'the acting person' : "the acting person's role"} (${value}), not ${bound(given)}; act as that person or use onBehalfOf`;
        return fail(domainError(code, why, field), at);
      }
      stamped[field] = value;
    }
    const command = { ...decoded.right.fields, ...stamped, type };
    const factFields = Object.keys(s.facts);
    if (factFields.length === 0) return E.right({ command: command as unknown as C, at });
    if (options.facts === undefined)
      return fail(
        domainError(
          'FactUnavailable',
          `${type} needs ${factFields.join(', ')}, and nothing supplies them`,
          factFields[0],
        ),
        at,
      );
    let supplied: unknown;
    try {
      supplied = await options.facts({ type, command, streamId: env.streamId, at, actor: env.actor });
    } catch (err) {
      // Infrastructure errors (a read model that failed, a closed store) keep their type.
      if (PraxisError.isPraxisError(err)) throw err;
      throw new ModuleFailed(`fact provider of ${decider.name}.${type}`, describeError(err), { cause: err });
    }
    const given =
      typeof supplied === 'object' && supplied !== null ? (supplied as Record<string, unknown>) : {};
    const facts: Record<string, unknown> = {};
    for (const field of factFields) {
      const codec = (s.facts as Record<string, t.Mixed>)[field]!;
      const r = codec.decode(given[field]);
      if (r._tag === 'Left')
        return fail(
          domainError(
            'FactUnavailable',
            `${field} could not be established for ${type} (got ${bound(describeValue(given[field]))})`,
            field,
          ),
          at,
        );
      facts[field] = r.right;
    }
    return E.right({ command: { ...command, ...facts } as unknown as C, at });
  };

  const handle = async (env: CommandEnvelope<C>): Promise<CommandResult<Ev, S>> => {
    const prepared = await prepare(env);
    if (prepared._tag === 'Left') {
      const { rejection, at, record } = prepared.left;
      return record ? refuse(env, at, rejection) : E.left(rejection);
    }
    const { command, at } = prepared.right;
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
      const decision = decider.decide(command, loaded.state);
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
          ...env.metadata,
          actor: env.actor,
          occurredAt: at,
          correlationId,
          causationId: env.causationId ?? env.commandId ?? correlationId,
          ...(env.commandId === undefined ? {} : { commandId: env.commandId }),
          ...(env.onBehalfOf === undefined ? {} : { onBehalfOf: env.onBehalfOf }),
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
    check: async (env) => {
      const prepared = await prepare(env);
      if (prepared._tag === 'Left') return E.left(prepared.left.rejection);
      const loaded = await load(env.streamId);
      const decision = decider.decide(prepared.right.command, loaded.state);
      return decision._tag === 'Left' ? E.left(decision.left) : E.right(decision.right);
    },
    load: async (streamId) => {
      const { state, revision } = await load(streamId);
      return { state, revision };
    },
  };
};
