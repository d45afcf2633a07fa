import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxCommandIdLength, maxCommandListLength, maxCommandTextLength } from '@praxis/core';
import { createPractice } from './create.js';
import { builtinModules } from './modules/index.js';

const pm = { id: 'maria', role: 'practice_manager' };
const at = '2026-01-05T09:00:00-06:00';
const isId = (field: string) => field.endsWith('Id') || field === 'id';

/** Every top-level field of every command of every built-in module, with its aggregate. */
const everyField = builtinModules.flatMap((m) =>
  m.aggregates.flatMap((b) =>
    (b.commandTypes as readonly string[]).flatMap((type) => {
      const spec = b.commands.spec(type)!;
      return [...Object.keys(spec.required), ...Object.keys(spec.optional)].map((field) => ({
        aggregate: b.decider.name,
        idKey: b.idKey,
        type,
        field,
        longLists: spec.longLists,
      }));
    }),
  ),
);

describe('every text field of every public command has a bound', () => {
  it('refuses an over-long value in any field as TooLong naming the field, before any rule runs', async () => {
    const practice = await createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD' });
    const p = practice.as(pm);
    try {
      expect(everyField.length).toBeGreaterThan(150);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...everyField),
          fc.integer({ min: 1, max: 5000 }),
          fc.constantFrom('a', ' ', 'é', '=', '\u202e'),
          async ({ aggregate, idKey, type, field }, extra, ch) => {
            const max = isId(field) || field.endsWith('Ids') ? maxCommandIdLength : maxCommandTextLength;
            const long = ch.repeat(max + extra);
            const value = field.endsWith('Ids') ? ['ok', long] : long;
            const r = await p.execute(
              aggregate,
              { type, [idKey]: field === idKey ? long : 'x-1', [field]: value } as never,
              { at },
            );
            expect(r).toMatchObject({
              ok: false,
              // A blank aggregate id is missing before it is too long.
              code: field === idKey && ch === ' ' ? 'MissingId' : 'TooLong',
              field: field.endsWith('Ids') ? `${field}.1` : field,
              category: 'invalid',
            });
          },
        ),
        { numRuns: 300 },
      );
      // Nested free text is bounded too, and a value at the bound is not refused for its length.
      const nested = await practice
        .as({ id: 'cora', role: 'compliance_officer' })
        .policies.auditPolicyEnforcement({
          policyId: 'p1',
          auditId: 'a1',
          auditorId: 'cora',
          auditedOn: '2026-01-05',
          findings: [{ findingId: 'f1', description: 'x'.repeat(maxCommandTextLength + 1) }],
        });
      expect(nested).toMatchObject({ ok: false, code: 'TooLong', field: 'findings.0.description' });
      const atBound = await practice
        .as({ id: 'cora', role: 'compliance_officer' })
        .compliance.discoverBreach({
          breachId: 'b1',
          description: 'x'.repeat(maxCommandTextLength),
          discoveredOn: '2026-01-02',
          affected: 3,
          states: [],
        });
      expect(atBound.ok, atBound.summary).toBe(true);
    } finally {
      await practice.close();
    }
  });

  it('refuses a list longer than the bound in any field as TooLong naming the field, and accepts one at the bound', async () => {
    const practice = await createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD' });
    const p = practice.as(pm);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...everyField.filter(({ field, idKey }) => field !== idKey)),
          fc.integer({ min: 1, max: 50_000 }),
          async ({ aggregate, idKey, type, field, longLists }, extra) => {
            // A command may give a field a bound of its own (an 835's claims); else the shared one.
            const bound = longLists?.[field] ?? maxCommandListLength;
            const list = Array.from({ length: bound + extra }, (_, i) => `v${i}`);
            const r = await p.execute(aggregate, { type, [idKey]: 'x-1', [field]: list } as never, { at });
            expect(r).toMatchObject({ ok: false, code: 'TooLong', field, category: 'invalid' });
            expect(r.ok || r.message).toMatch(new RegExp(`at most ${bound} items`));
          },
        ),
        { numRuns: 100 },
      );
      // Nested lists are bounded too.
      const findings = Array.from({ length: maxCommandListLength + 1 }, (_, i) => ({
        findingId: `f${i}`,
        description: 'late',
      }));
      const nested = await practice
        .as({ id: 'cora', role: 'compliance_officer' })
        .policies.auditPolicyEnforcement({
          policyId: 'p1',
          auditId: 'a1',
          auditorId: 'cora',
          auditedOn: '2026-01-05',
          findings,
        });
      expect(nested).toMatchObject({ ok: false, code: 'TooLong', field: 'findings' });
      // A list at the bound is not refused for its length: it reaches the rules (there are only 56
      // U.S. state and jurisdiction codes, so a list this long names one twice: StateListedTwice).
      const codes = ['TX', 'CA', 'NY', 'FL'];
      const states = Array.from({ length: maxCommandListLength }, (_, i) => ({
        state: codes[i % codes.length]!,
        residents: i === 0 ? 3 : 0,
      }));
      const atBound = await practice
        .as({ id: 'cora', role: 'compliance_officer' })
        .compliance.discoverBreach({
          breachId: 'b2',
          description: 'lost laptop',
          discoveredOn: '2026-01-02',
          affected: 3,
          states,
        });
      expect(atBound).toMatchObject({ ok: false, code: 'StateListedTwice', field: 'states' });
    } finally {
      await practice.close();
    }
  });
});
