import type { RecordedEvent } from '@praxis/core';
import type { TrustKey } from './key.js';
import { sealIn, sealOf } from './seal.js';

/** Why an event's seal does not verify. */
export type SealProblem =
  | { readonly reason: 'unsealed'; readonly detail: string }
  | { readonly reason: 'seal-mismatch'; readonly detail: string }
  | { readonly reason: 'wrong-key'; readonly detail: string }
  | { readonly reason: 'key-unknown'; readonly detail: string };

/**
 * Checks seals in log order and follows the key records: events before the first
 * `TrustKeyIntroduced` may be unsealed (written before the practice had a key); from it on,
 * every event must carry a valid seal under the key in force, which changes only at a
 * `TrustKeyRotated` sealed by the key it replaces.
 */
export class SealChecker {
  /** Events before the first key record (not sealed). */
  legacy = 0;
  sealed = 0;
  constructor(
    private readonly keys: ReadonlyMap<string, Pick<TrustKey, 'keyId' | 'mac'>>,
    /** The key in force where checking starts (undefined: no key record yet). */
    public active: string | undefined = undefined,
    /**
     * A key whose introduction by rotation is accepted without the retired key that sealed it
     * (the checkpointer's own key: a forged rotation to it gains nothing without it).
     */
    private readonly rotationTo?: string,
  ) {}

  check(e: RecordedEvent): SealProblem | undefined {
    const seal = sealIn(e.metadata);
    if (this.active === undefined) {
      if (e.type === 'TrustKeyIntroduced') {
        const keyId = (e.data as { keyId?: unknown } | null)?.keyId;
        if (typeof keyId === 'string') this.active = keyId;
      } else if (seal === undefined) {
        this.legacy++;
        return undefined;
      } else {
        return { reason: 'wrong-key', detail: `sealed with key ${seal.keyId} before any key record` };
      }
    }
    let problem = this.verifySeal(e, seal);
    if (
      problem?.reason === 'key-unknown' &&
      e.type === 'TrustKeyRotated' &&
      this.rotationTo !== undefined &&
      (e.data as { toKeyId?: unknown } | null)?.toKeyId === this.rotationTo
    ) {
      problem = undefined;
    }
    if (problem === undefined && e.type === 'TrustKeyRotated') {
      const to = (e.data as { toKeyId?: unknown } | null)?.toKeyId;
      if (typeof to === 'string') this.active = to;
    }
    if (problem === undefined) this.sealed++;
    return problem;
  }

  private verifySeal(e: RecordedEvent, seal: ReturnType<typeof sealIn>): SealProblem | undefined {
    if (seal === undefined)
      return { reason: 'unsealed', detail: 'no seal, though the log is keyed from an earlier event' };
    if (seal.keyId !== this.active) {
      return {
        reason: 'wrong-key',
        detail: `sealed with key ${seal.keyId}, but key ${this.active} is in force here`,
      };
    }
    const key = this.keys.get(seal.keyId);
    if (key === undefined)
      return {
        reason: 'key-unknown',
        detail: `key ${seal.keyId} was not given, so its seal cannot be checked`,
      };
    const expected = sealOf(key, e);
    return expected === `${seal.keyId}:${seal.mac}`
      ? undefined
      : {
          reason: 'seal-mismatch',
          detail: 'the seal does not match the content: altered or forged without the key',
        };
  }
}
