/**
 * @praxis/audit — the audit trail: an audit view indexing every event by actor, entity, type
 * and time, paged queries and CSV / JSON Lines export, refused commands recorded in a security
 * stream, as-of replay of an aggregate or the whole practice, and hash-chain verification.
 */
export * from './audit-view.js';
export * from './query.js';
export * from './export.js';
export * from './refusals.js';
export * from './as-of.js';
export * from './verify.js';
export * from './trust/index.js';
export * from './safe-text.js';
