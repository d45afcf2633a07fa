import type { ProcessManager } from '@praxis/core';

/**
 * A policy training session counts towards each attendee's training: for every attendee of a
 * `PolicyTrainingSessionHeld` (from @praxis/policies), it records `RecordPolicyTraining` on their
 * StaffMember stream — the session on their record, and any open training assignment on that
 * policy completed with it. Sessions recorded without their length (before `hours` was asked
 * for) are left alone: a completion needs its hours.
 */
export const policyTrainingCounts: ProcessManager = {
  name: 'policy-training-counts',
  eventTypes: ['PolicyTrainingSessionHeld'],
  grants: ['StaffMember.RecordPolicyTraining'],
  react: (e) => {
    const d = e.data as {
      policyId: string;
      version: number;
      sessionId: string;
      attendeeIds: readonly string[];
      heldOn: string;
      hours?: number;
    };
    if (d.hours === undefined) return [];
    return [...new Set(d.attendeeIds)].map((staffId) => ({
      aggregate: 'StaffMember',
      command: {
        type: 'RecordPolicyTraining',
        staffId,
        policyId: d.policyId,
        version: d.version,
        sessionId: d.sessionId,
        attendedOn: d.heldOn,
        hours: d.hours,
      },
    }));
  },
};
