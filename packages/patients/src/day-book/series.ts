import { addDays } from '../shared/time.js';

/**
 * The dates of a recurring series: `count` occurrences (1–104) every `everyDays` days (7 =
 * weekly) from `firstOn`. Each occurrence is booked as its own appointment on its own day's
 * book with the same `seriesId` and its `occurrence` number, so editing one (cancel and
 * rebook with `rescheduledFrom`) never touches the others — there is no whole-series status
 * (OpenEMR's [OE5716] rewrote the series).
 */
export const seriesDates = (firstOn: string, everyDays: number, count: number): readonly string[] => {
  const n = Math.max(0, Math.min(104, Math.floor(count)));
  const step = Math.max(1, Math.floor(everyDays));
  return Array.from({ length: n }, (_, i) => addDays(firstOn, i * step));
};
