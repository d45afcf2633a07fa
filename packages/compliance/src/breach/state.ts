import {
  deadlineKey,
  type BusinessAssociate,
  type NotificationDeadline,
  type StateResidents,
} from './deadlines.js';
import type { BreachEvent } from './events.js';

/** A breach as its events left it. JSON-serialisable. */
export interface Breach {
  readonly exists: boolean;
  readonly breachId: string;
  /** The day the practice (the covered entity) discovered the breach: its clocks run from it. */
  readonly discoveredOn: string;
  /** The business associate that discovered the breach, if one did. */
  readonly businessAssociate?: BusinessAssociate;
  readonly affected: number;
  readonly states: readonly StateResidents[];
  readonly deadlines: readonly NotificationDeadline[];
  /** Deadline key → the day the notice was sent. */
  readonly sent: Readonly<Record<string, string>>;
}

/** No breach yet. */
export const initialState: Breach = {
  exists: false,
  breachId: '',
  discoveredOn: '',
  affected: 0,
  states: [],
  deadlines: [],
  sent: {},
};

/** Applies one event. Pure. */
export const evolve = (s: Breach, e: BreachEvent): Breach => {
  switch (e.type) {
    case 'BreachDiscovered':
      return {
        exists: true,
        breachId: e.data.breachId,
        discoveredOn: e.data.discoveredOn,
        affected: e.data.affected,
        states: e.data.states,
        deadlines: e.data.deadlines,
        sent: {},
        ...(e.data.businessAssociate === undefined ? {} : { businessAssociate: e.data.businessAssociate }),
      };
    case 'BreachScopeRevised':
      return { ...s, affected: e.data.affected, states: e.data.states, deadlines: e.data.deadlines };
    case 'BreachNotificationSent':
      return { ...s, sent: { ...s.sent, [deadlineKey(e.data)]: e.data.sentOn } };
  }
};
