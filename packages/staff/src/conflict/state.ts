import type { ConflictEvent } from './events.js';

/** opened → mediated → resolved, or escalated (from opened or mediated) and later resolved. */
export type ConflictStatus = 'none' | 'open' | 'mediated' | 'escalated' | 'resolved';

/** The state of one conflict. */
export interface Conflict {
  readonly status: ConflictStatus;
  readonly conflictId: string;
  readonly parties: readonly string[];
  /** Date of the latest step, so that steps stay in date order. */
  readonly lastStepOn: string;
}

/** No conflict yet. */
export const initialState: Conflict = { status: 'none', conflictId: '', parties: [], lastStepOn: '' };

/** Applies one event (pure). */
export const evolve = (s: Conflict, e: ConflictEvent): Conflict => {
  switch (e.type) {
    case 'ConflictOpened':
      return {
        status: 'open',
        conflictId: e.data.conflictId,
        parties: e.data.parties,
        lastStepOn: e.data.openedOn,
      };
    case 'ConflictMediated':
      return { ...s, status: 'mediated', lastStepOn: e.data.mediatedOn };
    case 'ConflictEscalated':
      return { ...s, status: 'escalated', lastStepOn: e.data.escalatedOn };
    case 'ConflictResolved':
      return { ...s, status: 'resolved', lastStepOn: e.data.resolvedOn };
  }
};
