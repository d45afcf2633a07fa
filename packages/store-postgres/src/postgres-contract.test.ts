import { afterAll, beforeAll } from 'vitest';
import { runEventStoreContract } from '@praxis/testing';
import { postgresContractFactory } from './testing/contract-subject.js';
import { startTestPostgres, type TestPostgres } from './testing/embedded-server.js';

// One real PostgreSQL server for this file (or PRAXIS_PG_URL); each test gets its own schema.
let server: TestPostgres | undefined;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await server?.stop();
});

runEventStoreContract(
  'postgres',
  postgresContractFactory(() => {
    if (server === undefined) throw new Error('the test PostgreSQL server did not start');
    return server.url;
  }),
);
