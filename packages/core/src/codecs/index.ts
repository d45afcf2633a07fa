export * from './primitives.js';
export * from './registry.js';
export * from './commands.js';
export { excessKey, failureCode } from './exact.js';
