import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgument, Position, combineRegistries } from '@praxis/core';
import { memoryEventStore } from '@praxis/store-memory';
import { registry as pettyRegistry } from '../testing/petty-cash.js';
import { signLogHead } from './checkpoint.js';
import { trustEvents } from './events.js';
import { inclusionProof, parseInclusionProof, verifyInclusion } from './inclusion.js';
import { trustKeyFromSecret } from './key.js';
import { ensureTrustKey } from './key-records.js';
import { parseReceipt, receiptOf } from './receipt.js';
import { sealedStore } from './sealed-store.js';

const registry = combineRegistries(pettyRegistry, trustEvents);
const key = trustKeyFromSecret(Buffer.alloc(32, 5));
const meta = { actor: { id: 'alice', role: 'manager' }, occurredAt: '2026-03-01T09:00:00Z' };

const keyedLog = async (events: number) => {
  const store = memoryEventStore({ registry });
  await ensureTrustKey(store, key);
  const sealed = sealedStore(store, key, registry);
  for (let i = 0; i < events; i++) {
    await sealed.appendToStream(`PettyCash-${i % 4}`, [
      { type: 'CashDeposited', data: { cents: i + 1 }, metadata: meta },
    ]);
  }
  return { store, receipt: receiptOf(await signLogHead(sealed, key), key.publicKey) };
};

describe('inclusion proofs', () => {
  it('proves every event of a receipt with the public key alone, through a JSON round trip', async () => {
    const { store, receipt } = await keyedLog(23);
    for (let p = 1n; p <= BigInt(receipt.count); p++) {
      const proof = await inclusionProof(store, Position.make(p), receipt);
      const back = parseInclusionProof(JSON.stringify(proof), 'proof.json');
      const r = verifyInclusion(back, { trustedPublicKeys: [key.publicKey] });
      expect(r.ok && r.event.position).toBe(String(p));
    }
  });

  it('refuses a position the receipt does not cover', async () => {
    const { store, receipt } = await keyedLog(3);
    await expect(inclusionProof(store, Position.make(99n), receipt)).rejects.toThrow(InvalidArgument);
  });

  it('reads any text as a receipt or a proof only with a typed error, and never verifies garbage', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          for (const parse of [parseReceipt, parseInclusionProof]) {
            try {
              const parsed = parse(text, 'input');
              if ('leaf' in parsed) expect(verifyInclusion(parsed).ok).toBe(false);
            } catch (e) {
              expect(InvalidArgument.isInstance(e)).toBe(true);
            }
          }
        },
      ),
    );
  });
});
