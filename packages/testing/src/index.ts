export { deciderSpec } from './decider-spec.js';
export * from './store-contract/index.js';
