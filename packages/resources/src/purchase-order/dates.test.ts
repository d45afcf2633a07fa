import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { decider, events, type PurchaseOrderCommand } from './index.js';

const spec = deciderSpec(decider);
const lines = [{ itemId: 'gloves', qty: 10, unitPriceCents: 50 }];
const drafted = events.make('PODrafted', {
  poId: 'po1',
  vendorId: 'v',
  locationId: 'main',
  budgetId: 'fy26',
  category: 'supplies',
  lines,
  totalCents: 500,
  draftedOn: '2026-01-10',
  draftedBy: 'ben',
});
const submitted = events.make('POSubmitted', { poId: 'po1', submittedOn: '2026-01-12', submittedBy: 'ben' });
const approved = events.make('POApproved', {
  poId: 'po1',
  approvedOn: '2026-01-14',
  approvedBy: 'maria',
  approverRole: 'practice_manager',
  totalCents: 500,
  budgetId: 'fy26',
  category: 'supplies',
  locationId: 'main',
  lines,
  headroomCents: 10_000,
});
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const room = { status: 'approved', lineExists: true, headroomCents: 10_000 };

/** Each step, the history it follows, the date it may not precede, and its refusal. */
const steps: {
  history: Parameters<typeof spec.given>[0];
  since: string;
  code: string;
  field: string;
  command: (on: string) => PurchaseOrderCommand;
}[] = [
  {
    history: [drafted],
    since: '2026-01-10',
    code: 'SubmittedBeforeDrafted',
    field: 'submittedOn',
    command: (on) => ({ type: 'SubmitPO', submittedOn: on, submittedBy: 'ben' }),
  },
  {
    history: [drafted, submitted],
    since: '2026-01-12',
    code: 'ApprovedBeforeSubmitted',
    field: 'approvedOn',
    command: (on) => ({
      type: 'ApprovePO',
      poId: 'po1',
      approvedOn: on,
      approvedBy: 'maria',
      approverRole: 'practice_manager',
      approvalLimitCents: null,
      budgetRoom: room,
    }),
  },
  {
    history: [drafted, submitted, approved],
    since: '2026-01-14',
    code: 'SentBeforeApproved',
    field: 'sentOn',
    command: (on) => ({ type: 'SendPO', sentOn: on }),
  },
  {
    history: [drafted, submitted, approved],
    since: '2026-01-14',
    code: 'ReceivedBeforeApproved',
    field: 'receivedOn',
    command: (on) => ({
      type: 'ReceivePO',
      receiptId: 'rc1',
      receivedOn: on,
      receivedBy: 'ben',
      lines: [{ itemId: 'gloves', qty: 1, lotNo: 'L1' }],
      perishableItemIds: [],
    }),
  },
];

describe('PurchaseOrder: no step dated before the step it follows', () => {
  it('refuses submit before draft, approval before submission, send or receipt before approval, naming the field (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: steps.length - 1 }), fc.integer({ min: 0, max: 40 }), (k, n) => {
        const step = steps[k]!;
        const on = day(n);
        const w = spec.given(step.history).when(step.command(on));
        if (on < step.since)
          expect(w.decision).toMatchObject({ _tag: 'Left', left: { code: step.code, field: step.field } });
        else expect(w.decision._tag).toBe('Right');
      }),
    );
  });
});
