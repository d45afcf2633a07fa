import * as t from 'io-ts';
import { defineEvents, type EventOf } from '../codecs/registry.js';
import { NonEmptyString } from '../codecs/primitives.js';

/**
 * The vault's own events: the audit record that a subject's personal data was erased. It names
 * the subject id and nothing else (the actor and time are in its metadata).
 */
export const vaultEvents = defineEvents({
  /** The subject's key was destroyed: its personal fields read as `[forgotten]` from now on. */
  SubjectForgotten: t.type({ subjectId: NonEmptyString }),
});

/** A vault event. */
export type VaultEvent = EventOf<typeof vaultEvents>;

/** The stream a subject's erasure is recorded in: `Vault-<subjectId>`. */
export const vaultStreamOf = (subjectId: string): string => `Vault-${subjectId}`;
