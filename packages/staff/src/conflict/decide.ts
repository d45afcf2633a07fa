import { accept, reject, type Decider, type Decision, refuseStaffNotOnRecord } from '@praxis/core';
import { events, type ConflictEvent } from './events.js';
import { evolve, initialState, type Conflict } from './state.js';
import {
  commands,
  type ConflictCommand,
  type OpenConflict,
  type MediateConflict,
  type ResolveConflict,
  type EscalateConflict,
} from './commands.js';
export type {
  ConflictCommand,
  OpenConflict,
  MediateConflict,
  ResolveConflict,
  EscalateConflict,
} from './commands.js';
import { refusals, type ConflictRefusal } from './refusals.js';
export { refusals, type ConflictRefusal } from './refusals.js';

type ConflictDecision = Decision<ConflictEvent>;

// Field shapes (non-empty text, real dates, the reporting actor) are guaranteed by the command
// codecs (./commands.ts), decoded by the handler before `decide`; the rules are checked here.

/** Steps of a conflict are dated in order. */
const dated = (field: string, date: string, s: Conflict): ConflictDecision | undefined =>
  date < s.lastStepOn
    ? reject('StepBeforePrevious', `the previous step was on ${s.lastStepOn}`, field)
    : undefined;

/** A conflict involves at least two distinct parties and says what happened. */
export const openConflict = (c: OpenConflict, s: Conflict): ConflictDecision => {
  if (s.status !== 'none')
    return reject('ConflictExists', `conflict ${c.conflictId} is already open`, 'conflictId');
  const bad = dated('openedOn', c.openedOn, s);
  if (bad !== undefined) return bad;
  const parties = [...new Set(c.parties)];
  if (parties.length < 2) return reject('TooFewParties', 'a conflict has at least two parties', 'parties');
  const { conflictId, description, openedOn, reportedBy } = c;
  return accept(events.make('ConflictOpened', { conflictId, parties, description, openedOn, reportedBy }));
};

/** Mediation is held on an open (or already mediated) conflict by someone who is not a party. */
export const mediateConflict = (c: MediateConflict, s: Conflict): ConflictDecision => {
  if (s.status !== 'open' && s.status !== 'mediated')
    return reject('NotOpen', s.status === 'none' ? 'no such conflict' : `the conflict is ${s.status}`);
  const bad = dated('mediatedOn', c.mediatedOn, s);
  if (bad !== undefined) return bad;
  if (s.parties.includes(c.mediator))
    return reject('MediatorIsParty', 'a party cannot mediate their own conflict', 'mediator');
  return accept(
    events.make('ConflictMediated', {
      conflictId: s.conflictId,
      mediator: c.mediator,
      mediatedOn: c.mediatedOn,
      notes: c.notes,
    }),
  );
};

/** A conflict is resolved after mediation or escalation, never straight from opening; resolution is final. */
export const resolveConflict = (c: ResolveConflict, s: Conflict): ConflictDecision => {
  if (s.status === 'open')
    return reject('NotMediated', 'mediate (or escalate) the conflict before resolving it');
  if (s.status !== 'mediated' && s.status !== 'escalated')
    return reject('NotOpen', s.status === 'none' ? 'no such conflict' : `the conflict is ${s.status}`);
  const bad = dated('resolvedOn', c.resolvedOn, s);
  if (bad !== undefined) return bad;
  return accept(
    events.make('ConflictResolved', {
      conflictId: s.conflictId,
      resolvedOn: c.resolvedOn,
      resolution: c.resolution,
    }),
  );
};

/** An open or mediated conflict can be escalated once, to a named person or body. */
export const escalateConflict = (c: EscalateConflict, s: Conflict): ConflictDecision => {
  if (s.status !== 'open' && s.status !== 'mediated')
    return reject('NotOpen', s.status === 'none' ? 'no such conflict' : `the conflict is ${s.status}`);
  const bad = dated('escalatedOn', c.escalatedOn, s);
  if (bad !== undefined) return bad;
  const { escalatedOn, escalatedTo, reason } = c;
  return accept(
    events.make('ConflictEscalated', { conflictId: s.conflictId, escalatedOn, escalatedTo, reason }),
  );
};

/** Decides one Conflict command (pure). */
export const decide = (c: ConflictCommand, s: Conflict): ConflictDecision => {
  switch (c.type) {
    case 'OpenConflict':
      return refuseStaffNotOnRecord(c.staffOnRecord) ?? openConflict(c, s);
    case 'MediateConflict':
      return mediateConflict(c, s);
    case 'ResolveConflict':
      return resolveConflict(c, s);
    case 'EscalateConflict':
      return escalateConflict(c, s);
  }
};

/** The Conflict aggregate: one stream per workplace conflict (`Conflict-<conflictId>`). */
export const decider: Decider<ConflictCommand, ConflictEvent, Conflict, ConflictRefusal> = {
  name: 'Conflict',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
