/**
 * @praxis/policies — the practice's policies: drafted, approved by an authorised role,
 * published as numbered versions, assigned to roles, acknowledged per person and version,
 * trained on, audited for enforcement, reviewed on a schedule, revised or retired.
 */
export * as Policy from './policy/index.js';
export * from './obligations/index.js';
export * from './status/index.js';
