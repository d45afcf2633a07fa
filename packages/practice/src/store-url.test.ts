import { describe, expect, it } from 'vitest';
import { InvalidArgument } from '@praxis/core';
import { parseStoreUrl } from './store-url.js';

describe('parseStoreUrl', () => {
  it('reads a relative and an absolute SQLite file', () => {
    expect(parseStoreUrl('sqlite:./practice.db')).toEqual({ kind: 'sqlite', path: './practice.db' });
    expect(parseStoreUrl('sqlite:///var/lib/praxis.db')).toEqual({
      kind: 'sqlite',
      path: '/var/lib/praxis.db',
    });
  });

  it('reads memory, PostgreSQL and KurrentDB locations', () => {
    expect(parseStoreUrl('memory:')).toEqual({ kind: 'memory' });
    expect(parseStoreUrl('postgresql://u:p@db:5432/praxis')).toEqual({
      kind: 'postgres',
      url: 'postgresql://u:p@db:5432/praxis',
    });
    expect(parseStoreUrl('kurrentdb://localhost:2113?tls=false').kind).toBe('kurrentdb');
    expect(parseStoreUrl('esdb://localhost:2113').kind).toBe('kurrentdb');
  });

  it('refuses an unknown scheme or an empty file name, naming the input', () => {
    expect(() => parseStoreUrl('mysql://x')).toThrow(/"mysql:\/\/x" is not a store/);
    expect(() => parseStoreUrl('sqlite:')).toThrow(InvalidArgument);
  });
});
