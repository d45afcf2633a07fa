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
    };

export const initialState: Settings = { status: 'new' };

/** Folds settings events. */
export const evolve = (_s: Settings, e: SettingsEvent): Settings => {
  switch (e.type) {
    case 'PracticeEstablished':
      return { status: 'established', ...e.data };
  }
};
