import { accept, reject, type Decider, type Decision } from '@praxis/core';
import { dateIn, instantOf, isoIn, minutesOf, msOf } from '../shared/time.js';
import { commands, type DayBookCommand, type DayBookCommandOf } from './commands.js';
import { events, type DayBookEvent } from './events.js';
import { refusals, type DayBookRefusal } from './refusals.js';
import { insideHours, nextOpenSlots, providerHasRoom } from './slots.js';
import {
  evolve,
  holdsSlot,
  initialState,
  type AppointmentStatus,
  type BookedAppointment,
  type DayBook,
} from './state.js';

type D = Decision<DayBookEvent>;
const hour = 3_600_000;
const minute = 60_000;
/** The longest appointment a book accepts: one day. */
const maxDurationMin = 24 * 60;

/**
 * Opens the day once (`DayAlreadyOpen`) for the providers named, with the hours and capacity
 * their schedules give that day (a fact): a provider without a schedule is `UnknownProvider`;
 * an interval whose wall-clock start or end does not exist that day is `NonexistentLocalTime`.
 */
const openDay = (c: DayBookCommandOf<'OpenDay'>, s: DayBook): D => {
  if (s.open) return reject('DayAlreadyOpen', `the book of ${s.date} is already open`, 'date');
  const seen = new Set<string>();
  for (const [i, id] of c.providerIds.entries()) {
    const field = `providerIds.${i}`;
    if (seen.has(id)) return reject('InvalidHours', `${id} is listed twice`, field);
    seen.add(id);
    const p = c.providers.find((x) => x.providerId === id);
    if (p === undefined || !p.scheduled)
      return reject('UnknownProvider', `${id} has no schedule (set their hours first)`, field);
    for (const iv of p.intervals) {
      const from = instantOf(c.date, iv.start, c.timeZone);
      const to = instantOf(c.date, iv.end, c.timeZone);
      if (from === undefined || to === undefined)
        return reject(
          'NonexistentLocalTime',
          `${id}'s hours ${iv.start}–${iv.end} do not exist on ${c.date}`,
          field,
        );
      if (from >= to) return reject('InvalidHours', `${iv.start}–${iv.end} ends before it starts`, field);
    }
  }
  return accept(
    events.make('DayOpened', {
      date: c.date,
      timeZone: c.timeZone,
      providers: c.providers
        .filter((p) => seen.has(p.providerId))
        .map((p) => ({
          providerId: p.providerId,
          intervals: p.intervals.map((iv) => ({ ...iv })),
          capacity: p.capacity,
        })),
      openedBy: c.openedBy,
    }),
  );
};

/**
 * Books one appointment (MODULES.md §3.1 P2). Checked in this order, each a typed refusal
 * naming the field: the day is open (`DayNotOpen`); the patient and provider are known
 * (`UnknownPatient`, `UnknownProvider`); a positive whole number of minutes up to a day
 * (`InvalidDuration`); the start exists that day (`NonexistentLocalTime`: 02:30 on a
 * spring-forward day) and lies on the grid (`OffGrid`) and not in the past (`StartInPast`);
 * portal notice and bookable types (`TooShortNotice`, `NotBookableOnline`); inside the
 * provider's hours at that location (`OutsideProviderHours`, overridable by a practice
 * manager only); the patient has no overlapping appointment with any provider
 * (`PatientDoubleBooked`, never overridable — OpenEMR allowed it [OE2632]); the provider's
 * capacity (`ProviderDoubleBooked` — OpenEMR only warns [OE387]; the refusal names the next
 * open slots); an authorization, when named, is approved, this patient's, and valid on the day.
 */
const book = (c: DayBookCommandOf<'BookAppointment'>, s: DayBook): D => {
  if (!s.open) return reject('DayNotOpen', 'open the day before booking on it', 'date');
  if (s.appointments[c.appointmentId] !== undefined)
    return reject(
      'AppointmentExists',
      `appointment ${c.appointmentId} is already on the book`,
      'appointmentId',
    );
  if (c.patientKnown === false) return reject('UnknownPatient', `no patient ${c.patientId}`, 'patientId');
  const provider = s.providers[c.providerId];
  if (provider === undefined)
    return reject('UnknownProvider', `${c.providerId} does not work on ${s.date}`, 'providerId');
  if (!Number.isInteger(c.durationMin) || c.durationMin <= 0 || c.durationMin > maxDurationMin)
    return reject('InvalidDuration', 'a whole number of minutes, 1 to 1440', 'durationMin');
  const policy = c.policy;
  const startMs = instantOf(s.date, c.start, s.timeZone);
  if (startMs === undefined)
    return reject('NonexistentLocalTime', `${c.start} does not exist on ${s.date} in ${s.timeZone}`, 'start');
  const endMs = startMs + c.durationMin * minute;
  if (minutesOf(c.start) % policy.gridMinutes !== 0)
    return reject('OffGrid', `appointments start on a ${policy.gridMinutes}-minute grid`, 'start');
  const bookedMs = msOf(c.bookedAt) ?? 0;
  if (startMs < bookedMs) return reject('StartInPast', `${s.date} ${c.start} has already begun`, 'start');
  const via = c.bookedVia ?? 'staff';
  if (via === 'portal') {
    if (startMs - bookedMs < policy.portal.minNoticeHours * hour)
      return reject(
        'TooShortNotice',
        `online bookings need ${policy.portal.minNoticeHours} hours' notice`,
        'start',
      );
    if (!policy.portal.bookableTypes.includes(c.appointmentType))
      return reject('NotBookableOnline', `${c.appointmentType} cannot be booked online`, 'appointmentType');
  }
  if (!insideHours(s, c.providerId, startMs, endMs, c.locationId)) {
    const overridden = c.override?.rule === 'OutsideProviderHours';
    if (!overridden)
      return reject('OutsideProviderHours', `${c.providerId} does not work then at ${c.locationId}`, 'start');
    if (c.bookerRole !== 'practice_manager')
      return reject('OverrideNotAllowed', 'only a practice manager books outside hours', 'override');
  }
  const held = heldBlock(s, c.providerId, startMs, endMs, c.appointmentType, bookedMs);
  if (held !== undefined) {
    if (c.override?.rule !== 'TimeBlockReserved')
      return reject(
        'TimeBlockReserved',
        `${held.start}–${held.end} is held for ${held.appointmentTypes.join(', ')} (block ${held.blockId})`,
        'start',
      );
    if (c.bookerRole !== 'practice_manager')
      return reject('OverrideNotAllowed', 'only a practice manager books into a reserved block', 'override');
  }
  const clash = Object.values(s.appointments).find(
    (a) =>
      a.patientId === c.patientId &&
      a.status !== 'cancelled' &&
      a.status !== 'no-show' &&
      a.startMs < endMs &&
      startMs < a.endMs,
  );
  if (clash !== undefined)
    return reject(
      'PatientDoubleBooked',
      `the patient is booked with ${clash.providerId} at ${clash.start}`,
      'patientId',
    );
  if (!providerHasRoom(s, c.providerId, startMs, endMs)) {
    const next = nextOpenSlots(
      s,
      c.providerId,
      c.durationMin,
      Math.max(startMs, bookedMs),
      policy.gridMinutes,
    );
    return reject(
      'ProviderDoubleBooked',
      `${c.providerId} is fully booked at ${c.start}; next open: ${next.length === 0 ? 'none that day' : next.join(', ')}`,
      'start',
    );
  }
  let warning: 'AuthorizationExhausted' | undefined;
  if (c.authorizationId !== undefined) {
    const auth = c.authorization;
    if (auth === null)
      return reject('UnknownAuthorization', `no authorization ${c.authorizationId}`, 'authorizationId');
    if (auth.patientId !== c.patientId)
      return reject(
        'AuthorizationOtherPatient',
        'the authorization is for another patient',
        'authorizationId',
      );
    if (auth.status !== 'approved')
      return reject('AuthorizationNotApproved', `the authorization is ${auth.status}`, 'authorizationId');
    if (s.date > auth.validTo)
      return reject(
        'AuthorizationExpired',
        `the authorization expired on ${auth.validTo}`,
        'authorizationId',
      );
    if (s.date < auth.validFrom)
      return reject(
        'AuthorizationNotYetValid',
        `the authorization is valid from ${auth.validFrom}`,
        'authorizationId',
      );
    if (auth.remainingUnits < 1) warning = 'AuthorizationExhausted';
  }
  const status = via === 'portal' && policy.portal.approvalRequired ? 'requested' : 'booked';
  return accept(
    events.make('AppointmentBooked', {
      date: s.date,
      appointmentId: c.appointmentId,
      patientId: c.patientId,
      providerId: c.providerId,
      locationId: c.locationId,
      appointmentType: c.appointmentType,
      start: c.start,
      startAt: isoIn(startMs, s.timeZone),
      endAt: isoIn(endMs, s.timeZone),
      durationMin: c.durationMin,
      priority: c.priority ?? 'routine',
      bookedVia: via,
      selfPay: c.selfPay ?? false,
      status,
      bookedAt: c.bookedAt,
      bookedOn: dateIn(c.bookedAt, s.timeZone),
      bookedBy: c.bookedBy,
      policyVersion: policy.policyVersion,
      gridMinutes: policy.gridMinutes,
      ...(c.authorizationId === undefined ? {} : { authorizationId: c.authorizationId }),
      ...(warning === undefined ? {} : { authorizationWarning: warning }),
      ...(c.rescheduledFrom === undefined ? {} : { rescheduledFrom: c.rescheduledFrom }),
      ...(c.seriesId === undefined ? {} : { seriesId: c.seriesId }),
      ...(c.occurrence === undefined ? {} : { occurrence: c.occurrence }),
      ...(c.waitlistEntryId === undefined ? {} : { waitlistEntryId: c.waitlistEntryId }),
      ...(c.note === undefined ? {} : { note: c.note }),
      ...(c.override === undefined ? {} : { override: { ...c.override } }),
    }),
  );
};

/**
 * Reserves [start, end) of a provider's day for some appointment types: the day is open
 * (`DayNotOpen`), the id new (`BlockExists`), the provider works that day (`UnknownProvider`),
 * at least one type (`NoAppointmentTypes`), times that exist (`NonexistentLocalTime`) in order
 * (`InvalidHours`) inside the provider's hours (`OutsideProviderHours`), and no appointment of
 * another type already holding a slot there (`BlockOverlapsAppointments`, naming them).
 */
/** The longest release window of a time block (hours): a year. */
export const maxReleaseHoursBefore = 8_760;

const reserveBlock = (c: DayBookCommandOf<'ReserveTimeBlock'>, s: DayBook): D => {
  if (!s.open) return reject('DayNotOpen', 'open the day before reserving time on it', 'date');
  if (s.blocks[c.blockId] !== undefined)
    return reject('BlockExists', `block ${c.blockId} is already reserved`, 'blockId');
  if (s.providers[c.providerId] === undefined)
    return reject('UnknownProvider', `${c.providerId} does not work on ${s.date}`, 'providerId');
  if (c.appointmentTypes.length === 0)
    return reject('NoAppointmentTypes', 'name at least one appointment type', 'appointmentTypes');
  const startMs = instantOf(s.date, c.start, s.timeZone);
  if (startMs === undefined)
    return reject('NonexistentLocalTime', `${c.start} does not exist on ${s.date}`, 'start');
  const endMs = instantOf(s.date, c.end, s.timeZone);
  if (endMs === undefined)
    return reject('NonexistentLocalTime', `${c.end} does not exist on ${s.date}`, 'end');
  if (endMs <= startMs) return reject('InvalidHours', `${c.start}–${c.end} ends before it starts`, 'end');
  if (!insideHours(s, c.providerId, startMs, endMs))
    return reject('OutsideProviderHours', `${c.providerId} does not work ${c.start}–${c.end}`, 'start');
  if ((c.releaseHoursBefore ?? 0) > maxReleaseHoursBefore)
    return reject(
      'InvalidReleaseWindow',
      `a block is released at most ${maxReleaseHoursBefore} hours (a year) before its start`,
      'releaseHoursBefore',
    );
  const types = [...new Set(c.appointmentTypes)];
  // Two blocks of the same provider for different types cannot hold the same minutes: a booking
  // there would be refused by one block or the other whatever its type.
  const clash = Object.values(s.blocks).find(
    (b) =>
      b.providerId === c.providerId &&
      b.startMs < endMs &&
      startMs < b.endMs &&
      (b.appointmentTypes.length !== types.length || !types.every((t) => b.appointmentTypes.includes(t))),
  );
  if (clash !== undefined)
    return reject(
      'BlockOverlapsBlock',
      `block ${clash.blockId} (${clash.start}–${clash.end}) holds that time for other types`,
      'start',
    );
  const inTheWay = Object.values(s.appointments).filter(
    (a) =>
      a.providerId === c.providerId &&
      holdsSlot(a) &&
      a.startMs < endMs &&
      startMs < a.endMs &&
      !types.includes(a.appointmentType),
  );
  if (inTheWay.length > 0)
    return reject(
      'BlockOverlapsAppointments',
      `already booked there: ${inTheWay.map((a) => `${a.appointmentId} at ${a.start}`).join(', ')}`,
      'start',
    );
  return accept(
    events.make('TimeBlockReserved', {
      date: s.date,
      blockId: c.blockId,
      providerId: c.providerId,
      start: c.start,
      end: c.end,
      startAt: isoIn(startMs, s.timeZone),
      endAt: isoIn(endMs, s.timeZone),
      appointmentTypes: types,
      releaseHoursBefore: c.releaseHoursBefore ?? 0,
      reservedAt: c.reservedAt,
      reservedBy: c.reservedBy,
    }),
  );
};

/**
 * The missed-appointment fee of the policy in force: only on a patient's late cancel or a
 * no-show (`NotMissed`), once (`FeeAlreadyCharged`), with a fee set (`NoFeeSet`); the patient's
 * first fee is recorded as waived (0 cents) when the policy says so.
 */
const chargeFee = (c: DayBookCommandOf<'ChargeMissedAppointmentFee'>, s: DayBook): D => {
  if (!s.open) return reject('DayNotOpen', 'no appointments on a day not opened', 'date');
  const a = s.appointments[c.appointmentId];
  if (a === undefined)
    return reject('UnknownAppointment', `no appointment ${c.appointmentId} that day`, 'appointmentId');
  const reason = a.status === 'no-show' ? 'no-show' : a.lateCancel === true ? 'late-cancel' : undefined;
  if (reason === undefined)
    return reject(
      'NotMissed',
      `the appointment is ${a.lateCancel === false || a.status !== 'cancelled' ? a.status : 'cancelled in time'}; only a late cancel or a no-show is charged`,
      'appointmentId',
    );
  if (a.feeCharged === true)
    return reject('FeeAlreadyCharged', 'the fee is already charged', 'appointmentId');
  const { fees, policyVersion } = c.policy;
  const fee = reason === 'no-show' ? fees.noShowCents : fees.lateCancelCents;
  if (fee === 0) return reject('NoFeeSet', `the scheduling policy sets no ${reason} fee`, 'appointmentId');
  const waived = fees.firstOffenceWaived && c.priorFees === 0;
  return accept(
    events.make('MissedAppointmentFeeCharged', {
      ...ref(s, a),
      providerId: a.providerId,
      reason,
      procedureCode: reason === 'no-show' ? 'D9986' : 'D9987',
      amountCents: waived ? 0 : fee,
      waived,
      policyVersion,
      chargedAt: c.chargedAt,
      chargedBy: c.chargedBy,
    }),
  );
};

const findOpen = (s: DayBook, id: string): BookedAppointment | D => {
  if (!s.open) return reject('DayNotOpen', 'no appointments on a day not opened', 'date');
  const a = s.appointments[id];
  if (a === undefined) return reject('UnknownAppointment', `no appointment ${id} that day`, 'appointmentId');
  if (a.status === 'cancelled' || a.status === 'no-show')
    return reject('AppointmentClosed', `the appointment is ${a.status}`, 'appointmentId');
  return a;
};
const isDecision = (x: BookedAppointment | D): x is D => '_tag' in x;

/** The flow's order: a step needs the appointment at one of `from`, at or after the previous step's time. */
const flowStep = (
  s: DayBook,
  id: string,
  at: string,
  field: string,
  from: readonly AppointmentStatus[],
  make: (a: BookedAppointment) => DayBookEvent,
): D => {
  const a = findOpen(s, id);
  if (isDecision(a)) return a;
  if (!from.includes(a.status))
    return reject(
      'FlowOutOfOrder',
      `the appointment is ${a.status}; this step needs ${from.join(' or ')}`,
      'appointmentId',
    );
  const atMs = msOf(at) ?? 0;
  if (atMs < a.lastFlowMs) return reject('FlowOutOfOrder', 'earlier than the previous step', field);
  return accept(make(a));
};

const ref = (s: DayBook, a: BookedAppointment) => ({
  date: s.date,
  appointmentId: a.appointmentId,
  patientId: a.patientId,
});
const pre: readonly AppointmentStatus[] = ['requested', 'booked', 'confirmed'];

/** Decides one DayBook command (pure). */
export const decide = (c: DayBookCommand, s: DayBook): D => {
  switch (c.type) {
    case 'OpenDay':
      return openDay(c, s);
    case 'BookAppointment':
      return book(c, s);
    case 'ApproveRequest': {
      const a = findOpen(s, c.appointmentId);
      if (isDecision(a)) return a;
      if (a.status !== 'requested')
        return reject('NotRequested', 'only a portal request awaits approval', 'appointmentId');
      return accept(
        events.make('AppointmentRequestApproved', {
          ...ref(s, a),
          approvedAt: c.approvedAt,
          approvedBy: c.approvedBy,
        }),
      );
    }
    case 'ConfirmAppointment':
      return flowStep(s, c.appointmentId, c.confirmedAt, 'confirmedAt', ['booked', 'confirmed'], (a) =>
        events.make('AppointmentConfirmed', { ...ref(s, a), via: c.via, confirmedAt: c.confirmedAt }),
      );
    case 'RecordArrival': {
      const a = findOpen(s, c.appointmentId);
      if (isDecision(a)) return a;
      if (!pre.includes(a.status))
        return reject('AlreadyArrived', 'the arrival is already recorded', 'appointmentId');
      if (dateIn(c.arrivedAt, s.timeZone) !== s.date)
        return reject('NotOnThatDay', `arrival must be on ${s.date}`, 'arrivedAt');
      return accept(events.make('PatientArrived', { ...ref(s, a), via: c.via, arrivedAt: c.arrivedAt }));
    }
    case 'CompleteCheckIn': {
      const a = findOpen(s, c.appointmentId);
      if (isDecision(a)) return a;
      if (pre.includes(a.status)) return reject('NotArrivedYet', 'record the arrival first', 'appointmentId');
      return flowStep(s, c.appointmentId, c.checkedInAt, 'checkedInAt', ['arrived'], (b) =>
        events.make('CheckInCompleted', {
          ...ref(s, b),
          items: [...new Set(c.items)],
          checkedInAt: c.checkedInAt,
        }),
      );
    }
    case 'RoomPatient':
      return flowStep(s, c.appointmentId, c.roomedAt, 'roomedAt', ['arrived', 'checked-in'], (a) =>
        events.make('PatientRoomed', { ...ref(s, a), room: c.room, roomedAt: c.roomedAt }),
      );
    case 'StartProviderEncounter':
      return flowStep(s, c.appointmentId, c.startedAt, 'startedAt', ['roomed'], (a) =>
        events.make('ProviderEncounterStarted', {
          ...ref(s, a),
          providerId: a.providerId,
          startedAt: c.startedAt,
        }),
      );
    case 'CheckOut':
      return flowStep(s, c.appointmentId, c.checkedOutAt, 'checkedOutAt', ['in-encounter'], (a) =>
        events.make('PatientCheckedOut', {
          ...ref(s, a),
          providerId: a.providerId,
          appointmentType: a.appointmentType,
          checkedOutAt: c.checkedOutAt,
          ...(c.encounterId === undefined ? {} : { encounterId: c.encounterId }),
          ...(a.authorizationId === undefined ? {} : { authorizationId: a.authorizationId }),
        }),
      );
    case 'CancelAppointment': {
      const a = findOpen(s, c.appointmentId);
      if (isDecision(a)) return a;
      if (!pre.includes(a.status))
        return reject(
          'AppointmentClosed',
          `the patient has ${a.status === 'arrived' ? 'arrived' : 'been seen'}`,
          'appointmentId',
        );
      const policy = c.policy;
      const noticeMs = a.startMs - (msOf(c.cancelledAt) ?? 0);
      const lateCancel = c.by === 'patient' && noticeMs < policy.lateCancelWindowHours * hour;
      return accept(
        events.make('AppointmentCancelled', {
          date: s.date,
          appointmentId: a.appointmentId,
          patientId: a.patientId,
          providerId: a.providerId,
          by: c.by,
          reason: c.reason,
          cancelledAt: c.cancelledAt,
          cancelledBy: c.cancelledBy,
          lateCancel,
          windowHours: policy.lateCancelWindowHours,
          noticeHours: Math.round((noticeMs / hour) * 100) / 100,
          policyVersion: policy.policyVersion,
          ...(c.rescheduledTo === undefined ? {} : { rescheduledTo: c.rescheduledTo }),
          ...(a.authorizationId === undefined ? {} : { authorizationId: a.authorizationId }),
          ...(a.seriesId === undefined ? {} : { seriesId: a.seriesId }),
        }),
      );
    }
    case 'FlagScheduleConflict': {
      const a = findOpen(s, c.appointmentId);
      if (isDecision(a)) return a;
      if (a.conflicts?.includes(c.timeOffId) === true) return accept();
      return accept(
        events.make('ScheduleConflictFlagged', {
          ...ref(s, a),
          providerId: a.providerId,
          timeOffId: c.timeOffId,
          startAt: isoIn(a.startMs, s.timeZone),
          flaggedAt: c.flaggedAt,
        }),
      );
    }
    case 'ReserveTimeBlock':
      return reserveBlock(c, s);
    case 'RemoveTimeBlock': {
      if (!s.open) return reject('DayNotOpen', 'no blocks on a day not opened', 'date');
      const b = s.blocks[c.blockId];
      if (b === undefined) return reject('UnknownBlock', `no block ${c.blockId} that day`, 'blockId');
      return accept(
        events.make('TimeBlockRemoved', {
          date: s.date,
          blockId: b.blockId,
          providerId: b.providerId,
          removedAt: c.removedAt,
          removedBy: c.removedBy,
        }),
      );
    }
    case 'RecordPreRegistration': {
      const a = findOpen(s, c.appointmentId);
      if (isDecision(a)) return a;
      if (!pre.includes(a.status))
        return reject('AlreadyArrived', 'pre-registration comes before arrival', 'appointmentId');
      return accept(
        events.make('PreRegistrationCompleted', {
          ...ref(s, a),
          items: [...new Set(c.items)],
          preRegisteredAt: c.preRegisteredAt,
          preRegisteredBy: c.preRegisteredBy,
        }),
      );
    }
    case 'ChargeMissedAppointmentFee':
      return chargeFee(c, s);
    case 'RecordNoShow': {
      const a = findOpen(s, c.appointmentId);
      if (isDecision(a)) return a;
      if (!pre.includes(a.status)) return reject('AlreadyArrived', 'the patient arrived', 'appointmentId');
      const policy = c.policy;
      if ((msOf(c.recordedAt) ?? 0) < a.startMs + policy.noShowGraceMinutes * minute)
        return reject(
          'NoShowTooEarly',
          `wait ${policy.noShowGraceMinutes} minutes after the start`,
          'recordedAt',
        );
      return accept(
        events.make('AppointmentNoShowRecorded', {
          ...ref(s, a),
          providerId: a.providerId,
          recordedAt: c.recordedAt,
          recordedBy: c.recordedBy,
          graceMinutes: policy.noShowGraceMinutes,
          policyVersion: policy.policyVersion,
          ...(a.authorizationId === undefined ? {} : { authorizationId: a.authorizationId }),
        }),
      );
    }
  }
};

/**
 * The booking ledger of one practice day, all providers and locations (`DayBook-<date>`):
 * one stream per day makes "no provider overlap" and "no patient overlap" one optimistic
 * append, so of two concurrent bookings of the last slot exactly one wins (MODULES.md §3.1 P2).
 */
export const decider: Decider<DayBookCommand, DayBookEvent, DayBook, DayBookRefusal> = {
  name: 'DayBook',
  stateVersion: 3,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};

/**
 * The time block that holds `startMs`–`endMs` of the provider's day for other appointment types
 * when booked at `bookedMs` (not yet released), or undefined. The booking rule and the waitlist's
 * acceptance fact ask the same question.
 */
export const heldBlock = (
  s: DayBook,
  providerId: string,
  startMs: number,
  endMs: number,
  appointmentType: string,
  bookedMs: number,
) =>
  Object.values(s.blocks).find(
    (b) =>
      b.providerId === providerId &&
      b.startMs < endMs &&
      startMs < b.endMs &&
      !b.appointmentTypes.includes(appointmentType) &&
      bookedMs < b.startMs - b.releaseHoursBefore * hour,
  );
