import * as t from 'io-ts';
import { DateTime } from 'luxon';
import {
  accept,
  command,
  defineCommands,
  defineRefusals,
  ISODate,
  NonEmptyString,
  PositiveInt,
  reject,
  type CommandOf,
  type Decider,
  type Decision,
} from '@praxis/core';
import { events, PhiDisposition, type BusinessAssociateEvent } from './events.js';

export * from './events.js';

/** Days before an agreement's expiry its renewal appears in the calendar, unless set. */
export const defaultRenewalNoticeDays = 60;
/** Longest renewal notice (days). */
export const maxRenewalNoticeDays = 365;

/** Every command of the business-associate register; each dated `…On` is its business time. */
export const commands = defineCommands('associateId', {
  /** Enter a vendor in the register; `holdsPhi` when it handles the practice's PHI. */
  RegisterBusinessAssociate: command(
    {
      associateId: NonEmptyString,
      /** The organisation's name. */
      name: NonEmptyString,
      services: NonEmptyString,
      holdsPhi: t.boolean,
      registeredOn: ISODate,
    },
    /** The practice's technology systems (`@praxis/resources` system ids) it runs or hosts. */
    { systemIds: t.readonlyArray(NonEmptyString) },
    { businessTime: 'registeredOn' },
  ),
  /**
   * Record a signed agreement. `expiresOn` (absent: open-ended, e.g. "until terminated") opens
   * a renewal duty `renewalNoticeDays` (default 60, at most 365) before it.
   */
  RecordBusinessAssociateAgreement: command(
    { agreementId: NonEmptyString, signedOn: ISODate, effectiveOn: ISODate, documentRef: NonEmptyString },
    { expiresOn: ISODate, renewalNoticeDays: PositiveInt },
    { businessTime: 'signedOn' },
  ),
  /** End the relationship, saying what became of the PHI. */
  TerminateBusinessAssociate: command(
    { terminatedOn: ISODate, reason: NonEmptyString, phiDisposition: PhiDisposition },
    {},
    { businessTime: 'terminatedOn' },
  ),
});

/** Every BusinessAssociate command, as `decide` sees it. */
export type BusinessAssociateCommand = CommandOf<typeof commands>;

/** Every code the register refuses with, and its category. */
export const refusals = defineRefusals({
  AgreementAlreadyRecorded: 'conflict',
  BusinessAssociateAlreadyRegistered: 'conflict',
  BusinessAssociateNotFound: 'not-found',
  BusinessAssociateTerminated: 'conflict',
  ExpiresBeforeEffective: 'rule',
  RenewalNoticeTooLong: 'invalid',
  SignedBeforeRegistered: 'rule',
  TerminatedBeforeRegistered: 'rule',
});
/** A code the register refuses with. */
export type BusinessAssociateRefusal = keyof typeof refusals;

/** One agreement as recorded. */
export interface Agreement {
  readonly agreementId: string;
  readonly signedOn: string;
  readonly effectiveOn: string;
  readonly expiresOn?: string;
}

/** A business associate as its events left it. JSON-serialisable. */
export interface BusinessAssociate {
  readonly exists: boolean;
  readonly associateId: string;
  readonly name: string;
  readonly holdsPhi: boolean;
  readonly registeredOn: string;
  readonly agreements: readonly Agreement[];
  readonly terminatedOn?: string;
}

/** Not registered. */
export const initialState: BusinessAssociate = {
  exists: false,
  associateId: '',
  name: '',
  holdsPhi: false,
  registeredOn: '',
  agreements: [],
};

const evolve = (s: BusinessAssociate, e: BusinessAssociateEvent): BusinessAssociate => {
  switch (e.type) {
    case 'BusinessAssociateRegistered':
      return {
        exists: true,
        associateId: e.data.associateId,
        name: e.data.name,
        holdsPhi: e.data.holdsPhi,
        registeredOn: e.data.registeredOn,
        agreements: [],
      };
    case 'BusinessAssociateAgreementSigned':
      return {
        ...s,
        agreements: [
          ...s.agreements,
          {
            agreementId: e.data.agreementId,
            signedOn: e.data.signedOn,
            effectiveOn: e.data.effectiveOn,
            ...(e.data.expiresOn === undefined ? {} : { expiresOn: e.data.expiresOn }),
          },
        ],
      };
    case 'BusinessAssociateTerminated':
      return { ...s, terminatedOn: e.data.terminatedOn };
  }
};

type D = Decision<BusinessAssociateEvent>;

/** The agreement a new one supersedes: the latest one recorded, when it has an expiry. */
const latestWithExpiry = (s: BusinessAssociate): Agreement | undefined => {
  const last = s.agreements.at(-1);
  return last?.expiresOn === undefined ? undefined : last;
};

/**
 * The register's rules (45 CFR 164.502(e), 164.504(e)): a vendor is registered once; an
 * agreement needs a registered, current vendor, a new id, a signature not before registration,
 * and an expiry after its effective date; a relationship ends once, not before it began.
 */
const decide = (c: BusinessAssociateCommand, s: BusinessAssociate): D => {
  if (c.type === 'RegisterBusinessAssociate')
    return s.exists
      ? reject('BusinessAssociateAlreadyRegistered', `${c.associateId} is already registered`, 'associateId')
      : accept(
          events.make('BusinessAssociateRegistered', {
            associateId: c.associateId,
            name: c.name,
            services: c.services,
            holdsPhi: c.holdsPhi,
            registeredOn: c.registeredOn,
            ...(c.systemIds === undefined ? {} : { systemIds: c.systemIds }),
          }),
        );
  if (!s.exists) return reject('BusinessAssociateNotFound', 'register the business associate first');
  if (s.terminatedOn !== undefined)
    return reject('BusinessAssociateTerminated', `the relationship ended on ${s.terminatedOn}`);
  switch (c.type) {
    case 'RecordBusinessAssociateAgreement': {
      if (s.agreements.some((a) => a.agreementId === c.agreementId))
        return reject('AgreementAlreadyRecorded', `agreement ${c.agreementId} is recorded`, 'agreementId');
      if (c.signedOn < s.registeredOn)
        return reject('SignedBeforeRegistered', `registered on ${s.registeredOn}`, 'signedOn');
      if (c.expiresOn !== undefined && c.expiresOn <= c.effectiveOn)
        return reject('ExpiresBeforeEffective', `it takes effect on ${c.effectiveOn}`, 'expiresOn');
      if (c.renewalNoticeDays !== undefined && c.renewalNoticeDays > maxRenewalNoticeDays)
        return reject(
          'RenewalNoticeTooLong',
          `at most ${maxRenewalNoticeDays} days before expiry`,
          'renewalNoticeDays',
        );
      const previous = latestWithExpiry(s);
      return accept(
        events.make('BusinessAssociateAgreementSigned', {
          associateId: s.associateId,
          agreementId: c.agreementId,
          signedOn: c.signedOn,
          effectiveOn: c.effectiveOn,
          documentRef: c.documentRef,
          renewalNoticeDays: c.renewalNoticeDays ?? defaultRenewalNoticeDays,
          ...(c.expiresOn === undefined ? {} : { expiresOn: c.expiresOn }),
          ...(previous === undefined ? {} : { supersedes: previous.agreementId }),
        }),
      );
    }
    case 'TerminateBusinessAssociate': {
      if (c.terminatedOn < s.registeredOn)
        return reject('TerminatedBeforeRegistered', `registered on ${s.registeredOn}`, 'terminatedOn');
      const last = s.agreements.at(-1);
      return accept(
        events.make('BusinessAssociateTerminated', {
          associateId: s.associateId,
          terminatedOn: c.terminatedOn,
          reason: c.reason,
          phiDisposition: c.phiDisposition,
          ...(last === undefined ? {} : { agreementId: last.agreementId }),
        }),
      );
    }
  }
};

/** The first day a renewal shows: `noticeDays` before expiry. */
export const renewalArisesOn = (expiresOn: string, noticeDays: number): string =>
  DateTime.fromISO(expiresOn, { zone: 'utc' }).minus({ days: noticeDays }).toISODate()!;

/**
 * Whether an agreement is in effect on a day: signed by then, effective, and not expired
 * (an agreement is in effect through its `expiresOn`).
 */
export const inEffectOn = (a: Agreement, day: string): boolean =>
  a.signedOn <= day && a.effectiveOn <= day && (a.expiresOn === undefined || day <= a.expiresOn);

/**
 * The business-associate register (stream `BusinessAssociate-<associateId>`): who holds PHI
 * for the practice, under which agreement, until when. A vendor holding PHI without an
 * agreement in effect owes one (`baa:<id>` in the calendar, 45 CFR 164.502(e)(1), 164.308(b)(1));
 * an agreement with an expiry opens `baa-renewal:<id>:<agreementId>` before it.
 *
 * @example
 * await practice.compliance.registerBusinessAssociate({ associateId: 'clearinghouse', name: 'Availity',
 *   services: 'claims clearinghouse', holdsPhi: true, registeredOn: '2026-01-05' });
 */
export const decider: Decider<
  BusinessAssociateCommand,
  BusinessAssociateEvent,
  BusinessAssociate,
  BusinessAssociateRefusal
> = {
  name: 'BusinessAssociate',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
