import * as t from 'io-ts';
import { DateTime } from 'luxon';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  ISOInstant,
  NonEmptyString,
  reject,
  struct,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';

export * from './lock.js';

const Month = t.string;

/** Every command of the practice's books (stream `Books-practice`). */
export const commands = defineCommands('booksId', {
  /**
   * Close a month (`YYYY-MM`) and every month before it: from then on, financial events dated
   * in it are refused (`PeriodClosed`). `closedBy` and `at` come from the call.
   */
  CloseFinancialPeriod: command(
    { booksId: t.literal('practice'), period: Month },
    { note: NonEmptyString },
    { stamps: { closedBy: 'actor', at: 'time' } },
  ),
});
/** Every Books command, as `decide` sees it. */
export type BooksCommand = CommandOf<typeof commands>;

/** Every event of the practice's books. */
export const events = defineEvents({
  /** The books were closed through the last day of `period`. */
  FinancialPeriodClosed: struct(
    {
      booksId: NonEmptyString,
      period: NonEmptyString,
      closedThrough: ISODate,
      closedBy: NonEmptyString,
      at: ISOInstant,
    },
    { note: NonEmptyString },
  ),
});
/** Every Books event. */
export type BooksEvent = EventOf<typeof events>;

/** Every code the books refuse with. */
export const refusals = defineRefusals({
  InvalidPeriod: 'invalid',
  PeriodAlreadyClosed: 'conflict',
  PeriodNotEnded: 'rule',
});
/** A code the books refuse with. */
export type BooksRefusal = keyof typeof refusals;

/** The books as their events left them: closed through a day, or never closed. */
export interface Books {
  readonly closedThrough?: string;
  readonly closedPeriod?: string;
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Months close in order and only once they have ended: `period` is `YYYY-MM`
 * (`InvalidPeriod`), after the last closed month (`PeriodAlreadyClosed`), and its last day is
 * before the day of the call (`PeriodNotEnded`, the call's date in its own offset).
 */
const decide = (c: BooksCommand, s: Books): Decision<BooksEvent> => {
  if (!monthPattern.test(c.period))
    return reject('InvalidPeriod', 'a financial period is a month, YYYY-MM', 'period');
  const lastDay = DateTime.fromISO(`${c.period}-01`, { zone: 'utc' }).endOf('month').toISODate()!;
  if (s.closedThrough !== undefined && lastDay <= s.closedThrough)
    return reject(
      'PeriodAlreadyClosed',
      `the books are closed through ${s.closedThrough} (${s.closedPeriod ?? ''})`,
      'period',
    );
  if (c.at.slice(0, 10) <= lastDay)
    return reject('PeriodNotEnded', `${c.period} runs until ${lastDay}`, 'period');
  return accept(
    events.make('FinancialPeriodClosed', {
      booksId: c.booksId,
      period: c.period,
      closedThrough: lastDay,
      closedBy: c.closedBy,
      at: c.at,
      ...(c.note === undefined ? {} : { note: c.note }),
    }),
  );
};

/**
 * The practice's books (stream `Books-<booksId>`, the facade uses `practice`): which months
 * are closed. Commands that post money (`RecordExpense`, claim charges and payments,
 * overpayments and their refunds) read the lock as a fact and are refused `PeriodClosed` when
 * dated in a closed month.
 *
 * @example
 * await practice.finance.closeFinancialPeriod({ booksId: 'practice', period: '2026-03' }, { at });
 */
export const decider: Decider<BooksCommand, BooksEvent, Books, BooksRefusal> = {
  name: 'Books',
  stateVersion: 1,
  initialState: {},
  evolve: (_s, e) => ({ closedThrough: e.data.closedThrough, closedPeriod: e.data.period }),
  decide,
  events,
  commands,
  refusals,
};
