import type { Json, Projection, ReadModelReader, RecordedEvent } from '@praxis/core';
import { events as authorizationEvents } from '../authorization/events.js';
import {
  evolve,
  initialState,
  remainingUnits,
  reservedUnits,
  type Authorization,
} from '../authorization/state.js';
import type { AuthorizationEvent } from '../authorization/events.js';
import { daysBetween } from '../shared/time.js';

/** Name of the authorizations read model. */
export const authorizationsName = 'patients-authorizations';
const key = (id: string) => `authorization:${id}`;

/**
 * The `patients-authorizations` read model: each authorization's state (the aggregate's own fold,
 * so the two never disagree), keyed `authorization:<authorizationId>`.
 */
export const authorizationsProjection: Projection = {
  name: authorizationsName,
  version: 1,
  eventTypes: authorizationEvents.types,
  handle: (e: RecordedEvent) => {
    const ev = e as unknown as AuthorizationEvent;
    return [
      {
        key: key(ev.data.authorizationId),
        update: (cur) =>
          evolve((cur as unknown as Authorization | undefined) ?? initialState, ev) as unknown as Json,
      },
    ];
  },
};

/** One authorization as the front desk sees it on a date. */
export interface AuthorizationView {
  readonly authorizationId: string;
  readonly patientId: string;
  readonly payerId: string;
  readonly status: Authorization['status'];
  readonly number?: string;
  readonly approvedUnits: number;
  readonly reservedUnits: number;
  readonly consumedUnits: number;
  /** approved − reserved − consumed. */
  readonly remainingUnits: number;
  /** remaining ÷ approved × 100, rounded to a whole percent; undefined when nothing is approved. */
  readonly percentRemaining?: number;
  readonly validFrom: string;
  readonly validTo: string;
  /** Calendar days from `asOf` to validTo (negative once expired). */
  readonly daysToExpiry?: number;
  readonly expired: boolean;
}

const view = (s: Authorization, asOn: string): AuthorizationView => ({
  authorizationId: s.authorizationId,
  patientId: s.patientId,
  payerId: s.payerId,
  status: s.status,
  ...(s.number === undefined ? {} : { number: s.number }),
  approvedUnits: s.approvedUnits,
  reservedUnits: reservedUnits(s),
  consumedUnits: s.consumedUnits,
  remainingUnits: remainingUnits(s),
  ...(s.approvedUnits > 0
    ? { percentRemaining: Math.round((remainingUnits(s) / s.approvedUnits) * 100) }
    : {}),
  validFrom: s.validFrom,
  validTo: s.validTo,
  ...(s.validTo === '' ? {} : { daysToExpiry: daysBetween(asOn, s.validTo) }),
  expired: s.validTo !== '' && s.validTo < asOn,
});

/** One authorization as of a date (`YYYY-MM-DD`). */
export const getAuthorization = async (
  reader: ReadModelReader,
  authorizationId: string,
  asOn: string,
): Promise<AuthorizationView | undefined> => {
  const s = (await reader.get(authorizationsName, key(authorizationId))) as Authorization | undefined;
  return s === undefined ? undefined : view(s, asOn);
};

/**
 * Authorizations as of a date, optionally one patient's; expired and closed ones are hidden
 * unless `includeExpired` (the OpenEMR request [OE9030]).
 */
export const listAuthorizations = async (
  reader: ReadModelReader,
  asOn: string,
  options: { readonly patientId?: string; readonly includeExpired?: boolean } = {},
): Promise<AuthorizationView[]> => {
  const out: AuthorizationView[] = [];
  for await (const [, doc] of reader.list(authorizationsName, 'authorization:')) {
    const v = view(doc as unknown as Authorization, asOn);
    if (options.patientId !== undefined && v.patientId !== options.patientId) continue;
    if (!options.includeExpired && (v.expired || v.status === 'closed')) continue;
    out.push(v);
  }
  return out;
};
