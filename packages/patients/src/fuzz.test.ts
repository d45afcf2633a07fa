import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PraxisError, platformRefusals } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { patientsModule } from './index.js';

describe('no input a caller can send to a patients command throws', () => {
  it('answers arbitrary JSON to every patients command with an acceptance or a declared refusal', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/New_York',
      currency: 'USD',
      name: 'Fuzz',
    });
    const p = practice.as({ id: 'S-1', role: 'practice_manager' });
    // Plausible values mixed with garbage, so the rules behind decoding are reached too.
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        '2026-03-10',
        '09:00',
        '02:30',
        'P-1',
        'dr-a',
        'sms',
        'care',
        'patient',
        30,
        0,
        -5,
        true,
      ),
    );
    try {
      for (const b of patientsModule.aggregates) {
        const name = b.decider.name;
        for (const type of b.commandTypes) {
          const spec = b.commands.spec(type)!;
          const known = [...Object.keys(spec.required), ...Object.keys(spec.optional), b.idKey];
          await fc.assert(
            fc.asyncProperty(
              fc.dictionary(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 8 })), value, {
                maxKeys: 10,
              }),
              fc.boolean(),
              async (input, withId) => {
                const command = { ...input, ...(withId ? { [b.idKey]: 'fz' } : {}), type };
                try {
                  const r = await p.execute(name, command as never, { at: '2026-03-01T09:00:00-05:00' });
                  if (!r.ok)
                    expect(
                      Object.hasOwn(platformRefusals, r.code) ||
                        Object.hasOwn(b.decider.refusals ?? {}, r.code),
                      `${name}.${type}: undeclared refusal ${r.code}`,
                    ).toBe(true);
                } catch (e) {
                  expect.fail(
                    `${name}.${type} threw ${PraxisError.isPraxisError(e) ? 'a PraxisError' : String(e)}`,
                  );
                }
              },
            ),
            { numRuns: 15 },
          );
        }
      }
    } finally {
      await practice.close();
    }
  });
});
