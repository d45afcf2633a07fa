/** One record of a CSV file, with the line it starts on (1 = the header). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A CSV file that cannot be read at all (an unclosed quote). */
export class CsvSyntaxError extends Error {
  readonly _tag = 'CsvSyntaxError' as const;
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses CSV text (RFC 4180: comma separated, fields in double quotes may hold commas, quotes
 * doubled, and line breaks; CRLF or LF). Blank lines are skipped. A UTF-8 byte-order mark is
 * ignored.
 *
 * @example
 * parseCsv('a,b\n1,"x, y"\n'); // [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', 'x, y'] }]
 */
export const parseCsv = (text: string): CsvRecord[] => {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) throw new CsvSyntaxError(quoteLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0) endRecord();
  return records;
};
