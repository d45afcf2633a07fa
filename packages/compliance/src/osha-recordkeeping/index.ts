import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  ISODate,
  NonEmptyString,
  PositiveInt,
  reject,
  type CommandOf,
  type Decider,
  type Decision,
} from '@praxis/core';
import { events, type OshaRecordkeepingEvent } from './events.js';
import { exemptionOf, type Exemption } from './exemption.js';

export * from './events.js';
export * from './exemption.js';

/**
 * Declare the establishment's NAICS code (six digits, e.g. `621111`), last year's peak
 * headcount (the most employees at any one time) and the first day it applies (ISO date); `at`
 * is the call's business time.
 */
export const commands = defineCommands('establishmentId', {
  SetOshaRecordkeeping: command(
    {
      establishmentId: NonEmptyString,
      /** Six digits (`InvalidNaicsCode` otherwise, checked by `decide`). */
      naicsCode: t.string,
      /** A whole number above zero (`InvalidNumber`). */
      peakEmployees: PositiveInt,
      /** A calendar date (`InvalidDate`). */
      effectiveFrom: ISODate,
    },
    {},
    { stamps: { at: 'time' } },
  ),
});
export type SetOshaRecordkeeping = CommandOf<typeof commands>;

/** Every command the OshaRecordkeeping setting decides on. */
export type OshaRecordkeepingCommand = SetOshaRecordkeeping;

/** The setting as its events left it. */
export interface OshaRecordkeeping {
  readonly exemption: Exemption | undefined;
  readonly naicsCode: string;
  readonly peakEmployees: number;
  readonly effectiveFrom: string;
}

/** Not yet declared: the 300 log is kept (no exemption is assumed). */
export const initialState: OshaRecordkeeping = {
  exemption: undefined,
  naicsCode: '',
  peakEmployees: 0,
  effectiveFrom: '',
};

const evolve = (_s: OshaRecordkeeping, e: OshaRecordkeepingEvent): OshaRecordkeeping => ({
  exemption: e.data.exemption,
  naicsCode: e.data.naicsCode,
  peakEmployees: e.data.peakEmployees,
  effectiveFrom: e.data.effectiveFrom,
});

/**
 * The setting is recorded with the exemption it implies (29 CFR 1904.1 size, 1904.2
 * industry): a NAICS code is six digits (the headcount and the date are whole and real by the
 * command codec). Declaring the same thing again records nothing.
 */
const set = (c: SetOshaRecordkeeping, s: OshaRecordkeeping): Decision<OshaRecordkeepingEvent> => {
  if (!/^\d{6}$/.test(c.naicsCode))
    return reject('InvalidNaicsCode', 'naicsCode must be a six-digit NAICS code, e.g. 621111', 'naicsCode');
  const checked = events.make('OshaRecordkeepingSet', {
    establishmentId: c.establishmentId,
    naicsCode: c.naicsCode,
    peakEmployees: c.peakEmployees,
    ...exemptionOf(c.peakEmployees, c.naicsCode),
    effectiveFrom: c.effectiveFrom,
    at: c.at,
  });
  if (
    s.naicsCode === c.naicsCode &&
    s.peakEmployees === c.peakEmployees &&
    s.effectiveFrom === c.effectiveFrom
  )
    return accept();
  return accept(checked);
};

/**
 * The practice's OSHA recordkeeping setting (stream `OshaRecordkeeping-<establishmentId>`):
 * whether the establishment keeps the OSHA 300 log. The compliance calendar leaves out
 * 300-log duties of an exempt practice; the report-to-OSHA clocks (8 and 24 hours) stay.
 *
 * @example
 * await practice.compliance.setOshaRecordkeeping({ establishmentId: 'main', naicsCode: '621111',
 *   peakEmployees: 24, effectiveFrom: '2026-01-01', at });
 */
export const decider: Decider<OshaRecordkeepingCommand, OshaRecordkeepingEvent, OshaRecordkeeping> = {
  name: 'OshaRecordkeeping',
  stateVersion: 1,
  initialState,
  evolve,
  decide: (c, s) => set(c, s),
  events,
  commands,
};
