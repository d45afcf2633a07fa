import {
  foldProjections,
  Position,
  type DomainEvent,
  type Projection,
  type RecordedEvent,
} from '@praxis/core';
import type { Decider, DomainCommand } from '@praxis/core';

/**
 * Runs commands through a decider (failing on any refusal) and folds the events through
 * projections: for read-model tests that need real decided events.
 */
export const runThrough = <C extends DomainCommand, Ev extends DomainEvent, S>(
  decider: Decider<C, Ev, S>,
  projections: readonly Projection[],
) => {
  const states = new Map<string, S>();
  const log: RecordedEvent[] = [];
  const model = foldProjections(projections, []);
  const send = (id: string, command: C, at: string): readonly Ev[] => {
    const state = states.get(id) ?? decider.initialState;
    const r = decider.decide(command, state);
    if (r._tag === 'Left') throw new Error(`${command.type} refused: ${r.left.code} ${r.left.message}`);
    let next = state;
    for (const e of r.right) {
      next = decider.evolve(next, e);
      const n = BigInt(log.length + 1);
      const rec = {
        eventId: `e${n}`,
        streamId: `${decider.name}-${id}`,
        revision: n,
        position: Position.make(n),
        type: e.type,
        schemaVersion: 1,
        data: e.data,
        metadata: { actor: { id: 'pm', role: 'practice_manager' }, occurredAt: at },
        prevHash: '',
        hash: '',
      } as unknown as RecordedEvent;
      log.push(rec);
      model.apply(rec);
    }
    states.set(id, next);
    return r.right;
  };
  return { send, model, log, state: (id: string) => states.get(id) ?? decider.initialState };
};
