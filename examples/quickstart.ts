// The 20-line embedding example of README.md and docs/embedding.md. Run it with
// `node --import tsx examples/quickstart.ts`; quickstart.test.ts checks that it prints what
// the README's comments say it prints.
import { fileURLToPath } from 'node:url';
import { createPractice, formatKpi } from '@praxis/practice';

// `memory:` so that every run starts from an empty practice and prints the same lines; an
// application passes a file of its own, e.g. 'sqlite:./clinic.db' (never the demo's practice.db).
export const quickstart = async (store = 'memory:') => {
  const practice = await createPractice({ store, timeZone: 'America/Chicago', currency: 'USD' });
  const maria = practice.as({ id: 'maria', role: 'practice_manager' });
  const at = '2026-01-05T09:00:00-06:00';
  // prettier-ignore
  const drafted = await maria.finance.draftBudget({
    budgetId: '2026', fiscalYear: '2026', startsOn: '2026-01-01', timeZone: 'America/Chicago', currency: 'USD',
    projections: [{ month: '2026-01', visits: 400, netRevenuePerVisit: 11_000 }],
    lines: [{ category: 'supplies', months: { '2026-01': 500_000 } }],
  }, { at });
  console.log(drafted.summary); // Budget-2026: BudgetDrafted
  const early = await maria.finance.approveBudget({ budgetId: '2026' }, { at });
  console.log(early.summary); // refused (BudgetNotSubmitted): only a submitted budget can be approved [status]
  const kpis = await practice.kpis('2026-Q1');
  console.log(kpis.lines.map((k) => `${k.label}: ${formatKpi(k.value, k.unit)}`).join('\n'));
  await practice.close();
  return { drafted, early, kpis };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await quickstart();
