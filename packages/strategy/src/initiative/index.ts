export * from './initiative.js';
export * from './obligations.js';
export * from './read-model.js';
