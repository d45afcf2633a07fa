import {
  obligationKey,
  type DocUpdate,
  type Json,
  type Obligation,
  type Projection,
  type RecordedEvent,
} from '@praxis/core';
import { addDays } from '../shared/time.js';

/** Name of the patients obligations read model (listed by `practice.calendar()`). */
export const patientsObligationsName = 'patients-obligations';

const put = (id: string, make: (current: Obligation | undefined) => Obligation | undefined): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) => make(cur as Obligation | undefined) as Json | undefined,
});
const patch = (id: string, change: Partial<Obligation>): DocUpdate =>
  put(id, (cur) => (cur === undefined ? undefined : { ...cur, ...change }));

type Handler = (e: RecordedEvent, d: Record<string, unknown>) => readonly DocUpdate[];
const str = (d: Record<string, unknown>, k: string) => String(d[k] ?? '');

/** Days before an authorization's validTo that its renewal appears on the calendar. */
export const authorizationExpiryNoticeDays = 30;

const handlers: Record<string, Handler> = {
  AuthorizationApproved: (e, d) => {
    const id = `authorization-expiry:${str(d, 'authorizationId')}`;
    return [
      put(id, () => ({
        id,
        module: 'patients',
        kind: 'authorization-expiry',
        label: `Authorization ${str(d, 'number')} for patient ${str(d, 'patientId')} expires: extend or close it`,
        streamId: e.streamId,
        arisesAt: addDays(str(d, 'validTo'), -authorizationExpiryNoticeDays),
        dueAt: str(d, 'validTo'),
        legalSource: 'payer contract',
        impact: 'financial',
      })),
    ];
  },
  AuthorizationExtended: (_, d) => [
    patch(`authorization-expiry:${str(d, 'authorizationId')}`, {
      arisesAt: addDays(str(d, 'validTo'), -authorizationExpiryNoticeDays),
      dueAt: str(d, 'validTo'),
    }),
  ],
  AccessRequestReceived: (e, d) => {
    const id = `records-access:${str(d, 'requestId')}`;
    return [
      put(id, () => ({
        id,
        module: 'patients',
        kind: 'records-access',
        label: `Answer patient ${str(d, 'patientId')}'s request for access to their records`,
        streamId: e.streamId,
        arisesAt: str(d, 'receivedOn'),
        dueAt: str(d, 'dueOn'),
        legalSource: '45 CFR 164.524(b)(2)',
        impact: 'legal',
      })),
    ];
  },
  AccessRequestExtended: (_, d) => [
    patch(`records-access:${str(d, 'requestId')}`, { dueAt: str(d, 'dueOn') }),
  ],
  AccessRequestFulfilled: (_, d) => [
    patch(`records-access:${str(d, 'requestId')}`, { completedAt: str(d, 'fulfilledOn') }),
  ],
  AccessRequestDenied: (_, d) => [
    patch(`records-access:${str(d, 'requestId')}`, { completedAt: str(d, 'deniedOn') }),
  ],
  EstimateDutyOpened: (e, d) => {
    const id = `gfe:${str(d, 'gfeId')}`;
    return [
      put(id, () => ({
        id,
        module: 'patients',
        kind: 'good-faith-estimate',
        label: `Give patient ${str(d, 'patientId')} a good-faith estimate`,
        streamId: e.streamId,
        arisesAt: str(d, d.trigger === 'requested' ? 'requestedOn' : 'scheduledOn'),
        dueAt: str(d, 'dueOn'),
        legalSource: '45 CFR 149.610(b)(1)',
        impact: 'legal',
      })),
    ];
  },
  GoodFaithEstimateIssued: (_, d) => [patch(`gfe:${str(d, 'gfeId')}`, { completedAt: str(d, 'issuedOn') })],
  EstimateDutyVoided: (_, d) => [patch(`gfe:${str(d, 'gfeId')}`, { completedAt: str(d, 'voidedOn') })],
  AuthorizationClosed: (_, d) => [
    patch(`authorization-expiry:${str(d, 'authorizationId')}`, { completedAt: str(d, 'closedOn') }),
  ],
};

/**
 * The `patients-obligations` read model: every dated duty of patient coordination as an
 * `Obligation` (MODULES.md §3.1 table), so `practice.calendar()` shows it.
 */
export const patientsObligations: Projection = {
  name: patientsObligationsName,
  version: 1,
  eventTypes: Object.keys(handlers),
  handle: (e) => handlers[e.type]?.(e, e.data as unknown as Record<string, unknown>) ?? [],
};
