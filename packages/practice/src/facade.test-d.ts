// Type tests of the facade: checked by `npm run typecheck` (tsc over every packages/*/src file).
// Each `@ts-expect-error` must be an error, or the check fails.
import { describe, expectTypeOf, it } from 'vitest';
import type { Budget } from '@praxis/finance';
import type { CommandInputOf, PlatformRefusalCode } from '@praxis/core';
import { createPractice, type Practice } from './create.js';
import { financeModule } from './modules/index.js';
import type { Outcome } from './outcome.js';

declare const practice: Practice;

describe('the facade is typed from the command codecs', () => {
  it('takes exactly the declared fields, with stamped fields optional', () => {
    void practice.finance.approveBudget({ budgetId: '2026' });
    void practice.finance.recordExpense({
      budgetId: '2026',
      expenseId: 'e1',
      category: 'supplies',
      amount: 1_000,
      incurredOn: '2026-01-06',
      description: 'gloves',
    });
    // @ts-expect-error a misspelt field is a compile error
    void practice.finance.approveBudget({ budgetId: '2026', approvd: 'maria' });
    // @ts-expect-error a missing required field is a compile error
    void practice.finance.recordExpense({ budgetId: '2026', expenseId: 'e1' });
    // @ts-expect-error the id of the aggregate is required
    void practice.finance.approveBudget({});
    // @ts-expect-error amounts are numbers of cents, not text
    void practice.finance.billPatient({ claimId: 'c', statementId: 's', amount: '12.00' });
    type Approve = CommandInputOf<typeof Budget.commands, 'ApproveBudget'>;
    expectTypeOf<keyof Approve>().toEqualTypeOf<'approvedBy' | 'at'>();
    expectTypeOf<Record<never, never>>().toExtend<Approve>();
  });

  it("types an outcome's code as the aggregate's refusals or the platform's", () => {
    type Code = Extract<Awaited<ReturnType<typeof practice.finance.approveBudget>>, { ok: false }>['code'];
    expectTypeOf<Code>().toEqualTypeOf<Budget.BudgetRefusal | PlatformRefusalCode>();
    expectTypeOf<'BudgetNotSubmitted'>().toExtend<Code>();
    expectTypeOf<Awaited<ReturnType<typeof practice.finance.approveBudget>>>().toExtend<
      Outcome<Budget.State, string>
    >();
  });

  it('has an area only for the modules it was created with', async () => {
    const financeOnly = await createPractice({ store: 'memory:', modules: [financeModule] });
    expectTypeOf(financeOnly.finance.approveBudget).toBeFunction();
    // @ts-expect-error no compliance module, no compliance area
    void financeOnly.compliance;
    expectTypeOf(financeOnly.as({ id: 'm', role: 'practice_manager' })).toEqualTypeOf(financeOnly);
  });
});
