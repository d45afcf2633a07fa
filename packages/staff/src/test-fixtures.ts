import { Position, type RecordedEvent } from '@praxis/core';
import { events, type StaffMemberEvent } from './staff-member/events.js';

/**
 * Histories used by the staff tests (and handy for demos): Dana Reyes, a physician, from
 * application to hire in January 2026, starting 2026-02-02.
 */
const ev = events.make;
const staffId = 's-1';

/** Dana Reyes applies on 2026-01-05. */
export const applied = ev('StaffApplicationReceived', {
  staffId,
  name: 'Dana Reyes',
  position: 'Family physician',
  appliedOn: '2026-01-05',
});
/** Interviewed by a panel of two on 2026-01-12. */
export const interviewed = ev('StaffInterviewed', {
  staffId,
  interviewedOn: '2026-01-12',
  panel: ['dr-okafor', 'pm-lindqvist'],
  scores: [
    { interviewer: 'dr-okafor', score: 4 },
    { interviewer: 'pm-lindqvist', score: 5 },
  ],
});
/** NY medical licence, expires 2027-12-31. */
export const licenceVerified = ev('StaffCredentialVerified', {
  staffId,
  credentialId: 'lic',
  kind: 'licence',
  issuer: 'NY State Education Department',
  number: '298765',
  expiresOn: '2027-12-31',
  verifiedOn: '2026-01-15',
});
/** DEA registration, expires 2026-09-30 (renewal window opens 2026-08-01). */
export const deaVerified = ev('StaffCredentialVerified', {
  staffId,
  credentialId: 'dea',
  kind: 'dea-registration',
  issuer: 'DEA',
  number: 'FR1234563',
  expiresOn: '2026-09-30',
  verifiedOn: '2026-01-15',
});
/** A clear OIG exclusion check on 2026-01-16. */
export const screenedClear = ev('OigExclusionScreened', {
  staffId,
  screenedOn: '2026-01-16',
  result: 'clear',
  source: 'OIG LEIE',
});
/** Credentialing completed on 2026-01-20. */
export const credentialed = ev('StaffCredentialingCompleted', {
  staffId,
  completedOn: '2026-01-20',
  credentialIds: ['lic', 'dea'],
});
/** Offered the physician role on 2026-01-22, starting 2026-02-02. */
export const offered = ev('StaffOfferMade', {
  staffId,
  offeredOn: '2026-01-22',
  role: 'physician',
  startDate: '2026-02-02',
});
/** Hired on 2026-01-25 on the strength of the 2026-01-16 check. */
export const hired = ev('StaffMemberHired', {
  staffId,
  hiredOn: '2026-01-25',
  role: 'physician',
  startDate: '2026-02-02',
  exclusionCheckedOn: '2026-01-16',
});

/** Applied → interviewed → credentials and OIG check → credentialed → offered. */
export const uptoOffer: StaffMemberEvent[] = [
  applied,
  interviewed,
  licenceVerified,
  deaVerified,
  screenedClear,
  credentialed,
  offered,
];
/** Dana Reyes on staff from 2026-02-02. */
export const onStaff: StaffMemberEvent[] = [...uptoOffer, hired];

/**
 * Wraps domain events as recorded events of one stream (for projection tests), with
 * business time `occurredAt` and consecutive revisions and positions.
 */
export const recordedOf = (
  streamId: string,
  domainEvents: readonly { type: string; data: unknown }[],
  occurredAt = '2026-01-01T12:00:00Z',
  firstPosition = 0,
): RecordedEvent[] =>
  domainEvents.map((e, i) => ({
    eventId: `${streamId}-${i}`,
    streamId,
    revision: BigInt(i),
    position: Position.make(BigInt(firstPosition + i)),
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    metadata: {
      actor: { id: 'pm', role: 'practice_manager' },
      occurredAt,
      recordedAt: occurredAt,
      correlationId: 'c',
      causationId: 'c',
    },
    prevHash: '',
    hash: '',
  }));
