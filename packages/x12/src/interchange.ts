import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12';
import { X12Error, type X12Location } from './x12-error.js';

/** One segment as read: its tag, its elements (`elements[0]` is element 01) and where it is. */
export interface Segment {
  readonly tag: string;
  readonly elements: readonly string[];
  /** Position in its transaction set (ST = 1); 0 for envelope segments (ISA, GS, GE, IEA). */
  readonly position: number;
  /** 1-based line in the file. */
  readonly line: number;
}

/** The separators an interchange declares in its ISA segment. */
export interface Delimiters {
  /** ISA position 4 (usually `*`). */
  readonly element: string;
  /** ISA16 (usually `:`). */
  readonly component: string;
  /** ISA11 in version 00501 (usually `^`). */
  readonly repetition: string;
  /** The character after ISA16 (usually `~`). */
  readonly segment: string;
}

/** One transaction set (ST…SE), segments ST to SE included. */
export interface TransactionSet {
  /** ST01: `835`, `837`. */
  readonly setId: string;
  /** ST02. */
  readonly controlNumber: string;
  /** The implementation guide: ST03, else GS08 (`005010X221A1`). */
  readonly guide: string;
  readonly segments: readonly Segment[];
}

/** One functional group (GS…GE). */
export interface FunctionalGroup {
  /** GS01: `HP` (835), `HC` (837). */
  readonly functionalCode: string;
  readonly sender: string;
  readonly receiver: string;
  /** GS06. */
  readonly controlNumber: string;
  /** GS08: the version and guide, `005010X221A1`. */
  readonly version: string;
  readonly transactions: readonly TransactionSet[];
}

/** One interchange (ISA…IEA). */
export interface Interchange {
  readonly sender: string;
  readonly receiver: string;
  /** ISA13. */
  readonly controlNumber: string;
  /** ISA09 (YYMMDD). */
  readonly date: string;
  /** ISA15: `P` production, `T` test. */
  readonly usage: string;
  readonly delimiters: Delimiters;
  readonly groups: readonly FunctionalGroup[];
}

/** The text of a segment, as it appears in a file with these delimiters. */
export const segmentText = (s: Segment, d: Delimiters = DEFAULT_DELIMITERS): string =>
  [s.tag, ...s.elements].join(d.element);

/** The usual delimiters: `*`, `:`, `^`, `~`. */
export const DEFAULT_DELIMITERS: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };

/** Element `n` (1-based) of a segment, `''` when absent. */
export const el = (s: Segment, n: number): string => s.elements[n - 1] ?? '';

/** The location of element `n` (and component `c`) of a segment, for an error. */
export const loc = (s: Segment, n?: number, c?: number, d: Delimiters = DEFAULT_DELIMITERS): X12Location => ({
  segment: segmentText(s, d),
  ...(s.position > 0 ? { position: s.position } : {}),
  line: s.line,
  ...(n === undefined
    ? {}
    : { element: `${s.tag}${String(n).padStart(2, '0')}${c === undefined ? '' : `-${c}`}` }),
});

// ISA is fixed width: the element separator sits at these offsets (ISA01 … ISA16).
const ISA_SEPARATORS = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103];
const TAG = /^[A-Z][A-Z0-9]{1,2}$/;

/** The separators the ISA at the start of `text` declares (its fixed 106 characters); throws `X12Error` (`syntax`). */
export const isaDelimiters = (text: string): Delimiters => {
  if (!text.startsWith('ISA'))
    throw new X12Error('syntax', 'not an X12 interchange: the file must begin with an ISA segment', {
      segment: text.slice(0, 40),
      line: 1,
    });
  if (text.length < 106)
    throw new X12Error('syntax', 'the interchange is truncated inside its ISA segment (106 characters)', {
      segment: text.slice(0, 40),
      line: 1,
      element: 'ISA',
    });
  const element = text.charAt(3);
  for (const [i, at] of ISA_SEPARATORS.entries()) {
    if (text.charAt(at) !== element)
      throw new X12Error(
        'syntax',
        `ISA is fixed-width: the element separator "${element}" (ISA position 4) must also end ISA${String(i).padStart(2, '0')} at character ${at + 1}; wrong or mixed delimiters`,
        { segment: text.slice(0, 106), line: 1, element: `ISA${String(i + 1).padStart(2, '0')}` },
      );
  }
  const d: Delimiters = {
    element,
    component: text.charAt(104),
    repetition: text.charAt(82),
    segment: text.charAt(105),
  };
  if (/[A-Za-z0-9 ]/.test(d.segment) || d.segment === d.element || d.segment === d.component)
    throw new X12Error(
      'syntax',
      `"${d.segment}" after ISA16 cannot be the segment terminator (it must differ from the data and the other delimiters)`,
      { segment: text.slice(0, 106), line: 1, element: 'ISA16' },
    );
  if (/[A-Za-z0-9 ]/.test(d.element) || d.element === d.component)
    throw new X12Error('syntax', `"${d.element}" cannot be the element separator`, {
      segment: text.slice(0, 106),
      line: 1,
      element: 'ISA',
    });
  return d;
};

const toSegment = (s: X12Segment, position: number): Segment => ({
  tag: s.tag,
  elements: s.elements.map((e) => e.value),
  position,
  line: (s.range?.start?.line ?? 0) + 1,
});

/** Throws `X12Error` (`syntax`) for a tag that is not one, or a line break inside an element (mixed terminators). */
export const checkSegment = (s: Segment, d: Delimiters): void => {
  if (!TAG.test(s.tag))
    throw new X12Error(
      'syntax',
      `"${s.tag.slice(0, 20)}" is not a segment tag: wrong or mixed delimiters (this interchange declares "${d.element}" between elements and "${d.segment}" after segments)`,
      { segment: segmentText(s, d), line: s.line },
    );
  for (const [i, v] of s.elements.entries()) {
    if (/[\r\n]/.test(v.trimEnd()))
      throw new X12Error(
        'syntax',
        `a line break inside an element: mixed segment terminators (this interchange declares "${d.segment}")`,
        loc(s, i + 1, undefined, d),
      );
  }
};

const message = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).replace(/^X12 Standard: /, '');

/**
 * Reads the interchanges of an X12 file with `node-x12` (strict: SE01, GE01, IEA01 counts and
 * control numbers checked), with the separators its ISA segment declares. Line endings after
 * segment terminators are allowed.
 *
 * Throws `X12Error` (`syntax`) for a file that is not a whole, well-formed interchange:
 * truncated, wrong or mixed delimiters, a count or control number that does not match.
 *
 * @example
 * const [ic] = readInterchanges(text); ic.groups[0].transactions[0].setId; // '835'
 */
export const readInterchanges = (input: string): Interchange[] => {
  if (typeof input !== 'string') throw new X12Error('syntax', 'an X12 interchange is text');
  const text = input.replace(/^\uFEFF/, '').trimStart();
  if (text === '') throw new X12Error('syntax', 'the file is empty');
  const d = isaDelimiters(text);
  const end = text.trimEnd();
  if (!end.endsWith(d.segment)) {
    const lastSeg = end.slice(end.lastIndexOf(d.segment) + 1).trim();
    throw new X12Error(
      'syntax',
      'the interchange is truncated: its last segment has no terminator and no IEA closes it',
      { segment: lastSeg, line: end.split('\n').length },
    );
  }
  let parsed: X12Interchange | X12Interchange[];
  try {
    const r = new X12Parser(true).parse(text);
    parsed = 'interchanges' in r ? (r as { interchanges: X12Interchange[] }).interchanges : r;
  } catch (e) {
    const why = message(e);
    const element = /\b([A-Z]{2,3}\d{2})\b/.exec(why)?.[1];
    const hint =
      element === 'SE01'
        ? ` (a segment missing, or ended by something other than "${d.segment}": mixed delimiters)`
        : '';
    throw new X12Error('syntax', why + hint, element === undefined ? {} : { element });
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((ic) => readOne(ic, d));
};

const readOne = (ic: X12Interchange, d: Delimiters): Interchange => {
  if (ic.header === undefined)
    throw new X12Error('syntax', 'no ISA segment opens the interchange', { element: 'ISA' });
  const isa = toSegment(ic.header, 0);
  checkSegment(isa, d);
  if (ic.trailer === undefined || ic.trailer.tag !== 'IEA')
    throw new X12Error('syntax', 'the interchange is truncated: no IEA segment closes it', loc(isa));
  const iea = toSegment(ic.trailer, 0);
  checkSegment(iea, d);
  const groups = ic.functionalGroups.map((g): FunctionalGroup => {
    if (g.header === undefined)
      throw new X12Error('syntax', 'a functional group has no GS segment', loc(iea));
    const gs = toSegment(g.header, 0);
    checkSegment(gs, d);
    if (g.trailer === undefined || g.trailer.tag !== 'GE')
      throw new X12Error(
        'syntax',
        'the interchange is truncated: no GE closes this functional group',
        loc(gs),
      );
    checkSegment(toSegment(g.trailer, 0), d);
    const transactions = g.transactions.map((t): TransactionSet => {
      if (t.header === undefined)
        throw new X12Error('syntax', 'a transaction set has no ST segment', loc(gs));
      const st = toSegment(t.header, 1);
      checkSegment(st, d);
      if (t.trailer === undefined || t.trailer.tag !== 'SE')
        throw new X12Error(
          'syntax',
          'the interchange is truncated: no SE closes this transaction set',
          loc(st),
        );
      const body = t.segments.map((s, i) => toSegment(s, i + 2));
      const se = toSegment(t.trailer, body.length + 2);
      for (const s of body) checkSegment(s, d);
      checkSegment(se, d);
      if (el(se, 2) !== el(st, 2))
        throw new X12Error(
          'syntax',
          `SE02 ${el(se, 2)} does not match ST02 ${el(st, 2)}`,
          loc(se, 2, undefined, d),
        );
      return {
        setId: el(st, 1),
        controlNumber: el(st, 2),
        guide: el(st, 3) || el(gs, 8),
        segments: [st, ...body, se],
      };
    });
    return {
      functionalCode: el(gs, 1),
      sender: el(gs, 2),
      receiver: el(gs, 3),
      controlNumber: el(gs, 6),
      version: el(gs, 8),
      transactions,
    };
  });
  return {
    sender: el(isa, 6).trim(),
    receiver: el(isa, 8).trim(),
    controlNumber: el(isa, 13),
    date: el(isa, 9),
    usage: el(isa, 15),
    delimiters: d,
    groups,
  };
};
