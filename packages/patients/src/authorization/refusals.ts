import { defineRefusals } from '@praxis/core';

/** Every code an Authorization refuses with, and its category. */
export const refusals = defineRefusals({
  AuthorizationExists: 'conflict',
  UnknownAuthorization: 'not-found',
  AlreadyDecided: 'conflict',
  /** Approved needs a number, ≥ 1 whole unit, validFrom ≤ validTo. */
  InvalidAuthorization: 'invalid',
  InvalidUnits: 'invalid',
  AuthorizationNotApproved: 'rule',
  AuthorizationExpired: 'rule',
  AuthorizationNotYetValid: 'rule',
  /** consumed + reserved + units would exceed the approved units. */
  AuthorizationExhausted: 'rule',
  ServiceNotAuthorized: 'rule',
  AlreadyReserved: 'conflict',
  NotReserved: 'conflict',
  ExtensionShrinks: 'rule',
  NothingToExtend: 'invalid',
  AuthorizationClosed: 'conflict',
});

export type AuthorizationRefusal = keyof typeof refusals;
