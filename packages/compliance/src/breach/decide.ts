import { accept, reject, type Decision } from '@praxis/core';
import { breachDeadlines, deadlineKey, mergeDeadlines, type StateResidents } from './deadlines.js';
import { events, type BreachEvent } from './events.js';
import type { Breach } from './state.js';
import type { DiscoverBreach, ReviseBreachScope, SendBreachNotification, BreachCommand } from './commands.js';
export type { DiscoverBreach, ReviseBreachScope, SendBreachNotification, BreachCommand } from './commands.js';

type D = Decision<BreachEvent>;

// Field shapes (real dates, whole counts ≥ 0, a named business associate) are guaranteed by
// the command codecs (./commands.ts), decoded by the handler before `decide`.

const scopeError = (affected: number, states: readonly StateResidents[]): D | undefined => {
  const names = states.map((s) => s.state);
  if (names.some((n, i) => names.indexOf(n) !== i))
    return reject('StateListedTwice', 'list each state once', 'states');
  const total = states.reduce((n, s) => n + s.residents, 0);
  return total > affected
    ? reject(
        'StatesExceedAffected',
        `state residents (${total}) exceed the number affected (${affected})`,
        'states',
      )
    : undefined;
};

/**
 * A business associate acting as the practice's agent discovers for the practice (45 CFR 164.404(a)(2) and the federal common law of
 * agency), so the practice's discovery date cannot be later than the agent's.
 */
const businessAssociateError = (c: DiscoverBreach): D | undefined => {
  const ba = c.businessAssociate;
  if (ba === undefined) return undefined;
  return ba.agent && c.discoveredOn > ba.discoveredOn
    ? reject(
        'AgentDiscoveryImputed',
        `${ba.name} acts as the practice's agent: its discovery on ${ba.discoveredOn} is the practice's (45 CFR 164.404(a)(2))`,
        'discoveredOn',
      )
    : undefined;
};

/**
 * A breach is recorded once; its notification deadlines follow from discovery date and
 * scope, and — when a business associate discovered it — from the business associate's
 * discovery date (its notice to the practice, 164.410(b)).
 */
const discoverBreach = (c: DiscoverBreach, s: Breach): D =>
  s.exists
    ? reject('BreachAlreadyRecorded', `breach ${c.breachId} exists`, 'breachId')
    : (scopeError(c.affected, c.states) ??
      businessAssociateError(c) ??
      accept(
        events.make('BreachDiscovered', {
          breachId: c.breachId,
          description: c.description,
          discoveredOn: c.discoveredOn,
          affected: c.affected,
          states: [...c.states],
          deadlines: breachDeadlines(c.discoveredOn, c.affected, c.states, c.businessAssociate),
          ...(c.businessAssociate === undefined
            ? {}
            : {
                businessAssociate: {
                  name: c.businessAssociate.name.trim(),
                  discoveredOn: c.businessAssociate.discoveredOn,
                  agent: c.businessAssociate.agent,
                },
              }),
        }),
      ));

/**
 * A revised scope can add notifications or bring them earlier, never postpone or drop one:
 * a deadline, once owed, never moves later (even if the count is corrected downward).
 */
const reviseBreachScope = (c: ReviseBreachScope, s: Breach): D =>
  !s.exists
    ? reject('BreachNotFound', 'no such breach')
    : c.revisedOn < s.discoveredOn
      ? reject('RevisedBeforeDiscovered', 'a revision cannot precede discovery', 'revisedOn')
      : (scopeError(c.affected, c.states) ??
        accept(
          events.make('BreachScopeRevised', {
            breachId: s.breachId,
            revisedOn: c.revisedOn,
            affected: c.affected,
            states: [...c.states],
            deadlines: mergeDeadlines(
              s.deadlines,
              breachDeadlines(s.discoveredOn, c.affected, c.states, s.businessAssociate),
            ),
          }),
        ));

/**
 * Only an owed notification is recorded, once, on or after discovery (late notices are still
 * recorded). A business associate's notice to the practice (`covered-entity`) is dated on or
 * after the business associate's discovery.
 */
const sendBreachNotification = (c: SendBreachNotification, s: Breach): D => {
  if (!s.exists) return reject('BreachNotFound', 'no such breach');
  const key = deadlineKey(c.state === undefined ? { recipient: c.recipient } : c);
  const owed = s.deadlines.find((d) => deadlineKey(d) === key);
  if (owed === undefined) return reject('NotificationNotOwed', `no ${key} notification is owed`, 'recipient');
  if (s.sent[key] !== undefined)
    return reject('NotificationAlreadySent', `sent on ${s.sent[key]}`, 'recipient');
  const from =
    c.recipient === 'covered-entity' ? (s.businessAssociate?.discoveredOn ?? s.discoveredOn) : s.discoveredOn;
  if (c.sentOn < from) return reject('SentBeforeDiscovered', 'notice precedes discovery', 'sentOn');
  return accept(
    events.make('BreachNotificationSent', {
      breachId: s.breachId,
      recipient: c.recipient,
      sentOn: c.sentOn,
      dueOn: owed.dueOn,
      ...(owed.state === undefined ? {} : { state: owed.state }),
    }),
  );
};

/** Decides a Breach command. Pure. */
export const decide = (c: BreachCommand, s: Breach): D => {
  switch (c.type) {
    case 'DiscoverBreach':
      return discoverBreach(c, s);
    case 'ReviseBreachScope':
      return reviseBreachScope(c, s);
    case 'SendBreachNotification':
      return sendBreachNotification(c, s);
  }
};
