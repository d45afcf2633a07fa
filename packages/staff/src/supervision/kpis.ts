import { defineKpis, type KpiBreakdown, type KpiContext, type ReadModelReader } from '@praxis/core';
import {
  daysToResolveParts,
  onboardingOnTimeParts,
  openConflictParts,
  reviewsOnTimeParts,
  valueOf,
  type DateRange,
} from './queries.js';

/** A KPI computed from its breakdown, so `compute` and `explain` always agree. */
const fromParts = (
  memoKey: string,
  parts: (reader: ReadModelReader, range: DateRange) => Promise<KpiBreakdown>,
) => {
  const explain = (c: KpiContext) => c.memo(`staff:${memoKey}`, () => parts(c.reader, c.period));
  return { explain, compute: async (c: KpiContext) => valueOf(await explain(c)) };
};

/**
 * The staff supervision KPIs, from the `staff-supervision` read model (each with a breakdown
 * for `practice.explain`): onboarding and reviews on time, open conflicts, median days to
 * resolve a conflict.
 */
export const supervisionKpis = defineKpis([
  {
    id: 'onboardingOnTime',
    label: 'Onboarding tasks completed on time %',
    area: 'staff',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'onboarding tasks due in the period completed on or before their due date ÷ onboarding tasks due in the period × 100 (tasks dropped at a separation before their due date are not counted)',
    source: 'practice standard: onboarding checklist due dates',
    ...fromParts('onboarding-on-time', onboardingOnTimeParts),
  },
  {
    id: 'reviewsOnTime',
    label: 'Quarterly reviews on time %',
    area: 'staff',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'quarterly reviews due in the period (one per person per quarter, due the last day of the month after the quarter) recorded by their due date ÷ reviews due in the period × 100',
    source: 'seed: "conducting quarterly performance reviews"',
    ...fromParts('reviews-on-time', reviewsOnTimeParts),
  },
  {
    id: 'openConflicts',
    label: 'Open staff conflicts',
    area: 'staff',
    unit: 'count',
    direction: 'lower-is-better',
    formula: 'conflicts opened on or before the last day of the period and not resolved by then',
    source: 'at period end',
    ...fromParts('open-conflicts', openConflictParts),
  },
  {
    id: 'medianDaysToResolveConflict',
    label: 'Median days to resolve a conflict',
    area: 'staff',
    unit: 'days',
    direction: 'lower-is-better',
    formula: 'median of (resolved − opened, calendar days) over conflicts resolved in the period',
    source: 'conflicts resolved in the period',
    ...fromParts('days-to-resolve', daysToResolveParts),
  },
]);
