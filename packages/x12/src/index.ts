/**
 * @praxis/x12 — the revenue cycle's ASC X12 interchange: 835 remittances in (auto-posting
 * through the finance commands), 837P claims out and in, and the CARC/RARC code lists.
 * X12 is read and written with `node-x12` (docs/decisions/x12-parser-choice.md).
 */
export * from './x12-error.js';
export * from './interchange.js';
export * from './stream.js';
export * from './money.js';
export * from './era/model.js';
export * from './era/read.js';
export * from './era/balance.js';
export * from './era/plan.js';
export * from './era/import.js';
export * as Remittance from './remittance/index.js';
export * from './write.js';
export * from './era/write.js';
export * from './claims837/p837.js';
export * from './claims837/claims.js';
export * from './codes/code-lists.js';
