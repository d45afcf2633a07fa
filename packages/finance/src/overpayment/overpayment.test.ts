import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decider, initialState, type Overpayment, type OverpaymentCommand } from './index.js';

const identify = (amount: number, program: 'medicare' | 'medicaid' = 'medicare'): OverpaymentCommand => ({
  type: 'IdentifyOverpayment',
  overpaymentId: 'op',
  program,
  payerId: 'medicare',
  amount,
  reason: 'duplicate payment',
  identifiedOn: '2026-03-02',
  identifiedBy: 'bea',
  books: null,
});
const run = (commands: readonly OverpaymentCommand[]) => {
  let s: Overpayment = initialState;
  const codes: string[] = [];
  for (const c of commands) {
    const d = decider.decide(c, s);
    if (E.isLeft(d)) codes.push(d.left.code);
    else for (const e of d.right) s = decider.evolve(s, e);
  }
  return { s, codes };
};

describe('Overpayment', () => {
  it('is due 60 days after identification, and 60 days after a suspended investigation ends (at most identification + 240)', () => {
    const first = decider.decide(identify(10_000), initialState);
    expect(E.isRight(first) && first.right[0]!.data).toMatchObject({ dueOn: '2026-05-01' });
    const late = run([
      identify(10_000),
      {
        type: 'SuspendOverpaymentDeadline',
        startedOn: '2026-03-10',
        scope: 'related claims',
      },
      {
        type: 'ConcludeOverpaymentInvestigation',
        concludedOn: '2026-12-01',
        amount: 20_000,
      },
    ]);
    // concluded after the 180 days: 60 days from identification + 180 (2026-08-29)
    expect(late.s.dueOn).toBe('2026-10-28');
    expect(late.s.amount).toBe(20_000);
    const tooLate = run([
      identify(10_000),
      { type: 'SuspendOverpaymentDeadline', startedOn: '2026-05-02', scope: 'x' },
    ]);
    expect(tooLate.codes).toEqual(['InvestigationTooLate']);
  });

  it('never refunds more than is owed, and is settled exactly when nothing is (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 400_000 }), { maxLength: 8 }),
        (amount, refunds) => {
          const { s } = run([
            identify(amount),
            ...refunds.map((x, i): OverpaymentCommand => ({
              type: 'RefundOverpayment',
              refundId: `r${i}`,
              refundedOn: '2026-04-01',
              amount: x,
              method: 'check',
              books: null,
            })),
          ]);
          expect(s.refunded).toBeLessThanOrEqual(s.amount);
          let owed = amount;
          for (const x of refunds) if (x <= owed) owed -= x;
          expect(s.amount - s.refunded).toBe(owed);
        },
      ),
    );
  });

  it('refuses postings dated in a closed period, naming the field', () => {
    const lock = { period: '2026-03', through: '2026-03-31', openFrom: '2026-04-01T00:00:00.000-04:00' };
    const r = decider.decide({ ...identify(1_000), books: lock } as OverpaymentCommand, initialState);
    expect(E.isLeft(r) && r.left).toMatchObject({ code: 'PeriodClosed', field: 'identifiedOn' });
  });
});
