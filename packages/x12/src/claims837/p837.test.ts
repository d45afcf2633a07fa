import { describe, expect, it } from 'vitest';
import { X12Error } from '../x12-error.js';
import { sample } from '../era/test-support.js';
import { read837P, write837P, type Parties837 } from './p837.js';

const parties: Parties837 = {
  submitter: { name: 'PRAXIS CLINIC', id: 'PRX001', contact: 'BEA BILLER', phone: '3125550100' },
  receiver: { name: 'ACME CLEARINGHOUSE', id: 'ACME01' },
  billingProvider: {
    name: 'PRAXIS CLINIC',
    npi: '1234567893',
    taxId: '123456789',
    address: '1 MAIN ST',
    city: 'CHICAGO',
    state: 'IL',
    zip: '60601',
  },
};

describe('837P', () => {
  it('reads the public sample 837Ps with their claims, charges and codes', () => {
    const two = read837P(sample('837p-tigershark-two-claims.edi'));
    expect(two.map((c) => [c.claimId, c.totalCharge, c.lines.map((l) => [l.cptCode, l.charge])])).toEqual([
      ['1000A', 14_000, [['99213', 14_000]]],
      ['1001A', 14_000, [['99213', 14_000]]],
    ]);
    expect(two.reduce((a, c) => a + c.totalCharge, 0)).toBe(28_000);
    const [one] = read837P(sample('837p-lfh-tr3-example1.edi'));
    expect(one).toMatchObject({ claimId: '26463774', totalCharge: 10_000, diagnoses: ['0340', 'V7389'] });
    expect(one!.lines.map((l) => [l.cptCode, l.charge, l.serviceDate])).toEqual([
      ['99213', 4_000, '2006-10-03'],
      ['87070', 1_500, '2006-10-03'],
      ['99214', 3_500, '2006-10-10'],
      ['86663', 1_000, '2006-10-10'],
    ]);
  });

  it('writes a 005010X222A1 837P that parses back (node-x12, strict counts) to the same claims', () => {
    const claims = read837P(sample('837p-lfh-tr3-example1.edi')).concat(
      read837P(sample('837p-tigershark-two-claims.edi')),
    );
    const text = write837P(claims, parties, { controlNumber: 42, createdAt: '2026-11-29T18:45' });
    expect(text).toMatch(
      /^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*PRX001 {9}\*ZZ\*ACME01 {9}\*261129\*1845\*\^\*00501\*000000042\*0\*P\*:~/,
    );
    expect(text).toContain('ST*837*0001*005010X222A1~');
    expect(text).toContain('HL*4*1*22*0~');
    expect(read837P(text)).toEqual(claims);
  });

  it('refuses a claim whose lines do not add up to CLM02, naming the element', () => {
    const bad = sample('837p-tigershark-two-claims.edi').replace('CLM*1001A*140*', 'CLM*1001A*150*');
    expect(() => read837P(bad)).toThrow(X12Error);
    expect(() => read837P(bad)).toThrow(
      /CLM\*1001A\*150.*, CLM02: claim 1001A: CLM02 150 must equal the sum of its lines' SV102, 140/,
    );
  });

  it('refuses to write a value that would break the interchange, naming the field', () => {
    const [claim] = read837P(sample('837p-tigershark-two-claims.edi'));
    const write = (c: object) => () =>
      write837P([{ ...claim!, ...c }], parties, { controlNumber: 1, createdAt: '2026-11-29T18:45' });
    expect(write({ claimId: 'A*1' })).toThrow(X12Error);
    expect(write({ claimId: 'A*1' })).toThrow(/claims\.0\.claimId/);
    expect(write({ subscriber: { ...claim!.subscriber, lastName: 'O~NEIL' } })).toThrow(
      /claims\.0\.subscriber\.lastName/,
    );
    expect(write({ totalCharge: 1.5 })).toThrow(/claims\.0\.totalCharge/);
  });
});
