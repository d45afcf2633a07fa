import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Length of a subject key in bytes (AES-256). */
export const subjectKeyBytes = 32;
const nonceBytes = 12;
const tagBytes = 16;

/** Additional data bound to each ciphertext: a token opens only under its own subject's key. */
const aadOf = (subjectId: string): Buffer => Buffer.from(`praxis-pii-v1\u0000${subjectId}`, 'utf8');

/** A fresh random subject key. */
export const newSubjectKey = (): Uint8Array => new Uint8Array(randomBytes(subjectKeyBytes));

/** AES-256-GCM with a random 96-bit nonce: nonce ‖ ciphertext ‖ tag. */
export const encrypt = (key: Uint8Array, subjectId: string, plaintext: string): Buffer => {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aadOf(subjectId));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
};

/** The plaintext, or undefined when the payload was not sealed with this key for this subject. */
export const decrypt = (key: Uint8Array, subjectId: string, payload: Uint8Array): string | undefined => {
  if (payload.length < nonceBytes + tagBytes || key.length !== subjectKeyBytes) return undefined;
  const p = Buffer.from(payload);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, p.subarray(0, nonceBytes));
    decipher.setAAD(aadOf(subjectId));
    decipher.setAuthTag(p.subarray(p.length - tagBytes));
    return Buffer.concat([
      decipher.update(p.subarray(nonceBytes, p.length - tagBytes)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    // An authentication failure is the answer "not sealed under this key", not an error.
    return undefined;
  }
};
