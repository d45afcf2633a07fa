import {
  refusalCategory,
  type AppendedEvent,
  type CommandRejection,
  type CommandResult,
  type DomainEvent,
  type Position,
  type RefusalCategory,
  type StreamRevision,
} from '@praxis/core';
import { refusedByRule, refusedUnauthorized } from './refusal.js';

/** A command the practice accepted: what was decided, as events. */
export interface Decided<S> {
  readonly ok: true;
  readonly streamId: string;
  /** The event types recorded, in order (empty when nothing needed to change). */
  readonly decided: readonly string[];
  readonly events: readonly AppendedEvent<DomainEvent>[];
  /** The aggregate's state after the command. */
  readonly state: S;
  readonly revision: StreamRevision;
  readonly position: Position.Position | undefined;
  /** True when this command id had already been handled: this is its first outcome again. */
  readonly replayed: boolean;
  /** One line a person can read: `Budget-2026: BudgetApproved`. */
  readonly summary: string;
}

/** A command the practice refused: a business rule said no, or the actor may not do it. */
export interface Refused<Code extends string = string> {
  readonly ok: false;
  readonly streamId: string;
  /** `rejected`: a business rule; `unauthorized`: the actor's role may not issue the command. */
  readonly reason: 'rejected' | 'unauthorized';
  /** A stable code: the aggregate's refusal code, a platform code (`Required`, `UnknownField`, …) or `Unauthorized`. */
  readonly code: Code;
  /**
   * What kind of refusal: `invalid` (malformed input), `not-found`, `conflict`, `forbidden`
   * (permissions, acting for another), `rule` (a business rule). HTTP: 422, 404, 409, 403, 422.
   */
  readonly category: RefusalCategory;
  readonly message: string;
  /** The offending input field, when there is one. */
  readonly field?: string;
  /** One line a person can read: `refused (BudgetNotApproved): budget must be approved first`. */
  readonly summary: string;
}

/** What a command came to. */
export type Outcome<S = unknown, Code extends string = string> = Decided<S> | Refused<Code>;

/** Turns the core handler's Either into an Outcome a caller can read without fp-ts. */
export const toOutcome = <S>(
  streamId: string,
  result: CommandResult<DomainEvent, S>,
  refusals?: Readonly<Record<string, RefusalCategory>>,
): Outcome<S> => {
  if (result._tag === 'Right') {
    const r = result.right;
    const decided = r.events.map((e) => e.type);
    return {
      ok: true,
      streamId,
      decided,
      events: r.events,
      state: r.state,
      revision: r.revision,
      position: r.position,
      replayed: r.replayed,
      summary: `${streamId}: ${decided.length === 0 ? 'nothing to change' : decided.join(', ')}${r.replayed ? ' (already done)' : ''}`,
    };
  }
  return refusalOf(streamId, result.left, refusals);
};

/** The Refused outcome of a handler's rejection, with the category of its code. */
export const refusalOf = (
  streamId: string,
  l: CommandRejection,
  refusals?: Readonly<Record<string, RefusalCategory>>,
): Refused =>
  l._tag === 'Unauthorized'
    ? refusedUnauthorized(streamId, l.message)
    : refusedByRule(streamId, l, refusalCategory(l.code, refusals));

/** What a command would do, decided without recording anything (`practice.check`). */
export type Checked =
  | {
      readonly ok: true;
      readonly streamId: string;
      /** The event types it would record. */
      readonly decided: readonly string[];
      readonly summary: string;
    }
  | Refused;
