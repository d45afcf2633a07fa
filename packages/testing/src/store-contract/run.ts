import { describe } from 'vitest';
import { concurrencyCases } from './concurrency.cases.js';
import { expectedRevisionCases } from './expected-revision.cases.js';
import { makeContext } from './harness.js';
import { oneSemanticsCases } from './one-semantics.cases.js';
import { integrityCases } from './integrity.cases.js';
import { readCases } from './reads.cases.js';
import type { ContractCapabilities, ContractFactory } from './subject.js';
import { subscriptionCases } from './subscriptions.cases.js';

/**
 * Declares the event store contract (cases 1–27 of EVENT-STORE-CONTRACT.md, and 28–33 of
 * docs/store-contract.md) as vitest tests
 * for one adapter. Call it at the top level of the adapter's test file. Each test gets a fresh
 * subject from `factory` and cleans it up; an aspect the adapter cannot support is reported
 * as skipped with the reason it declares in `capabilities.notApplicable`, never as a pass.
 *
 * @example
 * runEventStoreContract(
 *   'memory',
 *   async ({ registry, positionsFrom }) => {
 *     const store = memoryEventStore({
 *       registry,
 *       ...(positionsFrom === undefined ? {} : { firstPosition: positionsFrom + 1n }),
 *     });
 *     return {
 *       store,
 *       cleanup: () => store.close(),
 *       corruptStoredEvent: async (position, mutate) => store.corruptStoredEvent(position, mutate),
 *     };
 *   },
 *   {
 *     notApplicable: {
 *       crash: 'memory store: no process to kill',
 *       slowTransaction: 'memory store: an append is one synchronous step',
 *       rollback: 'memory store: no backend transaction to roll back',
 *     },
 *   },
 * );
 */
export const runEventStoreContract = (
  name: string,
  factory: ContractFactory,
  capabilities: ContractCapabilities = {},
): void => {
  const ctx = makeContext(factory, capabilities);
  describe(`event store contract: ${name}`, () => {
    expectedRevisionCases(ctx);
    concurrencyCases(ctx);
    readCases(ctx);
    subscriptionCases(ctx);
    integrityCases(ctx);
    oneSemanticsCases(ctx);
  });
};
