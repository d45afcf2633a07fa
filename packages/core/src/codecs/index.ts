export * from './primitives.js';
export * from './registry.js';
