import { accept, reject } from '@praxis/core';
import { addDays } from '../dates.js';
import { events, type StaffMemberEvent } from './events.js';
import type { StaffMember } from './state.js';
import { notOnStaff, type StaffDecision } from './rules.js';
import type {
  VerifyCredential,
  RenewCredential,
  RecordExclusionScreening,
  Recredential,
} from './commands.js';
export type {
  VerifyCredential,
  RenewCredential,
  RecordExclusionScreening,
  Recredential,
} from './commands.js';

/** How far before expiry a DEA registration may be renewed (DEA: up to 60 days before). */
export const deaRenewalWindowDays = 60;
/** NCQA: recredentialing at least every 36 months. */
export const recredentialingMonths = 36;

const tracked = (s: StaffMember) => Object.values(s.credentials).filter((c) => c.endedOn === undefined);

/** The first tracked credential expired on `date`, as a rejection (`CredentialExpired`). */
export const expiredCredential = (s: StaffMember, date: string): StaffDecision | undefined => {
  const c = tracked(s).find((x) => x.expiresOn < date);
  return c === undefined
    ? undefined
    : reject('CredentialExpired', `${c.kind} ${c.number} expired on ${c.expiresOn}`, c.credentialId);
};

/** The events that stop tracking every credential (at separation or a closed application). */
export const endTracking = (s: StaffMember, endedOn: string, reason: string): StaffMemberEvent[] =>
  tracked(s).map((c) =>
    events.make('StaffCredentialTrackingEnded', {
      staffId: s.staffId,
      credentialId: c.credentialId,
      endedOn,
      reason,
    }),
  );

const active = (s: StaffMember): boolean =>
  s.status !== 'none' && s.status !== 'separated' && s.status !== 'closed';

/**
 * A credential is recorded once verified at its source, with issuer, number and expiry;
 * an already expired credential cannot be verified.
 */
export const verifyCredential = (c: VerifyCredential, s: StaffMember): StaffDecision => {
  if (!active(s)) return reject('NotActive', 'credentials are verified for candidates and staff only');
  if (s.credentials[c.credentialId] !== undefined)
    return reject(
      'CredentialAlreadyVerified',
      `credential ${c.credentialId} is already on file`,
      'credentialId',
    );
  if (c.expiresOn <= c.verifiedOn)
    return reject(
      'CredentialExpired',
      `the credential expires on ${c.expiresOn}, not after ${c.verifiedOn}`,
      'expiresOn',
    );
  const { credentialId, kind, issuer, number, expiresOn, verifiedOn } = c;
  return accept(
    events.make('StaffCredentialVerified', {
      staffId: s.staffId,
      credentialId,
      kind,
      issuer,
      number,
      expiresOn,
      verifiedOn,
      ...(c.jurisdiction === undefined ? {} : { jurisdiction: c.jurisdiction }),
    }),
  );
};

/**
 * A renewal must extend the expiry. A DEA registration may be renewed at most 60 days
 * before it expires, and not once it has expired: an expired registration permits no
 * handling of controlled substances and needs a new registration (DEA, see DOMAIN.md).
 */
export const renewCredential = (c: RenewCredential, s: StaffMember): StaffDecision => {
  if (!active(s)) return reject('NotActive', 'credentials are renewed for candidates and staff only');
  const cred = s.credentials[c.credentialId];
  if (cred === undefined || cred.endedOn !== undefined)
    return reject('CredentialNotFound', `no tracked credential ${c.credentialId}`, 'credentialId');
  if (c.renewedOn < cred.verifiedOn)
    return reject(
      'RenewalBeforeVerification',
      `renewedOn ${c.renewedOn} is before the credential was verified on ${cred.verifiedOn}`,
      'renewedOn',
    );
  if (c.expiresOn <= cred.expiresOn)
    return reject('RenewalDoesNotExtend', `the new expiry must be after ${cred.expiresOn}`, 'expiresOn');
  if (cred.kind === 'dea-registration') {
    const opens = addDays(cred.expiresOn, -deaRenewalWindowDays);
    if (c.renewedOn < opens)
      return reject(
        'DeaRenewalTooEarly',
        `a DEA registration can be renewed from ${opens} (60 days before expiry)`,
        'renewedOn',
      );
    if (c.renewedOn > cred.expiresOn)
      return reject(
        'DeaRegistrationExpired',
        `the DEA registration expired on ${cred.expiresOn}: verify a new registration`,
        'renewedOn',
      );
  }
  return accept(
    events.make('StaffCredentialRenewed', {
      staffId: s.staffId,
      credentialId: c.credentialId,
      renewedOn: c.renewedOn,
      previousExpiresOn: cred.expiresOn,
      expiresOn: c.expiresOn,
    }),
  );
};

/**
 * Every OIG exclusion check is recorded with its date and result (monthly for staff, OIG
 * guidance); checks are recorded in date order.
 */
export const recordExclusionScreening = (c: RecordExclusionScreening, s: StaffMember): StaffDecision => {
  if (!active(s)) return reject('NotActive', 'exclusion checks are recorded for candidates and staff only');
  if (s.lastScreening !== undefined && c.screenedOn < s.lastScreening.screenedOn)
    return reject(
      'ScreeningOutOfOrder',
      `a later check (${s.lastScreening.screenedOn}) is already recorded`,
      'screenedOn',
    );
  return accept(
    events.make('OigExclusionScreened', {
      staffId: s.staffId,
      screenedOn: c.screenedOn,
      result: c.result,
      source: c.source ?? 'OIG LEIE',
    }),
  );
};

/**
 * Recredentialing (NCQA, at most 36 months apart) needs a person on staff, a clear
 * exclusion check and no expired credential.
 */
export const recredential = (c: Recredential, s: StaffMember): StaffDecision => {
  const off = notOnStaff(s);
  if (off !== undefined) return off;
  if (s.lastScreening?.result !== 'clear')
    return reject('PersonExcluded', `${s.name} has no clear OIG exclusion check on file`);
  if (c.recredentialedOn < (s.credentialedOn ?? ''))
    return reject(
      'RecredentialBeforeCredentialing',
      `last credentialed on ${s.credentialedOn}`,
      'recredentialedOn',
    );
  return (
    expiredCredential(s, c.recredentialedOn) ??
    accept(events.make('StaffRecredentialed', { staffId: s.staffId, recredentialedOn: c.recredentialedOn }))
  );
};
