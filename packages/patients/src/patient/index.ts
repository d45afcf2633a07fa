/**
 * The Patient aggregate (`Patient-<patientId>`): who a patient is, for the rules that must know
 * the patient exists (booking refuses an unknown patient). Every field about the person is
 * sealed by the vault (subject `patient:<patientId>`); the id must be opaque (docs/personal-data.md).
 */
import * as t from 'io-ts';
import {
  ISODate,
  NonEmptyString,
  OpaqueId,
  TimeZone,
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  personal,
  reject,
  subject,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';

const PatientId = subject('patient', NonEmptyString);

/** Patient commands. */
export const commands = defineCommands('patientId', {
  /**
   * Registers a patient: name, and optionally date of birth, phone, e-mail, the zone they live in.
   * `patientId` must be opaque (`OpaqueId`: never a name, an e-mail address, an MRN, an SSN or a
   * phone number — `NotOpaque` otherwise): it stays in the log after the patient is forgotten.
   */
  RegisterPatient: command(
    { patientId: OpaqueId, name: NonEmptyString, registeredOn: ISODate },
    { dateOfBirth: ISODate, phone: NonEmptyString, email: NonEmptyString, timeZone: TimeZone },
    { businessTime: 'registeredOn', stamps: { registeredBy: 'actor' } },
  ),
  /** Changes how the patient is reached (only the fields given change). */
  UpdatePatientContact: command(
    { changedOn: ISODate },
    { phone: NonEmptyString, email: NonEmptyString, timeZone: TimeZone },
    { businessTime: 'changedOn' },
  ),
});
export type PatientCommand = CommandOf<typeof commands>;

/** Patient events: name, birth date, phone and e-mail are sealed. */
export const events = defineEvents({
  PatientRegistered: t.intersection([
    t.type({
      patientId: PatientId,
      name: personal(NonEmptyString),
      registeredOn: ISODate,
      registeredBy: NonEmptyString,
    }),
    t.partial({
      dateOfBirth: personal(ISODate),
      phone: personal(NonEmptyString),
      email: personal(NonEmptyString),
      timeZone: TimeZone,
    }),
  ]),
  PatientContactUpdated: t.intersection([
    t.type({ patientId: PatientId, changedOn: ISODate }),
    t.partial({ phone: personal(NonEmptyString), email: personal(NonEmptyString), timeZone: TimeZone }),
  ]),
});
export type PatientEvent = EventOf<typeof events>;

/** Every code Patient refuses with. */
export const refusals = defineRefusals({
  PatientExists: 'conflict',
  UnknownPatient: 'not-found',
  NothingToChange: 'invalid',
  InvalidEmail: 'invalid',
});
export type PatientRefusal = keyof typeof refusals;

/** A patient as the practice knows them (personal fields revealed by the facade). */
export interface State {
  readonly patientId: string;
  readonly registered: boolean;
  readonly name: string;
  readonly dateOfBirth?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly timeZone?: string;
}
export const initialState: State = { patientId: '', registered: false, name: '' };

export const evolve = (s: State, e: PatientEvent): State => {
  switch (e.type) {
    case 'PatientRegistered': {
      const { patientId, name, dateOfBirth, phone, email, timeZone } = e.data;
      return {
        patientId,
        registered: true,
        name,
        ...(dateOfBirth === undefined ? {} : { dateOfBirth }),
        ...(phone === undefined ? {} : { phone }),
        ...(email === undefined ? {} : { email }),
        ...(timeZone === undefined ? {} : { timeZone }),
      };
    }
    case 'PatientContactUpdated': {
      const { phone, email, timeZone } = e.data;
      return {
        ...s,
        ...(phone === undefined ? {} : { phone }),
        ...(email === undefined ? {} : { email }),
        ...(timeZone === undefined ? {} : { timeZone }),
      };
    }
  }
};

const emailOk = (e: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e);

/** Decides one Patient command (pure): registered once; e-mail addresses look like one. */
export const decide = (c: PatientCommand, s: State): Decision<PatientEvent> => {
  switch (c.type) {
    case 'RegisterPatient': {
      if (s.registered)
        return reject('PatientExists', `patient ${c.patientId} is already registered`, 'patientId');
      if (c.email !== undefined && !emailOk(c.email))
        return reject('InvalidEmail', 'not an e-mail address', 'email');
      const { type: _type, ...data } = c;
      return accept(events.make('PatientRegistered', data));
    }
    case 'UpdatePatientContact': {
      if (!s.registered) return reject('UnknownPatient', 'no such patient', 'patientId');
      if (c.phone === undefined && c.email === undefined && c.timeZone === undefined)
        return reject('NothingToChange', 'give a phone, e-mail or time zone', 'phone');
      if (c.email !== undefined && !emailOk(c.email))
        return reject('InvalidEmail', 'not an e-mail address', 'email');
      const { type: _type, ...data } = c;
      return accept(events.make('PatientContactUpdated', { patientId: s.patientId, ...data }));
    }
  }
};

/** The Patient aggregate. */
export const decider: Decider<PatientCommand, PatientEvent, State, PatientRefusal> = {
  name: 'Patient',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
