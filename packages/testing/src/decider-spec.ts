import { expect } from 'vitest';
import type * as t from 'io-ts';
import {
  ISOInstant,
  domainError,
  personIdProblem,
  reject,
  type Decider,
  type Decision,
  type DomainCommand,
  type DomainEvent,
  type DomainError,
} from '@praxis/core';

/**
 * The command `decide` would see had `command` come through the command handler, or the
 * refusal the handler would give before `decide`. A decider without codecs gets the command as
 * it is. With codecs (`decider.commands`), the command is decoded exactly as the handler
 * decodes a caller's input (unknown fields, `Required`, `InvalidDate`, `InvalidAmount`, … with
 * the same codes and field paths), and then:
 * - a stamped field (`at`, `approvedBy`, …) carries the value the call would stamp: the test
 *   gives it in the command; a time stamp that is not an ISO instant is `InvalidInstant` on
 *   `at` and an invalid person id `InvalidActor` on the field (as a bad call would be refused);
 *   a stamped field the test leaves out stays out (the handler would fill it from the call);
 * - a fact field (`command(…, …, { facts })`) carries what the binding's provider would
 *   supply, decoded with its codec (`FactUnavailable` when it does not decode).
 * The aggregate's id field reaches `decide` only when the command declares it, as in the handler.
 *
 * @example
 * const r = handled(Budget.decider, { type: 'ApproveBudget', approvedBy: 'u1', at: 'yesterday' });
 * // → { rejection: { code: 'InvalidInstant', field: 'at', … } }
 */
export const handled = <C extends DomainCommand, Ev extends DomainEvent, S>(
  decider: Decider<C, Ev, S>,
  command: C,
): { readonly command: C } | { readonly rejection: DomainError } => {
  const codecs = decider.commands;
  if (codecs === undefined) return { command };
  const raw = command as unknown as Record<string, unknown>;
  const spec = codecs.spec(command.type);
  const factCodecs = (spec?.facts ?? {}) as Readonly<Record<string, t.Mixed>>;
  const input: Record<string, unknown> = {};
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (Object.prototype.hasOwnProperty.call(factCodecs, key)) given[key] = value;
    else input[key] = value;
  }
  const decoded = codecs.decode(command.type, input);
  if (decoded._tag === 'Left') return { rejection: decoded.left };
  const { fields, claimed, spec: s } = decoded.right;
  const stamped: Record<string, string> = {};
  for (const [field, stamp] of Object.entries(s.stamps)) {
    const value = claimed[field] ?? (typeof fields[field] === 'string' ? fields[field] : undefined);
    // The handler always fills it; a test that leaves it out gets it left out (give it when
    // `decide` uses it).
    if (value === undefined) continue;
    if (stamp === 'time' && !ISOInstant.is(value))
      return {
        rejection: domainError(
          'InvalidInstant',
          `at must be an ISO-8601 instant with an offset (got ${JSON.stringify(value)})`,
          'at',
        ),
      };
    if (stamp !== 'time') {
      const bad = personIdProblem(value, field);
      if (bad !== undefined) return { rejection: bad };
    }
    stamped[field] = value;
  }
  const facts: Record<string, unknown> = {};
  for (const [field, codec] of Object.entries(factCodecs)) {
    const r = codec.decode(given[field]);
    if (r._tag === 'Left')
      return {
        rejection: domainError(
          'FactUnavailable',
          `${field} could not be established for ${command.type}: ${JSON.stringify(given[field]) ?? 'nothing'}`,
          field,
        ),
      };
    facts[field] = r.right;
  }
  return { command: { ...fields, ...stamped, ...facts, type: command.type } as unknown as C };
};

/**
 * `decider.decide(command, state)` on the command as the handler would pass it (see
 * `handled`): a command the codecs refuse is the handler's refusal, and `decide` never sees it.
 * Use it wherever a test would call `decide` directly.
 */
export const decideHandled = <C extends DomainCommand, Ev extends DomainEvent, S>(
  decider: Decider<C, Ev, S>,
  command: C,
  state: S,
): Decision<Ev> => {
  const h = handled(decider, command);
  return 'rejection' in h
    ? reject<Ev>(h.rejection.code, h.rejection.message, h.rejection.field)
    : decider.decide(h.command, state);
};

/**
 * Given / when / then for a decider: given past events, when a command is decided, then
 * these events (or this rejection) come out. The command takes the handler's path: when the
 * decider has codecs it is decoded first (see `handled`), so malformed input is refused with
 * the codes a caller gets.
 *
 * @example
 * const spec = deciderSpec(Budget.decider);
 * spec.given([drafted]).when(approve).then([approved]);
 * spec.given([]).when(approve).thenRejects('BudgetNotFound');
 */
export const deciderSpec = <C extends DomainCommand, Ev extends DomainEvent, S>(
  decider: Decider<C, Ev, S>,
) => ({
  given: (events: readonly Ev[]) => {
    const state = events.reduce(decider.evolve, decider.initialState);
    return {
      state,
      when: (command: C) => {
        const decision: Decision<Ev> = decideHandled(decider, command, state);
        return {
          decision,
          /** Asserts the exact events produced. */
          then: (expected: readonly Ev[]): void => {
            if (decision._tag === 'Left') {
              throw new Error(
                `expected events but the command was rejected: ${decision.left.code}: ${decision.left.message}`,
              );
            }
            expect(decision.right).toEqual(expected);
          },
          /** Asserts a rejection with this code (and, when given, this field). */
          thenRejects: (code: string, field?: string): DomainError => {
            if (decision._tag === 'Right') {
              throw new Error(
                `expected rejection ${code} but got events: ${decision.right.map((e) => e.type).join(', ') || '(none)'}`,
              );
            }
            expect(decision.left.code).toBe(code);
            if (field !== undefined) expect(decision.left.field).toBe(field);
            return decision.left;
          },
          /** The state after applying the produced events (fails on rejection). */
          thenState: (): S => {
            if (decision._tag === 'Left')
              throw new Error(`rejected: ${decision.left.code}: ${decision.left.message}`);
            return decision.right.reduce(decider.evolve, state);
          },
        };
      },
    };
  },
});
