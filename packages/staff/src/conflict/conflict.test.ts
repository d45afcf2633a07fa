import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideHandled, deciderSpec } from '@praxis/testing';
import { decider, events, type ConflictCommand } from './index.js';

const spec = deciderSpec(decider);
const ev = events.make;

const opened = ev('ConflictOpened', {
  conflictId: 'c-1',
  parties: ['s-1', 's-2'],
  description: 'Disagreement over weekend on-call rota',
  openedOn: '2026-03-02',
  reportedBy: 's-2',
});
const mediated = ev('ConflictMediated', {
  conflictId: 'c-1',
  mediator: 'pm-lindqvist',
  mediatedOn: '2026-03-05',
  notes: 'Agreed to alternate weekends',
});
const escalated = ev('ConflictEscalated', {
  conflictId: 'c-1',
  escalatedOn: '2026-03-09',
  escalatedTo: 'HR',
  reason: 'mediation failed',
});

describe('Conflict: opened → mediated → resolved, or escalated', () => {
  it('opens a conflict between two or more distinct parties', () => {
    const open = {
      type: 'OpenConflict' as const,
      staffOnRecord: [],
      conflictId: 'c-1',
      parties: ['s-1', 's-2', 's-1'],
      description: 'Disagreement over weekend on-call rota',
      openedOn: '2026-03-02',
      reportedBy: 's-2',
    };
    spec.given([]).when(open).then([opened]);
    spec
      .given([])
      .when({ ...open, parties: ['s-1', 's-1'] })
      .thenRejects('TooFewParties', 'parties');
    spec
      .given([])
      .when({ ...open, description: ' ' })
      .thenRejects('Required', 'description');
    spec.given([opened]).when(open).thenRejects('ConflictExists');
  });

  it('mediates by someone who is not a party, not before the opening', () => {
    const m = {
      type: 'MediateConflict' as const,
      mediator: 'pm-lindqvist',
      mediatedOn: '2026-03-05',
      notes: 'Agreed to alternate weekends',
    };
    spec.given([opened]).when(m).then([mediated]);
    spec
      .given([opened])
      .when({ ...m, mediator: 's-1' })
      .thenRejects('MediatorIsParty', 'mediator');
    spec
      .given([opened])
      .when({ ...m, mediatedOn: '2026-03-01' })
      .thenRejects('StepBeforePrevious', 'mediatedOn');
    spec.given([]).when(m).thenRejects('NotOpen');
  });

  it('resolves only after mediation or escalation', () => {
    const r = { type: 'ResolveConflict' as const, resolvedOn: '2026-03-10', resolution: 'Rota published' };
    const resolved = ev('ConflictResolved', {
      conflictId: 'c-1',
      resolvedOn: '2026-03-10',
      resolution: 'Rota published',
    });
    spec.given([opened]).when(r).thenRejects('NotMediated');
    spec.given([opened, mediated]).when(r).then([resolved]);
    spec.given([opened, mediated, escalated]).when(r).then([resolved]);
    spec.given([opened, mediated, resolved]).when(r).thenRejects('NotOpen');
  });

  it('escalates an open or mediated conflict once', () => {
    const e = {
      type: 'EscalateConflict' as const,
      escalatedOn: '2026-03-09',
      escalatedTo: 'HR',
      reason: 'mediation failed',
    };
    spec.given([opened, mediated]).when(e).then([escalated]);
    spec.given([opened]).when(e).thenState();
    spec.given([opened, mediated, escalated]).when(e).thenRejects('NotOpen');
    spec
      .given([opened])
      .when({ ...e, escalatedTo: '' })
      .thenRejects('Required', 'escalatedTo');
  });

  it('property: once resolved, a conflict accepts no further step, and steps stay in date order', () => {
    const cmd: fc.Arbitrary<(on: string) => ConflictCommand> = fc.constantFrom(
      (on: string): ConflictCommand => ({
        type: 'OpenConflict',
        staffOnRecord: [],
        conflictId: 'c',
        parties: ['a', 'b'],
        description: 'd',
        openedOn: on,
        reportedBy: 'a',
      }),
      (on: string): ConflictCommand => ({
        type: 'MediateConflict',
        mediator: 'm',
        mediatedOn: on,
        notes: 'n',
      }),
      (on: string): ConflictCommand => ({ type: 'ResolveConflict', resolvedOn: on, resolution: 'r' }),
      (on: string): ConflictCommand => ({
        type: 'EscalateConflict',
        escalatedOn: on,
        escalatedTo: 'HR',
        reason: 'r',
      }),
    );
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
    let resolvedRuns = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(cmd, day), { maxLength: 12 }), (steps) => {
        let s = decider.initialState;
        let resolved = false;
        let last = '';
        for (const [make, on] of steps) {
          const d = decideHandled(decider, make(on), s);
          if (d._tag === 'Left') continue;
          if (resolved) return false;
          if (on < last) return false;
          last = on;
          s = d.right.reduce(decider.evolve, s);
          resolved = s.status === 'resolved';
        }
        if (resolved) resolvedRuns++;
        return true;
      }),
      { numRuns: 500 },
    );
    expect(resolvedRuns).toBeGreaterThan(0);
  });
});
