import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { NewEvent, Position } from '@praxis/core';
import type { ContractFactory, ContractSubject, CrashOutcome, StoredJson } from '@praxis/testing';
import { killDuringAppends } from '@praxis/testing';
import { postgresEventStore, type PostgresEventStore } from '../postgres-event-store.js';

const crashChild = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The contract suite's factory for PostgreSQL: each test gets its own practice (schema) on
 * the server at `url()`, dropped again by `cleanup`, and the hooks the suite needs (stored
 * JSON rewritten behind the store's back, a transaction left open, a rolled-back append, a
 * child process killed mid-append).
 */
export const postgresContractFactory =
  (url: () => string): ContractFactory =>
  async ({ registry, positionsFrom }) => {
    const connectionString = url();
    const practice = `c_${randomBytes(6).toString('hex')}`;
    const store = await postgresEventStore({ connectionString, practice, registry, pollMs: 500 });
    const schema = `"${store.schema}"`;
    if (positionsFrom !== undefined) {
      await store.pool.query(`SELECT setval(pg_get_serial_sequence('${schema}.events', 'position'), $1)`, [
        positionsFrom.toString(),
      ]);
    }
    const opened: PostgresEventStore[] = [store];
    const inTransaction = async (
      streamId: string,
      events: readonly NewEvent[],
    ): Promise<{ client: pg.PoolClient; end: (sql: 'COMMIT' | 'ROLLBACK') => Promise<void> }> => {
      const client = await store.pool.connect();
      await client.query('BEGIN');
      await store.appendInTransaction(client, streamId, events);
      return {
        client,
        end: async (sql) => {
          try {
            await client.query(sql);
          } finally {
            client.release();
          }
        },
      };
    };
    const subject: ContractSubject = {
      store,
      cleanup: async () => {
        await Promise.all(opened.map((s) => s.close()));
        const admin = new pg.Client({ connectionString });
        await admin.connect();
        try {
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        } finally {
          await admin.end();
        }
      },
      corruptStoredEvent: async (position: Position.Position, mutate: (s: StoredJson) => StoredJson) => {
        const where = `xid = $1::text::xid8 AND position = $2`;
        const at = [position.commit.toString(), position.prepare.toString()];
        const { rows } = await store.pool.query<StoredJson>(
          `SELECT data, metadata FROM ${schema}.events WHERE ${where}`,
          at,
        );
        const stored = rows[0];
        if (stored === undefined) throw new Error(`no event at ${position.commit}/${position.prepare}`);
        const next = mutate(stored);
        await store.pool.query(
          `UPDATE ${schema}.events SET data = $3::jsonb, metadata = $4::jsonb WHERE ${where}`,
          [...at, JSON.stringify(next.data), JSON.stringify(next.metadata)],
        );
      },
      beginSlowAppend: async (streamId, events) => {
        const tx = await inTransaction(streamId, events);
        return { commit: () => tx.end('COMMIT') };
      },
      rollbackAppend: async (streamId, events) => {
        const tx = await inTransaction(streamId, events);
        await tx.end('ROLLBACK');
      },
      crashDuringAppends: async (streamPrefix: string): Promise<CrashOutcome> => {
        const acknowledged = await killDuringAppends({
          command: process.execPath,
          args: ['--import', 'tsx', crashChild, connectionString, practice, streamPrefix],
          cwd: repoRoot,
          killAfterAcks: 40,
          timeoutMs: 60_000,
        });
        const after = await postgresEventStore({ connectionString, practice, registry });
        opened.push(after);
        return { acknowledged, store: after };
      },
    };
    return subject;
  };
