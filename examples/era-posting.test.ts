import { describe, expect, it } from 'vitest';
import { eraPosting } from './era-posting.js';

describe('example: posting an 835 remittance', () => {
  it('exports the checked claims as an 837P, posts the payment and the denial once, and nothing on the second import', async () => {
    expect(await eraPosting()).toEqual([
      '837P: 2 claims, 280.00, 2 submitted (A-100 J069; A-101 J069)',
      '835 trace EFT-20260320: BPR02 90.00, 2 claims',
      'A-100: payment, paid 90.00, CO 30.00, patient 20.00',
      'A-101: denial, paid 0.00, CO 0.00, patient 0.00, CARC 50 (Not deemed medically necessary by the payer)',
      'again: already-posted',
    ]);
  });
});
