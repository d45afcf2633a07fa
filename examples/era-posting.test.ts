import { describe, expect, it } from 'vitest';
import { eraPosting } from './era-posting.js';

describe('example: posting an 835 remittance', () => {
  it('posts the payment and the denial once, and nothing on the second import', async () => {
    expect(await eraPosting()).toEqual([
      '835 trace EFT-20260320: BPR02 90.00, 2 claims',
      'A-100: payment, paid 90.00, CO 30.00, patient 20.00',
      'A-101: denial, paid 0.00, CO 0.00, patient 0.00, CARC 50',
      'again: already-posted',
    ]);
  });
});
