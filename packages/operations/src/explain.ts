import {
  InvalidArgument,
  ModuleFailed,
  PraxisError,
  StreamNotFound,
  type KpiBasis,
  type KpiBreakdown,
  type KpiContext,
  type KpiDefinition,
  type KpiPart,
  type ModuleHost,
} from '@praxis/core';
import { auditEntryOf } from '@praxis/audit';

/** One event behind a contribution: what happened, when, who did it, and the command it came from. */
export interface ExplainedEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  /** Business time as recorded. */
  readonly occurredAt: string;
  readonly position: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly commandId?: string;
  readonly correlationId: string;
  readonly causationId: string;
}

/** One part's share of the change (a claim, a goal…), in both periods. */
export interface Contribution {
  readonly key: string;
  readonly streamId?: string;
  /** payer, payerKind, provider, reason… (the later period's, else the earlier's). */
  readonly dimensions: Readonly<Record<string, string>>;
  readonly before: { readonly numerator: number; readonly denominator: number } | undefined;
  readonly after: { readonly numerator: number; readonly denominator: number } | undefined;
  /**
   * Its share of the change in the KPI's unit; the shares of every part sum to the change.
   * Undefined for a median KPI or when either value is n/a.
   */
  readonly contribution: number | undefined;
  /**
   * The events of its stream recorded with business time from the start of the earlier period
   * to the end of the later one (only for the `limit` largest contributions).
   */
  readonly events?: readonly ExplainedEvent[];
}

/** The contributions of one value of a dimension (`payer: medicare`). */
export interface DimensionShare {
  readonly value: string;
  readonly contribution: number | undefined;
  readonly parts: number;
}

/** Why a KPI change could not be explained (a typed answer, not an error). */
export interface NotExplained {
  readonly explained: false;
  readonly kpiId: string;
  /**
   * `UnknownKpi`: no module registers it; `NoBreakdown`: its module gives no `explain` hook;
   * `NoData`: neither period has a part (nothing was recorded that the KPI counts).
   */
  readonly reason: 'UnknownKpi' | 'NoBreakdown' | 'NoData';
  readonly message: string;
}

/** Why a KPI moved from one period to another (MODULES.md §4.5). */
export interface Explained {
  readonly explained: true;
  readonly kpiId: string;
  readonly label: string;
  readonly unit: KpiDefinition['unit'];
  readonly direction: KpiDefinition['direction'];
  readonly kind: KpiBreakdown['kind'];
  readonly basis: KpiBasis;
  readonly periods: readonly [string, string];
  readonly before: number | undefined;
  readonly after: number | undefined;
  /** after − before (undefined when either is n/a). */
  readonly change: number | undefined;
  /** Whether the contributions sum to the change (ratio and sum KPIs with both values). */
  readonly additive: boolean;
  readonly numerator: { readonly before: number; readonly after: number };
  readonly denominator: { readonly before: number; readonly after: number };
  /** Every part whose share changed, largest share of the change first. */
  readonly contributions: readonly Contribution[];
  /** The contributions summed per dimension value, largest first: `byDimension.payer`. */
  readonly byDimension: Readonly<Record<string, readonly DimensionShare[]>>;
}

export type Explanation = Explained | NotExplained;

/** How `explain` works. */
export interface ExplainOptions {
  /** As reported at each period's close (default) or restated. */
  readonly basis?: KpiBasis;
  /** How many of the largest contributions list their events (default 10, at most 200). */
  readonly limit?: number;
}

const total = (parts: readonly KpiPart[], f: 'numerator' | 'denominator') => {
  let t = 0;
  for (const p of parts) t += p[f];
  return t;
};

/** The value a breakdown gives (see KpiBreakdown). */
export const valueOfBreakdown = (b: KpiBreakdown): number | undefined => {
  if (b.kind === 'sum') return total(b.parts, 'numerator');
  if (b.kind === 'ratio') {
    const d = total(b.parts, 'denominator');
    return d <= 0 ? undefined : ((b.scale ?? 1) * total(b.parts, 'numerator')) / d;
  }
  const xs = b.parts.map((p) => p.numerator).sort((x, y) => x - y);
  if (xs.length === 0) return undefined;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1]! + xs[mid]!) / 2;
};

/** Whether a breakdown's value is the KPI's: exactly, or within the rounding of a median shown to 2 decimals. */
const close = (a: number | undefined, b: number | undefined, kind: KpiBreakdown['kind']): boolean =>
  a === undefined || b === undefined
    ? a === b
    : Math.abs(a - b) <= (kind === 'median' ? 0.0051 : 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

const breakdownOf = async (def: KpiDefinition, c: KpiContext): Promise<KpiBreakdown> => {
  let b: unknown;
  try {
    b = await def.explain!(c);
  } catch (err) {
    if (PraxisError.isPraxisError(err)) throw err;
    throw new ModuleFailed(`kpi ${def.id} explain`, err instanceof Error ? err.message : 'explain threw', {
      cause: err,
    });
  }
  const ok =
    typeof b === 'object' &&
    b !== null &&
    ['sum', 'ratio', 'median'].includes((b as KpiBreakdown).kind) &&
    Array.isArray((b as KpiBreakdown).parts) &&
    (b as KpiBreakdown).parts.every(
      (p) => typeof p.key === 'string' && Number.isFinite(p.numerator) && Number.isFinite(p.denominator),
    );
  if (!ok) throw new ModuleFailed(`kpi ${def.id} explain`, 'returned something that is not a KpiBreakdown');
  return b as KpiBreakdown;
};

/** A breakdown pair split into contributions (see `splitChange`). */
export interface Split {
  readonly kind: KpiBreakdown['kind'];
  readonly additive: boolean;
  readonly NA: number;
  readonly NB: number;
  readonly DA: number;
  readonly DB: number;
  /** Without events; largest share first, ties by key. */
  readonly contributions: Contribution[];
}

/**
 * The change between breakdown `a` and `b` split into each part's contribution — symmetric:
 * swapping `a` and `b` negates every contribution (and the dimensions come from `later`, the
 * chronologically later period, in both orders). Pure.
 *
 * A sum's shares are nᵢᴮ − nᵢᴬ. A ratio s·N/D splits as the average of the two orders of
 * changing numerator then denominator (the two-factor Shapley split):
 * s·[(nᵢᴮ − nᵢᴬ)·½(1/Dᴬ + 1/Dᴮ) − (dᵢᴮ − dᵢᴬ)·½(Nᴬ + Nᴮ)/(Dᴬ·Dᴮ)], which sums to
 * s·(Nᴮ/Dᴮ − Nᴬ/Dᴬ). A median is not additive: parts that entered, left or changed are listed
 * without shares. `hasChange`: whether both periods have a value.
 */
export const splitChange = (
  ba: KpiBreakdown,
  bb: KpiBreakdown,
  later: 'a' | 'b',
  hasChange: boolean,
): Split => {
  const kind = bb.kind;
  const scale = bb.scale ?? 1;
  const [NA, NB, DA, DB] = [
    total(ba.parts, 'numerator'),
    total(bb.parts, 'numerator'),
    total(ba.parts, 'denominator'),
    total(bb.parts, 'denominator'),
  ];
  const additive =
    hasChange && kind !== 'median' && ba.kind === kind && (kind === 'sum' || (DA > 0 && DB > 0));
  const share = (a: KpiPart | undefined, b: KpiPart | undefined): number | undefined => {
    if (!additive) return undefined;
    const [na, nb] = [a?.numerator ?? 0, b?.numerator ?? 0];
    if (kind === 'sum') return nb - na;
    const [da, db] = [a?.denominator ?? 0, b?.denominator ?? 0];
    return scale * ((nb - na) * 0.5 * (1 / DA + 1 / DB) - ((db - da) * 0.5 * (NA + NB)) / (DA * DB));
  };
  const byKey = new Map<string, { a?: KpiPart; b?: KpiPart }>();
  for (const p of ba.parts) byKey.set(p.key, { ...byKey.get(p.key), a: p });
  for (const p of bb.parts) byKey.set(p.key, { ...byKey.get(p.key), b: p });
  const contributions: Contribution[] = [];
  for (const [key, { a, b }] of byKey) {
    if (a !== undefined && b !== undefined && a.numerator === b.numerator && a.denominator === b.denominator)
      continue;
    const [first, second] = later === 'b' ? [b, a] : [a, b];
    const streamId = first?.streamId ?? second?.streamId;
    contributions.push({
      key,
      ...(streamId === undefined ? {} : { streamId }),
      dimensions: first?.dimensions ?? second?.dimensions ?? {},
      before: a === undefined ? undefined : { numerator: a.numerator, denominator: a.denominator },
      after: b === undefined ? undefined : { numerator: b.numerator, denominator: b.denominator },
      contribution: share(a, b),
    });
  }
  const weight = (c: Contribution) =>
    c.contribution !== undefined
      ? Math.abs(c.contribution)
      : Math.abs((c.after?.numerator ?? 0) - (c.before?.numerator ?? 0));
  contributions.sort((x, y) => weight(y) - weight(x) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { kind, additive, NA, NB, DA, DB, contributions };
};

/**
 * Why a KPI moved between two periods (MODULES.md §4.5): each part's share of the change (a
 * claim, with its payer and reason), the shares summed per dimension, and for the largest the
 * events, actors and commands of its stream. `practice.explain(kpiId, periodA, periodB)`.
 *
 * The split is symmetric (`splitChange`): `explain(k, B, A)` gives every part the opposite share
 * of `explain(k, A, B)`, with the same dimensions (the later period's). The periods must be of the
 * same kind (two months, two quarters…).
 *
 * Returns `{ explained: false, reason: 'UnknownKpi' | 'NoBreakdown' | 'NoData' }` for a KPI it
 * cannot explain or periods with nothing in them. Throws InvalidArgument for a period label that
 * is not a period, two periods of different kinds (`periodB`), or a bad option;
 * ModuleFailed when a module's breakdown does not give back its KPI's value.
 *
 * @example
 * const why = await practice.explain('daysInAR', '2026-Q1', '2026-Q2');
 * if (why.explained) why.contributions[0]; // { key: 'claim:C-17', contribution: 4.2, events: [...] }
 */
export const explain = async (
  host: ModuleHost,
  kpiId: string,
  periodA: string,
  periodB: string,
  options: ExplainOptions = {},
): Promise<Explanation> => {
  if (typeof kpiId !== 'string' || kpiId === '')
    throw new InvalidArgument('kpiId', 'must be the id of a KPI (practice.kpiRegistry)');
  const basis = options.basis ?? 'as-reported';
  if (basis !== 'as-reported' && basis !== 'restated')
    throw new InvalidArgument('basis', 'must be as-reported or restated');
  const limit = options.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 0 || limit > 200)
    throw new InvalidArgument('limit', 'must be a whole number from 0 to 200');
  for (const [field, p] of [
    ['periodA', periodA],
    ['periodB', periodB],
  ] as const)
    if (typeof p !== 'string') throw new InvalidArgument(field, 'must be a period label (2026-Q1)');
  const ca = host.kpiContext(periodA, basis);
  const cb = host.kpiContext(periodB, basis);
  if (ca.period.kind !== cb.period.kind)
    throw new InvalidArgument(
      'periodB',
      `must be the same kind of period as periodA (${ca.period.label} is a ${ca.period.kind}, ${cb.period.label} a ${cb.period.kind})`,
    );
  const def = host.kpiRegistry.find((k) => k.id === kpiId);
  if (def === undefined)
    return {
      explained: false,
      kpiId,
      reason: 'UnknownKpi',
      message: `no module of this practice registers a KPI ${kpiId.slice(0, 80)}`,
    };
  if (def.explain === undefined)
    return {
      explained: false,
      kpiId,
      reason: 'NoBreakdown',
      message: `${def.label} (${def.area}) gives no breakdown: its value can be compared, not explained`,
    };
  await host.catchUp();
  const [ba, bb] = [await breakdownOf(def, ca), await breakdownOf(def, cb)];
  if (ba.parts.length === 0 && bb.parts.length === 0)
    return {
      explained: false,
      kpiId,
      reason: 'NoData',
      message: `${def.label} counts nothing in ${ca.period.label} or ${cb.period.label}: there is no change to explain`,
    };
  const before = await def.compute(ca);
  const after = await def.compute(cb);
  if (!close(valueOfBreakdown(ba), before, ba.kind) || !close(valueOfBreakdown(bb), after, bb.kind))
    throw new ModuleFailed(`kpi ${def.id} explain`, 'its parts do not give back the KPI value');
  const change = before === undefined || after === undefined ? undefined : after - before;
  // A part's dimensions are those of the chronologically later period, whatever the order asked.
  const laterIsB = cb.period.interval.start.toMillis() >= ca.period.interval.start.toMillis();
  const split = splitChange(ba, bb, laterIsB ? 'b' : 'a', change !== undefined);
  const { contributions, additive, kind, NA, NB, DA, DB } = split;
  // The events, actors and commands behind the largest contributions.
  const from = Math.min(ca.period.interval.start.toMillis(), cb.period.interval.start.toMillis());
  const to = Math.max(ca.period.interval.end.toMillis(), cb.period.interval.end.toMillis());
  for (let i = 0; i < Math.min(limit, contributions.length); i++) {
    const c = contributions[i]!;
    if (c.streamId === undefined) continue;
    const events: ExplainedEvent[] = [];
    try {
      for await (const e of host.store.readStream(c.streamId)) {
        const entry = auditEntryOf(e);
        const t = Date.parse(entry.at);
        if (!(t >= from && t < to)) continue;
        events.push({
          eventId: entry.eventId,
          streamId: entry.streamId,
          type: entry.type,
          occurredAt: entry.occurredAt,
          position: entry.position,
          actorId: entry.actorId,
          actorRole: entry.actorRole,
          ...(entry.commandId === undefined ? {} : { commandId: entry.commandId }),
          correlationId: entry.correlationId,
          causationId: entry.causationId,
        });
      }
    } catch (err) {
      // A part naming a stream that has no events lists none; anything else is a real failure.
      if (!StreamNotFound.isInstance(err)) throw err;
    }
    contributions[i] = { ...c, events };
  }
  const byDimension: Record<string, DimensionShare[]> = {};
  const groups = new Map<string, Map<string, { contribution: number | undefined; parts: number }>>();
  for (const c of contributions)
    for (const [dim, value] of Object.entries(c.dimensions)) {
      const g = groups.get(dim) ?? new Map();
      const cur = g.get(value) ?? { contribution: additive ? 0 : undefined, parts: 0 };
      g.set(value, {
        contribution:
          cur.contribution === undefined || c.contribution === undefined
            ? undefined
            : cur.contribution + c.contribution,
        parts: cur.parts + 1,
      });
      groups.set(dim, g);
    }
  for (const [dim, g] of groups)
    byDimension[dim] = [...g.entries()]
      .map(([value, s]) => ({ value, ...s }))
      .sort(
        (x, y) =>
          Math.abs(y.contribution ?? y.parts) - Math.abs(x.contribution ?? x.parts) ||
          x.value.localeCompare(y.value),
      );
  return {
    explained: true,
    kpiId: def.id,
    label: def.label,
    unit: def.unit,
    direction: def.direction,
    kind,
    basis,
    periods: [periodA, periodB],
    before,
    after,
    change,
    additive,
    numerator: { before: NA, after: NB },
    denominator: { before: DA, after: DB },
    contributions,
    byDimension,
  };
};
