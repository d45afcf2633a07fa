import type { DomainEvent, EventRegistry } from '../codecs/registry.js';
import { failureOf } from '../codecs/registry.js';
import { EventDataInvalid } from '../errors/event-data-invalid.js';
import { InvalidArgument } from '../errors/invalid-argument.js';
import { UnknownSubject } from '../errors/unknown-subject.js';
import { decrypt, encrypt } from './cipher.js';
import type { ForgetReport, SubjectKeyState, SubjectKeyStore } from './key-store.js';
import type { FieldPlan } from './plan.js';
import { subjectIdOf } from './personal.js';
import {
  checkSubjectId,
  formatToken,
  mayHoldToken,
  parseToken,
  tokenSearch,
  type SealedToken,
} from './token.js';

/** What a read shows for a personal field of a forgotten subject. */
export const forgottenPlaceholder = '[forgotten]';
/** What a read shows for a token no key here opens (key store not restored, or not a real token). */
export const unavailablePlaceholder = '[unavailable]';

/** A token opened: its value, or the fact that its subject was forgotten. */
export type Opened =
  | { readonly state: 'open'; readonly value: unknown }
  | { readonly state: 'forgotten'; readonly forgottenAt: string };

/**
 * The personal-data vault: seals personal fields per subject (AES-256-GCM, one random key per
 * subject, node:crypto), opens them for reads, and forgets a subject by destroying its key
 * (crypto-shredding): the log keeps its ciphertext and still verifies and replays, while the
 * data can no longer be read by anyone. See docs/personal-data.md.
 */
export interface Vault {
  readonly keys: SubjectKeyStore;
  /** Seals one JSON value for a subject. Throws SubjectForgotten, InvalidArgument (bad subject id). */
  seal(subjectId: string, value: unknown): Promise<SealedToken>;
  /** Opens one token. Throws InvalidArgument (not a token), UnknownSubject (no key was ever issued). */
  open(token: string): Promise<Opened>;
  /**
   * Seals the personal fields of an event (as its codec marks them with `personal`), with the
   * key of the subject its `subject` field names; events without personal fields come back as
   * they are. A field that already holds a token of the same subject is kept. Throws
   * EventDataInvalid (a personal value its codec refuses, a missing subject), SubjectForgotten.
   */
  sealEvent<E extends DomainEvent>(registry: EventRegistry, event: E): Promise<E>;
  /**
   * `sealEvent` over a batch: the command handler's `seal` option.
   *
   * @example
   * makeCommandHandler({ store, decider, clock, seal: vault.sealer(registry) })
   */
  sealer(registry: EventRegistry): <E extends DomainEvent>(events: readonly E[]) => Promise<readonly E[]>;
  /**
   * A copy of `value` (any JSON-like value: a read-model document, a state, an outcome) with
   * every token opened — anywhere in a string — or replaced by `[forgotten]` /
   * `[unavailable]`. Values without tokens are returned as they are.
   */
  reveal<T>(value: T): Promise<T>;
  /** Whether the subject has a key, was forgotten, or is unknown here. */
  status(subjectId: string): Promise<'active' | 'forgotten' | 'unknown'>;
  /** Destroys the subject's key (idempotent). Throws UnknownSubject, InvalidArgument. */
  forget(subjectId: string, forgottenAt: string): Promise<ForgetReport>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

const collectTokens = (v: unknown, out: Set<string>, depth: number): void => {
  if (depth > 64) return;
  if (typeof v === 'string') {
    if (mayHoldToken(v)) for (const m of v.matchAll(tokenSearch)) out.add(m[0]);
  } else if (Array.isArray(v)) {
    for (const x of v) collectTokens(x, out, depth + 1);
  } else if (isPlainObject(v)) {
    for (const x of Object.values(v)) collectTokens(x, out, depth + 1);
  }
};

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

const replaceTokens = (v: unknown, opened: ReadonlyMap<string, unknown>, depth: number): unknown => {
  if (depth > 64) return v;
  if (typeof v === 'string') {
    if (!mayHoldToken(v)) return v;
    if (opened.has(v)) return opened.get(v);
    return v.replace(tokenSearch, (m) => (opened.has(m) ? asText(opened.get(m)) : m));
  }
  if (Array.isArray(v)) return v.map((x) => replaceTokens(x, opened, depth + 1));
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = replaceTokens(x, opened, depth + 1);
    return out;
  }
  return v;
};

/**
 * Makes a vault over a key store.
 *
 * @example
 * const vault = makeVault(memorySubjectKeyStore());
 * const token = await vault.seal('staff:S-104', 'Jamie Ortiz');  // '[pii:v1:…]'
 * await vault.reveal({ name: token });                           // { name: 'Jamie Ortiz' }
 * await vault.forget('staff:S-104', '2026-05-01T09:00:00Z');
 * await vault.reveal({ name: token });                           // { name: '[forgotten]' }
 */
/** The JSON text of a value to seal; `InvalidArgument` for one with none (undefined, a function, a BigInt, a cycle). */
const jsonOf = (value: unknown): string => {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new InvalidArgument('value', `cannot be sealed: ${(e as Error).message}`);
  }
  if (text === undefined) throw new InvalidArgument('value', 'cannot be sealed: it has no JSON form');
  return text;
};

export const makeVault = (keys: SubjectKeyStore): Vault => {
  const sealWith = (key: Uint8Array, subjectId: string, value: unknown): SealedToken =>
    formatToken(subjectId, encrypt(key, subjectId, jsonOf(value)));

  const openWith = (state: SubjectKeyState | undefined, subjectId: string, payload: Uint8Array) => {
    if (state === undefined) return { state: 'unknown' as const };
    if (state.state === 'forgotten') return { state: 'forgotten' as const, forgottenAt: state.forgottenAt };
    const text = decrypt(state.key, subjectId, payload);
    if (text === undefined) return { state: 'unknown' as const };
    try {
      return { state: 'open' as const, value: JSON.parse(text) as unknown };
    } catch {
      return { state: 'unknown' as const };
    }
  };

  const sealPlan = (
    type: string,
    plan: FieldPlan,
    v: unknown,
    path: string,
    key: Uint8Array,
    subjectId: string,
  ): unknown => {
    if (v === undefined) return v;
    switch (plan.k) {
      case 'leaf': {
        const parsed = parseToken(v);
        if (
          parsed !== undefined &&
          parsed.subjectId === subjectId &&
          decrypt(key, subjectId, parsed.payload) !== undefined
        )
          return v;
        const r = plan.inner.decode(v);
        if (r._tag === 'Left') throw new EventDataInvalid(type, path, failureOf(r.left).reason);
        return sealWith(key, subjectId, plan.inner.encode(r.right));
      }
      case 'object': {
        if (!isPlainObject(v)) return v;
        const out: Record<string, unknown> = { ...v };
        for (const [k, p] of plan.fields)
          if (k in v) out[k] = sealPlan(type, p, v[k], path === '' ? k : `${path}.${k}`, key, subjectId);
        return out;
      }
      case 'array':
        return Array.isArray(v)
          ? v.map((x, i) => sealPlan(type, plan.item, x, `${path}.${i}`, key, subjectId))
          : v;
    }
  };

  const vault: Vault = {
    keys,
    seal: async (subjectId, value) => {
      checkSubjectId(subjectId);
      jsonOf(value); // refuse a value with no JSON form before a key is issued for it
      const key = await keys.issue(subjectId);
      return sealWith(key, subjectId, value);
    },
    open: async (token) => {
      const parsed = parseToken(token);
      if (parsed === undefined) throw new InvalidArgument('token', 'is not a sealed personal-data token');
      const states = await keys.lookup([parsed.subjectId]);
      const r = openWith(states.get(parsed.subjectId), parsed.subjectId, parsed.payload);
      if (r.state === 'unknown') throw new UnknownSubject(parsed.subjectId);
      return r;
    },
    sealEvent: async (registry, event) => {
      const spec = registry.personal?.(event.type);
      if (spec === undefined) return event;
      const data = event.data as Record<string, unknown> | undefined;
      const value = isPlainObject(data) ? data[spec.subjectField] : undefined;
      if (typeof value !== 'string' || value.trim() === '')
        throw new EventDataInvalid(
          event.type,
          spec.subjectField,
          'must name the subject of the personal data',
        );
      const subjectId = subjectIdOf(spec.subjectKind, value);
      try {
        checkSubjectId(subjectId);
      } catch (e) {
        throw new EventDataInvalid(event.type, spec.subjectField, (e as InvalidArgument).reason);
      }
      const key = await keys.issue(subjectId);
      return { ...event, data: sealPlan(event.type, spec.plan, data, '', key, subjectId) };
    },
    sealer: (registry) => (events) => Promise.all(events.map((e) => vault.sealEvent(registry, e))),
    reveal: async <T>(value: T): Promise<T> => {
      const tokens = new Set<string>();
      collectTokens(value, tokens, 0);
      if (tokens.size === 0) return value;
      const parsed = new Map<string, { subjectId: string; payload: Uint8Array }>();
      for (const tk of tokens) {
        const p = parseToken(tk);
        if (p !== undefined) parsed.set(tk, p);
      }
      const states = await keys.lookup([...new Set([...parsed.values()].map((p) => p.subjectId))]);
      const opened = new Map<string, unknown>();
      for (const [tk, p] of parsed) {
        const r = openWith(states.get(p.subjectId), p.subjectId, p.payload);
        opened.set(
          tk,
          r.state === 'open'
            ? r.value
            : r.state === 'forgotten'
              ? forgottenPlaceholder
              : unavailablePlaceholder,
        );
      }
      return replaceTokens(value, opened, 0) as T;
    },
    status: async (subjectId) => {
      checkSubjectId(subjectId);
      const s = (await keys.lookup([subjectId])).get(subjectId);
      return s === undefined ? 'unknown' : s.state;
    },
    forget: async (subjectId, forgottenAt) => {
      checkSubjectId(subjectId);
      const report = await keys.forget(subjectId, forgottenAt);
      if (report.outcome === 'unknown') throw new UnknownSubject(subjectId);
      return report;
    },
  };
  return vault;
};
