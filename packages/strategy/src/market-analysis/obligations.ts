import { obligationKey, type DocUpdate, type Json, type Obligation, type RecordedEvent } from '@praxis/core';
import { addMonths } from '../initiative/obligations.js';
import type { MarketAnalysisEvent } from './events.js';

/** Months after a `go` at which its assumptions are compared with actuals. */
export const analysisReviewMonths = 12;

const id = (analysisId: string) => `analysis-review:${analysisId}`;
const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/**
 * A market analysis's obligation (in `strategy-obligations`): `analysis-review:<id>`, arising 11
 * and due 12 months after a `go`, comparing the frozen assumptions (visits a month, net revenue a
 * visit, startup cost, ramp) with what happened; met by `RecordAnalysisReview`.
 */
export const analysisObligations = (e: RecordedEvent): readonly DocUpdate[] => {
  const ev = e as unknown as MarketAnalysisEvent;
  if (ev.type === 'AnalysisDecided' && ev.data.decision === 'go') {
    const on = ev.data.decidedAt.slice(0, 10);
    const a = ev.data.assumptions;
    const promised =
      a === null
        ? 'no assumptions recorded'
        : `${a.visitsPerMonth} visits/month at ${dollars(a.netRevenuePerVisitCents)} net, startup ${dollars(a.startupCostCents)}, ramp ${a.rampMonths} months`;
    const o: Obligation = {
      id: id(ev.data.analysisId),
      module: 'strategy',
      kind: 'analysis-review',
      label: `Compare market analysis ${ev.data.analysisId} with actuals ${analysisReviewMonths} months on: ${promised}`,
      streamId: e.streamId,
      arisesAt: addMonths(on, analysisReviewMonths - 1),
      dueAt: addMonths(on, analysisReviewMonths),
      impact: 'financial',
    };
    return [{ key: obligationKey(o.id), update: () => o as unknown as Json }];
  }
  if (ev.type === 'AnalysisReviewed')
    return [
      {
        key: obligationKey(id(ev.data.analysisId)),
        update: (cur: Json | undefined) =>
          cur === undefined ? undefined : ({ ...(cur as object), completedAt: ev.data.reviewedAt } as Json),
      },
    ];
  return [];
};
