import { defineRefusals } from '@praxis/core';

/** Every code a PurchaseOrder refuses with, and its category. */
export const refusals = defineRefusals({
  POAlreadyExists: 'conflict',
  PONotFound: 'not-found',
  NoLines: 'invalid',
  DuplicateLine: 'invalid',
  PONotDraft: 'conflict',
  PONotSubmitted: 'conflict',
  PONotApproved: 'conflict',
  POClosed: 'conflict',
  POPartlyReceived: 'conflict',
  ApprovalLimitExceeded: 'forbidden',
  BudgetNotFound: 'not-found',
  BudgetNotApproved: 'rule',
  BudgetLineNotFound: 'not-found',
  BudgetLineExhausted: 'rule',
  ReceiptAlreadyRecorded: 'conflict',
  ItemNotOnOrder: 'rule',
  OverReceipt: 'rule',
  LotExpired: 'rule',
  SubmittedBeforeDrafted: 'rule',
  ApprovedBeforeSubmitted: 'rule',
  SentBeforeApproved: 'rule',
  ReceivedBeforeApproved: 'rule',
  ExpiryRequired: 'invalid',
  UnknownInitiative: 'not-found',
  InitiativeNotApproved: 'conflict',
  InitiativeLineMismatch: 'rule',
});

/** A code a PurchaseOrder refuses with. */
export type PurchaseOrderRefusal = keyof typeof refusals;
