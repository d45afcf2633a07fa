import { describe, expect, it } from 'vitest';
import { InvalidArgument } from '@praxis/core';
import { parseStoreUrl } from './store-url.js';

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
