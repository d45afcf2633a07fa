import type { Actor, RecordedEvent } from '@praxis/core';

/**
 * For read-model tests: returns `rec(streamId, event)`, which wraps an event made with a
 * module's `events.make(…)` as the store would record it, numbering event ids and positions
 * 1, 2, 3, … in call order. Each test file makes its own, so its numbering starts at 1.
 * Hashes are left empty: projections never read them.
 *
 * @example
 * const rec = recorder({ actor: { id: 'co', role: 'compliance_officer' }, occurredAt: '2026-01-01T09:00:00-06:00' });
 * foldProjections([complianceFindings], [rec('Audit-a', Audit.events.make('AuditFindingClosed', { … }))]);
 */
export const recorder = (metadata: { readonly actor: Actor; readonly occurredAt: string }) => {
  let n = 0;
  return (streamId: string, e: { type: string; data: unknown }): RecordedEvent =>
    ({
      eventId: `e${++n}`,
      streamId,
      revision: 0n,
      position: BigInt(n),
      type: e.type,
      schemaVersion: 1,
      data: e.data,
      metadata: { ...metadata },
      prevHash: '',
      hash: '',
    }) as unknown as RecordedEvent;
};
