export { deciderSpec, decideHandled, handled } from './decider-spec.js';
export * from './store-contract/index.js';
export { runSubjectKeyStoreContract, type KeyStoreSubject } from './key-store-contract.js';
