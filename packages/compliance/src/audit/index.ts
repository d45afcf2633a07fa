import type { Decider } from '@praxis/core';
import { commands } from './commands.js';
export { commands } from './commands.js';
import { decide, type AuditCommand } from './decide.js';
import { events, type AuditEvent } from './events.js';
import { evolve, initialState, type Audit } from './state.js';
import { refusals, type AuditRefusal } from './refusals.js';
export { refusals, type AuditRefusal } from './refusals.js';

export * from './events.js';
export * from './state.js';
export * from './decide.js';

/**
 * The compliance Audit aggregate: scheduled → performed → findings → corrective actions
 * (assigned with a due date, completed, verified) → findings closed. Streams are `Audit-<auditId>`.
 *
 * @example
 * const audits = makeCommandHandler({ store, decider: Audit.decider, clock });
 */
export const decider: Decider<AuditCommand, AuditEvent, Audit, AuditRefusal> = {
  name: 'Audit',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
