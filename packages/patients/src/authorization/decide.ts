import { accept, reject, type Decider, type Decision } from '@praxis/core';
import { commands, type AuthorizationCommand, type AuthorizationCommandOf } from './commands.js';
import { events, type AuthorizationEvent } from './events.js';
import { refusals, type AuthorizationRefusal } from './refusals.js';
import { evolve, initialState, remainingUnits, reservedUnits, type Authorization } from './state.js';

type D = Decision<AuthorizationEvent>;
const wholeUnits = (n: number) => Number.isSafeInteger(n) && n >= 1;

/** Approved, not closed, and valid on `serviceOn` (named by `field`). */
const usable = (s: Authorization, serviceOn: string, field: string): D | undefined => {
  if (s.status === 'none') return reject('UnknownAuthorization', 'no such authorization', 'authorizationId');
  if (s.status === 'closed')
    return reject('AuthorizationClosed', 'the authorization is closed', 'authorizationId');
  if (s.status !== 'approved')
    return reject('AuthorizationNotApproved', `the authorization is ${s.status}`, 'authorizationId');
  if (serviceOn > s.validTo) return reject('AuthorizationExpired', `valid until ${s.validTo}`, field);
  if (serviceOn < s.validFrom) return reject('AuthorizationNotYetValid', `valid from ${s.validFrom}`, field);
  return undefined;
};

const ids = (s: Authorization) => ({ authorizationId: s.authorizationId, patientId: s.patientId });

const decideRecord = (c: AuthorizationCommandOf<'RecordAuthorizationDecision'>, s: Authorization): D => {
  if (s.status === 'none')
    return reject('UnknownAuthorization', 'request the authorization first', 'authorizationId');
  if (s.status !== 'requested')
    return reject('AlreadyDecided', `the authorization is ${s.status}`, 'decision');
  if (c.decision === 'denied')
    return accept(
      events.make('AuthorizationDenied', {
        ...ids(s),
        decidedOn: c.decidedOn,
        recordedBy: c.recordedBy,
        ...(c.reason === undefined ? {} : { reason: c.reason }),
      }),
    );
  if (c.number === undefined) return reject('InvalidAuthorization', 'an approval has a number', 'number');
  if (c.approvedUnits === undefined || !wholeUnits(c.approvedUnits))
    return reject('InvalidAuthorization', 'approve at least one whole unit', 'approvedUnits');
  if (c.validFrom === undefined)
    return reject('InvalidAuthorization', 'an approval has validFrom', 'validFrom');
  if (c.validTo === undefined || c.validTo < c.validFrom)
    return reject('InvalidAuthorization', 'validTo is on or after validFrom', 'validTo');
  return accept(
    events.make('AuthorizationApproved', {
      ...ids(s),
      partial: c.decision === 'partially-approved',
      number: c.number,
      approvedUnits: c.approvedUnits,
      validFrom: c.validFrom,
      validTo: c.validTo,
      decidedOn: c.decidedOn,
      recordedBy: c.recordedBy,
    }),
  );
};

/**
 * Decides one Authorization command (pure). Units: consumed + reserved + new units never exceed
 * the approved units (`AuthorizationExhausted`), so consumed never exceeds approved; service
 * dates lie within validity (`AuthorizationExpired`, `AuthorizationNotYetValid`); a consumed CPT
 * code must be in scope when the authorization lists codes (`ServiceNotAuthorized`); an
 * extension never shrinks the validity or the units (`ExtensionShrinks`). MODULES.md §3.1 P5.
 */
export const decide = (c: AuthorizationCommand, s: Authorization): D => {
  switch (c.type) {
    case 'RequestAuthorization': {
      if (s.status !== 'none') return reject('AuthorizationExists', 'already requested', 'authorizationId');
      const { type: _t, services, referralId, ...rest } = c;
      return accept(
        events.make('AuthorizationRequested', {
          ...rest,
          ...(referralId === undefined ? {} : { referralId }),
          services: 'cptCodes' in services ? { cptCodes: [...new Set(services.cptCodes)] } : { ...services },
        }),
      );
    }
    case 'RecordAuthorizationDecision':
      return decideRecord(c, s);
    case 'ReserveUnits': {
      if (!wholeUnits(c.units)) return reject('InvalidUnits', 'a whole number of units, at least 1', 'units');
      const bad = usable(s, c.serviceOn, 'serviceOn');
      if (bad !== undefined) return bad;
      if (s.reservations[c.appointmentId] !== undefined)
        return reject('AlreadyReserved', `units are already held for ${c.appointmentId}`, 'appointmentId');
      if (c.units > remainingUnits(s))
        return reject(
          'AuthorizationExhausted',
          `${remainingUnits(s)} of ${s.approvedUnits} units left`,
          'units',
        );
      return accept(
        events.make('AuthorizationUnitsReserved', {
          ...ids(s),
          appointmentId: c.appointmentId,
          units: c.units,
          serviceOn: c.serviceOn,
          reservedAt: c.reservedAt,
          remainingUnits: remainingUnits(s) - c.units,
        }),
      );
    }
    case 'ReleaseUnits': {
      const held = s.reservations[c.appointmentId];
      if (held === undefined)
        return reject('NotReserved', `no units held for ${c.appointmentId}`, 'appointmentId');
      return accept(
        events.make('AuthorizationUnitsReleased', {
          ...ids(s),
          appointmentId: c.appointmentId,
          units: held,
          reason: c.reason,
          releasedAt: c.releasedAt,
        }),
      );
    }
    case 'ConsumeUnits': {
      if (!wholeUnits(c.units)) return reject('InvalidUnits', 'a whole number of units, at least 1', 'units');
      const bad = usable(s, c.serviceOn, 'serviceOn');
      if (bad !== undefined) return bad;
      if (c.cptCode !== undefined && s.cptCodes !== undefined && !s.cptCodes.includes(c.cptCode))
        return reject('ServiceNotAuthorized', `${c.cptCode} is not among the authorized codes`, 'cptCode');
      const held = c.appointmentId === undefined ? 0 : (s.reservations[c.appointmentId] ?? 0);
      const fromReservation = Math.min(held, c.units);
      if (s.consumedUnits + c.units + reservedUnits(s) - fromReservation > s.approvedUnits)
        return reject(
          'AuthorizationExhausted',
          `${remainingUnits(s) + held} of ${s.approvedUnits} units left`,
          'units',
        );
      return accept(
        events.make('AuthorizationUnitsConsumed', {
          ...ids(s),
          units: c.units,
          fromReservation,
          serviceOn: c.serviceOn,
          consumedAt: c.consumedAt,
          consumedTotal: s.consumedUnits + c.units,
          ...(c.appointmentId === undefined ? {} : { appointmentId: c.appointmentId }),
          ...(c.claimId === undefined ? {} : { claimId: c.claimId }),
          ...(c.cptCode === undefined ? {} : { cptCode: c.cptCode }),
        }),
      );
    }
    case 'ExtendAuthorization': {
      if (s.status === 'closed')
        return reject('AuthorizationClosed', 'the authorization is closed', 'authorizationId');
      if (s.status !== 'approved')
        return reject(
          'AuthorizationNotApproved',
          'only an approved authorization is extended',
          'authorizationId',
        );
      if (c.validTo === undefined && c.addedUnits === undefined)
        return reject('NothingToExtend', 'give a new validTo or added units', 'validTo');
      if (c.validTo !== undefined && c.validTo < s.validTo)
        return reject('ExtensionShrinks', `validTo is ${s.validTo} already`, 'validTo');
      if (c.addedUnits !== undefined && !wholeUnits(c.addedUnits))
        return reject('ExtensionShrinks', 'add at least one whole unit', 'addedUnits');
      return accept(
        events.make('AuthorizationExtended', {
          ...ids(s),
          payerRef: c.payerRef,
          extendedOn: c.extendedOn,
          validTo: c.validTo ?? s.validTo,
          approvedUnits: s.approvedUnits + (c.addedUnits ?? 0),
          ...(c.addedUnits === undefined ? {} : { addedUnits: c.addedUnits }),
        }),
      );
    }
    case 'CloseAuthorization': {
      if (s.status === 'none')
        return reject('UnknownAuthorization', 'no such authorization', 'authorizationId');
      if (s.status === 'closed') return reject('AuthorizationClosed', 'already closed', 'authorizationId');
      return accept(
        events.make('AuthorizationClosed', {
          ...ids(s),
          closedOn: c.closedOn,
          ...(c.reason === undefined ? {} : { reason: c.reason }),
        }),
      );
    }
  }
};

/** A payer's approval with units and dates (`Authorization-<authorizationId>`). */
export const decider: Decider<AuthorizationCommand, AuthorizationEvent, Authorization, AuthorizationRefusal> =
  {
    name: 'Authorization',
    stateVersion: 1,
    initialState,
    evolve,
    decide,
    events,
    commands,
    refusals,
  };
