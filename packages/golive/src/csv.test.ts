import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping each record’s line', () => {
    const text = 'id,note\r\n1,"a, b"\r\n2,"say ""hi"""\n\n3,"two\nlines"\n4,last';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['id', 'note'] },
      { line: 2, fields: ['1', 'a, b'] },
      { line: 3, fields: ['2', 'say "hi"'] },
      { line: 5, fields: ['3', 'two\nlines'] },
      { line: 7, fields: ['4', 'last'] },
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(/line 2/);
  });
});
