import { defaultBusinessCalendar, type BusinessCalendarSettings } from '@praxis/core';
import type { SettingsEvent } from './events.js';

/** The practice's settings, once established. */
export type Settings =
  | { readonly status: 'new' }
  | {
      readonly status: 'established';
      readonly name: string;
      readonly timeZone: string;
      readonly currency: string;
      readonly establishedAt: string;
      /** Open weekdays and holidays (Monday to Friday, no holidays, until one is set). */
      readonly businessCalendar: BusinessCalendarSettings;
    };

export const initialState: Settings = { status: 'new' };

/** Folds settings events. */
export const evolve = (s: Settings, e: SettingsEvent): Settings => {
  switch (e.type) {
    case 'PracticeEstablished':
      return { status: 'established', ...e.data, businessCalendar: defaultBusinessCalendar };
    case 'BusinessCalendarSet':
      return s.status === 'established' ? { ...s, businessCalendar: e.data } : s;
  }
};
