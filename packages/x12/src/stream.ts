import { X12Parser, type X12Interchange } from 'node-x12';
import { isaDelimiters, checkSegment, el, loc, type Delimiters, type Segment } from './interchange.js';
import { X12Error } from './x12-error.js';

/**
 * Where an interchange comes from: the whole text, or its pieces as they arrive — chunks of
 * text or bytes (UTF-8), e.g. `createReadStream(file)` or a fetch body. Bytes split inside a
 * character are joined before they are read.
 */
export type X12Source =
  string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** What a streaming reader is told about each transaction set as it opens (ST). */
export interface TransactionStart {
  /** The ST segment (position 1). */
  readonly st: Segment;
  /** The GS segment of its group. */
  readonly gs: Segment;
  /** ISA13 of its interchange, as sent (`000000907`). */
  readonly interchangeControlNumber: string;
  readonly delimiters: Delimiters;
}

/** The receiver of a streaming read: each transaction set's segments in file order. */
export interface SegmentSink {
  /** ST read (its group and interchange are open and well-formed so far). */
  start(t: TransactionStart): void;
  /** A segment inside the transaction set, after ST and before SE, with its position. */
  segment(s: Segment): void;
  /** SE read and its SE01 count and SE02 control number checked. */
  end(se: Segment): void;
}

/** Segments handed to node-x12 at once: a window of whole segments of about this many characters. */
const WINDOW = 32 * 1024;
/** A segment longer than this has lost its terminator (nothing in an 835 comes close). */
const MAX_SEGMENT = 1024 * 1024;
const ENVELOPE = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE']);
const TAG = /^[A-Z][A-Z0-9]{1,2}$/;

interface Framed {
  readonly raw: string;
  readonly line: number;
  readonly position: number;
}

const countLines = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * An interchange read as it arrives, segment by segment, with memory bounded by the longest
 * segment and one window of segments (docs/decisions/x12-parser-choice.md):
 *
 * - Praxis frames the text: the ISA's fixed 106 characters declare the separators; a segment is
 *   the text up to the declared terminator (X12 has no escape character), its tag the text up to
 *   the first element separator. Praxis reads the envelope segments (ISA, GS, ST, SE, GE, IEA)
 *   and checks as the stream passes what node-x12 checks on a whole tree: SE01, GE01 and IEA01
 *   counts, SE02/GE02/IEA02 control numbers, nesting and truncation.
 * - node-x12 reads the elements of every segment inside a transaction set: each window of whole
 *   segments (about 32 kB) is handed to its strict `parse` inside a minimal envelope, and the
 *   segments it returns go to the sink in order.
 *
 * `push` and `end` throw `X12Error` (`syntax`) with the same messages, segments and elements as
 * the whole-text reader `readInterchanges`.
 *
 * @example
 * const r = new InterchangeStream(sink); for await (const chunk of stream) r.push(chunk); r.end();
 */
export class InterchangeStream {
  private buf = '';
  private started = false;
  private d: Delimiters | undefined;
  /** 1-based line where `buf` begins. */
  private line = 1;
  private isa: Segment | undefined;
  private gs: Segment | undefined;
  private st: Segment | undefined;
  private groups = 0;
  private transactions = 0;
  private count = 0;
  private interchanges = 0;
  private window: Framed[] = [];
  private windowChars = 0;
  private done = false;

  constructor(private readonly sink: SegmentSink) {}

  /** Reads the next piece of text. Throws `X12Error` as soon as something is wrong. */
  push(chunk: string): void {
    if (this.done) throw new X12Error('syntax', 'the reader was already ended');
    this.buf += chunk;
    if (!this.started) {
      const t = this.buf.replace(/^\uFEFF/, '').trimStart();
      if (t === '') {
        this.line += countLines(this.buf);
        this.buf = '';
        return;
      }
      this.buf = t;
      this.started = true;
      // Lines count from the first character of the interchange, as the whole-text reader does.
      this.line = 1;
    }
    if (this.d === undefined) {
      if (this.buf.length >= 3 && !this.buf.startsWith('ISA')) isaDelimiters(this.buf);
      if (this.buf.length < 106) return;
      this.d = isaDelimiters(this.buf);
    }
    const term = this.d.segment;
    let from = 0;
    for (let at = this.buf.indexOf(term); at !== -1; at = this.buf.indexOf(term, from)) {
      const raw = this.buf.slice(from, at + 1);
      from = at + 1;
      const lead = raw.length - raw.trimStart().length;
      const line = this.line + countLines(raw.slice(0, lead));
      this.line += countLines(raw);
      this.segment(raw, line);
    }
    this.buf = this.buf.slice(from);
    if (this.buf.length > MAX_SEGMENT)
      throw new X12Error(
        'syntax',
        `no segment terminator "${term}" in ${MAX_SEGMENT} characters: wrong or mixed delimiters`,
        { segment: this.buf.trimStart().slice(0, 40), line: this.line },
      );
  }

  /** The end of the input: throws `X12Error` if the interchange is not whole. */
  end(): void {
    if (this.done) return;
    this.done = true;
    const rest = this.buf.trim();
    if (!this.started) throw new X12Error('syntax', 'the file is empty');
    if (this.d === undefined) {
      isaDelimiters(this.buf);
      return;
    }
    if (rest !== '') {
      const lead = this.buf.length - this.buf.trimStart().length;
      throw new X12Error(
        'syntax',
        'the interchange is truncated: its last segment has no terminator and no IEA closes it',
        { segment: rest, line: this.line + countLines(this.buf.slice(0, lead)) },
      );
    }
    if (this.isa !== undefined)
      throw new X12Error(
        'syntax',
        'the interchange is truncated: no IEA segment closes it',
        this.loc(this.isa),
      );
    if (this.interchanges === 0)
      throw new X12Error('syntax', 'no ISA segment opens the interchange', { element: 'ISA' });
  }

  private loc(s: Segment, n?: number) {
    return loc(s, n, undefined, this.d);
  }

  private segment(raw: string, line: number): void {
    const d = this.d!;
    const text = raw.trim();
    const body = text.endsWith(d.segment) ? text.slice(0, -d.segment.length) : text;
    const sep = body.indexOf(d.element);
    const tag = sep === -1 ? body : body.slice(0, sep);
    if (!TAG.test(tag))
      throw new X12Error(
        'syntax',
        `"${tag.slice(0, 20)}" is not a segment tag: wrong or mixed delimiters (this interchange declares "${d.element}" between elements and "${d.segment}" after segments)`,
        { segment: body, line },
      );
    if (sep === -1)
      throw new X12Error(
        'syntax',
        `the segment has no elements after its tag: wrong or mixed delimiters (this interchange declares "${d.element}" between elements)`,
        { segment: body, line },
      );
    if (!ENVELOPE.has(tag)) {
      if (this.st === undefined)
        throw new X12Error('syntax', `${tag} segment cannot appear outside of a transaction set (ST…SE)`, {
          segment: body,
          line,
        });
      this.count++;
      this.window.push({ raw, line, position: this.count });
      this.windowChars += raw.length;
      if (this.windowChars >= WINDOW) this.flush();
      return;
    }
    const s: Segment = { tag, elements: body.slice(sep + 1).split(d.element), position: 0, line };
    checkSegment(s, d);
    switch (tag) {
      case 'ISA': {
        if (this.isa !== undefined)
          throw new X12Error(
            'syntax',
            'the interchange is truncated: no IEA segment closes it',
            this.loc(this.isa),
          );
        const declared = isaDelimiters(raw.trimStart());
        if (
          declared.element !== d.element ||
          declared.component !== d.component ||
          declared.segment !== d.segment
        )
          throw new X12Error(
            'syntax',
            'this interchange declares other delimiters than the first one in the file: wrong or mixed delimiters',
            { ...this.loc(s), element: 'ISA16' },
          );
        this.isa = s;
        this.groups = 0;
        return;
      }
      case 'GS':
        if (this.isa === undefined)
          throw new X12Error('syntax', 'a GS segment outside an interchange (ISA…IEA)', this.loc(s));
        if (this.gs !== undefined)
          throw new X12Error(
            'syntax',
            'the interchange is truncated: no GE closes this functional group',
            this.loc(this.gs),
          );
        this.gs = s;
        this.transactions = 0;
        return;
      case 'ST': {
        if (this.gs === undefined)
          throw new X12Error(
            'syntax',
            'ST segment cannot appear outside of a functional group (GS…GE)',
            this.loc(s),
          );
        if (this.st !== undefined)
          throw new X12Error(
            'syntax',
            'the interchange is truncated: no SE closes this transaction set',
            this.loc(this.st),
          );
        const st = { ...s, position: 1 };
        this.st = st;
        this.count = 1;
        this.sink.start({
          st,
          gs: this.gs,
          interchangeControlNumber: el(this.isa!, 13),
          delimiters: d,
        });
        return;
      }
      case 'SE': {
        if (this.st === undefined)
          throw new X12Error('syntax', 'an SE segment without its ST (Missing ST segment)', this.loc(s));
        this.flush();
        this.count++;
        const se = { ...s, position: this.count };
        if (Number.parseInt(el(se, 1), 10) !== this.count)
          throw new X12Error(
            'syntax',
            `The value in SE01 (${el(se, 1)}) does not match the number of segments in the transaction (${this.count}). (a segment missing, or ended by something other than "${d.segment}": mixed delimiters)`,
            this.loc(se, 1),
          );
        if (el(se, 2) !== el(this.st, 2))
          throw new X12Error(
            'syntax',
            `SE02 ${el(se, 2)} does not match ST02 ${el(this.st, 2)}`,
            this.loc(se, 2),
          );
        this.st = undefined;
        this.transactions++;
        this.sink.end(se);
        return;
      }
      case 'GE':
        if (this.gs === undefined)
          throw new X12Error('syntax', 'a GE segment without its GS (Missing GS segment)', this.loc(s));
        if (this.st !== undefined)
          throw new X12Error(
            'syntax',
            'the interchange is truncated: no SE closes this transaction set',
            this.loc(this.st),
          );
        if (Number.parseInt(el(s, 1), 10) !== this.transactions)
          throw new X12Error(
            'syntax',
            `The value in GE01 (${el(s, 1)}) does not match the number of ST segments in the functional group (${this.transactions}).`,
            this.loc(s, 1),
          );
        if (el(s, 2) !== el(this.gs, 6))
          throw new X12Error(
            'syntax',
            `The value in GE02 (${el(s, 2)}) does not match the value in GS06 (${el(this.gs, 6)}).`,
            this.loc(s, 2),
          );
        this.gs = undefined;
        this.groups++;
        return;
      case 'IEA': {
        if (this.isa === undefined)
          throw new X12Error('syntax', 'an IEA segment without its ISA', this.loc(s));
        if (this.gs !== undefined)
          throw new X12Error(
            'syntax',
            'the interchange is truncated: no GE closes this functional group',
            this.loc(this.gs),
          );
        if (Number.parseInt(el(s, 1), 10) !== this.groups)
          throw new X12Error(
            'syntax',
            `The value in IEA01 (${el(s, 1)}) does not match the number of GS segments in the interchange (${this.groups}).`,
            this.loc(s, 1),
          );
        const [a, b] = [el(s, 2).trim(), el(this.isa, 13).trim()];
        if (a !== b && !(/^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b)))
          throw new X12Error(
            'syntax',
            `The value in IEA02 (${a}) does not match the value in ISA13 (${b}).`,
            this.loc(s, 2),
          );
        this.isa = undefined;
        this.interchanges++;
        return;
      }
    }
  }

  /** Hands the window of framed segments to node-x12 and the segments it reads to the sink. */
  private flush(): void {
    if (this.window.length === 0) return;
    const d = this.d!;
    const framed = this.window;
    this.window = [];
    this.windowChars = 0;
    const e = d.element;
    const t = d.segment;
    const doc =
      head(d) +
      framed.map((f) => f.raw).join('') +
      `SE${e}${framed.length + 2}${e}0001${t}GE${e}1${e}1${t}IEA${e}1${e}000000001${t}`;
    let parsed: X12Interchange;
    try {
      parsed = new X12Parser(true).parse(doc) as X12Interchange;
    } catch (err) {
      throw new X12Error(
        'syntax',
        (err instanceof Error ? err.message : String(err)).replace(/^X12 Standard: /, ''),
        { segment: framed[0]!.raw.trim().slice(0, 40), line: framed[0]!.line },
      );
    }
    const segments = parsed.functionalGroups[0]?.transactions[0]?.segments ?? [];
    if (segments.length !== framed.length)
      throw new X12Error(
        'syntax',
        `node-x12 read ${segments.length} segments where ${framed.length} were framed`,
        { segment: framed[0]!.raw.trim().slice(0, 40), line: framed[0]!.line },
      );
    for (const [i, x] of segments.entries()) {
      const f = framed[i]!;
      const s: Segment = {
        tag: x.tag,
        elements: x.elements.map((v) => v.value),
        position: f.position,
        line: f.line,
      };
      checkSegment(s, d);
      this.sink.segment(s);
    }
  }
}

const heads = new Map<string, string>();
/** A minimal ISA, GS and ST with the file's delimiters, around a window handed to node-x12. */
const head = (d: Delimiters): string => {
  const key = `${d.element}${d.component}${d.repetition}${d.segment}`;
  let h = heads.get(key);
  if (h === undefined) {
    const e = d.element;
    h =
      [
        'ISA',
        '00',
        ' '.repeat(10),
        '00',
        ' '.repeat(10),
        'ZZ',
        'PRAXIS'.padEnd(15),
        'ZZ',
        'PRAXIS'.padEnd(15),
        '000101',
        '0000',
        d.repetition,
        '00501',
        '000000001',
        '0',
        'P',
        d.component,
      ].join(e) +
      d.segment +
      `GS${e}HP${e}P${e}P${e}20000101${e}0000${e}1${e}X${e}005010X221A1${d.segment}` +
      `ST${e}835${e}0001${d.segment}`;
    heads.set(key, h);
  }
  return h;
};
