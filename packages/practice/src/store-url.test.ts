import { describe, expect, it } from 'vitest';
import { InvalidArgument } from '@praxis/core';
import fc from 'fast-check';
import { parseStoreUrl, sqliteStoreUrl } from './store-url.js';

describe('parseStoreUrl', () => {
  it('reads a relative and an absolute SQLite file', () => {
    expect(parseStoreUrl('sqlite:./practice.db')).toEqual({
      kind: 'sqlite',
      path: './practice.db',
      synchronous: 'FULL',
    });
    expect(parseStoreUrl('sqlite:///var/lib/praxis.db?synchronous=normal')).toEqual({
      kind: 'sqlite',
      path: '/var/lib/praxis.db',
      synchronous: 'NORMAL',
    });
  });

  it('reads memory, PostgreSQL and KurrentDB locations', () => {
    expect(parseStoreUrl('memory:')).toEqual({ kind: 'memory' });
    expect(parseStoreUrl('postgresql://u:p@db:5432/praxis')).toEqual({
      kind: 'postgres',
      url: 'postgresql://u:p@db:5432/praxis',
      practice: 'main',
    });
    expect(parseStoreUrl('postgres://u:p@db/praxis?practice=riverside&sslmode=require')).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db/praxis?sslmode=require',
      practice: 'riverside',
    });
    expect(parseStoreUrl('kurrentdb://localhost:2113?tls=false').kind).toBe('kurrentdb');
    expect(parseStoreUrl('esdb://localhost:2113').kind).toBe('kurrentdb');
  });

  it('refuses an unknown scheme or an empty file name, naming the input', () => {
    expect(() => parseStoreUrl('mysql://x')).toThrow(/"mysql:\/\/x" is not a store/);
    expect(() => parseStoreUrl('sqlite:')).toThrow(InvalidArgument);
    expect(() => parseStoreUrl('sqlite:a.db?synchronous=off')).toThrow(/synchronous must be full or normal/);
  });
});

describe('a "?" in a SQLite file name', () => {
  it('is refused as an unknown parameter rather than cutting the file name short', () => {
    expect(() => parseStoreUrl('sqlite:./practice?v2.db')).toThrow(InvalidArgument);
    expect(() => parseStoreUrl('sqlite:./practice?v2.db')).toThrow(/unknown parameter "v2.db".*%3F/);
    expect(() => parseStoreUrl('sqlite:./practice.db?synchronous=normal&mode=ro')).toThrow(
      /unknown parameter "mode"/,
    );
  });

  it('is written %3F, and sqliteStoreUrl (what --db uses) writes it so', () => {
    expect(sqliteStoreUrl('/data/practice?v2.db')).toBe('sqlite:/data/practice%3Fv2.db');
    expect(parseStoreUrl('sqlite:/data/practice%3Fv2.db')).toEqual({
      kind: 'sqlite',
      path: '/data/practice?v2.db',
      synchronous: 'FULL',
    });
    expect(parseStoreUrl(sqliteStoreUrl(' /data/50% off?.db '))).toMatchObject({
      path: ' /data/50% off?.db ',
    });
    expect(parseStoreUrl(sqliteStoreUrl('//server/share/p.db'))).toMatchObject({
      path: '//server/share/p.db',
    });
    // A lone % that starts no escape stays as it is.
    expect(parseStoreUrl('sqlite:./50%.db')).toMatchObject({ path: './50%.db' });
  });

  it('sqliteStoreUrl round-trips any file name (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ minLength: 1, unit: 'binary' }),
          fc.string({
            minLength: 1,
            unit: fc.constantFrom('%', '?', '#', ' ', '\u00a0', '\u2028', '/', 'a', '2', 'F'),
          }),
        ),
        (p) => {
          const where = parseStoreUrl(sqliteStoreUrl(p));
          expect(where).toEqual({ kind: 'sqlite', path: p, synchronous: 'FULL' });
        },
      ),
    );
  });

  it('parseStoreUrl refuses any string it cannot use with InvalidArgument, never another error (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `sqlite:${s}`),
          fc.string().map((s) => `postgres://${s}`),
        ),
        (s) => {
          try {
            parseStoreUrl(s);
          } catch (err) {
            expect(InvalidArgument.isInstance(err)).toBe(true);
          }
        },
      ),
    );
  });
});
