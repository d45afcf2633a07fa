import type * as t from 'io-ts';

/**
 * Until `command(…, { facts })` is in @praxis/core, a command's facts are required fields it
 * decodes with the rest (moved to the facts option once the platform lands).
 */
export const withFacts = <R extends t.Props, F extends t.Props>(required: R, facts: F): R & F => ({
  ...required,
  ...facts,
});
