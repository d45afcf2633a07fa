import { describe, expect, it } from 'vitest';
import { Position, foldProjections, type RecordedEvent } from '@praxis/core';
import { OshaIncident, OshaRecordkeeping, complianceObligations } from '@praxis/compliance';
import { complianceCalendar } from './calendar.js';

const at = '2026-01-02T09:00:00-06:00';
const incidentDecider = OshaIncident.decider;
const decider = OshaRecordkeeping.decider;
const set = (naicsCode: string, peakEmployees: number): OshaRecordkeeping.SetOshaRecordkeeping => ({
  type: 'SetOshaRecordkeeping',
  establishmentId: 'main',
  naicsCode,
  peakEmployees,
  effectiveFrom: '2026-01-01',
  at,
});

describe('compliance calendar of an exempt practice', () => {
  const recorded = (streamId: string, type: string, data: unknown, n: number): RecordedEvent => ({
    eventId: `e${n}`,
    streamId,
    revision: 0n,
    position: Position.make(BigInt(n)),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { id: 'pm', role: 'practice_manager' },
      occurredAt: at,
      recordedAt: at,
      correlationId: `e${n}`,
      causationId: `e${n}`,
    },
    prevHash: '',
    hash: '',
  });
  const incident = () => {
    const r = incidentDecider.decide(
      {
        type: 'RecordOshaIncident',
        incidentId: 'i1',
        employeeId: 'ma-1',
        description: 'needlestick, then admitted',
        outcome: 'in-patient-hospitalization',
        occurredAt: '2026-03-02T10:00:00-06:00',
        outcomeAt: '2026-03-02T10:00:00-06:00',
        learnedAt: '2026-03-02T10:00:00-06:00',
        zone: 'America/Chicago',
      },
      incidentDecider.initialState,
    );
    if (r._tag === 'Left') throw new Error(r.left.message);
    return r.right.map((e, i) => recorded('OshaIncident-i1', e.type, e.data, 10 + i));
  };
  const setting = (naicsCode: string, peak: number) => {
    const r = decider.decide(set(naicsCode, peak), decider.initialState);
    if (r._tag === 'Left') throw new Error(r.left.message);
    return r.right.map((e, i) => recorded('OshaRecordkeeping-main', e.type, e.data, i));
  };
  const kinds = async (events: RecordedEvent[]) => {
    const lines = await complianceCalendar(foldProjections([complianceObligations], events), {
      projections: ['compliance-obligations'],
      asOf: '2026-03-03',
      zone: 'America/Chicago',
    });
    return lines.map((l) => l.kind).sort();
  };

  it('leaves out the 300-log duty of a physician’s office but keeps the 24-hour report clock', async () => {
    expect(await kinds([...setting('621111', 25), ...incident()])).toEqual(['osha-report']);
  });
  it('keeps both for a practice that is not exempt, or that never declared its setting', async () => {
    expect(await kinds([...setting('622110', 40), ...incident()])).toEqual(['osha-300-log', 'osha-report']);
    expect(await kinds(incident())).toEqual(['osha-300-log', 'osha-report']);
  });
});
