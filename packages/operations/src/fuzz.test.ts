import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock, platformRefusals } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { operationsModule } from './index.js';

const zone = 'America/New_York';
const pm = { id: 'pm', role: 'practice_manager' };

/** Values that decode for the operations commands' fields, so the property reaches `decide`. */
const samples: Record<string, fc.Arbitrary<unknown>> = {
  mapId: fc.constantFrom('m1', 'm2'),
  stepId: fc.constantFrom('a', 'b', 'c'),
  name: fc.constantFrom('Step', ' '),
  startEventType: fc.constantFrom('ClaimHeld', 'ClaimChargesRegistered', 'GoalDrafted', 'Nope', ''),
  endEventType: fc.constantFrom('ClaimCorrected', 'ClaimHeld', 'WorkItemCompleted', 'Nope'),
  correlation: fc.oneof(
    fc.constant('stream'),
    fc.record({ field: fc.constantFrom('claimId', '', 'x') }),
    fc.jsonValue(),
  ),
  startDateField: fc.constantFrom('dateOfService', 'nope'),
  target: fc.oneof(
    fc.record({ days: fc.integer({ min: -3, max: 30 }) }),
    fc.record({ minutes: fc.double() }),
    fc.record({ days: fc.integer(), minutes: fc.integer() }),
    fc.jsonValue(),
  ),
  stepIds: fc.array(fc.constantFrom('a', 'b', 'c', 'z'), { maxLength: 4 }),
};

describe('every operations command answers any input with an outcome, never a throw', () => {
  it('refuses with a declared code or accepts', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-04-02T09:00:00', zone),
      actor: pm,
    });
    for (const b of operationsModule.aggregates) {
      for (const type of b.commandTypes as readonly string[]) {
        const spec = b.commands.spec(type)!;
        const fields = [...Object.keys(spec.required), ...Object.keys(spec.optional), b.idKey];
        const arb = fc.record(
          Object.fromEntries(
            fields.map((f) => [
              f,
              fc.option(
                fc.oneof({ weight: 4, arbitrary: samples[f] ?? fc.string() }, fc.jsonValue({ maxDepth: 2 })),
                {
                  nil: undefined,
                },
              ),
            ]),
          ),
        );
        await fc.assert(
          fc.asyncProperty(arb, async (input) => {
            const command = {
              ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
              type,
            };
            const r = await practice.execute(b.decider.name, command as never);
            expect(typeof r.ok).toBe('boolean');
            if (!r.ok)
              expect(
                Object.hasOwn(platformRefusals, r.code) || Object.hasOwn(b.decider.refusals ?? {}, r.code),
                `${type}: undeclared refusal code ${r.code}`,
              ).toBe(true);
          }),
          { numRuns: 80 },
        );
      }
    }
    await practice.close();
  });
});
