export * from './initiative.js';
export * from './obligations.js';
