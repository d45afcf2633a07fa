/**
 * X1: an 835 of 5,000 claims posted by `practice.finance.importRemittance` against the same
 * payments posted one by one through the facade (`recordPayerPayment` per claim), in one run on
 * the same store kind (issue 19: within 2×, i.e. a ratio ≥ 0.5). Both sides start from a practice
 * holding the same 5,000 submitted claims, seeded through the facade (not timed).
 */
import { join } from 'node:path';
import { createPractice, type Practice } from '@praxis/practice';
import { write835, type ClaimPaymentDraft } from '@praxis/x12';
import type { BenchContext, BenchSuite, Side } from './lib/harness.js';

const CLAIMS = 5_000;
const biller = { id: 'bench', role: 'biller' } as const;
const at = '2026-03-02T10:00:00-06:00';
const dos = '2026-02-02';

/** Claim i: one 99213 line of $120.00, paid $80.00 with $25.00 CO-45 and $15.00 PR-2 (coinsurance). */
const claimPayment = (i: number): ClaimPaymentDraft => ({
  claimId: `C${i}`,
  charge: 12_000,
  paid: 8_000,
  patientResponsibility: 1_500,
  lines: [
    {
      code: '99213',
      charge: 12_000,
      paid: 8_000,
      adjustments: [
        { group: 'CO', carc: '45', amount: 2_500 },
        { group: 'PR', carc: '2', amount: 1_500 },
      ],
    },
  ],
});

const seeded = async (ctx: BenchContext, name: string): Promise<Practice> => {
  const practice = await createPractice({
    store: `sqlite:${join(ctx.dir, `${name}-${ctx.round}.db`)}`,
    timeZone: 'America/Chicago',
    currency: 'USD',
  });
  const b = practice.as(biller);
  const t = `${dos}T17:00:00-06:00`;
  for (let i = 0; i < CLAIMS; i++) {
    const claimId = `C${i}`;
    for (const r of [
      await b.finance.registerCharges(
        {
          claimId,
          encounterId: `E${i}`,
          patientId: `P${i}`,
          payerId: 'acme',
          payerKind: 'commercial',
          dateOfService: dos,
          timeZone: 'America/Chicago',
          charges: [{ cptCode: '99213', units: 1, amount: 12_000 }],
        },
        { at: t },
      ),
      await b.finance.createClaim({ claimId }, { at: t }),
      await b.finance.scrubClaim({ claimId, failedEdits: [] }, { at: t }),
      await b.finance.submitClaim({ claimId }, { at: t }),
    ])
      if (!r.ok) throw new Error(r.summary);
  }
  ctx.log(`    seeded ${CLAIMS} claims (${name}, round ${ctx.round})`);
  return practice;
};

const importing: Side = {
  label: 'importRemittance (one 835)',
  open: async (ctx) => {
    const practice = await seeded(ctx, 'import');
    const text = write835({
      payerName: 'ACME HEALTH',
      payerId: '1999999999',
      payeeName: 'BENCH CLINIC',
      payeeNpi: '1234567893',
      traceNumber: `BENCH-${ctx.round}`,
      paymentDate: '2026-03-01',
      controlNumber: ctx.round,
      claims: Array.from({ length: CLAIMS }, (_, i) => claimPayment(i)),
    });
    return {
      run: async () => {
        const r = await practice.as(biller).finance.importRemittance(text, { at });
        if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r).slice(0, 300)}`);
        return CLAIMS;
      },
      close: () => practice.close(),
    };
  },
};

const oneByOne: Side = {
  label: 'recordPayerPayment one by one',
  open: async (ctx) => {
    const practice = await seeded(ctx, 'direct');
    return {
      run: async () => {
        const b = practice.as(biller);
        for (let i = 0; i < CLAIMS; i++) {
          const r = await b.finance.recordPayerPayment(
            {
              claimId: `C${i}`,
              paymentId: `P${i}`,
              lines: [{ cptCode: '99213', paid: 8_000, contractualAdjustment: 2_500 }],
              patientResponsibility: 1_500,
            },
            { at },
          );
          if (!r.ok) throw new Error(r.summary);
        }
        return CLAIMS;
      },
      close: () => practice.close(),
    };
  },
};

export const suite: BenchSuite = {
  name: 'x12',
  description:
    '835 import of 5,000 claims vs the same payments one by one through the facade, SQLite, same run',
  scenarios: [
    {
      id: 'X1',
      title: '5,000-claim 835 posted whole vs 5,000 payments one by one (target: within 2×)',
      unit: 'claims',
      slices: 1,
      target: 0.5,
      subject: importing,
      baseline: oneByOne,
    },
  ],
};
