import { JSEDINotation, X12Generator, type X12SerializationOptions } from 'node-x12';

/** One segment to write: its tag and its elements (`''` for an empty element). */
export type SegmentDraft = readonly [tag: string, ...elements: string[]];

/** An interchange to write: one functional group of transaction sets. */
export interface InterchangeDraft {
  /** ISA06/GS02 and ISA08/GS03 (ISA qualifiers `ZZ`). */
  readonly sender: string;
  readonly receiver: string;
  /** ISA13 and GS06 (1–999999999). */
  readonly controlNumber: number;
  /** The interchange's date and time (ISO instant or `YYYY-MM-DDTHH:mm`). */
  readonly createdAt: string;
  /** ISA15: `P` production (default) or `T` test. */
  readonly usage?: 'P' | 'T';
  /** GS01: `HP` (835) or `HC` (837). */
  readonly functionalCode: string;
  /** GS08: `005010X221A1`, `005010X222A1`. */
  readonly version: string;
  readonly transactions: readonly {
    readonly setId: string;
    readonly controlNumber: string;
    /** ST03, when the guide asks for it (837). */
    readonly guide?: string;
    /** The segments between ST and SE. */
    readonly segments: readonly SegmentDraft[];
  }[];
}

const OPTIONS: X12SerializationOptions = {
  elementDelimiter: '*',
  segmentTerminator: '~',
  subElementDelimiter: ':',
  repetitionDelimiter: '^',
  endOfLine: '\n',
  format: true,
};

const pad = (s: string, n: number): string => s.slice(0, n).padEnd(n, ' ');

/**
 * Writes an interchange with `node-x12`'s generator: ISA (fixed width), GS, ST…SE with the
 * segment count, GE and IEA with their counts and control numbers; `*` `:` `^` `~`, one
 * segment per line.
 *
 * @example
 * writeInterchange({ sender: 'PAYER', receiver: 'PRACTICE', controlNumber: 1, createdAt: '2026-11-02T10:00',
 *   functionalCode: 'HP', version: '005010X221A1', transactions: [{ setId: '835', controlNumber: '0001', segments }] });
 */
export const writeInterchange = (d: InterchangeDraft): string => {
  const ymd = d.createdAt.slice(0, 10).replaceAll('-', '');
  const hm = d.createdAt.slice(11, 16).replace(':', '') || '0000';
  const control = String(d.controlNumber).padStart(9, '0');
  const jsen = new JSEDINotation(
    [
      '00',
      pad('', 10),
      '00',
      pad('', 10),
      'ZZ',
      pad(d.sender, 15),
      'ZZ',
      pad(d.receiver, 15),
      ymd.slice(2),
      hm,
      '^',
      '00501',
      control,
      '0',
      d.usage ?? 'P',
      ':',
    ],
    OPTIONS,
  );
  const group = jsen.addFunctionalGroup([
    d.functionalCode,
    d.sender,
    d.receiver,
    ymd,
    hm,
    String(d.controlNumber),
    'X',
    d.version,
  ]);
  for (const t of d.transactions) {
    const tx = group.addTransaction(
      t.guide === undefined ? [t.setId, t.controlNumber] : [t.setId, t.controlNumber, t.guide],
    );
    for (const [tag, ...elements] of t.segments) tx.addSegment(tag, trimTrailing(elements));
  }
  return `${new X12Generator(jsen, OPTIONS).toString()}\n`;
};

/** X12 drops trailing empty elements. */
const trimTrailing = (elements: readonly string[]): string[] => {
  const out = [...elements];
  while (out.length > 1 && out.at(-1) === '') out.pop();
  return out;
};
