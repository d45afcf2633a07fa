import * as t from 'io-ts';
import { DateTime } from 'luxon';
import {
  defineCommands,
  ISODate,
  ISOInstant,
  reject,
  type AnyCommandSpec,
  type CommandCodecs,
  type Decider,
  type Decision,
  type DomainCommand,
  type DomainEvent,
  type FactContext,
} from '@praxis/core';

/**
 * The books' lock as a command sees it (a fact): the last closed period and the day it ends
 * (`through`), and the first instant after it in the practice zone (`openFrom`); `null` when no
 * period was ever closed.
 */
export const BooksLock = t.union([
  t.null,
  t.type({ period: t.string, through: ISODate, openFrom: ISOInstant }),
]);
/** The books' lock (see `BooksLock`). */
export type BooksLock = t.TypeOf<typeof BooksLock>;

/** The fact field every locked command declares: `{ books: BooksLock }`. */
export const booksFact = { books: BooksLock };

/** The practice's books: one stream, `Books-practice`. */
export const booksId = 'practice';

/**
 * The lock of the practice's books as of now, for a fact provider: read from the `Books`
 * aggregate's state, with the first open instant computed in the practice zone.
 */
export const booksLockOf = async (ctx: FactContext): Promise<{ books: BooksLock }> => {
  const s = await ctx.load<{ closedThrough?: string; closedPeriod?: string }>('Books', booksId);
  if (s?.closedThrough === undefined) return { books: null };
  const openFrom = DateTime.fromISO(s.closedThrough, { zone: ctx.timeZone }).plus({ days: 1 }).toISO()!;
  return { books: { period: s.closedPeriod ?? s.closedThrough, through: s.closedThrough, openFrom } };
};

/** Where a command posts: a business date (`incurredOn`) or an instant (`at`), and its field. */
export type Posting = { readonly field: string } & (
  { readonly on: string; readonly at?: never } | { readonly at: string; readonly on?: never }
);

/**
 * Refuses a posting dated in a closed period: `PeriodClosed`, naming the field and the period.
 * Corrections of a closed period are posted in the open one, referring to what they correct
 * (`CorrectClaim`, a refund of an overpayment); docs/decisions/finance-period-lock.md.
 */
export const refuseIfClosed = <Ev>(lock: BooksLock, posting: Posting): Decision<Ev> | undefined => {
  if (lock === null) return undefined;
  const closed =
    posting.on !== undefined
      ? posting.on <= lock.through
      : DateTime.fromISO(posting.at).toMillis() < DateTime.fromISO(lock.openFrom).toMillis();
  return closed
    ? reject(
        'PeriodClosed',
        `${posting.field} ${posting.on ?? posting.at} falls in ${lock.period}, closed through ${lock.through}: post it in the open period, referring to what it corrects`,
        posting.field,
      )
    : undefined;
};

/**
 * Wraps a decider so the named commands are refused in a closed period before its own rules
 * run: each gains the `books` fact (bind a provider with `lockedFacts`), and `postingOf` says
 * where it posts. The decider's events, state and other commands are unchanged.
 *
 * @example
 * const claim = withBooksLock(Claim.decider, { RecordPayerPayment: (c) => ({ field: 'at', at: c.at }) });
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any aggregate's decider
export const withBooksLock = <Dec extends Decider<any, any, any, any>>(
  decider: Dec,
  postingOf: Readonly<Record<string, (c: Readonly<Record<string, unknown>>) => Posting>>,
): Dec => {
  const codecs = decider.commands as CommandCodecs;
  const definitions: Record<string, AnyCommandSpec> = {};
  for (const type of codecs.types) {
    const spec = codecs.spec(type)!;
    definitions[type] =
      postingOf[type] === undefined ? spec : { ...spec, facts: { ...spec.facts, ...booksFact } };
  }
  return {
    ...decider,
    commands: defineCommands(codecs.idKey, definitions),
    ...(decider.refusals === undefined
      ? {}
      : { refusals: { ...decider.refusals, PeriodClosed: 'conflict' as const } }),
    decide: (c: DomainCommand, s: unknown) => {
      const at = postingOf[c.type];
      if (at !== undefined) {
        const x = c as unknown as Readonly<Record<string, unknown>> & { books: BooksLock };
        const refused = refuseIfClosed<DomainEvent>(x.books, at(x));
        if (refused !== undefined) return refused;
      }
      return decider.decide(c, s);
    },
  } as unknown as Dec;
};

/**
 * Fact providers for the locked commands: the books' lock, merged with the providers the
 * commands already had.
 */
export const lockedFacts = (
  types: readonly string[],
  existing: Readonly<
    Record<string, ((c: Readonly<Record<string, unknown>>, ctx: FactContext) => Promise<object>) | undefined>
  > = {},
): Record<string, (c: Readonly<Record<string, unknown>>, ctx: FactContext) => Promise<object>> => {
  const out: Record<string, (c: Readonly<Record<string, unknown>>, ctx: FactContext) => Promise<object>> = {};
  for (const [type, f] of Object.entries(existing)) if (f !== undefined) out[type] = f;
  for (const type of types) {
    const before = existing[type];
    out[type] = async (c, ctx) => ({
      ...(before === undefined ? {} : await before(c, ctx)),
      ...(await booksLockOf(ctx)),
    });
  }
  return out;
};
