import * as t from 'io-ts';
import { ISODate, NonEmptyString, PositiveInt, defineEvents, struct, type EventOf } from '@praxis/core';

/** What the business associate did with the practice's PHI when the relationship ended. */
export const PhiDisposition = t.keyof({ returned: null, destroyed: null, 'retained-infeasible': null });
/** What happened to the PHI at termination (45 CFR 164.504(e)(2)(ii)(J)). */
export type PhiDisposition = t.TypeOf<typeof PhiDisposition>;

/** Every event of a business associate in the practice's register (45 CFR 164.502(e), 164.504(e)). */
export const events = defineEvents({
  /**
   * A vendor (billing company, clearinghouse, IT or cloud provider, shredding service,
   * transcription, lawyer, accountant…) was entered in the register; `holdsPhi` says whether it
   * creates, receives, maintains or transmits PHI for the practice (and so needs an agreement).
   */
  BusinessAssociateRegistered: struct(
    {
      associateId: NonEmptyString,
      /** The organisation's name (a company, not a person). */
      name: NonEmptyString,
      /** What it does for the practice. */
      services: NonEmptyString,
      holdsPhi: t.boolean,
      registeredOn: ISODate,
    },
    { systemIds: t.readonlyArray(NonEmptyString) },
  ),
  /**
   * A business associate agreement was signed: in effect from `effectiveOn` until `expiresOn`
   * (open-ended when absent). `supersedes` names the agreement it replaces (a renewal).
   */
  BusinessAssociateAgreementSigned: struct(
    {
      associateId: NonEmptyString,
      agreementId: NonEmptyString,
      signedOn: ISODate,
      effectiveOn: ISODate,
      /** Where the signed agreement is kept (a document id or path). */
      documentRef: NonEmptyString,
      /** Days before expiry the renewal appears in the calendar. */
      renewalNoticeDays: PositiveInt,
    },
    { expiresOn: ISODate, supersedes: NonEmptyString },
  ),
  /** The relationship ended; the PHI was returned, destroyed, or (if infeasible) kept protected. */
  BusinessAssociateTerminated: struct(
    {
      associateId: NonEmptyString,
      terminatedOn: ISODate,
      reason: NonEmptyString,
      phiDisposition: PhiDisposition,
    },
    { agreementId: NonEmptyString },
  ),
});

/** Every BusinessAssociate event. */
export type BusinessAssociateEvent = EventOf<typeof events>;
