import { accept, domainError, reject, type Decision, type DomainError } from '@praxis/core';
import { safeTotal } from '../totals.js';
import type { BudgetEvent, BudgetLine, VolumeProjection } from './events.js';
import { fiscalMonths, initialState, lineTotal, type State } from './state.js';
import type {
  ApproveBudget,
  ApproveVariance,
  BudgetCommand,
  CloseBudgetYear,
  DraftBudget,
  RecordExpense,
  CorrectExpense,
  RequestVariance,
  ReturnBudget,
  ReviseBudget,
  ReviseForecast,
  SetBudgetLine,
  SubmitBudget,
  VolumeInput,
} from './commands.js';

type D = Decision<BudgetEvent>;
type Check = DomainError | undefined;

// Field shapes (non-empty text, real dates and zones, whole cents, the actor and business
// time) are guaranteed by the command codecs (./commands.ts), decoded by the handler before
// `decide`; only the rules that need the budget (its months, lines, totals) are checked here.

const checkLine = (line: BudgetLine, months: readonly string[], field: string): Check =>
  Object.keys(line.months)
    .filter((m) => !months.includes(m))
    .map((m): Check =>
      domainError('OutsideFiscalYear', `${m} is not a month of the fiscal year`, `${field}.months.${m}`),
    )[0] ?? safeTotal(Object.values(line.months), `${field}.months`);

/**
 * The most the budget can ever allow: every line's months plus its approved and pending
 * variances. Spending never passes it, so while it is a safe integer every budget total and
 * actual is exact; a change that would take it past `Number.MAX_SAFE_INTEGER` is refused.
 */
const checkCeiling = (s: State, replaced: readonly BudgetLine[], field: string, extraVariance = 0): Check => {
  const byCategory = new Map<string, number>();
  for (const [category, l] of Object.entries(s.lines))
    byCategory.set(category, l.budgeted + l.approvedVariance);
  for (const line of replaced)
    byCategory.set(line.category, lineTotal(line) + (s.lines[line.category]?.approvedVariance ?? 0));
  return safeTotal(
    [...byCategory.values(), ...Object.values(s.pendingVariances).map((v) => v.amount), extraVariance],
    field,
  );
};

const checkLines = (lines: readonly BudgetLine[], months: readonly string[], field = 'lines'): Check => {
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const bad = checkLine(line, months, `${field}.${i}`);
    if (bad !== undefined) return bad;
    if (seen.has(line.category))
      return {
        _tag: 'DomainError',
        code: 'DuplicateBudgetLine',
        message: `category "${line.category}" appears twice`,
        field: `${field}.${i}.category`,
      };
    seen.add(line.category);
  }
  return undefined;
};

const projectVolume = (
  input: readonly VolumeInput[],
  months: readonly string[],
): DomainError | VolumeProjection[] => {
  const seen = new Set<string>();
  const out: VolumeProjection[] = [];
  for (const [i, p] of input.entries()) {
    const f = `projections.${i}`;
    const bad =
      (months.includes(p.month)
        ? undefined
        : ({
            _tag: 'DomainError',
            code: 'OutsideFiscalYear',
            message: `${p.month} is not a month of the fiscal year`,
            field: `${f}.month`,
          } as const)) ??
      (seen.has(p.month)
        ? ({
            _tag: 'DomainError',
            code: 'DuplicateProjection',
            message: `${p.month} is projected twice`,
            field: `${f}.month`,
          } as const)
        : undefined);
    if (bad !== undefined) return bad;
    const projectedRevenue = p.visits * p.netRevenuePerVisit;
    if (!Number.isSafeInteger(projectedRevenue))
      return domainError(
        'InvalidAmount',
        `${f}: visits × netRevenuePerVisit is more than ${Number.MAX_SAFE_INTEGER} cents`,
        `${f}.netRevenuePerVisit`,
      );
    seen.add(p.month);
    out.push({ ...p, projectedRevenue });
  }
  const total = safeTotal(
    out.map((p) => p.projectedRevenue),
    'projections',
  );
  return total ?? out;
};

/** A year is budgeted once; it starts on the 1st of a month; lines and projections fall in its 12 months. */
const draft = (c: DraftBudget, s: State): D => {
  if (s.status !== 'none')
    return reject('BudgetAlreadyDrafted', `budget ${s.budgetId} already exists`, 'budgetId');
  if (!c.startsOn.endsWith('-01'))
    return reject('InvalidFiscalYearStart', 'a fiscal year starts on the 1st of a month', 'startsOn');
  const months = fiscalMonths(c.startsOn);
  const projections = projectVolume(c.projections, months);
  if (!Array.isArray(projections)) return reject(projections.code, projections.message, projections.field);
  const badLine = checkLines(c.lines, months) ?? checkCeiling(initialState, c.lines, 'lines');
  if (badLine) return reject(badLine.code, badLine.message, badLine.field);
  return accept({
    type: 'BudgetDrafted',
    data: {
      budgetId: c.budgetId,
      fiscalYear: c.fiscalYear,
      startsOn: c.startsOn,
      timeZone: c.timeZone,
      currency: c.currency,
      projections,
      lines: [...c.lines],
      draftedBy: c.draftedBy,
      at: c.at,
    },
  });
};

const mustExist = (s: State): D | undefined =>
  s.status === 'none'
    ? reject('BudgetNotFound', 'no budget has been drafted for this year', 'budgetId')
    : undefined;

/** Lines change freely only while the budget is a draft. */
const setLine = (c: SetBudgetLine, s: State): D => {
  const missing = mustExist(s);
  if (missing) return missing;
  if (s.status !== 'draft')
    return reject('BudgetNotDraft', 'only a draft budget takes new lines; revise an approved one', 'status');
  const bad = checkLine(c.line, s.months, 'line') ?? checkCeiling(s, [c.line], 'line');
  if (bad) return reject(bad.code, bad.message, bad.field);
  return accept({ type: 'BudgetLineSet', data: { budgetId: s.budgetId, line: c.line, at: c.at } });
};

/** A draft with at least one line can be submitted for approval. */
const submit = (c: SubmitBudget, s: State): D =>
  mustExist(s) ??
  (s.status !== 'draft'
    ? reject('BudgetNotDraft', 'only a draft budget can be submitted', 'status')
    : Object.keys(s.lines).length === 0
      ? reject('BudgetHasNoLines', 'a budget needs at least one line', 'lines')
      : accept({
          type: 'BudgetSubmitted',
          data: { budgetId: s.budgetId, submittedBy: c.submittedBy, at: c.at },
        }));

/** Only a submitted budget can be approved. */
const approve = (c: ApproveBudget, s: State): D =>
  mustExist(s) ??
  (s.status !== 'submitted'
    ? reject('BudgetNotSubmitted', 'only a submitted budget can be approved', 'status')
    : accept({
        type: 'BudgetApproved',
        data: { budgetId: s.budgetId, approvedBy: c.approvedBy, at: c.at },
      }));

/** A submitted budget can be sent back to draft, with a reason. */
const returnToDraft = (c: ReturnBudget, s: State): D =>
  mustExist(s) ??
  (s.status !== 'submitted'
    ? reject('BudgetNotSubmitted', 'only a submitted budget can be returned', 'status')
    : accept({
        type: 'BudgetReturned',
        data: { budgetId: s.budgetId, returnedBy: c.returnedBy, reason: c.reason, at: c.at },
      }));

const inForce = (s: State): D | undefined =>
  mustExist(s) ??
  (s.status === 'closed'
    ? reject('BudgetClosed', 'the fiscal year is closed', 'status')
    : s.status !== 'approved'
      ? reject('BudgetNotApproved', 'the budget must be approved first', 'status')
      : undefined);

/** An approved budget is revised with a reason; no line may drop below what it has already spent. */
const revise = (c: ReviseBudget, s: State): D => {
  const blocked = inForce(s);
  if (blocked) return blocked;
  // A revision changes at least one line (the codec lets an empty list through).
  const bad =
    c.lines.length === 0
      ? domainError('Required', 'a revision changes at least one line', 'lines')
      : (checkLines(c.lines, s.months) ?? checkCeiling(s, c.lines, 'lines'));
  if (bad) return reject(bad.code, bad.message, bad.field);
  for (const [i, line] of c.lines.entries()) {
    const prev = s.lines[line.category];
    const total = Object.values(line.months).reduce((a, b) => a + b, 0);
    if (prev !== undefined && total + prev.approvedVariance < prev.spent)
      return reject(
        'LineBelowSpending',
        `${line.category} has already spent ${prev.spent} cents`,
        `lines.${i}.months`,
      );
  }
  return accept({
    type: 'BudgetRevised',
    data: {
      budgetId: s.budgetId,
      revision: s.revision + 1,
      reason: c.reason,
      revisedBy: c.revisedBy,
      lines: [...c.lines],
      at: c.at,
    },
  });
};

/** A variance is asked for on an existing line of a budget in force. */
const requestVariance = (c: RequestVariance, s: State): D => {
  const blocked = inForce(s);
  if (blocked) return blocked;
  const bad =
    (s.pendingVariances[c.varianceId] !== undefined || s.approvedVariances.includes(c.varianceId)
      ? ({
          _tag: 'DomainError',
          code: 'DuplicateVariance',
          message: `variance ${c.varianceId} already exists`,
          field: 'varianceId',
        } as const)
      : undefined) ??
    (s.lines[c.category] === undefined
      ? ({
          _tag: 'DomainError',
          code: 'UnknownBudgetLine',
          message: `the budget has no "${c.category}" line`,
          field: 'category',
        } as const)
      : undefined) ??
    checkCeiling(s, [], 'amount', c.amount);
  if (bad) return reject(bad.code, bad.message, bad.field);
  const { varianceId, category, amount, reason, requestedBy, at } = c;
  return accept({
    type: 'BudgetVarianceRequested',
    data: { budgetId: s.budgetId, varianceId, category, amount, reason, requestedBy, at },
  });
};

/** Only a pending variance can be approved. */
const approveVariance = (c: ApproveVariance, s: State): D => {
  const blocked = inForce(s);
  if (blocked) return blocked;
  const pending = s.pendingVariances[c.varianceId];
  if (pending === undefined)
    return reject('VarianceNotFound', `no pending variance ${c.varianceId}`, 'varianceId');
  return accept({
    type: 'BudgetVarianceApproved',
    data: {
      budgetId: s.budgetId,
      varianceId: c.varianceId,
      category: pending.category,
      amount: pending.amount,
      approvedBy: c.approvedBy,
      at: c.at,
    },
  });
};

/**
 * Expenses go against a line of an approved budget, dated within its fiscal year. A closed
 * year takes none. Spending beyond a line needs an approved variance covering the excess.
 */
const recordExpense = (c: RecordExpense, s: State): D => {
  const blocked = inForce(s);
  if (blocked) return blocked;
  const line = s.lines[c.category];
  const bad =
    (s.expenseIds.includes(c.expenseId)
      ? ({
          _tag: 'DomainError',
          code: 'DuplicateExpense',
          message: `expense ${c.expenseId} is already recorded`,
          field: 'expenseId',
        } as const)
      : undefined) ??
    (line === undefined
      ? ({
          _tag: 'DomainError',
          code: 'UnknownBudgetLine',
          message: `the budget has no "${c.category}" line`,
          field: 'category',
        } as const)
      : undefined) ??
    (s.months.includes(c.incurredOn.slice(0, 7))
      ? undefined
      : ({
          _tag: 'DomainError',
          code: 'OutsideFiscalYear',
          message: `${c.incurredOn} is outside the fiscal year`,
          field: 'incurredOn',
        } as const));
  if (bad || line === undefined) return reject(bad!.code, bad!.message, bad!.field);
  const wrong = initiativeCheck(c, s);
  if (wrong) return reject(wrong.code, wrong.message, wrong.field);
  const allowed = line.budgeted + line.approvedVariance;
  if (line.spent + c.amount > allowed)
    return reject(
      'LineOverspent',
      `${c.category} would be overspent by ${line.spent + c.amount - allowed} cents: an approved variance is needed`,
      'amount',
    );
  const { expenseId, category, amount, incurredOn, description, recordedBy, at } = c;
  return accept({
    type: 'BudgetExpenseRecorded',
    data: {
      budgetId: s.budgetId,
      expenseId,
      category,
      amount,
      incurredOn,
      description,
      recordedBy,
      at,
      ...(c.vendor === undefined ? {} : { vendor: c.vendor }),
      ...(c.initiativeId === undefined ? {} : { initiativeId: c.initiativeId }),
    },
  });
};

/**
 * An initiative spends only against its linked budget line (MODULES.md §3.4 S3): the initiative
 * exists (`UnknownInitiative`), is approved (`InitiativeNotApproved`) and its line is this
 * budget's `category` (`InitiativeLineMismatch`).
 */
const initiativeCheck = (c: RecordExpense, s: State): Check => {
  if (c.initiativeId === undefined) return undefined;
  const i = c.initiative;
  if (i === null || i === undefined)
    return domainError('UnknownInitiative', `no initiative ${c.initiativeId.slice(0, 60)}`, 'initiativeId');
  if (i.status !== 'approved')
    return domainError('InitiativeNotApproved', `initiative is ${i.status}, not approved`, 'initiativeId');
  if (i.budgetId !== s.budgetId || i.category !== c.category)
    return domainError(
      'InitiativeLineMismatch',
      `the initiative spends against ${i.budgetId.slice(0, 60)}/${i.category.slice(0, 60)}, not ${s.budgetId.slice(0, 60)}/${c.category.slice(0, 60)}`,
      'category',
    );
  return undefined;
};

/**
 * An expense is corrected by a signed amount, referring to it: the correction's id is new
 * (`DuplicateExpense`), the expense exists (`ExpenseNotFound`), the amount is not zero
 * (`ZeroCorrection`), the expense's net never goes below zero (`CorrectionExceedsExpense`), the
 * posting day is in the fiscal year (`OutsideFiscalYear`), and an increase obeys the line's limit
 * like any expense (`LineOverspent`). Dated in a closed period it is refused (`PeriodClosed`).
 */
const correctExpense = (c: CorrectExpense, s: State): D => {
  const blocked = inForce(s);
  if (blocked) return blocked;
  if (s.expenseIds.includes(c.correctionId))
    return reject('DuplicateExpense', `${c.correctionId} is already recorded`, 'correctionId');
  const original = s.expenses[c.corrects];
  if (original === undefined) return reject('ExpenseNotFound', `no expense ${c.corrects}`, 'corrects');
  if (c.amount === 0) return reject('ZeroCorrection', 'a correction changes the amount', 'amount');
  if (original.net + c.amount < 0)
    return reject(
      'CorrectionExceedsExpense',
      `${c.corrects} stands at ${original.net} cents: it cannot go below zero`,
      'amount',
    );
  if (!s.months.includes(c.incurredOn.slice(0, 7)))
    return reject('OutsideFiscalYear', `${c.incurredOn} is outside the fiscal year`, 'incurredOn');
  const line = s.lines[original.category];
  if (line !== undefined && c.amount > 0 && line.spent + c.amount > line.budgeted + line.approvedVariance)
    return reject(
      'LineOverspent',
      `${original.category} would be overspent: an approved variance is needed`,
      'amount',
    );
  return accept({
    type: 'BudgetExpenseCorrected',
    data: {
      budgetId: s.budgetId,
      correctionId: c.correctionId,
      corrects: c.corrects,
      category: original.category,
      amount: c.amount,
      incurredOn: c.incurredOn,
      reason: c.reason,
      recordedBy: c.recordedBy,
      at: c.at,
    },
  });
};

/** The forecast is revised during the year, with a reason. */
const reviseForecast = (c: ReviseForecast, s: State): D => {
  const blocked = inForce(s);
  if (blocked) return blocked;
  const projections = projectVolume(c.projections, s.months);
  if (!Array.isArray(projections)) return reject(projections.code, projections.message, projections.field);
  return accept({
    type: 'BudgetForecastRevised',
    data: { budgetId: s.budgetId, projections, reason: c.reason, revisedBy: c.revisedBy, at: c.at },
  });
};

/** Only a budget in force can be closed, once. */
const close = (c: CloseBudgetYear, s: State): D =>
  inForce(s) ??
  accept({ type: 'BudgetYearClosed', data: { budgetId: s.budgetId, closedBy: c.closedBy, at: c.at } });

/** Decides a Budget command. Pure. */
export const decide = (c: BudgetCommand, s: State): D => {
  switch (c.type) {
    case 'DraftBudget':
      return draft(c, s);
    case 'SetBudgetLine':
      return setLine(c, s);
    case 'SubmitBudget':
      return submit(c, s);
    case 'ApproveBudget':
      return approve(c, s);
    case 'ReturnBudget':
      return returnToDraft(c, s);
    case 'ReviseBudget':
      return revise(c, s);
    case 'RequestVariance':
      return requestVariance(c, s);
    case 'ApproveVariance':
      return approveVariance(c, s);
    case 'RecordExpense':
      return recordExpense(c, s);
    case 'CorrectExpense':
      return correctExpense(c, s);
    case 'ReviseForecast':
      return reviseForecast(c, s);
    case 'CloseBudgetYear':
      return close(c, s);
  }
};
