/** Building blocks shared by store adapters (not needed by applications). */
export * from './prepare-append.js';
export * from './expected-revision.js';
export * from './filter.js';
export * from './decode-stored.js';
export * from './subscription.js';
export * from './arguments.js';
