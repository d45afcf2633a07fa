import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from './format.js';

describe('money', () => {
  it('never writes a negative zero ("-$0.00"), and keeps the sign of any other amount (property)', () => {
    expect(money(-0, 'USD')).toBe('$0.00');
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (cents) => {
        const text = money(cents === 0 ? -0 : cents, 'USD');
        expect(text).not.toMatch(/^-\$0\.00$/);
        expect(text.startsWith('-')).toBe(cents < 0);
      }),
    );
  });
});
