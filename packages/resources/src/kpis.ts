import { defineKpis, type KpiContext } from '@praxis/core';
import { resourcesPurchasingName, type PODoc } from './purchasing-model/projection.js';
import {
  keys,
  resourcesStockName,
  type LotHistoryDoc,
  type MonthDoc,
  type ValuationDoc,
} from './stock-model/projection.js';
import type { DisposalReason } from './stock/events.js';
import type { Obligation } from '@praxis/core';
import { resourcesObligationsName, type DowntimeSpell } from './obligations/index.js';
import {
  hasBaaOn,
  inServiceOn,
  resourcesTechnologyName,
  type SystemDoc,
} from './technology-model/projection.js';

import { crossTrainingOn } from './staffing/projection.js';

/** Every system document (read once per report: `KpiContext.shared`). */
const systems = (c: KpiContext): Promise<SystemDoc[]> =>
  c.shared('resources:systems', async (reader) => {
    const out: SystemDoc[] = [];
    for await (const [, doc] of reader.list(resourcesTechnologyName, 'system:'))
      out.push(doc as unknown as SystemDoc);
    return out;
  });

const dayMs = 86_400_000;
const plusDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
const previousMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** The months of the period, each as recorded (empty months count as zero). */
const months = (c: KpiContext): Promise<MonthDoc[]> =>
  c.memo(`resources:months:${c.period.label}`, async () => {
    const out: MonthDoc[] = [];
    for (const m of c.period.months) {
      const doc = (await c.reader.get(resourcesStockName, keys.month(m))) as unknown as MonthDoc | undefined;
      if (doc !== undefined) out.push(doc);
    }
    return out;
  });
const sum = (docs: MonthDoc[], f: (m: MonthDoc) => number) => docs.reduce((n, m) => n + f(m), 0);

/** Inventory value (cents) at the end of `month`: the last closing value recorded at or before it. */
const closingValue = (v: ValuationDoc | undefined, month: string): number => {
  if (v === undefined) return 0;
  let best: string | undefined;
  for (const m of Object.keys(v.closing)) if (m <= month && (best === undefined || m > best)) best = m;
  return best === undefined ? 0 : v.closing[best]!;
};

/** Cost consumed ÷ average inventory value, ((value at start + value at end) ÷ 2). */
const turnover = (c: KpiContext): Promise<number | undefined> =>
  c.memo(`resources:turnover:${c.period.label}`, async () => {
    const v = (await c.reader.get(resourcesStockName, keys.valuation)) as unknown as ValuationDoc | undefined;
    const start = closingValue(v, previousMonth(c.period.months[0]!));
    const end = closingValue(v, c.period.months.at(-1)!);
    const average = (start + end) / 2;
    const consumed = sum(await months(c), (m) => m.consumedCents);
    return average <= 0 ? undefined : consumed / average;
  });

/**
 * Value (cents) of the lots usable on the period's last day (units on hand then, not quarantined
 * then) that expire within `days` after it — from the dated lot histories, so a past period reads
 * as it stood at its end.
 */
const expiringValue = async (c: KpiContext, days: number): Promise<number> => {
  const histories = await c.shared(`resources:lot-histories`, async (reader) => {
    const out: LotHistoryDoc[] = [];
    for await (const [, doc] of reader.list(resourcesStockName, 'lots:'))
      out.push(doc as unknown as LotHistoryDoc);
    return out;
  });
  const from = c.period.lastDay;
  const to = plusDays(from, days);
  let cents = 0;
  for (const h of histories)
    for (const lot of Object.values(h.lots)) {
      if (lot.expiresOn <= from || lot.expiresOn > to) continue;
      let quarantined = false;
      for (const [on, q] of lot.quarantine) if (on <= from) quarantined = q;
      if (quarantined) continue;
      let qty = 0;
      for (const [on, delta] of Object.entries(lot.changes)) if (on <= from) qty += delta;
      if (qty > 0) cents += qty * lot.unitCostCents;
    }
  return cents;
};

const waste = (reason: DisposalReason) => async (c: KpiContext) =>
  sum(await months(c), (m) => m.disposedCents[reason] ?? 0);

const expiring = (days: 30 | 60 | 90) => ({
  id: `expiringLotValue${days}`,
  label: `Value of lots expiring within ${days} days`,
  area: 'resources',
  unit: 'cents' as const,
  direction: 'lower-is-better' as const,
  formula: `Σ units × unit cost of the lots usable on the period's last day (on hand and not quarantined then) expiring in the ${days} days after it`,
  source: 'OpenEMR 30-day expiry alert (MODULES.md peer notes A40)',
  compute: (c: KpiContext) => expiringValue(c, days),
});

/** The resources KPIs (MODULES.md §3.3 "KPIs"; inventory turnover and days on hand per DOMAIN.md). */
export const resourcesKpis = defineKpis([
  {
    id: 'inventoryTurnover',
    label: 'Inventory turnover',
    area: 'resources',
    unit: 'ratio',
    direction: 'higher-is-better',
    formula:
      'cost of supplies consumed in the period ÷ average inventory value ((value at start + value at end) ÷ 2)',
    source: 'DOMAIN.md',
    compute: turnover,
  },
  {
    id: 'daysOnHand',
    label: 'Days of supplies on hand',
    area: 'resources',
    unit: 'days',
    direction: 'lower-is-better',
    formula: 'days in the period ÷ inventory turnover',
    source: 'DOMAIN.md',
    compute: async (c) => {
      const t = await turnover(c);
      return t === undefined || t === 0 ? undefined : c.period.days / t;
    },
  },
  {
    id: 'stockOuts',
    label: 'Stock-outs',
    area: 'resources',
    unit: 'count',
    direction: 'lower-is-better',
    formula: 'consumptions refused InsufficientStock in the period (from the audit trail)',
    source: 'MODULES.md §3.3, 4.10 (unserved demand is data)',
    compute: async (c) => sum(await months(c), (m) => m.stockOuts),
  },
  {
    id: 'fillRate',
    label: 'Supply fill rate %',
    area: 'resources',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'consumptions done ÷ (consumptions done + refused InsufficientStock) × 100',
    source: 'MODULES.md §3.3',
    compute: async (c) => {
      const ms = await months(c);
      const done = sum(ms, (m) => m.consumptions);
      const attempted = done + sum(ms, (m) => m.stockOuts);
      return attempted === 0 ? undefined : (done / attempted) * 100;
    },
  },
  expiring(30),
  expiring(60),
  expiring(90),
  {
    id: 'expiredWastePercent',
    label: 'Expired waste %',
    area: 'resources',
    unit: 'percent',
    direction: 'lower-is-better',
    formula: 'cost disposed as expired ÷ (cost consumed + cost disposed) × 100',
    source: 'MODULES.md §3.3',
    compute: async (c) => {
      const ms = await months(c);
      const disposed = sum(ms, (m) => Object.values(m.disposedCents).reduce((a, b) => a + b, 0));
      const base = sum(ms, (m) => m.consumedCents) + disposed;
      return base === 0 ? undefined : (sum(ms, (m) => m.disposedCents['expired'] ?? 0) / base) * 100;
    },
  },
  ...(['expired', 'damaged', 'recalled', 'excursion'] as const).map((reason) => ({
    id: `waste${reason[0]!.toUpperCase()}${reason.slice(1)}Cents`,
    label: `Waste: ${reason} (cost)`,
    area: 'resources',
    unit: 'cents' as const,
    direction: 'lower-is-better' as const,
    formula: `cost of stock disposed for reason "${reason}" in the period`,
    source: 'StockDisposed (MODULES.md §3.3 R2)',
    compute: waste(reason),
  })),
  {
    id: 'plannedMaintenanceOnTime',
    label: 'Planned maintenance on time %',
    area: 'resources',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'maintenance occurrences due in the period and done by their due day ÷ occurrences due in the period × 100',
    source: 'MODULES.md §3.3 R7',
    compute: async (c) => {
      let due = 0;
      let onTime = 0;
      for await (const [, doc] of c.reader.list(resourcesObligationsName, 'obligation:maintenance:')) {
        const o = doc as unknown as Obligation;
        if (o.dueAt < c.period.firstDay || o.dueAt > c.period.lastDay) continue;
        due += 1;
        if (o.completedAt !== undefined && o.completedAt.slice(0, 10) <= o.dueAt) onTime += 1;
      }
      return due === 0 ? undefined : (onTime / due) * 100;
    },
  },
  {
    id: 'equipmentDowntimeDays',
    label: 'Equipment downtime (days)',
    area: 'resources',
    unit: 'days',
    direction: 'lower-is-better',
    formula:
      'Σ over assets of the days in the period each was out of service (out day counted, return day not)',
    source: 'MODULES.md §3.3 R7',
    compute: async (c) => {
      const end = plusDays(c.period.lastDay, 1);
      let days = 0;
      for await (const [, doc] of c.reader.list(resourcesObligationsName, 'downtime:'))
        for (const spell of doc as unknown as DowntimeSpell[]) {
          const from = spell.outOn > c.period.firstDay ? spell.outOn : c.period.firstDay;
          const to = spell.returnedOn === null || spell.returnedOn > end ? end : spell.returnedOn;
          if (to > from) days += daysBetween(from, to);
        }
      return days;
    },
  },
  {
    id: 'baaCoverage',
    label: 'BAA coverage %',
    area: 'resources',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'ePHI systems in service on the period’s last day with a BAA (return-or-destroy clause) signed by then ÷ ePHI systems in service × 100',
    source: '45 CFR 164.308(b)(1), 164.504(e)(2)(ii)(J)',
    compute: async (c) => {
      const ePhi = (await systems(c)).filter((s) => s.ePhi && inServiceOn(s, c.period.lastDay));
      return ePhi.length === 0
        ? undefined
        : (ePhi.filter((s) => hasBaaOn(s, c.period.lastDay)).length / ePhi.length) * 100;
    },
  },
  {
    id: 'systemAvailability',
    label: 'Critical system availability %',
    area: 'resources',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      '(1 − unplanned downtime minutes of high-criticality systems within the period ÷ (minutes in the period × those systems)) × 100',
    source: 'MODULES.md §3.3 R8',
    compute: async (c) => {
      const from = c.period.interval.start.toMillis();
      const to = c.period.interval.end.toMillis();
      const critical = (await systems(c)).filter(
        (s) =>
          s.criticality === 'high' &&
          s.registeredOn <= c.period.lastDay &&
          (s.retiredOn === null || s.retiredOn >= c.period.firstDay),
      );
      if (critical.length === 0) return undefined;
      let down = 0;
      for (const s of critical)
        for (const d of s.downtime) {
          if (d.planned) continue;
          const a = Math.max(from, Date.parse(d.fromAt));
          const b = Math.min(to, Date.parse(d.toAt));
          if (b > a) down += b - a;
        }
      return (1 - down / ((to - from) * critical.length)) * 100;
    },
  },
  {
    id: 'crossTrainingCoverage',
    label: 'Cross-training coverage %',
    area: 'resources',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'critical skills with ≥ 2 people certified and on staff on the period’s last day ÷ critical skills × 100 (crossTrainingOn lists the one-person skills)',
    source: 'MODULES.md §3.3 R10 (the seed’s human-resource optimisation)',
    compute: async (c) => {
      const coverage = await crossTrainingOn(c.reader, c.period.lastDay);
      return coverage.length === 0
        ? undefined
        : (coverage.filter((s) => s.covered).length / coverage.length) * 100;
    },
  },
  {
    id: 'poCycleTimeDays',
    label: 'Purchase-order cycle time (days)',
    area: 'resources',
    unit: 'days',
    direction: 'lower-is-better',
    formula: 'mean of (day the last unit arrived − day drafted) over orders fully received in the period',
    source: 'MODULES.md §3.3',
    compute: async (c) => {
      let n = 0;
      let total = 0;
      for await (const [, doc] of c.reader.list(resourcesPurchasingName, 'po:')) {
        const po = doc as unknown as PODoc;
        if (
          po.completedOn === null ||
          po.completedOn < c.period.firstDay ||
          po.completedOn > c.period.lastDay
        )
          continue;
        n += 1;
        total += daysBetween(po.draftedOn, po.completedOn);
      }
      return n === 0 ? undefined : total / n;
    },
  },
]);
