import type { Obligation, ObligationImpact } from '@praxis/core';
import { daysBetween } from '../periods.js';
import type { WorkItemView } from './read-model.js';

/** Impact weights of the work queue (MODULES.md S5): legal 4, patient-safety 4, financial 3, operational 2. */
export const impactWeights: Readonly<Record<ObligationImpact, number>> = {
  legal: 4,
  'patient-safety': 4,
  financial: 3,
  operational: 2,
};

/** How soon something is due, as the queue weighs it. */
export type Urgency = 'overdue' | 'this-week' | 'this-month' | 'later';

/** Urgency weights (MODULES.md S5): overdue 4, due within 7 days 3, within 30 days 2, later or undated 1. */
export const urgencyWeights: Readonly<Record<Urgency, number>> = {
  overdue: 4,
  'this-week': 3,
  'this-month': 2,
  later: 1,
};

/** The urgency of a due date as of `today` (both `YYYY-MM-DD`); undated work is `later`. */
export const urgencyOf = (dueOn: string | undefined, today: string): Urgency => {
  if (dueOn === undefined) return 'later';
  const left = daysBetween(today, dueOn);
  return left < 0 ? 'overdue' : left <= 7 ? 'this-week' : left <= 30 ? 'this-month' : 'later';
};

/** One line of the work queue: an open work item or an open calendar obligation. */
export interface QueueEntry {
  readonly kind: 'work-item' | 'obligation';
  /** The work item id, or `<projection>/<obligation id>`. */
  readonly ref: string;
  readonly label: string;
  readonly impact: ObligationImpact;
  /** Legal impact, or an obligation that names a legal source: ranked first among equals. */
  readonly regulatory: boolean;
  readonly dueOn?: string;
  readonly urgency: Urgency;
  /** impact weight × urgency weight (1–16). */
  readonly rank: number;
  /** Who has it (work item assignee, obligation owner), when known. */
  readonly assignee?: string;
  readonly streamId?: string;
}

/** An obligation as the calendar lists it (`practice.calendar()` entries carry their projection). */
export type QueueObligation = Obligation & { readonly projection?: string };

/** The ranked queue and the load per person. */
export interface WorkQueue {
  readonly asOf: string;
  readonly entries: readonly QueueEntry[];
  /** Open entries per assignee (`(unassigned)` for obligations without an owner). */
  readonly load: Readonly<Record<string, number>>;
}

const open = (v: WorkItemView) => v.status === 'open' || v.status === 'delegated' || v.status === 'accepted';

/**
 * Ranks open work items and open obligations by impact weight × urgency weight (MODULES.md S5;
 * the Eisenhower matrix). Ties go to regulatory entries first (the seed: "regulatory items
 * first"), then the earlier due date, then the reference. An obligation without an impact counts
 * as `legal` when it names a legal source, else `operational`; obligations not yet arisen, done,
 * or already the source of a work item are left out (the work item stands for them).
 *
 * @example
 * rankQueue({ items, obligations: await practice.calendar({ asOf: '2026-05-04' }), today: '2026-05-04' })
 */
export const rankQueue = (input: {
  readonly items: readonly WorkItemView[];
  readonly obligations: readonly QueueObligation[];
  /** `YYYY-MM-DD`, in the practice zone. */
  readonly today: string;
}): WorkQueue => {
  const { today } = input;
  const entries: QueueEntry[] = [];
  const covered = new Set<string>();
  for (const v of input.items) {
    if (v.source === 'obligation' && v.sourceRef !== undefined) covered.add(v.sourceRef);
    if (!open(v) || v.createdOn > today) continue;
    const urgency = urgencyOf(v.dueOn, today);
    entries.push({
      kind: 'work-item',
      ref: v.workItemId,
      label: v.title,
      impact: v.impact,
      regulatory: v.impact === 'legal',
      urgency,
      rank: impactWeights[v.impact] * urgencyWeights[urgency],
      assignee: v.assignee,
      ...(v.dueOn === undefined ? {} : { dueOn: v.dueOn }),
    });
  }
  for (const o of input.obligations) {
    const ref = `${o.projection ?? o.module}/${o.id}`;
    if (o.completedAt !== undefined || covered.has(ref) || o.arisesAt.slice(0, 10) > today) continue;
    const impact: ObligationImpact = o.impact ?? (o.legalSource !== undefined ? 'legal' : 'operational');
    const dueOn = o.dueAt.slice(0, 10);
    const urgency = urgencyOf(dueOn, today);
    entries.push({
      kind: 'obligation',
      ref,
      label: o.label,
      impact,
      regulatory: impact === 'legal' || o.legalSource !== undefined,
      dueOn,
      urgency,
      rank: impactWeights[impact] * urgencyWeights[urgency],
      streamId: o.streamId,
      ...(o.owner === undefined ? {} : { assignee: o.owner }),
    });
  }
  entries.sort(
    (a, b) =>
      b.rank - a.rank ||
      Number(b.regulatory) - Number(a.regulatory) ||
      (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
      a.ref.localeCompare(b.ref),
  );
  const load: Record<string, number> = {};
  for (const e of entries) {
    const who = e.assignee ?? '(unassigned)';
    load[who] = (load[who] ?? 0) + 1;
  }
  return { asOf: today, entries, load };
};
