export { commands, type ProcessMapCommand } from './commands.js';
export * from './events.js';
export { refusals, type ProcessMapRefusal } from './refusals.js';
export * from './decider.js';
