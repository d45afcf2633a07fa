import * as t from 'io-ts';
import {
  defineEvents,
  streamIdOf,
  type EventOf,
  type EventStore,
  type RecordedEvent,
  type RefusedCommand,
} from '@praxis/core';

const refusedData = t.intersection([
  t.type({
    /** The refused command's type, e.g. `ApproveBudget`. */
    commandType: t.string,
    /** The aggregate type it was addressed to. */
    aggregate: t.string,
    /** The entity (stream) it targeted. */
    targetStream: t.string,
    /** `Unauthorized`, or the decider's rejection code. */
    code: t.string,
    /** Why, in words. */
    reason: t.string,
  }),
  t.partial({ field: t.string, commandId: t.string }),
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
 * (actor, command, target entity, reason) to the security stream, where the audit view shows it.
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
      commandType: refused.commandType,
      aggregate: refused.aggregate,
      targetStream: refused.streamId,
      code: r._tag === 'Unauthorized' ? 'Unauthorized' : r.code,
      reason: r.message,
      ...(r._tag === 'DomainError' && r.field !== undefined ? { field: r.field } : {}),
      ...(refused.commandId === undefined ? {} : { commandId: refused.commandId }),
    };
    await store.appendToStream(options.streamId ?? securityStream, [
      {
        type: 'CommandRefused',
        data,
        metadata: {
          actor: refused.actor,
          occurredAt: refused.at,
          ...(refused.correlationId === undefined ? {} : { correlationId: refused.correlationId }),
          ...(refused.commandId === undefined ? {} : { causationId: refused.commandId }),
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
    reason: String(d.reason),
  };
};
