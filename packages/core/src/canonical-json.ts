/**
 * JSON with object keys sorted at every depth, so equal values always give equal bytes.
 * Used for hashing. bigint is written as its decimal string; `undefined` keys are dropped.
 *
 * Runs once per event appended (the hash chain), so it avoids building arrays per object: an
 * object whose own keys are already in order and whose values are all strings, finite numbers,
 * booleans or null is written by `JSON.stringify` itself (same bytes, no recursion).
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  let inOrder = true;
  let flat = true;
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && keys[i - 1]! > keys[i]!) inOrder = false;
    const v = obj[keys[i]!];
    const t = typeof v;
    if (!(t === 'string' || t === 'boolean' || (t === 'number' && Number.isFinite(v)) || v === null))
      flat = false;
  }
  // No toJSON anywhere (JSON.stringify would call it; the canonical form never does).
  if (inOrder && flat && !('toJSON' in obj)) return JSON.stringify(obj);
  if (!inOrder) keys.sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(v);
    first = false;
  }
  return out + '}';
};
