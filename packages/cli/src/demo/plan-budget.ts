import { actorOf, people } from './cast.js';
import type { Step } from './plan.js';
import type { Rng } from './random.js';
import type { DemoTime } from './time.js';

/**
 * Budget lines as shares of the projected net revenue, and how far actual spending strays
 * from them (a typical primary-care cost structure: staff about half of revenue).
 */
const categories: readonly (readonly [string, number, number])[] = [
  ['staffing', 0.52, 0.03],
  ['rent', 0.08, 0],
  ['supplies', 0.06, 0.12],
  ['equipment', 0.03, 0.25],
  ['technology', 0.04, 0.08],
  ['marketing', 0.015, 0.2],
  ['insurance', 0.03, 0],
  ['utilities', 0.01, 0.1],
];
const netRevenuePerVisit = 11_500;
const vendors: Readonly<Record<string, string>> = {
  staffing: 'payroll',
  rent: 'Riverside Properties LLC',
  supplies: 'Henry Schein',
  equipment: 'Midmark',
  technology: 'athenahealth',
  marketing: 'Local Ads Co',
  insurance: 'The Doctors Company',
  utilities: 'City Utilities',
};

/**
 * The year's budget: drafted in December from patient-volume projections, submitted and
 * approved; monthly expenses per line; an overspend refused until a variance is approved;
 * a mid-year forecast revision.
 */
export const planBudget = (rng: Rng, time: DemoTime, year: number, encounters: number): Step[] => {
  const budgetId = String(year);
  const pm = actorOf(people.manager);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const visitsPerMonth = Math.round(encounters / 12);
  const revenuePerMonth = visitsPerMonth * netRevenuePerVisit;
  const steps: Step[] = [];
  const draftDay = `${year - 1}-12-01`;
  const step = (at: string, label: string, run: Step['run'], expectRefusal?: string) =>
    steps.push({
      at,
      label: `budget ${budgetId}: ${label}`,
      run,
      ...(expectRefusal ? { expectRefusal } : {}),
    });

  step(time.at(draftDay, 10), 'draft', (p) =>
    p.finance.draftBudget(
      {
        budgetId,
        fiscalYear: budgetId,
        startsOn: `${year}-01-01`,
        timeZone: time.zone,
        currency: 'USD',
        projections: months.map((month) => ({ month, visits: visitsPerMonth, netRevenuePerVisit })),
        lines: categories.map(([category, share]) => ({
          category,
          months: Object.fromEntries(months.map((m) => [m, Math.round(revenuePerMonth * share)])),
        })),
        draftedBy: pm.id,
        at: time.at(draftDay, 10),
      },
      { actor: pm },
    ),
  );
  const submitAt = time.at(`${year - 1}-12-08`, 9);
  step(submitAt, 'submit', (p) =>
    p.finance.submitBudget({ budgetId, submittedBy: pm.id, at: submitAt }, { actor: pm }),
  );
  const approveAt = time.at(`${year - 1}-12-15`, 16);
  step(approveAt, 'approve', (p) =>
    p.finance.approveBudget({ budgetId, approvedBy: pm.id, at: approveAt }, { actor: pm }),
  );

  // Equipment: the autoclave fails in May; the purchase (more than the whole year's equipment
  // line) is refused until a variance is approved.
  const autoclave = Math.round(revenuePerMonth * 12 * 0.04);
  const spent = new Map<string, number>();
  for (const [i, month] of months.entries()) {
    for (const [category, share, spread] of categories) {
      const monthly = Math.round(revenuePerMonth * share);
      // Spending strays around the line, but the plan keeps each line within its year.
      const wanted = Math.round(monthly * (1 - spread + rng.next() * spread * 1.5));
      const amount = Math.max(1, Math.min(wanted, monthly * 12 - (spent.get(category) ?? 0) - (11 - i)));
      spent.set(category, (spent.get(category) ?? 0) + amount);
      const on = `${month}-${String(rng.int(3, 27)).padStart(2, '0')}`;
      const at = time.at(on, 15, rng.int(0, 59));
      const expenseId = `x-${month}-${category}`;
      step(at, `expense ${category} ${month}`, (p) =>
        p.finance.recordExpense(
          {
            budgetId,
            expenseId,
            category,
            amount,
            incurredOn: on,
            description: `${category} ${month}`,
            vendor: vendors[category]!,
            recordedBy: pm.id,
            at,
          },
          { actor: pm },
        ),
      );
    }
    if (i === 4) {
      const on = `${month}-20`;
      const refusedAt = time.at(on, 11);
      const purchase = (at: string, id: string) => (p: Parameters<Step['run']>[0]) =>
        p.finance.recordExpense(
          {
            budgetId,
            expenseId: id,
            category: 'equipment',
            amount: autoclave,
            incurredOn: on,
            description: 'replacement autoclave',
            vendor: 'Midmark',
            recordedBy: pm.id,
            at,
          },
          { actor: pm },
        );
      step(
        refusedAt,
        'autoclave beyond the equipment line',
        purchase(refusedAt, 'x-autoclave-1'),
        'LineOverspent',
      );
      const requestAt = time.at(on, 11, 30);
      step(requestAt, 'request variance', (p) =>
        p.finance.requestVariance(
          {
            budgetId,
            varianceId: 'v-autoclave',
            category: 'equipment',
            amount: autoclave,
            reason: 'sterilizer failed its spore test and cannot be repaired',
            requestedBy: pm.id,
            at: requestAt,
          },
          { actor: pm },
        ),
      );
      const approveVarAt = time.at(on, 15);
      step(approveVarAt, 'approve variance', (p) =>
        p.finance.approveVariance(
          { budgetId, varianceId: 'v-autoclave', approvedBy: pm.id, at: approveVarAt },
          { actor: pm },
        ),
      );
      const buyAt = time.at(time.addDays(on, 1), 10);
      step(buyAt, 'buy the autoclave', purchase(buyAt, 'x-autoclave-2'));
    }
  }
  const reviseAt = time.at(`${year}-07-07`, 10);
  step(reviseAt, 'revise forecast', (p) =>
    p.finance.reviseForecast(
      {
        budgetId,
        projections: months
          .slice(6)
          .map((month) => ({ month, visits: Math.round(visitsPerMonth * 1.05), netRevenuePerVisit: 11_800 })),
        reason: 'new patient panel from the closing clinic on 5th Street',
        revisedBy: pm.id,
        at: reviseAt,
      },
      { actor: pm },
    ),
  );
  return steps;
};
