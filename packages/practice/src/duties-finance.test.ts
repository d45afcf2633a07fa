import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, fixedClock } from '@praxis/core';
import { Finance, periodOf } from '@praxis/kpi';
import { createPractice, type Practice } from './create.js';
import { hireForTest } from './test-staff.js';

const zone = 'America/New_York';
const at = (date: string, time = '10:00:00') => `${date}T${time}-04:00`;
const open = (today = '2026-06-30T09:00:00') =>
  createPractice({
    store: 'memory:',
    timeZone: zone,
    currency: 'USD',
    clock: fixedClock(today, zone),
    actor: { id: 'maria', role: 'practice_manager' },
  });
const line = (lines: readonly { id: string; value: number | undefined }[], id: string) =>
  lines.find((l) => l.id === id)?.value;
const statementOf = async (p: Practice, month: string) =>
  (await Finance.Ledger.financialStatements(p.readModels, periodOf(month, zone)))[0]!;

describe('Medicare overpayments (issue 20, Financial oversight)', () => {
  it('opens the 60-day report-and-return clock, closed by the refund, which the ledger posts', async () => {
    const p = await open();
    const biller = p.as({ id: 'bea', role: 'biller' });
    const identified = await biller.finance.identifyOverpayment({
      overpaymentId: 'op-1',
      program: 'medicare',
      payerId: 'medicare',
      amount: 48_000,
      reason: 'duplicate payment of claim c-17',
      identifiedOn: '2026-03-02',
      claimIds: ['c-17'],
    });
    expect(identified.ok).toBe(true);
    const clock = (await p.calendar('2026-04-20')).filter((o) => o.id === 'overpayment:op-1');
    expect(clock.map((o) => [o.dueAt, o.state, o.owner, o.legalSource])).toEqual([
      ['2026-05-01', 'due-soon', 'bea', '42 CFR 401.305(b); 42 U.S.C. 1320a-7k(d)'],
    ]);
    // A refund cannot exceed what is owed.
    expect(
      await biller.finance.refundOverpayment({
        overpaymentId: 'op-1',
        refundId: 'r1',
        refundedOn: '2026-04-10',
        amount: 50_000,
        method: 'check',
      }),
    ).toMatchObject({ ok: false, code: 'RefundExceedsOverpayment', field: 'amount' });
    await biller.finance.refundOverpayment({
      overpaymentId: 'op-1',
      refundId: 'r1',
      refundedOn: '2026-04-10',
      amount: 18_000,
      method: 'electronic',
    });
    expect(line((await p.kpis('2026-04')).lines, 'overpaymentsOutstandingCents')).toBe(30_000);
    await biller.finance.refundOverpayment({
      overpaymentId: 'op-1',
      refundId: 'r2',
      refundedOn: '2026-04-24',
      amount: 30_000,
      method: 'check',
      reference: 'MAC voluntary refund form, check 1042',
    });
    const done = (await p.calendar('2026-05-05')).filter((o) => o.id === 'overpayment:op-1');
    expect(done.map((o) => [o.state, o.completedAt])).toEqual([['done', '2026-04-24']]);
    const may = await p.kpis('2026-05');
    expect(line(may.lines, 'overpaymentsReturnedOnTime')).toBe(100);
    expect(line(may.lines, 'overpaymentsOutstandingCents')).toBe(0);

    // The ledger: revenue given back and owed in March, paid in April.
    const march = await statementOf(p, '2026-03');
    expect(march.income.overpaymentRefunds).toBe(48_000);
    expect(march.balanceSheet.liabilities).toEqual({ overpaymentsPayable: 48_000, total: 48_000 });
    expect(march.balanceSheet.assets.total).toBe(
      march.balanceSheet.liabilities.total + march.balanceSheet.equity.total,
    );
    const april = await statementOf(p, '2026-04');
    expect(april.cashFlow.refundsToPayers).toBe(48_000);
    expect(april.balanceSheet.liabilities.total).toBe(0);
    expect(april.cashFlow.indirect.operatingCashFlow).toBe(april.cashFlow.netChangeInCash);
    await p.close();
  });

  it('suspends the deadline for a good-faith investigation: 60 days from its end, at most identification + 240', async () => {
    const p = await open();
    await p.finance.identifyOverpayment({
      overpaymentId: 'op-2',
      program: 'medicare',
      payerId: 'medicare',
      amount: 10_000,
      reason: 'upcoded 99215 visits',
      identifiedOn: '2026-01-05',
    });
    await p.finance.suspendOverpaymentDeadline({
      overpaymentId: 'op-2',
      startedOn: '2026-01-20',
      scope: 'every 99215 billed by Dr Reyes in 2025',
    });
    const during = (await p.calendar('2026-02-01')).find((o) => o.id === 'overpayment:op-2');
    expect(during?.dueAt).toBe('2026-09-02'); // 2026-01-05 + 240 days
    await p.finance.concludeOverpaymentInvestigation({
      overpaymentId: 'op-2',
      concludedOn: '2026-03-16',
      amount: 64_000,
    });
    const after = (await p.calendar('2026-03-20')).find((o) => o.id === 'overpayment:op-2');
    expect(after?.dueAt).toBe('2026-05-15'); // 60 days after the investigation ended
    expect((await statementOf(p, '2026-03')).balanceSheet.liabilities.overpaymentsPayable).toBe(64_000);
    // Medicaid has the 60 days (1128J(d)) but not Medicare's suspension rule.
    await p.finance.identifyOverpayment({
      overpaymentId: 'op-3',
      program: 'medicaid',
      payerId: 'state-medicaid',
      amount: 5_000,
      reason: 'paid twice',
      identifiedOn: '2026-01-05',
    });
    expect(
      await p.finance.suspendOverpaymentDeadline({
        overpaymentId: 'op-3',
        startedOn: '2026-01-06',
        scope: 'x',
      }),
    ).toMatchObject({ ok: false, code: 'SuspensionNotAvailable' });
    expect(line((await p.kpis('2026-03')).lines, 'overpaymentsOverdue')).toBe(1);
    await p.close();
  });
});

describe('the books’ period lock (issue 20, Financial oversight: annual financial audit)', () => {
  const register = (p: Practice, claimId: string, date: string) =>
    p.as({ id: 'bea', role: 'biller' }).finance.registerCharges(
      {
        claimId,
        encounterId: `e-${claimId}`,
        patientId: `p-${claimId}`,
        payerId: 'bcbs',
        payerKind: 'commercial',
        timelyFilingMonths: 6,
        dateOfService: date,
        timeZone: zone,
        charges: [{ cptCode: '99213', units: 1, amount: 10_000 }],
      },
      { at: at(date) },
    );

  it('refuses back-dated financial events into a closed month; corrections go into the open one', async () => {
    const p = await open('2026-04-20T09:00:00');
    expect((await register(p, 'c1', '2026-03-12')).ok).toBe(true);
    const bea = p.as({ id: 'bea', role: 'biller' });
    await bea.finance.createClaim({ claimId: 'c1' }, { at: at('2026-03-12') });
    await bea.finance.scrubClaim(
      { claimId: 'c1', failedEdits: [{ code: 'DX', message: 'no diagnosis pointer' }] },
      { at: at('2026-03-13') },
    );
    await p.finance.draftBudget(
      {
        budgetId: '2026',
        fiscalYear: '2026',
        startsOn: '2026-01-01',
        timeZone: zone,
        currency: 'USD',
        projections: [],
        lines: [{ category: 'supplies', months: { '2026-03': 100_000, '2026-04': 100_000 } }],
      },
      { at: at('2026-01-02') },
    );
    await p.finance.submitBudget({ budgetId: '2026' }, { at: at('2026-01-03') });
    await p.finance.approveBudget({ budgetId: '2026' }, { at: at('2026-01-04') });
    const march = await p.finance.recordExpense(
      {
        budgetId: '2026',
        expenseId: 'x0',
        category: 'supplies',
        amount: 8_000,
        incurredOn: '2026-03-10',
        description: 'exam table paper',
      },
      { at: at('2026-03-10') },
    );
    expect(march.ok).toBe(true);

    // Only a month that has ended can be closed, once, in order.
    expect(
      await p.finance.closeFinancialPeriod(
        { booksId: 'practice', period: '2026-04' },
        { at: at('2026-04-20') },
      ),
    ).toMatchObject({ ok: false, code: 'PeriodNotEnded', field: 'period' });
    const closed = await p.finance.closeFinancialPeriod(
      { booksId: 'practice', period: '2026-03', note: 'March close' },
      { at: at('2026-04-06') },
    );
    expect(closed.ok).toBe(true);
    expect(
      await p.finance.closeFinancialPeriod(
        { booksId: 'practice', period: '2026-02' },
        { at: at('2026-04-07') },
      ),
    ).toMatchObject({ ok: false, code: 'PeriodAlreadyClosed', field: 'period' });

    // Back-dated events are refused, naming the field and the closed period.
    const charges = await register(p, 'c2', '2026-03-30');
    expect(charges).toMatchObject({ ok: false, code: 'PeriodClosed', field: 'at', category: 'conflict' });
    expect(charges.ok ? '' : charges.message).toMatch(/2026-03/);
    const expense = await p.finance.recordExpense(
      {
        budgetId: '2026',
        expenseId: 'x1',
        category: 'supplies',
        amount: 5_000,
        incurredOn: '2026-03-31',
        description: 'gloves',
      },
      { at: at('2026-04-21') },
    );
    expect(expense).toMatchObject({ ok: false, code: 'PeriodClosed', field: 'incurredOn' });
    expect(
      await p.finance.identifyOverpayment({
        overpaymentId: 'op-x',
        program: 'medicare',
        payerId: 'medicare',
        amount: 1_000,
        reason: 'x',
        identifiedOn: '2026-03-31',
      }),
    ).toMatchObject({ ok: false, code: 'PeriodClosed', field: 'identifiedOn' });
    const payment = await p
      .as({ id: 'bea', role: 'biller' })
      .finance.collectPatientPayment(
        { claimId: 'c1', paymentId: 'pp1', amount: 2_000, pointOfService: false },
        { at: at('2026-03-31') },
      );
    expect(payment).toMatchObject({ ok: false, code: 'PeriodClosed', field: 'at' });
    // A denial back-dated into the closed month would change its denial rates: refused too.
    const denial = await p
      .as({ id: 'bea', role: 'biller' })
      .finance.recordDenial({ claimId: 'c1', carcCode: '45', amount: 1_000 }, { at: at('2026-03-31') });
    expect(denial).toMatchObject({ ok: false, code: 'PeriodClosed', field: 'at' });

    // The correction goes into April, referring to the claim it corrects; March stays as closed.
    const before = await statementOf(p, '2026-03');
    const credit = {
      budgetId: '2026',
      correctionId: 'x0-credit',
      corrects: 'x0',
      amount: -2_000,
      reason: 'vendor credit for a damaged box',
    };
    expect(
      await p.finance.correctExpense({ ...credit, incurredOn: '2026-03-31' }, { at: at('2026-04-21') }),
    ).toMatchObject({
      ok: false,
      code: 'PeriodClosed',
      field: 'incurredOn',
    });
    expect(
      await p.finance.correctExpense(
        { ...credit, amount: -9_000, incurredOn: '2026-04-21' },
        { at: at('2026-04-21') },
      ),
    ).toMatchObject({ ok: false, code: 'CorrectionExceedsExpense', field: 'amount' });
    expect(
      (await p.finance.correctExpense({ ...credit, incurredOn: '2026-04-21' }, { at: at('2026-04-21') })).ok,
    ).toBe(true);
    const corrected = await p.as({ id: 'bea', role: 'biller' }).finance.correctClaim(
      {
        claimId: 'c1',
        correction: 'the visit was a 99214',
        charges: [{ cptCode: '99214', units: 1, amount: 14_000 }],
      },
      { at: at('2026-04-21') },
    );
    expect(corrected.ok).toBe(true);
    expect(await statementOf(p, '2026-03')).toEqual(before);
    const april = await statementOf(p, '2026-04');
    expect(april.income.grossRevenue).toBe(4_000);
    expect(april.income.expenses).toEqual({ supplies: -2_000 });
    expect(april.cashFlow.paidForExpenses).toEqual({ supplies: -2_000 });
    expect(april.cashFlow.indirect.operatingCashFlow).toBe(april.cashFlow.netChangeInCash);
    expect(
      (
        await p.finance.recordExpense(
          {
            budgetId: '2026',
            expenseId: 'x1',
            category: 'supplies',
            amount: 5_000,
            incurredOn: '2026-04-21',
            description: 'gloves (March invoice, received late)',
          },
          { at: at('2026-04-21') },
        )
      ).ok,
    ).toBe(true);
    await p.close();
  });

  it('never throws on any period a caller sends (property)', async () => {
    const p = await open('2026-04-20T09:00:00');
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 12 }), async (period) => {
        const r = await p.finance.closeFinancialPeriod(
          { booksId: 'practice', period },
          { at: at('2026-04-20') },
        );
        if (!r.ok)
          expect(['InvalidPeriod', 'PeriodAlreadyClosed', 'PeriodNotEnded', 'Required']).toContain(r.code);
        else expect(period).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      }),
      { numRuns: 80 },
    );
    await p.close();
  });
});

describe('the annual financial audit (issue 20, Financial oversight)', () => {
  it('keeps a prepared-by-client checklist in the calendar; fieldwork waits for every item', async () => {
    const p = await open('2027-01-10T09:00:00');
    await hireForTest(p, 'fran', { role: 'biller', hiredOn: '2026-01-05' });
    expect(
      await p.compliance.scheduleAudit({
        auditId: 'fs-2026',
        programmeId: 'finance',
        title: 'Audit of the 2026 financial statements',
        auditorId: 'cpa-firm',
        scheduledFor: '2027-03-15',
        kind: 'financial',
      }),
    ).toMatchObject({ ok: false, code: 'FiscalYearRequired', field: 'fiscalYear' });
    await p.compliance.scheduleAudit({
      auditId: 'fs-2026',
      programmeId: 'finance',
      title: 'Audit of the 2026 financial statements',
      auditorId: 'cpa-firm',
      scheduledFor: '2027-03-15',
      kind: 'financial',
      fiscalYear: '2026',
    });
    for (const [itemId, description, dueOn] of [
      ['bank-rec', 'December bank reconciliation', '2027-02-01'],
      ['ar-aging', 'A/R aging at 31 December by payer', '2027-02-15'],
    ] as const) {
      const r = await p.compliance.requestPbcItem({
        auditId: 'fs-2026',
        itemId,
        description,
        ownerId: 'fran',
        requestedOn: '2027-01-10',
        dueOn,
      });
      expect(r.ok).toBe(true);
    }
    expect(
      await p.compliance.requestPbcItem({
        auditId: 'fs-2026',
        itemId: 'x',
        description: 'x',
        ownerId: 'nobody',
        requestedOn: '2027-01-10',
        dueOn: '2027-02-01',
      }),
    ).toMatchObject({ ok: false, code: 'UnknownStaffMember', field: 'ownerId' });
    await p.compliance.providePbcItem({
      auditId: 'fs-2026',
      itemId: 'bank-rec',
      providedOn: '2027-01-28',
      documentRef: 'pbc/bank-rec-2026-12.pdf',
    });
    const pbc = (await p.calendar('2027-02-20')).filter((o) => o.kind === 'pbc-item');
    expect(pbc.map((o) => [o.id, o.state, o.owner])).toEqual([
      ['pbc:fs-2026:bank-rec', 'done', 'fran'],
      ['pbc:fs-2026:ar-aging', 'overdue', 'fran'],
    ]);
    expect(await p.compliance.performAudit({ auditId: 'fs-2026', performedOn: '2027-03-15' })).toMatchObject({
      ok: false,
      code: 'PbcItemsOutstanding',
      field: 'pbc',
    });
    await p.compliance.providePbcItem({
      auditId: 'fs-2026',
      itemId: 'ar-aging',
      providedOn: '2027-02-22',
      documentRef: 'pbc/ar-aging.csv',
    });
    expect((await p.compliance.performAudit({ auditId: 'fs-2026', performedOn: '2027-03-15' })).ok).toBe(
      true,
    );
    // A compliance audit has no PBC list.
    await p.compliance.scheduleAudit({
      auditId: 'hipaa-2027',
      programmeId: 'hipaa',
      title: 'HIPAA',
      auditorId: 'cora',
      scheduledFor: '2027-04-01',
    });
    expect(
      await p.compliance.requestPbcItem({
        auditId: 'hipaa-2027',
        itemId: 'x',
        description: 'x',
        ownerId: 'fran',
        requestedOn: '2027-01-10',
        dueOn: '2027-02-01',
      }),
    ).toMatchObject({ ok: false, code: 'NotAFinancialAudit' });
    await p.close();
  });
});

describe('an overpayment’s free text is personal data', () => {
  it('keeps the reason and the investigation scope out of the log in clear, and erases them with the record', async () => {
    const p = await open();
    const reason = 'paid twice for Jane Roe’s visit of 2 March';
    await p.finance.identifyOverpayment({
      overpaymentId: 'op-9',
      program: 'medicare',
      payerId: 'medicare',
      amount: 9_000,
      reason,
      identifiedOn: '2026-03-05',
    });
    await p.finance.suspendOverpaymentDeadline({
      overpaymentId: 'op-9',
      startedOn: '2026-03-06',
      scope: 'every visit of Jane Roe in 2025',
    });
    const stored = JSON.stringify(await collect(p.store.readAll()), (_, v: unknown) =>
      typeof v === 'bigint' ? v.toString() : v,
    );
    expect(stored).not.toContain('Jane Roe');
    expect((await p.load<{ amount: number }>('Overpayment', 'op-9')).found).toBe(true);
    expect(await p.forgetSubject('overpayment:op-9')).toMatchObject({ ok: true });
    // The duty and the money stay.
    const duty = (await p.calendar('2026-03-10')).find((o) => o.id === 'overpayment:op-9');
    expect(duty?.dueAt).toBe('2026-10-31'); // 2026-03-05 + 240 days
    expect((await p.audit.verify()).ok).toBe(true);
    await p.close();
  });
});
