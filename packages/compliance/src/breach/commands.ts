import * as t from 'io-ts';
import {
  command,
  defineCommands,
  ISODate,
  NonEmptyString,
  NonNegativeInt,
  type CommandOf,
} from '@praxis/core';
import { BusinessAssociate, Recipient, StateResidentsInput, USState } from './deadlines.js';

/** Every command of a HIPAA Breach, as exact codecs; each dated `…On` is its business time. */
export const commands = defineCommands('breachId', {
  /**
   * `discoveredOn`: the day the practice (the covered entity) discovered the breach; its notices
   * run from it. `businessAssociate`: set when a business associate discovered it (164.410).
   */
  DiscoverBreach: command(
    {
      breachId: NonEmptyString,
      description: NonEmptyString,
      discoveredOn: ISODate,
      affected: NonNegativeInt,
      states: t.readonlyArray(StateResidentsInput),
    },
    { businessAssociate: BusinessAssociate },
    { businessTime: 'discoveredOn' },
  ),
  ReviseBreachScope: command(
    { revisedOn: ISODate, affected: NonNegativeInt, states: t.readonlyArray(StateResidentsInput) },
    {},
    { businessTime: 'revisedOn' },
  ),
  /** `state`: for media notices, the state (a `USState`, any case). */
  SendBreachNotification: command(
    { recipient: Recipient, sentOn: ISODate },
    { state: USState },
    { businessTime: 'sentOn' },
  ),
});

/** Every Breach command, as `decide` sees it. */
export type BreachCommand = CommandOf<typeof commands>;
type Cmd<K extends BreachCommand['type']> = Extract<BreachCommand, { type: K }>;
export type DiscoverBreach = Cmd<'DiscoverBreach'>;
export type ReviseBreachScope = Cmd<'ReviseBreachScope'>;
export type SendBreachNotification = Cmd<'SendBreachNotification'>;
