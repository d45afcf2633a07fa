export * from './projection.js';
export * from './reorder.js';
