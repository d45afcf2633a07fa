import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinModules } from '@praxis/practice';
import { catalogPath, eventCatalog } from './event-catalog.js';

describe('docs/events.md', () => {
  it('is what scripts/event-catalog.ts generates from the codecs (run it if this fails)', () => {
    expect(readFileSync(catalogPath, 'utf8')).toBe(eventCatalog());
  });

  it('lists every event type of every module, with its fields', () => {
    const catalog = eventCatalog();
    for (const m of builtinModules) {
      for (const a of m.aggregates) {
        for (const type of a.decider.events.types) expect(catalog).toContain(`| \`${type}\` |`);
      }
    }
    expect(catalog).toMatch(/\| `BudgetApproved` \| 1 \| budgetId: NonEmptyString/);
    expect(catalog).toContain('| `CommandRefused` |');
  });
});
