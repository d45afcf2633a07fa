import * as t from 'io-ts';
import {
  ISODate,
  ISOInstant,
  NonEmptyString,
  PositiveInt,
  defineEvents,
  struct,
  type EventOf,
} from '@praxis/core';

/** Why the 300 log is or is not kept (see `exemptionOf`). */
export const ExemptionCodec = t.keyof({
  none: null,
  'small-employer': null,
  'partially-exempt-industry': null,
});

/** Every event of the practice's OSHA recordkeeping setting. */
export const events = defineEvents({
  /**
   * The practice declared its size and industry, and with them whether it keeps the OSHA 300
   * log (29 CFR 1904.1, 1904.2) from `effectiveFrom` on. The 8/24-hour reports stay (1904.39).
   */
  OshaRecordkeepingSet: struct({
    establishmentId: NonEmptyString,
    /** Six-digit NAICS code of the establishment, e.g. `621111` (Offices of Physicians). */
    naicsCode: NonEmptyString,
    /** Most employees the company had at any one time during the last calendar year. */
    peakEmployees: PositiveInt,
    exemption: ExemptionCodec,
    legalSource: NonEmptyString,
    reason: NonEmptyString,
    effectiveFrom: ISODate,
    at: ISOInstant,
  }),
});

/** Every OshaRecordkeeping event. */
export type OshaRecordkeepingEvent = EventOf<typeof events>;
