/** Reporting periods live in @praxis/core (every module's KPIs are computed per period). */
export {
  parsePeriod,
  isPeriodError,
  periodOf,
  instantInPeriod,
  dateInPeriod,
  localDateOf,
  type Period,
  type PeriodError,
} from '@praxis/core';
