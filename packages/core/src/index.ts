/**
 * @praxis/core — the kernel every Praxis package builds on: the event envelope and store
 * port, io-ts event codecs, the Decider and CommandHandler, permissions, clock, errors and
 * the hash chain.
 */
export * from './errors/index.js';
export * as Position from './position.js';
export type * from './envelope.js';
export type * from './event-store.js';
export * from './codecs/index.js';
export * from './domain-error.js';
export * from './decider.js';
export * from './command-handler.js';
export * from './permissions.js';
export * from './clock.js';
export * from './ids.js';
export * from './canonical-json.js';
export * from './hash-chain.js';
export * as StoreKit from './store-kit/index.js';
export * from './collect.js';
export * from './projection.js';
export * from './obligation.js';
export type * from './read-model-store.js';
export type * from './snapshot-store.js';
export { CheckpointMoved } from './errors/checkpoint-moved.js';
export * from './vault/index.js';
export * from './business-days.js';
export { usFederalHolidays } from './us-federal-holidays.js';
export * from './period.js';
export * from './module/index.js';
export * from './define-projection.js';
