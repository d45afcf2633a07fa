import { defineKpis, type KpiContext, type Obligation } from '@praxis/core';
import { businessAssociatesName, uncoveredOn, type AssociateDoc } from './business-associate/register.js';
import { complianceObligationsName } from './obligations/index.js';

const requirementDuties = (c: KpiContext): Promise<Obligation[]> =>
  c.shared('compliance:requirement-duties', async (reader) => {
    const out: Obligation[] = [];
    for await (const [, doc] of reader.list(complianceObligationsName, 'obligation:requirement:'))
      out.push(doc as unknown as Obligation);
    return out;
  });
const associates = (c: KpiContext): Promise<AssociateDoc[]> =>
  c.shared('compliance:business-associates', async (reader) => {
    const out: AssociateDoc[] = [];
    for await (const [, doc] of reader.list(businessAssociatesName, 'associate:'))
      out.push(doc as unknown as AssociateDoc);
    return out;
  });
const dayOf = (iso: string | undefined): string | undefined => iso?.slice(0, 10);

/**
 * The compliance module's own KPIs, over every programme whatever its regulation (known or
 * the practice's own) and over the business-associate register.
 */
export const complianceRegisterKpis = defineKpis([
  {
    id: 'requirementsMetOnTime',
    label: 'Compliance requirements met on time %',
    area: 'compliance',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'requirement occurrences due in the period (any programme) met on or before their due date ÷ occurrences due in the period × 100; withdrawn ones are not counted',
    source: 'recurring requirements of each programme (DOMAIN.md, Regulatory compliance)',
    compute: async (c) => {
      const due = (await requirementDuties(c)).filter(
        (o) => o.dueAt >= c.period.firstDay && o.dueAt.slice(0, 10) <= c.period.lastDay,
      );
      if (due.length === 0) return undefined;
      const met = due.filter((o) => {
        const done = dayOf(o.completedAt);
        return done !== undefined && done <= o.dueAt.slice(0, 10);
      });
      return (met.length / due.length) * 100;
    },
    explain: async (c) => ({
      kind: 'ratio',
      scale: 100,
      parts: (await requirementDuties(c))
        .filter((o) => o.dueAt >= c.period.firstDay && o.dueAt.slice(0, 10) <= c.period.lastDay)
        .map((o) => {
          const done = dayOf(o.completedAt);
          return {
            key: `obligation:${o.id}`,
            numerator: done !== undefined && done <= o.dueAt.slice(0, 10) ? 1 : 0,
            denominator: 1,
            streamId: o.streamId,
            dimensions: { programme: o.streamId.replace(/^Programme-/, '') },
          };
        }),
    }),
  },
  {
    id: 'requirementsOverdue',
    label: 'Compliance requirements overdue',
    area: 'compliance',
    unit: 'count',
    direction: 'lower-is-better',
    formula:
      'requirement occurrences (any programme) due before the period’s last day and not met by then, at period end',
    source: 'at period end',
    compute: async (c) =>
      (await requirementDuties(c)).filter((o) => {
        const due = o.dueAt.slice(0, 10);
        const done = dayOf(o.completedAt);
        return (
          o.arisesAt.slice(0, 10) <= c.period.lastDay &&
          due < c.period.lastDay &&
          (done === undefined || done > c.period.lastDay)
        );
      }).length,
  },
  {
    id: 'phiVendorsWithoutBaa',
    label: 'Vendors holding PHI without a current BAA',
    area: 'compliance',
    unit: 'count',
    direction: 'lower-is-better',
    formula:
      'business associates registered as holding PHI, not terminated, with no agreement signed, effective and unexpired on the period’s last day',
    source: '45 CFR 164.502(e), 164.504(e)',
    compute: async (c) => (await associates(c)).filter((a) => uncoveredOn(a, c.period.lastDay)).length,
    explain: async (c) => ({
      kind: 'sum',
      parts: (await associates(c))
        .filter((a) => uncoveredOn(a, c.period.lastDay))
        .map((a) => ({
          key: `associate:${a.associateId}`,
          numerator: 1,
          denominator: 0,
          streamId: `BusinessAssociate-${a.associateId}`,
          dimensions: { associate: a.name },
        })),
    }),
  },
]);
