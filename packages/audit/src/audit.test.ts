import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  collect,
  fixedClock,
  foldProjections,
  makeCommandHandler,
  rolePermissions,
  type EventStore,
  type ReadModelReader,
  type ReadModelStore,
} from '@praxis/core';
import { projectionEngine } from '@praxis/projections';
import { memoryEventStore, memoryReadModelStore } from '@praxis/store-memory';
import { sqliteEventStore, sqliteReadModelStore } from '@praxis/store-sqlite';
import { auditView, type AuditEntry } from './audit-view.js';
import { exportAudit } from './export.js';
import { queryAudit, type AuditFilter } from './query.js';
import { recordRefusals, securityEvents, securityStream } from './refusals.js';
import { pettyCash, registry, type PettyCashCommand } from './testing/petty-cash.js';

const alice = { id: 'alice', role: 'manager' };
const bob = { id: 'bob', role: 'front_desk' };
const audit = auditView(registry.types);

/** A small practice history: deposits, a refused withdrawal (role), a refused withdrawal (rule). */
const history = async (store: EventStore) => {
  const h = makeCommandHandler({
    store,
    decider: pettyCash,
    clock: fixedClock('2026-03-01T09:00:00', 'America/New_York'),
    permissions: rolePermissions({ manager: ['*'], front_desk: ['PettyCash.Deposit'] }),
    onRefused: recordRefusals(store),
  });
  const send = (streamId: string, actor: typeof alice, command: PettyCashCommand, at: string) =>
    h.handle({ streamId, actor, command, at });
  await send('PettyCash-front', alice, { type: 'Deposit', cents: 100 }, '2026-03-01T09:00:00-05:00');
  await send('PettyCash-front', bob, { type: 'Deposit', cents: 50 }, '2026-03-02T10:00:00-05:00');
  await send('PettyCash-front', bob, { type: 'Withdraw', cents: 20 }, '2026-03-02T11:00:00-05:00');
  await send('PettyCash-front', alice, { type: 'Withdraw', cents: 500 }, '2026-03-03T09:00:00-05:00');
  await send('PettyCash-lab', alice, { type: 'Deposit', cents: 30 }, '2026-03-03T12:00:00+01:00');
  await send('PettyCash-front', alice, { type: 'Withdraw', cents: 40 }, '2026-03-04T09:00:00-05:00');
};

const positions = (entries: readonly AuditEntry[]) => entries.map((e) => e.position);

const backends = [
  { name: 'memory', open: () => ({ store: memoryEventStore({ registry }), cleanup: () => undefined }) },
  {
    name: 'sqlite',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'praxis-audit-'));
      return {
        store: sqliteEventStore({ path: join(dir, 'practice.db'), registry, synchronous: 'NORMAL' as const }),
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];

describe.each(backends)('audit view on $name', (backend) => {
  let store: EventStore;
  let readModels: ReadModelStore;
  let cleanup: () => void;
  afterEach(async () => {
    await store.close();
    cleanup();
  });
  beforeEach(async () => {
    const opened = backend.open();
    store = opened.store;
    cleanup = opened.cleanup;
    readModels =
      store.kind === 'sqlite'
        ? sqliteReadModelStore(store as ReturnType<typeof sqliteEventStore>)
        : memoryReadModelStore();
    await history(store);
    await projectionEngine({ store, readModels, projections: [audit] }).catchUp();
  });

  const cases: [string, AuditFilter, string[]][] = [
    ['everything, in business-time order', {}, ['1', '2', '3', '5', '4', '6']],
    ['by actor', { actor: 'bob' }, ['2', '3']],
    [
      'by entity (with the refusals that targeted it)',
      { entity: 'PettyCash-front' },
      ['1', '2', '3', '4', '6'],
    ],
    ['by event type', { type: 'CashDeposited' }, ['1', '2', '5']],
    [
      'by time, from inclusive to exclusive',
      { from: '2026-03-02T15:00:00Z', to: '2026-03-03T14:00:00Z' },
      ['2', '3', '5'],
    ],
    ['by actor and type', { actor: 'alice', type: 'CommandRefused' }, ['4']],
    [
      'by entity, actor and time',
      { entity: 'PettyCash-front', actor: 'alice', from: '2026-03-02T00:00:00Z' },
      ['4', '6'],
    ],
    ['with nothing matching', { actor: 'mallory' }, []],
  ];
  it.each(cases)('finds entries %s', async (_, filter, expected) => {
    expect(positions((await queryAudit(readModels, filter)).entries)).toEqual(expected);
  });

  it('answers the same from an in-memory fold of the log (a reader without key ranges)', async () => {
    const folded: ReadModelReader = foldProjections([audit], await collect(store.readAll()));
    for (const [, filter] of cases) {
      expect(await queryAudit(folded, filter)).toEqual(await queryAudit(readModels, filter));
    }
  });

  it('pages through a filter without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await queryAudit(
        readModels,
        { entity: 'PettyCash-front' },
        { limit: 2, ...(after === undefined ? {} : { after }) },
      );
      seen.push(...positions(page.entries));
      if (page.next === undefined) break;
      after = page.next;
    }
    expect(seen).toEqual(['1', '2', '3', '4', '6']);
  });

  it('records refused commands with the actor and the code, without the free-text reason', async () => {
    const refused = (await queryAudit(readModels, { type: 'CommandRefused' })).entries;
    expect(refused.map((e) => [e.streamId, e.actorId, e.refusal])).toEqual([
      [
        securityStream,
        'bob',
        {
          commandType: 'Withdraw',
          targetStream: 'PettyCash-front',
          code: 'Unauthorized',
          reason: '',
        },
      ],
      [
        securityStream,
        'alice',
        {
          commandType: 'Withdraw',
          targetStream: 'PettyCash-front',
          code: 'InsufficientCash',
          reason: '',
        },
      ],
    ]);
    expect(refused[0]?.occurredAt).toBe('2026-03-02T11:00:00-05:00');
  });

  it('exports CSV with a header and quoted fields, and JSON Lines that read back as entries', async () => {
    const csv = (await collect(exportAudit(readModels, { actor: 'bob' }, 'csv'))).join('');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'position,occurredAt,recordedAt,actorId,actorRole,streamId,revision,type,eventId,correlationId,causationId,commandId,refusedCommand,refusedEntity,refusalCode,refusalReason,data',
    );
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(
      /^3,2026-03-02T11:00:00-05:00,.*,bob,front_desk,Security-refusals,0,CommandRefused,.*,Withdraw,PettyCash-front,Unauthorized,,$/,
    );
    const jsonl = (await collect(exportAudit(readModels, {}, 'jsonl'))).map(
      (l) => JSON.parse(l) as AuditEntry,
    );
    expect(jsonl).toEqual((await queryAudit(readModels, {})).entries);
  });

  it('rejects a cursor from a query with other filters, and a time that is not an instant', async () => {
    const page = await queryAudit(readModels, { actor: 'alice' }, { limit: 1 });
    await expect(queryAudit(readModels, { actor: 'bob' }, { after: page.next! })).rejects.toThrow(/cursor/);
    await expect(queryAudit(readModels, { from: 'last tuesday' })).rejects.toThrow(/ISO instant/);
  });
});

describe('refusal records', () => {
  it('keep codes and bounded ids, never free text: five refused calls with megabyte inputs add a few kilobytes', async () => {
    const store = memoryEventStore({ registry: securityEvents });
    const record = recordRefusals(store);
    const huge = 'x'.repeat(1_000_000);
    for (let i = 0; i < 5; i++) {
      await record({
        streamId: `Budget-${huge}${i}`,
        aggregate: 'Budget',
        commandType: `ApproveBudget${huge}`,
        actor: { id: 'auditor-1', role: 'auditor' },
        at: '2026-03-02T11:00:00-05:00',
        rejection: { _tag: 'DomainError', code: `Code${huge}`, message: huge, field: huge },
        commandId: huge + String(i),
        correlationId: huge,
      });
    }
    const events = await collect(store.readAll());
    const size = JSON.stringify(events, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)).length;
    expect(events).toHaveLength(5);
    expect(size).toBeLessThan(5 * 1_500);
    // Distinct long ids stay distinct (a digest, not a cut).
    const targets = events.map((e) => (e.data as { targetStream: string }).targetStream);
    expect(new Set(targets).size).toBe(5);
    expect(targets[0]).toMatch(/^Budget-x{53}…sha256:[0-9a-f]{32}$/);
  });

  it('refuses a hand-made record with an unbounded field (the codec bounds it too)', async () => {
    const store = memoryEventStore({ registry: securityEvents });
    await expect(
      store.appendToStream(securityStream, [
        {
          type: 'CommandRefused',
          data: { commandType: 'A', aggregate: 'B', targetStream: 'x'.repeat(10_000), code: 'C' },
          metadata: { actor: { id: 'a', role: 'r' }, occurredAt: '2026-03-02T11:00:00-05:00' },
        },
      ]),
    ).rejects.toThrow(/targetStream/);
  });
});
