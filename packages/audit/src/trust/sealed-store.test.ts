import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PraxisError, combineRegistries } from '@praxis/core';
import { memoryEventStore } from '@praxis/store-memory';
import { registry as pettyRegistry } from '../testing/petty-cash.js';
import { verify } from '../verify.js';
import { writeCheckpoint } from './checkpoint.js';
import { trustEvents } from './events.js';
import { trustKeyFromSecret } from './key.js';
import { ensureTrustKey } from './key-records.js';
import { rotateTrustKey } from './checkpoint.js';
import { sealedStore } from './sealed-store.js';

const registry = combineRegistries(pettyRegistry, trustEvents);
const oldKey = trustKeyFromSecret(Buffer.alloc(32, 1));
const newKey = trustKeyFromSecret(Buffer.alloc(32, 2));
const meta = { actor: { id: 'alice', role: 'manager' }, occurredAt: '2026-03-01T09:00:00Z' };
const deposit = (cents: number, eventId?: string) => ({
  type: 'CashDeposited',
  data: { cents },
  metadata: meta,
  ...(eventId === undefined ? {} : { eventId }),
});

describe('sealed appends', () => {
  it('seals what the store keeps: an upper-case event id, a retry with the same ids', async () => {
    const store = memoryEventStore({ registry });
    await ensureTrustKey(store, oldKey);
    const sealed = sealedStore(store, oldKey, registry);
    const id = '0190A8C0-0000-7000-8000-00000000ABCD';
    await sealed.appendToStream('PettyCash-1', [deposit(1, id)], { expectedRevision: 'no_stream' });
    await sealed.appendToStream('PettyCash-1', [deposit(1, id)], { expectedRevision: 'no_stream' });
    const r = await verify(store, { keys: [oldKey] });
    expect(r).toMatchObject({ ok: true, keyed: true, eventsChecked: 2 });
  });

  it('hands over to a new key: events after the rotation must carry it, and verify needs both keys', async () => {
    const store = memoryEventStore({ registry });
    await ensureTrustKey(store, oldKey);
    await sealedStore(store, oldKey, registry).appendToStream('PettyCash-1', [deposit(1)]);
    await writeCheckpoint(store, oldKey);
    await rotateTrustKey(store, oldKey, newKey);
    await sealedStore(store, newKey, registry).appendToStream('PettyCash-1', [deposit(2)]);
    await writeCheckpoint(store, newKey);
    expect(await verify(store, { keys: [newKey, oldKey] })).toMatchObject({ ok: true, checkpoints: 3 });
    // The old key no longer seals: a writer (or a thief) still using it is named.
    await sealedStore(store, oldKey, registry).appendToStream('PettyCash-1', [deposit(3)]);
    const r = await verify(store, { keys: [newKey, oldKey] });
    expect(r.findings).toEqual([expect.objectContaining({ reason: 'wrong-key', position: '8' })]);
    // Without the retired key, its seals cannot be checked: said, not passed.
    expect((await verify(store, { keys: [newKey] })).findings[0]).toMatchObject({ kind: 'unverifiable' });
  });

  it('refuses a rotation from a key that is not in force', async () => {
    const store = memoryEventStore({ registry });
    await ensureTrustKey(store, oldKey);
    await expect(rotateTrustKey(store, newKey, oldKey)).rejects.toThrow(/key in force is/);
  });

  it('throws only typed errors, whatever is appended through it', async () => {
    const store = memoryEventStore({ registry });
    const sealed = sealedStore(store, oldKey, registry);
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (streamId, events) => {
        try {
          await sealed.appendToStream(streamId as string, events as never);
        } catch (e) {
          expect(PraxisError.isPraxisError(e), String(e)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
