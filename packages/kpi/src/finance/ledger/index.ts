/** The general ledger: a projection of every financial event, and the statements read from it. */
export * from './accounts.js';
export * from './projection.js';
export * from './statements.js';
