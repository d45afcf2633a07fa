import { createHash } from 'node:crypto';
import * as t from 'io-ts';
import {
  defineEvents,
  streamIdOf,
  type EventOf,
  type EventStore,
  type RecordedEvent,
  type RefusedCommand,
} from '@praxis/core';

/** Longest id a refusal record keeps as given (characters); longer ones are kept as a digest. */
export const maxRefusalIdLength = 120;

const bounded = (name: string, max: number) =>
  t.refinement(t.string, (s) => s.length <= max, `${name} (at most ${max} characters)`);
const RefusalId = bounded('RefusalId', maxRefusalIdLength + 80);
const Code = bounded('Code', maxRefusalIdLength);

/**
 * An id as a refusal keeps it: unchanged up to 120 characters, else its first 60 characters,
 * `…` and `sha256:` with the first 32 hex digits of its digest (the same long id always gives
 * the same text, and the record stays small).
 *
 * @example
 * boundedId('Budget-2026') // 'Budget-2026'
 */
export const boundedId = (id: string): string =>
  id.length <= maxRefusalIdLength
    ? id
    : `${id.slice(0, 60)}…sha256:${createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 32)}`;

/**
 * A refusal as recorded: codes and ids, never free text (a rejection's message can quote the
 * caller's input or a person's name), each bounded, so a refused call adds at most a few hundred
 * bytes to the permanent log. Records written before this rule may also carry `reason`.
 */
const refusedData = t.intersection([
  t.type({
    /** The refused command's type, e.g. `ApproveBudget`. */
    commandType: RefusalId,
    /** The aggregate type it was addressed to. */
    aggregate: RefusalId,
    /** The entity (stream) it targeted. */
    targetStream: RefusalId,
    /** `Unauthorized`, or the decider's rejection code. */
    code: Code,
  }),
  t.partial({
    field: RefusalId,
    commandId: RefusalId,
    /** Only in records written by earlier versions: the rejection's message. */
    reason: t.string,
  }),
]);

/** Events of the security stream; add them to the store's registry. */
export const securityEvents = defineEvents({ CommandRefused: refusedData });

/** A security event. */
export type SecurityEvent = EventOf<typeof securityEvents>;

/** The stream refused commands are recorded in. */
export const securityStream = streamIdOf({ name: 'Security' }, 'refusals');

/** Where refusals are recorded and which ones. */
export interface RecordRefusalsOptions {
  /** Default `Security-refusals`. */
  readonly streamId?: string;
  /** Which refusals to record (default: all — permission denials and rejected decisions). */
  readonly include?: (refused: RefusedCommand) => boolean;
}

/**
 * The CommandHandler `onRefused` hook of the audit trail: appends a `CommandRefused` event
 * (actor, command, target entity, code and field — bounded, no free text) to the security stream,
 * where the audit view shows it.
 *
 * @example
 * const budgets = makeCommandHandler({ store, decider, clock, permissions, onRefused: recordRefusals(store) });
 */
export const recordRefusals =
  (store: EventStore, options: RecordRefusalsOptions = {}) =>
  async (refused: RefusedCommand): Promise<void> => {
    if (options.include !== undefined && !options.include(refused)) return;
    const r = refused.rejection;
    const data: t.TypeOf<typeof refusedData> = {
      commandType: boundedId(refused.commandType),
      aggregate: boundedId(refused.aggregate),
      targetStream: boundedId(refused.streamId),
      code: boundedId(r._tag === 'Unauthorized' ? 'Unauthorized' : r.code),
      ...(r._tag === 'DomainError' && r.field !== undefined ? { field: boundedId(r.field) } : {}),
      ...(refused.commandId === undefined ? {} : { commandId: boundedId(refused.commandId) }),
    };
    await store.appendToStream(options.streamId ?? securityStream, [
      {
        type: 'CommandRefused',
        data,
        metadata: {
          actor: refused.actor,
          occurredAt: refused.at,
          ...(refused.correlationId === undefined ? {} : { correlationId: boundedId(refused.correlationId) }),
          ...(refused.commandId === undefined ? {} : { causationId: boundedId(refused.commandId) }),
        },
      },
    ]);
  };

/** The refusal a `CommandRefused` event records, or undefined for any other event. */
export const refusalOf = (
  e: RecordedEvent,
): { commandType: string; targetStream: string; code: string; reason: string } | undefined => {
  if (e.type !== 'CommandRefused') return undefined;
  const d = e.data as Partial<t.TypeOf<typeof refusedData>>;
  return {
    commandType: String(d.commandType),
    targetStream: String(d.targetStream),
    code: String(d.code),
    // Records keep no free text now; older ones carry the rejection's message.
    reason: d.reason === undefined ? '' : String(d.reason),
  };
};
