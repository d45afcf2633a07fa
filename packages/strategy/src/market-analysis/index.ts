export * from './commands.js';
export * from './decide.js';
export * from './events.js';
export * from './evidence.js';
export * from './obligations.js';
export * from './refusals.js';
