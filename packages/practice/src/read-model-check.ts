import {
  canonicalJson,
  foldProjections,
  type EventStore,
  type Json,
  type Projection,
  type ReadModelReader,
} from '@praxis/core';

/** The first difference between a stored read model and a fresh fold of the log. */
export interface ReadModelDifference {
  readonly projection: string;
  readonly key: string;
  /** `extra`: stored but not derivable from the log; `missing`: derivable but not stored; `differs`: both, unequal. */
  readonly kind: 'extra' | 'missing' | 'differs';
  /** Dotted path of the first differing field (`differs` only). */
  readonly field?: string;
  readonly stored?: Json;
  readonly fromLog?: Json;
  /** One line for people. */
  readonly message: string;
}

const firstDifference = (
  a: Json | undefined,
  b: Json | undefined,
  path: string,
): { field: string; a: Json | undefined; b: Json | undefined } | undefined => {
  if (canonicalJson(a) === canonicalJson(b)) return undefined;
  if (
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    Array.isArray(a) === Array.isArray(b)
  ) {
    const ao = a as Record<string, Json>;
    const bo = b as Record<string, Json>;
    const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort();
    for (const k of keys) {
      const d = firstDifference(ao[k], bo[k], path === '' ? k : `${path}.${k}`);
      if (d !== undefined) return d;
    }
  }
  return { field: path === '' ? '(whole document)' : path, a, b };
};

const show = (v: Json | undefined): string => {
  const s = v === undefined ? 'absent' : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

/**
 * Derived state is checked, never trusted: folds every projection afresh from the log and
 * compares each with its stored read model, returning the first difference per projection
 * (none: every read model is what the log gives). Events a projection cannot handle are
 * skipped, as the engine parks them. Holds the fresh fold in memory.
 *
 * @example
 * for (const d of await compareReadModels(store, projections, practice.readModels)) console.error(d.message);
 */
export const compareReadModels = async (
  store: Pick<EventStore, 'readAll'>,
  projections: readonly Projection[],
  stored: ReadModelReader,
): Promise<ReadModelDifference[]> => {
  const folds = projections.map((p) => ({ p, fold: foldProjections([p], []) }));
  for await (const e of store.readAll()) {
    for (const { fold } of folds) {
      try {
        fold.apply(e);
      } catch {
        // parked by the engine too
      }
    }
  }
  const out: ReadModelDifference[] = [];
  for (const { p, fold } of folds) {
    const live = new Map<string, Json>();
    for await (const [k, v] of stored.list(p.name, '')) live.set(k, v);
    const fresh = new Map<string, Json>();
    for await (const [k, v] of fold.list(p.name, '')) fresh.set(k, v);
    const keys = [...new Set([...live.keys(), ...fresh.keys()])].sort();
    for (const key of keys) {
      const a = live.get(key);
      const b = fresh.get(key);
      if (a === undefined) {
        out.push({
          projection: p.name,
          key,
          kind: 'missing',
          fromLog: b!,
          message: `${p.name}: document ${key} is missing (the log gives ${show(b)})`,
        });
        break;
      }
      if (b === undefined) {
        out.push({
          projection: p.name,
          key,
          kind: 'extra',
          stored: a,
          message: `${p.name}: document ${key} is not derivable from the log (stored ${show(a)})`,
        });
        break;
      }
      const d = firstDifference(a, b, '');
      if (d !== undefined) {
        out.push({
          projection: p.name,
          key,
          kind: 'differs',
          field: d.field,
          ...(d.a === undefined ? {} : { stored: d.a }),
          ...(d.b === undefined ? {} : { fromLog: d.b }),
          message: `${p.name}: document ${key}: ${d.field} is ${show(d.a)}, the log gives ${show(d.b)}`,
        });
        break;
      }
    }
  }
  return out;
};
