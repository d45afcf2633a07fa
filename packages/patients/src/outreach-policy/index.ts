import * as t from 'io-ts';
import {
  ISOInstant,
  NonEmptyString,
  NonNegativeInt,
  PositiveInt,
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  reject,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';
import { LocalTime, minutesOf } from '../shared/time.js';

const Window = t.type({ from: LocalTime, to: LocalTime });
const Windows = t.type({ sms: Window, email: Window, voice: Window });

/** The practice's outreach policy (`OutreachPolicy-practice`): message windows and care-message caps. */
export interface OutreachPolicy {
  /** 0 = the defaults below, never set. */
  readonly policyVersion: number;
  /** Per channel, `HH:MM` in the patient's zone, from inclusive, to exclusive. */
  readonly windows: Readonly<Record<'sms' | 'email' | 'voice', { from: string; to: string }>>;
  /** Automated care texts and calls to one patient: at most this many a day… */
  readonly careCapPerDay: number;
  /** …and this many in any 7 days. */
  readonly careCapPerWeek: number;
}

/**
 * The defaults before a policy is set: athenaOne's windows [ATH3] (SMS and e-mail 09:00–21:00,
 * calls 10:00–20:00) and the FCC 2015 TCPA ruling's 1 a day, 3 a week for exempt care messages.
 */
export const defaultOutreachPolicy: OutreachPolicy = {
  policyVersion: 0,
  windows: {
    sms: { from: '09:00', to: '21:00' },
    email: { from: '09:00', to: '21:00' },
    voice: { from: '10:00', to: '20:00' },
  },
  careCapPerDay: 1,
  careCapPerWeek: 3,
};

export const commands = defineCommands('policyId', {
  /** Sets the whole outreach policy from the command's business time on (MODULES.md §3.1 `OutreachPolicySet`). */
  SetOutreachPolicy: command(
    {
      policyId: t.literal('practice'),
      windows: Windows,
      careCapPerDay: PositiveInt,
      careCapPerWeek: PositiveInt,
    },
    {},
    { stamps: { setAt: 'time', setBy: 'actor' } },
  ),
});
export type OutreachPolicyCommand = CommandOf<typeof commands>;

export const events = defineEvents({
  OutreachPolicySet: t.type({
    policyId: NonEmptyString,
    policyVersion: NonNegativeInt,
    windows: Windows,
    careCapPerDay: PositiveInt,
    careCapPerWeek: PositiveInt,
    setAt: ISOInstant,
    setBy: NonEmptyString,
  }),
});
export type OutreachPolicyEvent = EventOf<typeof events>;

export const refusals = defineRefusals({
  /** A window that does not end after it starts. */
  InvalidWindow: 'invalid',
  /** A weekly cap below the daily one, or caps beyond what the TCPA exemption allows for automated messages. */
  InvalidCap: 'invalid',
});
export type OutreachPolicyRefusal = keyof typeof refusals;

/** Applies one event (pure). */
export const evolve = (_: OutreachPolicy, e: OutreachPolicyEvent): OutreachPolicy => {
  const { policyVersion, windows, careCapPerDay, careCapPerWeek } = e.data;
  return { policyVersion, windows, careCapPerDay, careCapPerWeek };
};

/**
 * Each window ends after it starts (`InvalidWindow`, field `windows.<channel>.to`); the weekly cap
 * is at least the daily one, and neither exceeds the FCC 2015 TCPA ruling's 1 a day / 3 a week for
 * exempt automated care messages (`InvalidCap`) — a practice may be stricter, not looser.
 */
export const decide = (c: OutreachPolicyCommand, s: OutreachPolicy): Decision<OutreachPolicyEvent> => {
  for (const ch of ['sms', 'email', 'voice'] as const) {
    const w = c.windows[ch];
    if (minutesOf(w.to) <= minutesOf(w.from))
      return reject(
        'InvalidWindow',
        `the ${ch} window ${w.from}–${w.to} ends before it starts`,
        `windows.${ch}.to`,
      );
  }
  if (c.careCapPerDay > defaultOutreachPolicy.careCapPerDay)
    return reject('InvalidCap', 'at most 1 automated care message a day (TCPA)', 'careCapPerDay');
  if (c.careCapPerWeek > defaultOutreachPolicy.careCapPerWeek)
    return reject('InvalidCap', 'at most 3 automated care messages a week (TCPA)', 'careCapPerWeek');
  if (c.careCapPerWeek < c.careCapPerDay)
    return reject('InvalidCap', 'the weekly cap is below the daily one', 'careCapPerWeek');
  const copy = (w: { from: string; to: string }) => ({ from: w.from, to: w.to });
  return accept(
    events.make('OutreachPolicySet', {
      policyId: c.policyId,
      policyVersion: s.policyVersion + 1,
      windows: { sms: copy(c.windows.sms), email: copy(c.windows.email), voice: copy(c.windows.voice) },
      careCapPerDay: c.careCapPerDay,
      careCapPerWeek: c.careCapPerWeek,
      setAt: c.setAt,
      setBy: c.setBy,
    }),
  );
};

/** The practice's outreach policy (`OutreachPolicy-practice`), a module-owned settings aggregate like SchedulingPolicy. */
export const decider: Decider<
  OutreachPolicyCommand,
  OutreachPolicyEvent,
  OutreachPolicy,
  OutreachPolicyRefusal
> = {
  name: 'OutreachPolicy',
  stateVersion: 1,
  initialState: defaultOutreachPolicy,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
