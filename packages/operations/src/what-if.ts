import {
  InvalidArgument,
  isPeriodError,
  parsePeriod,
  type Actor,
  type DomainCommand,
  type EventStore,
  type NewEvent,
} from '@praxis/core';
import type { Outcome, Practice } from '@praxis/practice';
import { memoryEventStore } from '@praxis/store-memory';

/** One hypothetical command: the aggregate (decider name) and its command with the id field, as `practice.execute` takes them. */
export interface WhatIfCommand {
  readonly aggregate: string;
  readonly command: DomainCommand & Readonly<Record<string, unknown>>;
  /** Business time (ISO instant with offset); default: the command's business date, else the practice clock. */
  readonly at?: string;
  /** Who would act; default: the practice's actor. */
  readonly actor?: Actor;
}

/** One KPI before and after the hypothetical commands. */
export interface KpiDelta {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly direction: 'higher-is-better' | 'lower-is-better';
  readonly before: number | undefined;
  readonly after: number | undefined;
  /** after − before (undefined when either is n/a). */
  readonly delta: number | undefined;
  /** Whether the change is an improvement in the KPI's good direction (undefined when unchanged or n/a). */
  readonly better?: boolean;
}

/** What the rules would have done, and how the KPIs would move. The real log is untouched. */
export interface WhatIfResult {
  /** Each command's outcome, in order (refused ones carry the code and field the rules gave). */
  readonly outcomes: readonly Outcome[];
  readonly refusals: readonly (Outcome & { readonly ok: false })[];
  /** Events the fork's log gained: the accepted commands', their process managers', and the refusal records of the audit trail. */
  readonly eventsAdded: number;
  /** Per period asked for: every KPI of the registry, before and after. */
  readonly kpis: Readonly<Record<string, readonly KpiDelta[]>>;
}

/** Copies every event of `from` into `to`, stream by stream, in log order (data and metadata as read). */
export const copyLog = async (from: EventStore, to: EventStore): Promise<number> => {
  let n = 0;
  let stream: string | undefined;
  let batch: NewEvent[] = [];
  const flush = async () => {
    if (stream !== undefined && batch.length > 0) await to.appendToStream(stream, batch);
    batch = [];
  };
  for await (const e of from.readAll()) {
    if (e.streamId !== stream) {
      await flush();
      stream = e.streamId;
    }
    batch.push({
      eventId: e.eventId,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
    });
    n++;
  }
  await flush();
  return n;
};

const deltaOf = (
  before: Awaited<ReturnType<Practice['kpis']>>,
  after: Awaited<ReturnType<Practice['kpis']>>,
) =>
  after.lines.map((a): KpiDelta => {
    const b = before.lines.find((l) => l.id === a.id);
    const delta = a.value === undefined || b?.value === undefined ? undefined : a.value - b.value;
    const direction = (a as { direction?: KpiDelta['direction'] }).direction ?? 'higher-is-better';
    return {
      id: a.id,
      label: a.label,
      unit: a.unit,
      direction,
      before: b?.value,
      after: a.value,
      delta,
      ...(delta === undefined || delta === 0
        ? {}
        : { better: direction === 'higher-is-better' ? delta > 0 : delta < 0 }),
    };
  });

/**
 * What-if on a fork of the log (MODULES.md §4.4): copies the practice's log into a memory store,
 * opens a practice on it with the same modules (the same deciders, fact providers, role
 * permissions and process managers), runs the hypothetical commands there, and returns each
 * outcome — the refusals the rules would produce — and every KPI of `periods` before and after.
 * The real log, read models and key store are never written.
 *
 * Limits: a practice opened with custom `permissions` is forked with the modules' role
 * permissions; personal fields sealed in the real log read as forgotten in the fork (its vault
 * has no keys), which no KPI uses. Throws InvalidArgument for a bad period label, and for a
 * command without an actor when the practice has none.
 *
 * @example
 * const r = await whatIf(practice, [
 *   { aggregate: 'Budget', command: { type: 'RecordExpense', budgetId: '2026', … } },
 * ], { periods: ['2026-10'] });
 * r.refusals[0]?.code; // 'LineOverspent'
 */
export const whatIf = async (
  practice: Practice,
  commands: readonly WhatIfCommand[],
  options: { readonly periods: readonly string[] },
): Promise<WhatIfResult> => {
  const { createPractice } = await import('@praxis/practice');
  for (const p of options.periods) {
    const parsed = parsePeriod(String(p), practice.settings.timeZone);
    if (isPeriodError(parsed)) throw new InvalidArgument('periods', parsed.message);
  }
  const before: Record<string, Awaited<ReturnType<Practice['kpis']>>> = {};
  for (const p of options.periods) before[p] = await practice.kpis(p);
  const store = memoryEventStore();
  const copied = await copyLog(practice.store, store);
  const fork = await createPractice({
    store,
    clock: practice.clock,
    modules: practice.modules,
    ...(practice.actor === undefined ? {} : { actor: practice.actor }),
  });
  try {
    const outcomes: Outcome[] = [];
    for (const c of commands)
      outcomes.push(
        await fork.execute(c.aggregate, c.command, {
          ...(c.at === undefined ? {} : { at: c.at }),
          ...(c.actor === undefined ? {} : { actor: c.actor }),
        }),
      );
    const kpis: Record<string, readonly KpiDelta[]> = {};
    for (const p of options.periods) kpis[p] = deltaOf(before[p]!, await fork.kpis(p));
    let total = 0;
    for await (const _ of store.readAll()) total++;
    return {
      outcomes,
      refusals: outcomes.filter((o): o is Outcome & { ok: false } => !o.ok),
      eventsAdded: total - copied,
      kpis,
    };
  } finally {
    await fork.close();
  }
};
