import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  sign,
  verify,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InvalidArgument } from '@praxis/core';

/**
 * The key that makes the log tamper-evident against someone with write access to the database.
 * It never enters the database: seals (HMAC-SHA-256 per event) and checkpoint signatures
 * (Ed25519) are made with it; an auditor checks checkpoints, receipts and inclusion proofs with
 * the public key alone. Implement it yourself to keep the secret in a key service.
 */
export interface TrustKey {
  /** 16 hex digits naming the key in the log (sha-256 of the public key, truncated). */
  readonly keyId: string;
  /** Raw Ed25519 public key, hex (64 digits). */
  readonly publicKey: string;
  /** HMAC-SHA-256 of `message` under the seal key, hex. */
  mac(message: string): string;
  /** Ed25519 signature of `message`, hex. */
  sign(message: string): string;
}

/** Where `loadTrustKey` finds the secret. */
export interface TrustKeySource {
  /** A file holding the secret (hex or base64, at least 32 bytes; whitespace ignored). */
  readonly file?: string;
  /** The name of an environment variable holding it (default `PRAXIS_TRUST_KEY` when no file). */
  readonly env?: string;
}

const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
const ed25519SpkiPrefixLength = 12;

const derive = (secret: Buffer, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));

/**
 * A TrustKey from secret bytes (at least 32): the seal key and the Ed25519 seed are derived with
 * HKDF-SHA-256, so one secret is all an operator keeps.
 *
 * @example
 * const key = trustKeyFromSecret(randomBytes(32));
 */
export const trustKeyFromSecret = (secret: Uint8Array): TrustKey => {
  if (!(secret instanceof Uint8Array) || secret.length < 32) {
    throw new InvalidArgument('trust key', 'must be at least 32 bytes of secret');
  }
  const bytes = Buffer.from(secret);
  const macKey = derive(bytes, 'praxis seal v1');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ed25519Pkcs8Prefix, derive(bytes, 'praxis checkpoint v1')]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = spki.subarray(ed25519SpkiPrefixLength).toString('hex');
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    mac: (message) => createHmac('sha256', macKey).update(message).digest('hex'),
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('hex'),
  };
};

/** The key id of a public key (hex): sha-256, first 16 hex digits. */
export const keyIdOf = (publicKey: string): string =>
  createHash('sha256').update(Buffer.from(publicKey, 'hex')).digest('hex').slice(0, 16);

/**
 * Checks an Ed25519 signature (hex) of `message` under a raw public key (hex). Never throws:
 * a malformed key or signature is `false`.
 */
export const verifySignature = (publicKey: string, message: string, signature: string): boolean => {
  if (!/^[0-9a-f]{64}$/.test(publicKey) || !/^[0-9a-f]{128}$/.test(signature)) return false;
  try {
    const key = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey, 'hex')]),
      format: 'der',
      type: 'spki',
    });
    return verify(null, Buffer.from(message), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
};

/** Secret text (hex or base64) as bytes; throws InvalidArgument naming `where`. */
export const parseSecret = (text: string, where: string): Buffer => {
  const s = text.replace(/\s+/g, '');
  const bytes =
    /^[0-9a-fA-F]+$/.test(s) && s.length % 2 === 0 ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (bytes.length < 32) {
    throw new InvalidArgument(where, 'the trust key must hold at least 32 bytes (64 hex digits or base64)');
  }
  return bytes;
};

/**
 * Loads the trust key from a file or an environment variable; `undefined` when neither is set
 * (the log then has no keyed protection, and `verify` says so).
 *
 * @example
 * const key = loadTrustKey({ file: '/etc/praxis/trust.key' }); // or PRAXIS_TRUST_KEY
 */
export const loadTrustKey = (
  source: TrustKeySource = {},
  environment: Readonly<Record<string, string | undefined>> = process.env,
): TrustKey | undefined => {
  if (source.file !== undefined) {
    let text: string;
    try {
      text = readFileSync(source.file, 'utf8');
    } catch (e) {
      throw new InvalidArgument('trust key file', `cannot read ${source.file}: ${(e as Error).message}`);
    }
    return trustKeyFromSecret(parseSecret(text, `trust key file ${source.file}`));
  }
  const name = source.env ?? 'PRAXIS_TRUST_KEY';
  const value = environment[name];
  if (value === undefined || value === '') return undefined;
  return trustKeyFromSecret(parseSecret(value, `environment variable ${name}`));
};
