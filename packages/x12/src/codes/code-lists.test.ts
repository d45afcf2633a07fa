import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRemittances } from '../era/import.js';
import { sample } from '../era/test-support.js';
import {
  carcDescription,
  carcList,
  codeLists,
  rarcDescription,
  rarcList,
  type CodeList,
} from './code-lists.js';

describe('CARC and RARC code lists', () => {
  it('describes the codes of every public sample 835 and of the demo', () => {
    const files = [
      '835-lfh-managed-care.edi',
      '835-pyx12-denied-clp4.edi',
      '835-tigershark-professional-zero-pay.edi',
    ];
    for (const f of files) {
      for (const { remittance } of parseRemittances(sample(f)))
        for (const c of remittance.claims) {
          for (const a of [...c.adjustments, ...c.lines.flatMap((l) => l.adjustments)])
            expect(carcDescription(a.carc), `${f} CARC ${a.carc}`).toBeDefined();
          for (const m of [...c.remarks, ...c.lines.flatMap((l) => l.remarks)])
            expect(rarcDescription(m), `${f} RARC ${m}`).toBeDefined();
        }
    }
    // The demo's denial reasons.
    for (const code of ['16', '97', '50', '197', '27', '18']) expect(carcDescription(code)).toBeDefined();
    expect(carcDescription('45')).toMatch(/fee schedule/);
    expect(carcDescription('a2')).toMatch(/deactivated 2008-01-01/);
    expect(rarcDescription('n14')).toMatch(/contractual/);
    expect(carcDescription('9999')).toBeUndefined();
    expect(carcDescription('__proto__')).toBeUndefined();
  });

  it('carries the list date, version, source and licence', () => {
    for (const l of [carcList, rarcList]) {
      expect(l.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(l.version).not.toBe('');
      expect(l.source).toMatch(/External Code Source (139|411)/);
      expect(l.licence).not.toBe('');
    }
  });

  it('takes a practice’s own (official) list in place of the built-in one', () => {
    const official: CodeList = {
      ...carcList,
      version: 'X12 2026-07',
      date: '2026-07-01',
      codes: { '50': { description: 'official wording' } },
    };
    const codes = codeLists({ carc: official });
    expect(codes.carcDescription('50')).toBe('official wording');
    expect(codes.carcDescription('45')).toBeUndefined();
    expect(codes.rarcDescription('N14')).toBe(rarcDescription('N14'));
  });

  it('never throws for any input (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom('constructor', 'toString', 'hasOwnProperty')),
        (code) => {
          const d = carcDescription(code);
          const r = rarcDescription(code);
          expect(d === undefined || typeof d === 'string').toBe(true);
          expect(r === undefined || typeof r === 'string').toBe(true);
        },
      ),
    );
  });
});
