import { expect } from 'vitest';
import type { Decider, Decision, DomainCommand, DomainEvent, DomainError } from '@praxis/core';

/**
 * Given / when / then for a decider: given past events, when a command is decided, then
 * these events (or this rejection) come out.
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
        const decision: Decision<Ev> = decider.decide(command, state);
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
