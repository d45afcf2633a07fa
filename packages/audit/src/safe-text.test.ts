/* eslint-disable no-control-regex -- these patterns exist to find control characters */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock, makeCommandHandler, foldProjections, collect } from '@praxis/core';
import { memoryEventStore } from '@praxis/store-memory';
import { auditView } from './audit-view.js';
import { exportAudit } from './export.js';
import { csvCell, jsonSafe, terminalSafe } from './safe-text.js';
import { pettyCash, registry } from './testing/petty-cash.js';

/** Parses one RFC 4180 record (enough for these tests: no line breaks inside cells). */
const parseCsvLine = (line: string): string[] => {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let j = i + 1;
      let v = '';
      for (;;) {
        if (line[j] === '"' && line[j + 1] === '"') {
          v += '"';
          j += 2;
        } else if (line[j] === '"') break;
        else v += line[j++];
      }
      cells.push(v);
      i = j + 2;
    } else {
      const end = line.indexOf(',', i);
      cells.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return cells;
};

describe('safe output', () => {
  it('exports an actor id that is a spreadsheet formula as inert text', async () => {
    const store = memoryEventStore({ registry });
    const h = makeCommandHandler({
      store,
      decider: pettyCash,
      clock: fixedClock('2026-03-01T09:00:00', 'UTC'),
    });
    const evil = { id: '=HYPERLINK("http://x","y")', role: '@SUM(A1)' };
    await h.handle({ streamId: 'PettyCash-front', actor: evil, command: { type: 'Deposit', cents: 1 } });
    const reader = foldProjections([auditView(registry.types)], await collect(store.readAll()));
    const lines = await collect(exportAudit(reader, {}, 'csv'));
    const cells = parseCsvLine(lines[1]!.replace(/\r\n$/, ''));
    expect(cells[3]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(cells[4]).toBe(`'@SUM(A1)`);
  });

  it('never lets a CSV cell start with a formula character, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const cell = csvCell(s);
        const value = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
        expect(value).not.toMatch(/^[=+\-@\t\r]/);
        expect(value).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/);
        // Text without anything to neutralise comes out as it went in.
        if (
          !/^[=+\-@\t\r]/.test(s) &&
          !/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069",]/.test(s)
        ) {
          expect(cell).toBe(s);
        }
      }),
    );
  });

  it('shows control characters and bidi overrides on a terminal as visible escapes', () => {
    expect(terminalSafe('ann\u202Eevil\u001b[31m\r')).toBe('ann\\u{202e}evil\\u{001b}[31m\\u{000d}');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(terminalSafe(s)).not.toMatch(
          /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/,
        );
      }),
    );
  });

  it('escapes bidi controls in JSON Lines without changing the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (v, s) => {
        const text = jsonSafe(JSON.stringify({ v, s }));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ v, s })));
        expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
      }),
    );
  });
});
