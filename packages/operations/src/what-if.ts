import {
  InvalidArgument,
  isPeriodError,
  parsePeriod,
  type Actor,
  type DomainCommand,
  type HostKpiLine,
  type HostOutcome,
  type ModuleHost,
} from '@praxis/core';

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

/**
 * What the rules would have done, and how the KPIs would move. The real log is untouched.
 * Plain JSON data (strings, numbers, booleans, arrays, objects; no BigInt, no events or state):
 * `JSON.stringify` round-trips it, so a service can send it as is. An outcome is
 * `{ ok: true, streamId, decided, summary }` or
 * `{ ok: false, streamId, reason, code, category, message, field?, summary }`.
 */
export interface WhatIfResult {
  /** Each command's outcome, in order (refused ones carry the code and field the rules gave). */
  readonly outcomes: readonly HostOutcome[];
  readonly refusals: readonly (HostOutcome & { readonly ok: false })[];
  /** Events the fork's log gained: the accepted commands', their process managers', and the refusal records of the audit trail. */
  readonly eventsAdded: number;
  /** Per period asked for: every KPI of the registry, before and after. */
  readonly kpis: Readonly<Record<string, readonly KpiDelta[]>>;
}

interface KpiLines {
  readonly lines: readonly HostKpiLine[];
}

/** The public shape of an outcome: the fork's events, state and stream positions (BigInt) stay there. */
const plainOutcome = (o: HostOutcome): HostOutcome =>
  o.ok
    ? { ok: true, streamId: o.streamId, decided: [...o.decided], summary: o.summary }
    : {
        ok: false,
        streamId: o.streamId,
        reason: o.reason,
        code: o.code,
        category: o.category,
        message: o.message,
        ...(o.field === undefined ? {} : { field: o.field }),
        summary: o.summary,
      };

const deltaOf = (before: KpiLines, after: KpiLines) =>
  after.lines.map((a): KpiDelta => {
    const b = before.lines.find((l) => l.id === a.id);
    const delta = a.value === undefined || b?.value === undefined ? undefined : a.value - b.value;
    const direction = a.direction;
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
 * What-if on a fork of the log (MODULES.md §4.4), `practice.whatIf(commands, { periods })`:
 * the facade copies the practice's log into a memory store and opens a practice on it with the
 * same modules, permissions and targets (`ModuleHost.fork`: the same deciders, fact providers
 * and process managers); the hypothetical commands run there, and the result gives each
 * outcome — the refusals the rules would produce — and every KPI of `periods` before and after.
 * The real log, read models and key store are never written.
 *
 * Limits: personal fields sealed in the real log read as forgotten in the fork (its vault has
 * no keys), which no KPI uses. Throws InvalidArgument, before anything runs, for a bad period
 * label, a malformed command, or a command without an actor when the session has none
 * (`commands.<i>.actor`: use `practice.as(actor).whatIf(…)`).
 *
 * @example
 * const r = await practice.whatIf([
 *   { aggregate: 'Budget', command: { type: 'RecordExpense', budgetId: '2026', … } },
 * ], { periods: ['2026-10'] });
 * r.refusals[0]?.code; // 'LineOverspent'
 */
export const whatIf = async (
  host: ModuleHost,
  commands: readonly WhatIfCommand[],
  options: { readonly periods: readonly string[] },
): Promise<WhatIfResult> => {
  const periods = (options as { periods?: unknown } | undefined)?.periods;
  if (!Array.isArray(periods)) throw new InvalidArgument('periods', 'must be a list of period labels');
  if (!Array.isArray(commands)) throw new InvalidArgument('commands', 'must be a list of commands');
  for (const p of periods as unknown[]) {
    const parsed = parsePeriod(String(p), host.timeZone);
    if (isPeriodError(parsed)) throw new InvalidArgument('periods', parsed.message);
  }
  for (const [i, c] of (commands as unknown[]).entries())
    if (
      typeof c !== 'object' ||
      c === null ||
      typeof (c as WhatIfCommand).aggregate !== 'string' ||
      typeof (c as WhatIfCommand).command !== 'object' ||
      (c as WhatIfCommand).command === null
    )
      throw new InvalidArgument(`commands.${i}`, 'needs aggregate (text) and command (an object)');
  // Who acts is checked for the whole batch before anything runs: a what-if with no one acting
  // for some command is refused as a whole, not half-run.
  for (const [i, c] of (commands as readonly WhatIfCommand[]).entries()) {
    const actor = c.actor as unknown;
    if (actor === undefined) {
      if (host.actor === undefined)
        throw new InvalidArgument(
          `commands.${i}.actor`,
          'no one would act: call practice.as(actor).whatIf(…) or give the command an actor',
        );
    } else if (
      typeof actor !== 'object' ||
      actor === null ||
      typeof (actor as Actor).id !== 'string' ||
      (actor as Actor).id === '' ||
      typeof (actor as Actor).role !== 'string' ||
      (actor as Actor).role === ''
    )
      throw new InvalidArgument(`commands.${i}.actor`, 'must be { id, role } (non-empty text)');
  }
  const labels = periods as readonly string[];
  const before: Record<string, KpiLines> = {};
  for (const p of labels) before[p] = await host.kpis(p);
  const fork = await host.fork();
  try {
    const head = await fork.store.headPosition();
    const outcomes: HostOutcome[] = [];
    for (const c of commands)
      outcomes.push(
        plainOutcome(
          await fork.execute(c.aggregate, c.command, {
            ...(c.at === undefined ? {} : { at: c.at }),
            ...(c.actor === undefined ? {} : { actor: c.actor }),
          }),
        ),
      );
    const kpis: Record<string, readonly KpiDelta[]> = {};
    for (const p of labels) kpis[p] = deltaOf(before[p]!, await fork.kpis(p));
    let added = 0;
    for await (const e of fork.store.readAll(head === undefined ? {} : { fromPosition: head }))
      if (head === undefined || e.position.commit !== head.commit || e.position.prepare !== head.prepare)
        added++;
    return {
      outcomes,
      refusals: outcomes.filter((o): o is HostOutcome & { ok: false } => !o.ok),
      eventsAdded: added,
      kpis,
    };
  } finally {
    await fork.close();
  }
};
