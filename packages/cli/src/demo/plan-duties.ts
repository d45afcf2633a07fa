import { actorOf, people } from './cast.js';
import type { Step } from './plan.js';
import type { Rng } from './random.js';
import type { DemoTime } from './time.js';

/**
 * Issue 20's finance and compliance rows, cheaply (about 70 commands): a DEA programme the
 * practice defines itself (monthly controlled-substance reconciliation, with evidence); the
 * business-associate register (a clearinghouse whose agreement is renewed before it expires, a
 * shredding vendor holding PHI without an agreement until March, an IT consultant terminated in
 * September); a Medicare overpayment identified in May and refunded within 60 days; the audit of
 * last year's financial statements with its prepared-by-client list; and each month's books
 * closed 45 days after it ends, with one back-dated expense refused `PeriodClosed` and a
 * vendor credit on a closed month posted in the open one (`CorrectExpense`).
 */
export const planDuties = (rng: Rng, time: DemoTime, year: number): Step[] => {
  const steps: Step[] = [];
  const co = actorOf(people.compliance);
  const pm = actorOf(people.manager);
  const biller = actorOf(people.biller);
  const day = (md: string) => `${year}-${md}`;
  const add = (label: string, on: string, hour: number, run: Step['run'], expectRefusal?: string) =>
    steps.push({
      at: time.at(on, hour, rng.int(0, 59)),
      label,
      run,
      ...(expectRefusal === undefined ? {} : { expectRefusal }),
    });

  // Regulations are open: the DEA is not in the registry, so the programme cites its source.
  add('programme dea: established', day('01-02'), 9, (q) =>
    q.compliance.establishProgramme(
      {
        programmeId: 'dea',
        regulation: 'DEA',
        name: 'DEA controlled substances',
        ownerId: co.id,
        establishedOn: day('01-02'),
        legalSource: '21 CFR Parts 1301–1317',
        jurisdiction: 'US',
      },
      { actor: co },
    ),
  );
  add('programme dea: requirement reconciliation', day('01-02'), 10, (q) =>
    q.compliance.addRequirement(
      {
        programmeId: 'dea',
        requirementId: 'dea-reconciliation',
        title: 'Reconcile the controlled-substance log against stock',
        recurrence: { every: 1, unit: 'months' },
        ownerId: co.id,
        firstDueOn: day('01-31'),
        addedOn: day('01-02'),
        evidenceRequired: true,
      },
      { actor: co },
    ),
  );
  let due = day('01-31');
  for (let m = 1; m <= 12; m++) {
    const metOn = time.addDays(due, -rng.int(0, 3));
    if (metOn > day('12-31')) break;
    add(`programme dea: reconciliation met ${metOn}`, metOn, 16, (q) =>
      q.compliance.meetRequirement(
        {
          programmeId: 'dea',
          requirementId: 'dea-reconciliation',
          metOn,
          evidence: `log and stock agree, count sheet ${m}`,
        },
        { actor: co },
      ),
    );
    // next due: one month after it was met (the programme computes the same)
    const [y, mo, d] = metOn.split('-').map(Number) as [number, number, number];
    const next = new Date(Date.UTC(y, mo, 1));
    const last = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
    due = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  }

  // The business-associate register.
  const vendors = [
    {
      associateId: 'clearinghouse',
      name: 'Claims Clearinghouse LLC',
      services: 'claims clearinghouse (837/835)',
    },
    { associateId: 'shredding', name: 'SecureShred Inc', services: 'document destruction' },
    { associateId: 'it-consultant', name: 'Byte Medical IT', services: 'network support' },
    { associateId: 'lawn', name: 'Green Lawns', services: 'grounds' },
  ] as const;
  for (const v of vendors)
    add(`baa ${v.associateId}: registered`, day('01-05'), 9, (q) =>
      q.compliance.registerBusinessAssociate(
        { ...v, holdsPhi: v.associateId !== 'lawn', registeredOn: day('01-05') },
        { actor: co },
      ),
    );
  const agreement = (associateId: string, agreementId: string, signedOn: string, expiresOn?: string) =>
    add(`baa ${associateId}: agreement ${agreementId}`, signedOn, 11, (q) =>
      q.compliance.recordBusinessAssociateAgreement(
        {
          associateId,
          agreementId,
          signedOn,
          effectiveOn: signedOn,
          documentRef: `contracts/${associateId}-${agreementId}.pdf`,
          ...(expiresOn === undefined ? {} : { expiresOn }),
        },
        { actor: co },
      ),
    );
  agreement('clearinghouse', 'baa-1', day('01-05'), day('07-31'));
  agreement('clearinghouse', 'baa-2', day('07-15'), day('12-31'));
  agreement('it-consultant', 'baa-1', day('01-06'));
  agreement('shredding', 'baa-1', day('03-09'));
  add('baa it-consultant: terminated', day('09-30'), 15, (q) =>
    q.compliance.terminateBusinessAssociate(
      {
        associateId: 'it-consultant',
        terminatedOn: day('09-30'),
        reason: 'support moved in house',
        phiDisposition: 'destroyed',
      },
      { actor: co },
    ),
  );

  // A Medicare overpayment: identified in May, reported and refunded within 60 days.
  add('overpayment op-1: identified', day('05-11'), 10, (q) =>
    q.finance.identifyOverpayment(
      {
        overpaymentId: 'op-1',
        program: 'medicare',
        payerId: 'medicare',
        amount: 46_500,
        reason: 'duplicate payment found in the monthly credit-balance review',
        identifiedOn: day('05-11'),
      },
      { actor: biller },
    ),
  );
  add('overpayment op-1: reported', day('06-15'), 10, (q) =>
    q.finance.reportOverpayment(
      { overpaymentId: 'op-1', reportedOn: day('06-15'), reportRef: 'MAC overpayment refund form OR-1' },
      { actor: biller },
    ),
  );
  add('overpayment op-1: refunded', day('06-15'), 11, (q) =>
    q.finance.refundOverpayment(
      {
        overpaymentId: 'op-1',
        refundId: 'r-1',
        refundedOn: day('06-15'),
        amount: 46_500,
        method: 'check',
        reference: 'check 2231',
      },
      { actor: biller },
    ),
  );

  // The audit of last year's financial statements, with the auditor's prepared-by-client list.
  add('audit fs: scheduled', day('01-12'), 9, (q) =>
    q.compliance.scheduleAudit(
      {
        auditId: `fs-${year - 1}`,
        programmeId: 'finance',
        title: `Audit of the ${year - 1} financial statements`,
        auditorId: 'cpa-firm',
        scheduledFor: day('03-16'),
        kind: 'financial',
        fiscalYear: String(year - 1),
      },
      { actor: pm },
    ),
  );
  const pbc = [
    ['bank-rec', 'December bank reconciliation', day('02-02'), day('01-29')],
    ['ar-aging', 'A/R aging at 31 December by payer', day('02-09'), day('02-12')],
    ['payroll', 'Payroll register and W-2 reconciliation', day('02-16'), day('02-13')],
  ] as const;
  for (const [itemId, description, dueOn, providedOn] of pbc) {
    add(`audit fs: pbc ${itemId} requested`, day('01-12'), 10, (q) =>
      q.compliance.requestPbcItem(
        {
          auditId: `fs-${year - 1}`,
          itemId,
          description,
          ownerId: biller.id,
          requestedOn: day('01-12'),
          dueOn,
        },
        { actor: pm },
      ),
    );
    add(`audit fs: pbc ${itemId} provided`, providedOn, 15, (q) =>
      q.compliance.providePbcItem(
        { auditId: `fs-${year - 1}`, itemId, providedOn, documentRef: `pbc/${itemId}.pdf` },
        { actor: pm },
      ),
    );
  }
  add('audit fs: performed', day('03-16'), 17, (q) =>
    q.compliance.performAudit(
      { auditId: `fs-${year - 1}`, performedOn: day('03-16'), summary: 'unmodified opinion' },
      { actor: pm },
    ),
  );

  // Each month's books close 45 days after it ends; a late expense into a closed month is refused.
  for (let m = 1; m <= 12; m++) {
    const period = `${year}-${String(m).padStart(2, '0')}`;
    const end = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    const on = time.addDays(end, 45);
    add(`books: close ${period}`, on, 18, (q) =>
      q.finance.closeFinancialPeriod({ booksId: 'practice', period, note: 'month-end close' }, { actor: pm }),
    );
  }
  add(
    'budget: a February invoice recorded in April is refused (books closed)',
    day('04-20'),
    10,
    (q) =>
      q.finance.recordExpense(
        {
          budgetId: String(year),
          expenseId: 'late-feb-invoice',
          category: 'supplies',
          amount: 12_000,
          incurredOn: day('02-26'),
          description: 'February glove order, invoice found late',
        },
        { actor: pm },
      ),
    'PeriodClosed',
  );
  // March's supplies invoice is credited in May, after March closed: the correction is posted in
  // May and names the expense it corrects.
  add('budget: vendor credit on March supplies (posted in May)', day('05-20'), 11, (q) =>
    q.finance.correctExpense(
      {
        budgetId: String(year),
        correctionId: 'credit-03-supplies',
        corrects: `x-${year}-03-supplies`,
        // One cent: the smallest demo (a few encounters) spends only cents on March supplies,
        // and a credit may not take an expense below zero (CorrectionExceedsExpense).
        amount: -1,
        incurredOn: day('05-20'),
        reason: 'vendor credit for a rounding difference on the invoice',
      },
      { actor: pm },
    ),
  );
  return steps;
};
