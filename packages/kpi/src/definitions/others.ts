import { defineKpis } from '@praxis/core';
import { acknowledgments, compliance, orUndefined, training, turnover } from './shared.js';

/** The staff KPIs (DOMAIN.md "Patients, staff, policies"). */
export const staffKpis = defineKpis([
  {
    id: 'staffTurnover',
    label: 'Staff turnover %',
    area: 'staff',
    unit: 'percent',
    direction: 'lower-is-better',
    formula: 'separations in the period ÷ average headcount × 100 (average of start and end)',
    source: 'separations ÷ average headcount',
    compute: async (c) => orUndefined((await turnover(c)).turnoverPct),
  },
  {
    id: 'trainingCompliance',
    label: 'Training compliance %',
    area: 'staff',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'active staff current on every required training ÷ active staff with a required training × 100, at period end',
    source: 'staff current ÷ staff required',
    compute: async (c) => orUndefined((await training(c)).compliancePct),
  },
]);

/** The policy KPIs. */
export const policyKpis = defineKpis([
  {
    id: 'policyAcknowledgment',
    label: 'Policy acknowledgment %',
    area: 'policies',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'current-version assignments acknowledged ÷ current-version assignments × 100, at period end',
    source: 'current-version acknowledgments ÷ assignments',
    compute: async (c) => (await acknowledgments(c)).percent,
  },
]);

/** The compliance KPIs. */
export const complianceKpiDefinitions = defineKpis([
  {
    id: 'openFindings',
    label: 'Open compliance findings',
    area: 'compliance',
    unit: 'count',
    direction: 'lower-is-better',
    formula: 'findings not closed at period end',
    source: 'at period end',
    compute: async (c) => (await compliance(c)).openFindings,
  },
  {
    id: 'overdueCorrectiveActions',
    label: 'Overdue corrective actions',
    area: 'compliance',
    unit: 'count',
    direction: 'lower-is-better',
    formula: 'corrective actions past their due date and not done at period end',
    source: 'at period end',
    compute: async (c) => (await compliance(c)).overdueCorrectiveActions,
  },
  {
    id: 'meanDaysToCloseFinding',
    label: 'Mean days to close a finding',
    area: 'compliance',
    unit: 'days',
    direction: 'lower-is-better',
    formula: 'mean of (closed − recorded) over findings closed in the period',
    source: 'closed − recorded, findings closed in the period',
    compute: async (c) => (await compliance(c)).meanDaysToCloseFinding.meanDays,
  },
]);
