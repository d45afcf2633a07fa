import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '@praxis/finance';
import { X12Error } from '../x12-error.js';
import { importRemittance, parseRemittances } from './import.js';
import { biller, practiceWith, sample, sampleClaims } from './test-support.js';
import { write835, type RemittanceDraft } from './write.js';

const at = '2026-11-02T10:00:00-06:00';
const lfh = sample('835-lfh-managed-care.edi');
const lfhClaims = sampleClaims['835-lfh-managed-care.edi'];

/** Imports `text` into a practice holding the LFH claims; asserts nothing at all was posted. */
const refused = async (text: string, claims = lfhClaims) => {
  const practice = await practiceWith(claims);
  const before = [];
  for await (const e of practice.store.readAll()) before.push(e.eventId);
  const r = await practice.as(biller).finance.importRemittance(text, { at });
  const after = [];
  for await (const e of practice.store.readAll()) if (e.type !== 'CommandRefused') after.push(e.eventId);
  expect(after).toEqual(before);
  await practice.close();
  expect(r.ok).toBe(false);
  return r;
};

const invalid = async (text: string) => {
  const r = await refused(text);
  if (r.outcome !== 'invalid') throw new Error(`expected an invalid file, got ${JSON.stringify(r)}`);
  return r.error;
};

describe('bad 835 input: a clear error naming segment and element, nothing posted', () => {
  it('a truncated interchange', async () => {
    const e = await invalid(lfh.slice(0, lfh.indexOf('SVC*HC:93555') + 9));
    expect(e.kind).toBe('syntax');
    expect(e.message).toMatch(/truncated/);
    const e2 = await invalid(lfh.slice(0, lfh.indexOf('GE*1*1')));
    expect(e2.message).toMatch(/truncated: no IEA/);
  });

  it('wrong or mixed delimiters', async () => {
    const e = await invalid(lfh.replace('CLP*8765432112*1', 'CLP|8765432112|1'));
    expect(e.message).toMatch(
      /^CLP\|8765432112\|1.* line 20: .*not a segment tag: wrong or mixed delimiters/,
    );
    const e2 = await invalid(lfh.replace('CAS*CO*A2*55.00~', 'CAS*CO*A2*55.00\n'));
    // Read as a stream, the segment holding the line break is named (the whole-text reader
    // could only say that SE01's count was off).
    expect(e2.element).toBe('CAS03');
    expect(e2.message).toMatch(
      /^CAS\*CO\*A2\*55\.00\n+NM1.* segment 19 \(line 21\), CAS03: a line break inside an element: mixed segment terminators/,
    );
    const e3 = await invalid(lfh.replace('ISA*03*9876543210*', 'ISA*03*987654321*'));
    expect(e3.element).toBe('ISA03');
  });

  it('totals that do not balance: BPR02, CLP04, CLP05, SVC03', async () => {
    expect((await invalid(lfh.replace('BPR*I*945.00', 'BPR*I*954.00'))).message).toMatch(
      /^BPR\*I\*954\.00.* segment 2 \(line 4\), BPR02: the payment 954\.00 must equal the claims' payments 945\.00 less provider adjustments \(PLB\) 0\.00/,
    );
    const clp = await invalid(
      lfh.replace('CLP*5554555444*1*800.00*450.00', 'CLP*5554555444*1*800.00*460.00'),
    );
    expect(clp.element).toBe('CLP04');
    expect(clp.message).toMatch(/^CLP\*5554555444\*1\*800\.00\*460\.00.* segment 11 \(line 13\), CLP04/);
    expect((await invalid(lfh.replace('450.00*300.00', '450.00*310.00'))).element).toBe('CLP05');
    expect(
      (await invalid(lfh.replace('SVC*HC:99211*800.00*500.00', 'SVC*HC:99211*800.00*510.00'))).element,
    ).toBe('SVC03');
  });

  it('a bad amount or code names its element', async () => {
    expect((await invalid(lfh.replace('CAS*PR*1*300.00', 'CAS*PR*1*3OO.00'))).element).toBe('CAS03');
    expect((await invalid(lfh.replace('CAS*PR*1*300.00', 'CAS*XX*1*300.00'))).element).toBe('CAS01');
    expect((await invalid(lfh.replace('CLP*5554555444*1*', 'CLP*5554555444*9*'))).element).toBe('CLP02');
    expect((await invalid(lfh.replace('TRN*1*7170066655*', 'TRN*1**'))).element).toBe('TRN02');
  });

  it('a non-healthcare X12 file (an 850 purchase order), or an 837 given as an 835', async () => {
    const po = lfh
      .replace('GS*HP*', 'GS*PO*')
      .replace('ST*835*', 'ST*850*')
      .replace(/BPR\*[^~]*~/, 'BEG*00*SA*PO1**20131031~');
    const e = await invalid(po);
    expect(e.kind).toBe('unsupported');
    expect(e.message).toMatch(
      /ST\*850\*112233 segment 1 .*ST01: this is a 850 transaction set in a PO group, not an 835/,
    );
    expect((await invalid(sample('837p-tigershark-two-claims.edi'))).kind).toBe('unsupported');
    expect((await invalid('hello, world')).message).toMatch(/not an X12 interchange/);
  });

  it('an unknown claim: every unmatched claim is listed with its reason and nothing is posted', async () => {
    const r = await refused(lfh, [lfhClaims[0]!]);
    expect(r.outcome).toBe('unmatched');
    if (r.outcome !== 'unmatched') return;
    expect(r.unmatched).toHaveLength(1);
    expect(r.unmatched[0]).toMatchObject({ claimId: '8765432112', where: { element: 'CLP01' } });
    expect(r.unmatched[0]!.reason).toMatch(/no claim 8765432112 in this practice/);
  });

  it('an amount that would overpay a claim', async () => {
    const r = await refused(lfh, [{ ...lfhClaims[0]!, lines: [['99211', 70_000]] }, lfhClaims[1]!]);
    expect(r.outcome === 'unmatched' && r.unmatched[0]).toMatchObject({
      claimId: '5554555444',
      where: { element: 'CLP04' },
    });
    expect(r.outcome === 'unmatched' && r.unmatched[0]!.reason).toMatch(/would overpay it: it owes 700\.00/);
  });

  it('a reversal (CLP02 = 22) of something never posted', async () => {
    const text = write835({
      ...draft,
      claims: [
        {
          claimId: 'C1',
          status: '22',
          charge: -10_000,
          paid: -8_000,
          patientResponsibility: 0,
          lines: [
            {
              code: '99213',
              charge: -10_000,
              paid: -8_000,
              adjustments: [{ group: 'CO', carc: '45', amount: -2_000 }],
            },
          ],
        },
      ],
    });
    const r = await refused(text, [
      { claimId: 'C1', dateOfService: '2026-10-01', lines: [['99213', 10_000]] },
    ]);
    expect(r.outcome === 'unmatched' && r.unmatched[0]).toMatchObject({
      claimId: 'C1',
      where: { element: 'CLP02' },
    });
    expect(r.outcome === 'unmatched' && r.unmatched[0]!.reason).toMatch(
      /reversal \(CLP02 22\) of a payment never posted/,
    );
  });

  it('a procedure the claim never charged', async () => {
    const r = await refused(lfh, [{ ...lfhClaims[0]!, lines: [['99212', 80_000]] }, lfhClaims[1]!]);
    expect(r.outcome === 'unmatched' && r.unmatched[0]).toMatchObject({ where: { element: 'SVC01-2' } });
  });
});

const draft: RemittanceDraft = {
  payerName: 'ACME HEALTH',
  payerId: '1999999999',
  payeeName: 'PRAXIS CLINIC',
  payeeNpi: '1234567893',
  traceNumber: 'T1',
  paymentDate: '2026-11-01',
  controlNumber: 1,
  claims: [],
};

describe('arbitrary input', () => {
  const check = (text: string) => {
    try {
      parseRemittances(text);
    } catch (e) {
      if (!X12Error.isInstance(e)) throw e;
    }
  };
  it('never throws anything but an X12Error from the reader (arbitrary text)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), check), { numRuns: 500 });
  });

  it('never throws anything but an X12Error for a real file with any segment cut, changed or swapped', () => {
    const segments = lfh.split('~');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: segments.length - 1 }),
        fc.integer({ min: 0, max: 200 }),
        fc.string({ maxLength: 12 }),
        fc.constantFrom('cut', 'replace', 'insert', 'drop'),
        (i, at, s, how) => {
          const seg = segments[i]!;
          const changed =
            how === 'cut'
              ? seg.slice(0, at % (seg.length + 1))
              : how === 'replace'
                ? seg.slice(0, at % (seg.length + 1)) + s + seg.slice((at % (seg.length + 1)) + s.length)
                : how === 'insert'
                  ? seg.slice(0, at % (seg.length + 1)) + s + seg.slice(at % (seg.length + 1))
                  : '';
          check([...segments.slice(0, i), changed, ...segments.slice(i + 1)].join('~'));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('importRemittance answers every arbitrary text with a value, never a throw', async () => {
    const practice = await practiceWith([]);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        const r = await importRemittance(practice.as(biller), text, { at });
        expect(r.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
    expect(await practice.load<Claim.State>('Claim', 'x')).toMatchObject({ found: false, code: 'NotFound' });
    await practice.close();
  });
});
