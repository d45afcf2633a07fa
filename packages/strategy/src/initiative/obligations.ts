import { obligationKey, type DocUpdate, type Json, type Obligation, type RecordedEvent } from '@praxis/core';
import type { InitiativeEvent } from './initiative.js';

/** Months after approval at which the benefits are reviewed against the frozen business case. */
export const benefitsReviewMonths = [6, 12] as const;

/** The calendar date `months` months after `day` (clamped to the month's last day). */
export const addMonths = (day: string, months: number): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

const id = (initiativeId: string, months: number) => `benefits-review:${initiativeId}:${months}`;

/**
 * The initiatives' obligations (in `strategy-obligations`): `benefits-review:<id>:6` and `:12`,
 * comparing the goal KPIs and the frozen payback and NPV with what happened, due 6 and 12
 * months after approval, met by `RecordBenefitsReview`; dropped if the initiative is cancelled first.
 */
export const initiativeObligations = (e: RecordedEvent): readonly DocUpdate[] => {
  const ev = e as unknown as InitiativeEvent;
  if (ev.type === 'InitiativeApproved') {
    const on = ev.data.approvedAt.slice(0, 10);
    return benefitsReviewMonths.map((months) => {
      const o: Obligation = {
        id: id(ev.data.initiativeId, months),
        module: 'strategy',
        kind: 'benefits-review',
        label: `Review initiative ${ev.data.initiativeId} ${months} months on: goal KPIs vs payback ${ev.data.paybackMonths ?? 'n/a'} months, NPV ${(ev.data.npvCents / 100).toFixed(2)}`,
        streamId: e.streamId,
        arisesAt: addMonths(on, months - 1),
        dueAt: addMonths(on, months),
        impact: 'financial',
      };
      return { key: obligationKey(o.id), update: () => o as unknown as Json };
    });
  }
  if (ev.type === 'BenefitsReviewed')
    return [
      {
        key: obligationKey(id(ev.data.initiativeId, ev.data.months)),
        update: (cur: Json | undefined) =>
          cur === undefined ? undefined : ({ ...(cur as object), completedAt: ev.data.reviewedAt } as Json),
      },
    ];
  if (ev.type === 'InitiativeCancelled')
    return benefitsReviewMonths.map((months) => ({
      key: obligationKey(id(ev.data.initiativeId, months)),
      update: (cur: Json | undefined) =>
        cur !== undefined && (cur as { completedAt?: string }).completedAt !== undefined ? cur : undefined,
    }));
  return [];
};
