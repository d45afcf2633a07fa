import { defineRefusals } from '@praxis/core';

/** Every code a WorkItem refuses with, and its category. */
export const refusals = defineRefusals({
  AlreadyDelegated: 'conflict',
  CompletedBeforeCreated: 'rule',
  DelegateIsSelf: 'rule',
  DelegateNotActive: 'rule',
  DelegationPending: 'conflict',
  EvidenceMissing: 'invalid',
  ExpectationsMissing: 'invalid',
  NotTheDelegate: 'forbidden',
  NothingToAnswer: 'conflict',
  ObligationNotFound: 'not-found',
  PriorityUnchanged: 'conflict',
  ReasonRequired: 'invalid',
  SourceRefMissing: 'invalid',
  VerifierIsDoer: 'forbidden',
  WorkItemClosed: 'conflict',
  WorkItemExists: 'conflict',
  WorkItemNotCompleted: 'conflict',
  WorkItemNotFound: 'not-found',
});

/** A code a WorkItem refuses with. */
export type WorkItemRefusal = keyof typeof refusals;
