import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '@praxis/core';
import { Finance, periodOf } from '@praxis/kpi';
import { createPractice, type Practice } from './create.js';

/*
 * Fresh-user finding: the overpayment KPIs restated a closed month (they used the amount and
 * deadline as last quantified) while the ledger's overpayments payable at the month's close
 * counts only what was recorded by then. As reported, the KPI now agrees with the ledger.
 */
const zone = 'America/New_York';
const open = () =>
  createPractice({
    store: 'memory:',
    timeZone: zone,
    currency: 'USD',
    clock: fixedClock('2026-12-30T09:00:00', zone),
    actor: { id: 'bea', role: 'biller' },
  });
const value = async (p: Practice, period: string, id: string, basis?: 'restated') =>
  (await p.kpis(period, basis === undefined ? {} : { basis })).lines.find((l) => l.id === id)?.value;
const payableAtClose = async (p: Practice, month: string) =>
  (await Finance.Ledger.financialStatements(p.readModels, periodOf(month, zone)))[0]!.balanceSheet.liabilities
    .overpaymentsPayable;
/**
 * What the ledger owes on one overpayment at a month's close: its journal's overpayments-payable
 * (2100) credits less debits dated before the close. The balance sheet nets every overpayment in
 * one account, so a refund paid ahead of a later quantification (a debit balance on one) offsets
 * what another still owes there; the KPI counts what each one still owes.
 */
const owedAtClose = async (p: Practice, overpaymentId: string, month: string) => {
  const close = periodOf(month, zone).interval.end.toMillis();
  const journal = (await p.readModels.get('finance-ledger', `journal:overpayment:${overpaymentId}`)) as
    { entries: { t: number; lines: { account: string; debit: number; credit: number }[] }[] } | undefined;
  let owed = 0;
  for (const e of journal?.entries ?? [])
    if (e.t < close) for (const l of e.lines) if (l.account === '2100') owed += l.credit - l.debit;
  return owed;
};

describe('overpayment KPIs of a closed month (as reported, like the ledger)', () => {
  it('counts the amount and deadline as quantified by the close; restated applies the later quantification', async () => {
    const p = await open();
    await p.finance.identifyOverpayment({
      overpaymentId: 'op-1',
      program: 'medicare',
      payerId: 'medicare',
      amount: 10_000,
      reason: 'duplicate payment',
      identifiedOn: '2026-01-05',
    });
    await p.finance.suspendOverpaymentDeadline({
      overpaymentId: 'op-1',
      startedOn: '2026-01-20',
      scope: 'related visits',
    });
    // Concluded in April: 64,000 owed, due 60 days later (2026-06-13).
    await p.finance.concludeOverpaymentInvestigation({
      overpaymentId: 'op-1',
      concludedOn: '2026-04-14',
      amount: 64_000,
    });
    // March closed owing 10,000 (the ledger's payable at 31 March).
    expect(await payableAtClose(p, '2026-03')).toBe(10_000);
    expect(await value(p, '2026-03', 'overpaymentsOutstandingCents')).toBe(10_000);
    expect(await value(p, '2026-03', 'overpaymentsOutstandingCents', 'restated')).toBe(64_000);
    expect(await payableAtClose(p, '2026-04')).toBe(64_000);
    expect(await value(p, '2026-04', 'overpaymentsOutstandingCents')).toBe(64_000);
    // Identified after the close: not in January's numbers on either basis.
    await p.finance.identifyOverpayment({
      overpaymentId: 'op-2',
      program: 'medicaid',
      payerId: 'state-medicaid',
      amount: 5_000,
      reason: 'paid twice',
      identifiedOn: '2026-02-02',
    });
    expect(await value(p, '2026-01', 'overpaymentsOutstandingCents')).toBe(10_000);
    // op-2 is due 2026-04-03 and not refunded: overdue at April's close, not at March's.
    expect(await value(p, '2026-03', 'overpaymentsOverdue')).toBe(0);
    expect(await value(p, '2026-04', 'overpaymentsOverdue')).toBe(1);
    // June: op-1 (due 2026-06-13 as concluded) refunded on time; as reported at January's close
    // its deadline was still identification + 240 days (2026-09-02).
    await p.finance.refundOverpayment({
      overpaymentId: 'op-1',
      refundId: 'r1',
      refundedOn: '2026-06-10',
      amount: 64_000,
      method: 'check',
    });
    expect(await value(p, '2026-06', 'overpaymentsReturnedOnTime')).toBe(100);
    expect(await value(p, '2026-06', 'overpaymentsOutstandingCents')).toBe(5_000);
    expect(await payableAtClose(p, '2026-06')).toBe(5_000);
    await p.close();
  });

  it('as reported, outstanding overpayments equal the ledger’s payable at every month’s close (property)', async () => {
    const dayAfter = (date: string, days: number) =>
      new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
    // Each overpayment: identified on a day, maybe quantified by an investigation within its 60
    // days, maybe refunded (partly) on later days; the KPI is read at every month's close.
    const overpayment = fc.record({
      identifiedOn: fc.integer({ min: 0, max: 300 }).map((n) => dayAfter('2026-01-02', n)),
      amount: fc.integer({ min: 1, max: 50_000 }),
      concluded: fc.option(
        fc.record({ after: fc.integer({ min: 0, max: 59 }), amount: fc.integer({ min: 1, max: 90_000 }) }),
      ),
      refunds: fc.array(
        fc.record({ after: fc.integer({ min: 0, max: 120 }), amount: fc.integer({ min: 1, max: 40_000 }) }),
        { maxLength: 2 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(overpayment, { minLength: 1, maxLength: 3 }), async (ops) => {
        const p = await open();
        for (const [i, o] of ops.entries()) {
          const overpaymentId = `op-${i}`;
          await p.finance.identifyOverpayment({
            overpaymentId,
            program: 'medicare',
            payerId: 'medicare',
            amount: o.amount,
            reason: 'r',
            identifiedOn: o.identifiedOn,
          });
          if (o.concluded !== null) {
            const on = dayAfter(o.identifiedOn, o.concluded.after);
            await p.finance.suspendOverpaymentDeadline({ overpaymentId, startedOn: on, scope: 's' });
            await p.finance.concludeOverpaymentInvestigation({
              overpaymentId,
              concludedOn: on,
              amount: o.concluded.amount,
            });
          }
          for (const [j, r] of o.refunds.entries())
            await p.finance.refundOverpayment({
              overpaymentId,
              refundId: `r-${j}`,
              refundedOn: dayAfter(o.identifiedOn, r.after),
              amount: r.amount,
              method: 'check',
            });
        }
        // Refused commands (out-of-order dates, refunds above what is owed) leave nothing behind.
        for (let m = 1; m <= 12; m++) {
          const month = `2026-${String(m).padStart(2, '0')}`;
          let owed = 0;
          let net = 0;
          for (const i of ops.keys()) {
            const one = await owedAtClose(p, `op-${i}`, month);
            owed += Math.max(0, one);
            net += one;
          }
          // the balance sheet's payable is the journals' net
          expect(await payableAtClose(p, month)).toBe(net);
          const outstanding = await value(p, month, 'overpaymentsOutstandingCents');
          expect({ month, outstanding }).toEqual({ month, outstanding: owed });
        }
        await p.close();
      }),
      {
        numRuns: 12,
        // found by this property: a refund dated before a later quantification raised the amount
        // (a debit balance on op-1 at January's close, netted against op-0 on the balance sheet)
        examples: [
          [
            [
              { identifiedOn: '2026-01-02', amount: 1, concluded: null, refunds: [] },
              {
                identifiedOn: '2026-01-02',
                amount: 1,
                concluded: { after: 30, amount: 2 },
                refunds: [{ after: 0, amount: 2 }],
              },
            ],
          ],
        ],
      },
    );
  });
});
