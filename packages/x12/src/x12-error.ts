import { PraxisError, isTagged } from '@praxis/core';

/**
 * What was wrong with an X12 interchange, and where: the segment (its text, shortened), its
 * position in its transaction set (ST = 1, as a 999 acknowledgment counts) and the element
 * (`CLP04`). Thrown by the readers; `importRemittance` returns it as a value.
 *
 * - `syntax`: not a well-formed interchange (envelope, delimiters, counts, truncation).
 * - `unsupported`: well-formed X12 that is not what was asked for (an 850, a 4010 file…).
 * - `invalid`: an element that breaks the implementation guide (a code, an amount).
 * - `unbalanced`: totals of the file that do not add up (BPR02, CLP03/04/05, SVC02/03).
 *
 * @example
 * try { readRemittances(text) } catch (e) { if (X12Error.isInstance(e)) console.log(e.element, e.message) }
 */
export class X12Error extends PraxisError {
  readonly _tag = 'X12Error' as const;
  constructor(
    readonly kind: 'syntax' | 'unsupported' | 'invalid' | 'unbalanced',
    readonly reason: string,
    readonly where: X12Location = {},
  ) {
    super(describe(reason, where));
  }
  /** The element at fault, e.g. `CLP04`, when one is. */
  get element(): string | undefined {
    return this.where.element;
  }
  static isInstance = isTagged<X12Error>('X12Error');
}

/** Where in an interchange something is. */
export interface X12Location {
  /** The segment's text (first 40 characters). */
  readonly segment?: string;
  /** Position of the segment in its transaction set (ST = 1), or in the interchange for envelopes. */
  readonly position?: number;
  /** 1-based line of the segment in the file. */
  readonly line?: number;
  /** The element, `CLP04` (segment tag and 2-digit position; `SVC01-2` for a component). */
  readonly element?: string;
}

const describe = (reason: string, w: X12Location): string => {
  const seg = w.segment === undefined ? '' : w.segment.length > 40 ? `${w.segment.slice(0, 40)}…` : w.segment;
  const pos = w.position === undefined ? '' : `segment ${w.position}`;
  const line = w.line === undefined ? '' : pos === '' ? `line ${w.line}` : `(line ${w.line})`;
  const at = [seg, pos, line].filter((s) => s !== '').join(' ');
  const head = [at, w.element].filter((s) => s !== undefined && s !== '').join(', ');
  return head === '' ? reason : `${head}: ${reason}`;
};
