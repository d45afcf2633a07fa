import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgument } from '@praxis/core';
import { keyIdOf, loadTrustKey, trustKeyFromSecret, verifySignature } from './key.js';

describe('the trust key', () => {
  it('derives the same key from the same secret, from a file or the environment', () => {
    const secret = randomBytes(32);
    const dir = mkdtempSync(join(tmpdir(), 'praxis-key-'));
    try {
      writeFileSync(join(dir, 'trust.key'), `${secret.toString('hex')}\n`);
      const fromFile = loadTrustKey({ file: join(dir, 'trust.key') })!;
      const fromEnv = loadTrustKey({}, { PRAXIS_TRUST_KEY: secret.toString('base64') })!;
      expect(fromFile.keyId).toBe(fromEnv.keyId);
      expect(fromFile.mac('x')).toBe(fromEnv.mac('x'));
      expect(fromFile.keyId).toBe(keyIdOf(fromFile.publicKey));
      expect(verifySignature(fromEnv.publicKey, 'statement', fromFile.sign('statement'))).toBe(true);
      expect(verifySignature(fromEnv.publicKey, 'statement!', fromFile.sign('statement'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is absent without a file or variable, and refuses a short or unreadable secret by name', () => {
    expect(loadTrustKey({}, {})).toBeUndefined();
    expect(() => loadTrustKey({}, { PRAXIS_TRUST_KEY: 'abcd' })).toThrow(
      /PRAXIS_TRUST_KEY.*at least 32 bytes/,
    );
    expect(() => loadTrustKey({ file: '/nonexistent/trust.key' })).toThrow(InvalidArgument);
  });

  it('never throws an untyped error for any secret text, and never accepts a forged signature', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          loadTrustKey({}, { PRAXIS_TRUST_KEY: text });
        } catch (e) {
          expect(InvalidArgument.isInstance(e)).toBe(true);
        }
      }),
    );
    const key = trustKeyFromSecret(Buffer.alloc(32, 1));
    fc.assert(
      fc.property(fc.string(), fc.string(), (message, signature) => {
        expect(verifySignature(key.publicKey, message, signature)).toBe(false);
      }),
    );
  });
});
