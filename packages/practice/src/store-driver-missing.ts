import { PraxisError, isTagged } from '@praxis/core';

/**
 * A store string names a kind of store whose package is not installed. The PostgreSQL and
 * KurrentDB stores are optional dependencies of `@praxis/practice` and `@praxis/cli`: a practice
 * that uses one installs it beside them (`npm install @praxis/store-postgres`).
 *
 * `store` is the kind of store (`postgres`, `kurrentdb`, …), `driver` the Praxis package that
 * opens it and `missing` the package Node could not find (the driver itself, or one of its own
 * dependencies such as `pg`).
 */
export class StoreDriverMissing extends PraxisError {
  readonly _tag = 'StoreDriverMissing' as const;
  constructor(
    readonly store: string,
    readonly driver: string,
    readonly missing: string,
    options?: { cause?: unknown },
  ) {
    super(
      `a ${store} store needs the package ${missing}, which is not installed (npm install ${missing})`,
      options,
    );
  }
  static isInstance = isTagged<StoreDriverMissing>('StoreDriverMissing');
}

/**
 * The package a failed `import()` could not find, or undefined when the failure is something
 * else (a syntax error, a failing module body): those are rethrown as they are.
 */
export const missingPackageOf = (err: unknown): string | undefined => {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  if (typeof message !== 'string') return undefined;
  const m = /Cannot find (?:package|module) '([^']+)'/.exec(message);
  const spec = m?.[1];
  if (spec === undefined || spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('file:'))
    return undefined;
  return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
};
