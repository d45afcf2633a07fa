import { InvalidArgument } from '../errors/invalid-argument.js';

/**
 * A sealed value as it is stored: `[pii:v1:<subject>:<payload>]`, both parts base64url.
 * `subject` is the subject id (opaque, never personal data); `payload` is the AES-256-GCM
 * nonce (12 bytes), ciphertext and tag (16 bytes). The brackets make a token findable inside
 * longer text (an obligation label such as `Renew licence [pii:v1:…]`), so reads can open it
 * wherever a projection copied it.
 */
export type SealedToken = string & { readonly SealedToken: unique symbol };

const prefix = '[pii:v1:';
const tokenPattern = /^\[pii:v1:([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)\]$/;
/** Every token inside a text (global: reset `lastIndex` or use `matchAll`/`replace`). */
export const tokenSearch = /\[pii:v1:([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)\]/g;

/** Longest subject id the vault accepts (characters). */
export const maxSubjectIdLength = 200;

/** Whether `u` is exactly one sealed token. */
export const isSealedToken = (u: unknown): u is SealedToken =>
  typeof u === 'string' && u.startsWith(prefix) && tokenPattern.test(u);

/** Whether a text holds at least one token (a cheap test before a full scan). */
export const mayHoldToken = (s: string): boolean => s.includes(prefix);

const b64 = (s: string | Uint8Array): string =>
  (typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s)).toString('base64url');

/** Builds a token from a subject id and the sealed bytes. */
export const formatToken = (subjectId: string, payload: Uint8Array): SealedToken =>
  `${prefix}${b64(subjectId)}:${b64(payload)}]` as SealedToken;

/** The parts of a token, or undefined when it is not one. */
export const parseToken = (u: unknown): { subjectId: string; payload: Buffer } | undefined => {
  if (typeof u !== 'string') return undefined;
  const m = tokenPattern.exec(u);
  if (m === null) return undefined;
  return {
    subjectId: Buffer.from(m[1]!, 'base64url').toString('utf8'),
    payload: Buffer.from(m[2]!, 'base64url'),
  };
};

/**
 * Checks a subject id: a non-empty string of at most 200 characters, without control
 * characters. Subject ids are opaque references (`staff:S-104`, `patient:8f3c…`), never a
 * name or another identifier of the person: they stay in the log after the person is forgotten.
 * Throws InvalidArgument naming what is wrong.
 */
export const checkSubjectId = (subjectId: unknown, argument = 'subjectId'): string => {
  if (typeof subjectId !== 'string' || subjectId.trim().length === 0)
    throw new InvalidArgument(argument, 'must be a non-empty string');
  if (subjectId.length > maxSubjectIdLength)
    throw new InvalidArgument(argument, `must be at most ${maxSubjectIdLength} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(subjectId))
    throw new InvalidArgument(argument, 'must not contain control characters');
  if (Buffer.from(subjectId, 'utf8').toString('utf8') !== subjectId)
    throw new InvalidArgument(argument, 'must be well-formed text (no lone surrogates)');
  return subjectId;
};
