import { defineRefusals } from '@praxis/core';

/** Every code a Stock refuses with, and its category. */
export const refusals = defineRefusals({
  StockIdMismatch: 'invalid',
  ItemNotFound: 'not-found',
  ExpiryRequired: 'invalid',
  LotExpired: 'rule',
  LotExpiryMismatch: 'conflict',
  ReceiptAlreadyRecorded: 'conflict',
  ConsumptionAlreadyRecorded: 'conflict',
  CountAlreadyRecorded: 'conflict',
  AdjustmentAlreadyRecorded: 'conflict',
  DisposalAlreadyRecorded: 'conflict',
  LotNotFound: 'not-found',
  LotQuarantined: 'rule',
  LotNotQuarantined: 'conflict',
  LotAlreadyQuarantined: 'conflict',
  InsufficientStock: 'rule',
  NoDeaRegistration: 'forbidden',
  WitnessesRequired: 'rule',
  DuplicateLine: 'invalid',
  TransferAlreadyRecorded: 'conflict',
  SameLocation: 'invalid',
  NoReorderPolicy: 'rule',
  AboveReorderPoint: 'rule',
  ReorderAlreadyOpen: 'conflict',
});

/** A code a Stock refuses with. */
export type StockRefusal = keyof typeof refusals;
