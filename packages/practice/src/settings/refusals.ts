import { defineRefusals } from '@praxis/core';

/**
 * Every code a Settings refuses with, and its category (`invalid`, `not-found`, `conflict`,
 * `forbidden`, `rule`). Malformed input is refused before `decide` with the platform's codes
 * (`Required`, `InvalidDate`, `UnknownField`, …; see `platformRefusals`).
 */
export const refusals = defineRefusals({
  HolidayListedTwice: 'invalid',
  InvalidBusinessCalendar: 'invalid',
  NoOpenWeekday: 'rule',
  PracticeAlreadyEstablished: 'conflict',
  PracticeNotEstablished: 'not-found',
});

/** A code a Settings refuses with. */
export type SettingsRefusal = keyof typeof refusals;
