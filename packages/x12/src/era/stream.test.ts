import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Practice } from '@praxis/practice';
import { readInterchanges } from '../interchange.js';
import { X12Error } from '../x12-error.js';
import { dryRunRemittances, importRemittance } from './import.js';
import { streamRemittances, type RemittanceEvent } from './read.js';
import { biller, practiceWith, sample, sampleClaims, type SeedClaim } from './test-support.js';
import { write835, type ClaimPaymentDraft } from './write.js';

const at = '2026-11-02T10:00:00-06:00';
const lfh = sample('835-lfh-managed-care.edi');

/** `text` cut at the given sizes (cycled), as string chunks. */
const cutText = (text: string, sizes: readonly number[]): string[] => {
  const out: string[] = [];
  for (let i = 0, k = 0; i < text.length; k++) {
    const n = sizes.length === 0 ? text.length : sizes[k % sizes.length]!;
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
};

/** `text` as UTF-8 bytes cut at the given sizes (a character may be split between chunks). */
const cutBytes = (text: string, sizes: readonly number[]): Uint8Array[] => {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = sizes.length === 0 ? bytes.length : sizes[k % sizes.length]!;
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
};

/** An async stream of the chunks, as a file stream delivers them. */
async function* asStream(chunks: readonly (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const c of chunks) {
    await Promise.resolve();
    yield c;
  }
}

const sizes = fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 });

const events = async (source: Parameters<typeof streamRemittances>[0]) => {
  const out: RemittanceEvent[] = [];
  try {
    for await (const e of streamRemittances(source)) out.push(e);
  } catch (e) {
    if (!X12Error.isInstance(e)) throw e;
    return { events: out, error: { kind: e.kind, message: e.message, element: e.element } };
  }
  return { events: out };
};

/** A balanced claim payment: each line pays part, the rest CO-45 and PR-2. */
const claimArb = (i: number) =>
  fc
    .array(
      fc.record({
        code: fc.constantFrom('99213', '99214', '93000'),
        paid: fc.integer({ min: 1, max: 20_000 }),
        co: fc.integer({ min: 0, max: 5_000 }),
        pr: fc.integer({ min: 0, max: 3_000 }),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((lines): ClaimPaymentDraft => {
      const ls = lines.map((l) => ({
        code: l.code,
        charge: l.paid + l.co + l.pr,
        paid: l.paid,
        adjustments: [
          ...(l.co > 0 ? [{ group: 'CO' as const, carc: '45', amount: l.co }] : []),
          ...(l.pr > 0 ? [{ group: 'PR' as const, carc: '2', amount: l.pr }] : []),
        ],
      }));
      const sum = (f: (l: (typeof ls)[number]) => number) => ls.reduce((a, l) => a + f(l), 0);
      return {
        claimId: `C${i}`,
        charge: sum((l) => l.charge),
        paid: sum((l) => l.paid),
        patientResponsibility: lines.reduce((a, l) => a + l.pr, 0),
        lines: ls,
      };
    });

const fileArb = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => claimArb(i))))
  .map((claims) => {
    const text = write835({
      payerName: 'SANTÉ MUTUELLE',
      payerId: '1999999999',
      payeeName: 'PRAXIS CLINIC',
      payeeNpi: '1234567893',
      traceNumber: 'T-1',
      paymentDate: '2026-11-01',
      controlNumber: 7,
      claims,
    });
    const seeds: SeedClaim[] = claims.map((c) => ({
      claimId: c.claimId,
      dateOfService: '2026-10-01',
      lines: c.lines.map((l) => [l.code, l.charge] as const),
    }));
    return { text, seeds };
  });

/** What a practice's log holds (but its settings, stamped with the clock), without ids and recording times. */
const logOf = async (p: Practice) => {
  const out: unknown[] = [];
  for await (const e of p.store.readAll())
    if (e.type !== 'CommandRefused' && !e.streamId.startsWith('Practice-'))
      out.push([e.streamId, e.type, e.data]);
  return out;
};

describe('835 read as a stream', () => {
  it('any cut of a file into text or byte chunks reads exactly as the whole text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, sizes, fc.boolean(), async ({ text }, cuts, bytes) => {
        const whole = await events(text);
        expect(whole.error).toBeUndefined();
        const chunked = await events(asStream(bytes ? cutBytes(text, cuts) : cutText(text, cuts)));
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('every public sample 835 reads the same whole, chunked or as bytes', async () => {
    for (const name of Object.keys(sampleClaims)) {
      const text = sample(name);
      const whole = await events(text);
      expect(whole.error).toBeUndefined();
      for (const n of [1, 7, 105, 106, 107, 4096]) {
        expect(await events(cutText(text, [n]))).toEqual(whole);
        expect(await events(asStream(cutBytes(text, [n])))).toEqual(whole);
      }
    }
  });

  it('an import fed in arbitrary chunks posts exactly what the whole text posts (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, sizes, fc.boolean(), async ({ text, seeds }, cuts, bytes) => {
        const a = await practiceWith(seeds);
        const b = await practiceWith(seeds);
        try {
          const whole = await importRemittance(a.as(biller), text, { at });
          expect(whole.ok, JSON.stringify(whole).slice(0, 400)).toBe(true);
          const source = asStream(bytes ? cutBytes(text, cuts) : cutText(text, cuts));
          const chunked = await importRemittance(b.as(biller), source, { at });
          expect(chunked).toEqual(whole);
          expect(await logOf(b)).toEqual(await logOf(a));
        } finally {
          await a.close();
          await b.close();
        }
      }),
      { numRuns: 12 },
    );
  });

  it('a truncated stream gives the typed error the whole-text reader gives, and posts nothing (property)', async () => {
    const practice = await practiceWith(sampleClaims['835-lfh-managed-care.edi']);
    const before = await logOf(practice);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: lfh.trimEnd().length - 1 }), sizes, async (cut, cuts) => {
        const prefix = lfh.slice(0, cut);
        let expected: X12Error | undefined;
        try {
          readInterchanges(prefix);
        } catch (e) {
          if (!X12Error.isInstance(e)) throw e;
          expected = e;
        }
        if (expected === undefined) throw new Error(`the whole-text reader took a prefix of ${cut}`);
        const r = await importRemittance(practice.as(biller), asStream(cutText(prefix, cuts)), { at });
        if (r.outcome !== 'invalid') throw new Error(`expected an invalid file, got ${r.outcome}`);
        expect(r.error.kind).toBe('syntax');
        if (/too short|at least one functional group/.test(expected.message))
          // node-x12 calls an ISA with at most a GS after it "too short"; the stream says what is missing.
          expect(r.error.message).toMatch(/truncated: no IEA segment closes it/);
        else {
          expect(r.error.message).toBe(expected.message);
          expect(r.error.element).toBe(expected.element);
        }
      }),
      { numRuns: 300 },
    );
    expect(await logOf(practice)).toEqual(before);
    await practice.close();
  });

  it('a fault late in a stream posts nothing of the claims read before it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileArb,
        sizes,
        fc.constantFrom('unbalanced', 'unknown claim', 'truncated'),
        async ({ text, seeds }, cuts, fault) => {
          const last = seeds[seeds.length - 1]!;
          const bad =
            fault === 'unbalanced'
              ? text.replace(
                  // BPR02 one dollar off (written `120` or `120.5` as well as `120.50`).
                  /BPR\*I\*([\d.]+)\*/,
                  (_, amount: string) => `BPR*I*${(Number(amount) + 1).toFixed(2)}*`,
                )
              : fault === 'truncated'
                ? text.slice(0, text.lastIndexOf('SE*'))
                : text;
          const practice = await practiceWith(fault === 'unknown claim' ? seeds.slice(0, -1) : seeds);
          try {
            const before = await logOf(practice);
            const r = await importRemittance(practice.as(biller), asStream(cutText(bad, cuts)), { at });
            expect(r.ok).toBe(false);
            if (fault === 'unknown claim') {
              expect(r.outcome).toBe('unmatched');
              if (r.outcome === 'unmatched')
                expect(r.unmatched.map((u) => u.claimId)).toEqual([last.claimId]);
            } else {
              expect(r.outcome).toBe('invalid');
              if (r.outcome === 'invalid')
                expect(r.error.element).toBe(fault === 'unbalanced' ? 'BPR02' : undefined);
            }
            expect(await logOf(practice)).toEqual(before);
          } finally {
            await practice.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('the dry run reports each claim as it is read and the totals of the file', async () => {
    const seen: string[] = [];
    const [r] = await dryRunRemittances(asStream(cutText(lfh, [50])), (c) => seen.push(c.claimId));
    expect(seen).toEqual(['5554555444', '8765432112']);
    expect(r?.totals).toMatchObject({ claims: 2, paid: 94_500, payment: 94_500, charges: 200_000 });
  });

  it('a source that is not text, bytes or a stream of them is an X12Error, and a failing source is passed on', async () => {
    const practice = await practiceWith([]);
    for (const bad of [42, null, { a: 1 }, [1, 2]] as unknown as string[]) {
      const r = await importRemittance(practice.as(biller), bad, { at });
      expect(r.outcome).toBe('invalid');
    }
    async function* failing() {
      yield lfh.slice(0, 300);
      throw new Error('EIO: the disk went away');
    }
    await expect(importRemittance(practice.as(biller), failing(), { at })).rejects.toThrow(/EIO/);
    await practice.close();
  });
});
