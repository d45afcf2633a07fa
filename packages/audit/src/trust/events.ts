import * as t from 'io-ts';
import { defineEvents, type EventOf } from '@praxis/core';

const hex = t.string;

const checkpointData = t.type({
  /** How many events of the global order the checkpoint covers (the first `count`). */
  count: t.number,
  /** Position (decimal) of the last covered event; `''` when count is 0. */
  lastPosition: t.string,
  /** Chain hash of the last covered event; `''` when count is 0. */
  head: hex,
  /** RFC 6962 Merkle root over the covered events' leaves. */
  root: hex,
  /** The tree's perfect subtrees' roots, largest first (lets the next checkpoint grow it). */
  frontier: t.array(hex),
  /** The signing key. */
  keyId: t.string,
  /** Ed25519 signature (hex) over the checkpoint statement (see `checkpointStatement`). */
  signature: hex,
  /** When it was taken (machine time, ISO instant). */
  takenAt: t.string,
});

const keyData = t.type({
  /** The key that seals events from here on. */
  keyId: t.string,
  /** Its Ed25519 public key (hex). */
  publicKey: hex,
});

const rotationData = t.type({
  fromKeyId: t.string,
  toKeyId: t.string,
  toPublicKey: hex,
});

/**
 * The trust stream's events: the key in use, its rotations, and signed checkpoints over the log.
 * Add them to the store's registry.
 */
export const trustEvents = defineEvents({
  TrustKeyIntroduced: keyData,
  TrustKeyRotated: rotationData,
  LogCheckpointed: checkpointData,
});

/** An event of the trust streams. */
export type TrustEvent = EventOf<typeof trustEvents>;

/** A checkpoint as recorded. */
export type CheckpointData = t.TypeOf<typeof checkpointData>;

/** The stream of key records (introduction and rotations). */
export const trustKeyStream = 'Trust-keys';

/** The stream of signed checkpoints. */
export const checkpointStream = 'Trust-checkpoints';
