import type { Decider, DomainCommand, DomainEvent, RecordedEvent } from '@praxis/core';
import { Position } from '@praxis/core';
import { Budget, Claim } from '@praxis/finance';

const b64 = (x: string) => Buffer.from(x, 'utf8').toString('base64url');
/** A stand-in for the vault's token (same form; the text is encoded, not encrypted): read models never read it. */
const token = (patientId: string, text: string) => `[pii:v1:${b64(`patient:${patientId}`)}:${b64(text)}]`;
/** The claim's free text as the vault would store it: sealed under the patient. */
const sealedLike = (e: DomainEvent): DomainEvent => {
  const d = e.data as Record<string, unknown> & { patientId?: string };
  if (d.patientId === undefined) return e;
  const p = d.patientId;
  const data: Record<string, unknown> = { ...d };
  if (Array.isArray(d.reasons))
    data.reasons = (d.reasons as { code: string; message: string }[]).map((r) => ({
      ...r,
      message: token(p, r.message),
    }));
  for (const k of ['correction', 'note', 'memberId'])
    if (typeof d[k] === 'string') data[k] = token(p, d[k] as string);
  return { ...e, data };
};

/**
 * Builds a history for read-model tests by running real commands through the finance
 * deciders (so every fixture event is one the domain would really emit), validating each
 * event with its codec, and wrapping it in a RecordedEvent. Throws on a rejected command:
 * a fixture that the domain refuses is a broken fixture.
 */
export const history = () => {
  const states = new Map<string, unknown>();
  const revisions = new Map<string, bigint>();
  const events: RecordedEvent[] = [];
  const run = <C extends DomainCommand & { at: string }, Ev extends DomainEvent, S>(
    decider: Decider<C, Ev, S>,
    id: string,
    command: C,
    tolerant = false,
  ): boolean => {
    const streamId = `${decider.name}-${id}`;
    const state = (states.get(streamId) as S | undefined) ?? decider.initialState;
    const d = decider.decide(command, state);
    if (d._tag === 'Left') {
      if (tolerant) return false;
      throw new Error(`${streamId} ${command.type}: ${d.left.code} ${d.left.field}: ${d.left.message}`);
    }
    let s = state;
    for (const decided of d.right) {
      const e = sealedLike(decided) as Ev;
      const ok = decider.events.encode(e.type, e.data);
      if (ok._tag === 'Left') throw new Error(`${e.type}: ${ok.left.field} ${ok.left.reason}`);
      const revision = (revisions.get(streamId) ?? -1n) + 1n;
      revisions.set(streamId, revision);
      const n = BigInt(events.length);
      events.push({
        eventId: `e${n}`,
        streamId,
        revision,
        position: Position.make(n),
        type: e.type,
        schemaVersion: 1,
        data: e.data,
        metadata: {
          actor: { id: 'test', role: 'practice-manager' },
          occurredAt: command.at,
          correlationId: `e${n}`,
          causationId: `e${n}`,
          recordedAt: command.at,
        },
        prevHash: '',
        hash: '',
      });
      s = decider.evolve(s, e);
    }
    states.set(streamId, s);
    return true;
  };
  return {
    events,
    budget: (id: string, command: Budget.BudgetCommand) => run(Budget.decider, id, command),
    // Decided without the facade's facts (no staff record, no billing policy): Claim.withoutChecks.
    claim: (id: string, command: Claim.ClaimCall) => run(Claim.decider, id, Claim.withoutChecks(command)),
    /** Like `claim`, but a rejected command is skipped (for random command sequences). */
    tryClaim: (id: string, command: Claim.ClaimCall) =>
      run(Claim.decider, id, Claim.withoutChecks(command), true),
  };
};
