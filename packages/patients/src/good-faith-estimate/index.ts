/**
 * No Surprises Act good-faith estimates for uninsured or self-pay patients
 * (`GoodFaithEstimate-<gfeId>`, MODULES.md §3.1 P10; 45 CFR 149.610(b)(1)).
 */
import * as t from 'io-ts';
import {
  BusinessCalendarSettings,
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  accept,
  businessCalendar,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  reject,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
  type ProcessManager,
} from '@praxis/core';
import { getAppointment } from '../read-models/appointments.js';

const Trigger = t.keyof({ scheduled: null, requested: null });

export const commands = defineCommands('gfeId', {
  /**
   * Opens the duty to give an estimate: `scheduled` needs `scheduledOn` and `serviceOn`,
   * `requested` needs `requestedOn`. The practice's business days come as a fact.
   */
  OpenEstimateDuty: command(
    { gfeId: NonEmptyString, patientId: NonEmptyString, trigger: Trigger },
    { appointmentId: NonEmptyString, scheduledOn: ISODate, serviceOn: ISODate, requestedOn: ISODate },
    { facts: { businessDays: BusinessCalendarSettings } },
  ),
  IssueEstimate: command(
    {
      issuedOn: ISODate,
      lines: t.readonlyArray(t.type({ code: NonEmptyString, expectedChargeCents: NonNegativeCents })),
    },
    { coProviders: t.readonlyArray(NonEmptyString) },
    { businessTime: 'issuedOn', stamps: { issuedBy: 'actor' } },
  ),
  VoidEstimateDuty: command(
    { voidedOn: ISODate, reason: t.keyof({ cancelled: null, insured: null }) },
    {},
    { businessTime: 'voidedOn' },
  ),
});
export type GoodFaithEstimateCommand = CommandOf<typeof commands>;

const ids = { gfeId: NonEmptyString, patientId: NonEmptyString };
export const events = defineEvents({
  /** `dueOn` per the 149.610(b)(1)(vi) tiers, counted in the practice's business days then. */
  EstimateDutyOpened: t.intersection([
    t.type({ ...ids, trigger: Trigger, dueOn: ISODate, businessDaysAhead: t.union([t.number, t.null]) }),
    t.partial({
      appointmentId: NonEmptyString,
      scheduledOn: ISODate,
      serviceOn: ISODate,
      requestedOn: ISODate,
    }),
  ]),
  GoodFaithEstimateIssued: t.type({
    ...ids,
    issuedOn: ISODate,
    lines: t.array(t.type({ code: NonEmptyString, expectedChargeCents: NonNegativeCents })),
    totalCents: NonNegativeCents,
    coProviders: t.array(NonEmptyString),
    onTime: t.boolean,
    issuedBy: NonEmptyString,
  }),
  EstimateDutyVoided: t.type({ ...ids, voidedOn: ISODate, reason: NonEmptyString }),
});
export type GoodFaithEstimateEvent = EventOf<typeof events>;

export const refusals = defineRefusals({
  EstimateDutyExists: 'conflict',
  UnknownEstimateDuty: 'not-found',
  EstimateClosed: 'conflict',
  /** Scheduled fewer than 3 business days ahead: no estimate is due (149.610(b)(1)(vi)). */
  NoEstimateDue: 'rule',
  MissingDate: 'invalid',
  NoLines: 'invalid',
  ServiceBeforeScheduling: 'invalid',
});
export type GoodFaithEstimateRefusal = keyof typeof refusals;

export interface State {
  readonly status: 'none' | 'open' | 'issued' | 'voided';
  readonly gfeId: string;
  readonly patientId: string;
  readonly dueOn: string;
}
export const initialState: State = { status: 'none', gfeId: '', patientId: '', dueOn: '' };

export const evolve = (s: State, e: GoodFaithEstimateEvent): State => {
  switch (e.type) {
    case 'EstimateDutyOpened':
      return { status: 'open', gfeId: e.data.gfeId, patientId: e.data.patientId, dueOn: e.data.dueOn };
    case 'GoodFaithEstimateIssued':
      return { ...s, status: 'issued' };
    case 'EstimateDutyVoided':
      return { ...s, status: 'voided' };
  }
};

/**
 * When an estimate is due (45 CFR 149.610(b)(1)(vi)): scheduled ≥ 10 business days ahead →
 * 3 business days after scheduling; ≥ 3 → 1 business day after; fewer → none; on request →
 * 3 business days after the request.
 */
export const estimateDueOn = (
  calendar: BusinessCalendarSettings,
  c: { trigger: 'scheduled' | 'requested'; scheduledOn?: string; serviceOn?: string; requestedOn?: string },
): { dueOn: string; ahead: number | null } | 'none' => {
  const cal = businessCalendar('UTC', calendar);
  if (c.trigger === 'requested') return { dueOn: cal.addBusinessDays(c.requestedOn!, 3), ahead: null };
  const ahead = cal.businessDaysBetween(c.scheduledOn!, c.serviceOn!);
  if (ahead >= 10) return { dueOn: cal.addBusinessDays(c.scheduledOn!, 3), ahead };
  if (ahead >= 3) return { dueOn: cal.addBusinessDays(c.scheduledOn!, 1), ahead };
  return 'none';
};

export const decide = (c: GoodFaithEstimateCommand, s: State): Decision<GoodFaithEstimateEvent> => {
  switch (c.type) {
    case 'OpenEstimateDuty': {
      if (s.status !== 'none') return reject('EstimateDutyExists', 'already opened', 'gfeId');
      if (c.trigger === 'requested' && c.requestedOn === undefined)
        return reject('MissingDate', 'a requested estimate has requestedOn', 'requestedOn');
      if (c.trigger === 'scheduled') {
        if (c.scheduledOn === undefined) return reject('MissingDate', 'give scheduledOn', 'scheduledOn');
        if (c.serviceOn === undefined) return reject('MissingDate', 'give serviceOn', 'serviceOn');
        if (c.serviceOn < c.scheduledOn)
          return reject('ServiceBeforeScheduling', 'the service is after its scheduling', 'serviceOn');
      }
      let due: ReturnType<typeof estimateDueOn>;
      try {
        due = estimateDueOn(c.businessDays, c);
      } catch {
        return reject('MissingDate', 'the business-day calendar could not count these dates', 'serviceOn');
      }
      if (due === 'none')
        return reject(
          'NoEstimateDue',
          'scheduled fewer than 3 business days ahead: no estimate is due',
          'serviceOn',
        );
      const { type: _t, businessDays: _b, ...data } = c;
      return accept(
        events.make('EstimateDutyOpened', { ...data, dueOn: due.dueOn, businessDaysAhead: due.ahead }),
      );
    }
    case 'IssueEstimate': {
      if (s.status === 'none') return reject('UnknownEstimateDuty', 'no such estimate duty', 'gfeId');
      if (s.status !== 'open') return reject('EstimateClosed', `the duty is ${s.status}`, 'gfeId');
      if (c.lines.length === 0) return reject('NoLines', 'an estimate lists at least one item', 'lines');
      const totalCents = c.lines.reduce((sum, l) => sum + l.expectedChargeCents, 0);
      return accept(
        events.make('GoodFaithEstimateIssued', {
          gfeId: s.gfeId,
          patientId: s.patientId,
          issuedOn: c.issuedOn,
          lines: c.lines.map((l) => ({ ...l })),
          totalCents,
          coProviders: [...(c.coProviders ?? [])],
          onTime: c.issuedOn <= s.dueOn,
          issuedBy: c.issuedBy,
        }),
      );
    }
    case 'VoidEstimateDuty': {
      if (s.status === 'none') return reject('UnknownEstimateDuty', 'no such estimate duty', 'gfeId');
      if (s.status !== 'open') return reject('EstimateClosed', `the duty is ${s.status}`, 'gfeId');
      return accept(
        events.make('EstimateDutyVoided', {
          gfeId: s.gfeId,
          patientId: s.patientId,
          voidedOn: c.voidedOn,
          reason: c.reason,
        }),
      );
    }
  }
};

export const decider: Decider<
  GoodFaithEstimateCommand,
  GoodFaithEstimateEvent,
  State,
  GoodFaithEstimateRefusal
> = {
  name: 'GoodFaithEstimate',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};

/** The estimate duty of a self-pay appointment is `appt-<appointmentId>`. */
export const gfeIdOf = (appointmentId: string): string => `appt-${appointmentId}`;

/**
 * A self-pay booking opens the estimate duty; cancelling it voids the duty. (A booking fewer
 * than 3 business days ahead is refused `NoEstimateDue`, recorded in the audit trail.)
 */
export const estimateOnSelfPayBooking: ProcessManager = {
  name: 'good-faith-estimate-on-booking',
  eventTypes: ['AppointmentBooked', 'AppointmentCancelled'],
  grants: ['GoodFaithEstimate.OpenEstimateDuty', 'GoodFaithEstimate.VoidEstimateDuty'],
  react: async (e, { reader }) => {
    const d = e.data as unknown as {
      date: string;
      appointmentId: string;
      patientId: string;
      selfPay?: boolean;
      bookedOn?: string;
      cancelledAt?: string;
    };
    if (e.type === 'AppointmentBooked')
      return d.selfPay === true && d.bookedOn !== undefined
        ? [
            {
              aggregate: 'GoodFaithEstimate',
              command: {
                type: 'OpenEstimateDuty',
                gfeId: gfeIdOf(d.appointmentId),
                patientId: d.patientId,
                trigger: 'scheduled',
                appointmentId: d.appointmentId,
                scheduledOn: d.bookedOn,
                serviceOn: d.date,
              } as never,
            },
          ]
        : [];
    const appt = await getAppointment(reader, d.date, d.appointmentId);
    return appt?.selfPay === true
      ? [
          {
            aggregate: 'GoodFaithEstimate',
            command: {
              type: 'VoidEstimateDuty',
              gfeId: gfeIdOf(d.appointmentId),
              voidedOn: (d.cancelledAt ?? '').slice(0, 10),
              reason: 'cancelled',
            } as never,
          },
        ]
      : [];
  },
};
