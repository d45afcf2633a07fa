import { describe, it } from 'vitest';
import { runEventStoreContract } from '@praxis/testing';
import { kurrentdbEventStore } from './kurrentdb-event-store.js';

const url = process.env['PRAXIS_KURRENTDB_URL'];
const skipReason =
  'SKIPPED: PRAXIS_KURRENTDB_URL is not set, so there is no KurrentDB server to run the event store contract against ' +
  '(e.g. PRAXIS_KURRENTDB_URL="kurrentdb://localhost:2113?tls=false"). This is not a pass.';

if (url === undefined || url === '') console.warn(`[store-kurrentdb] ${skipReason}`);

describe.skipIf(url !== undefined && url !== '')('KurrentDB contract suite', () => {
  it.skip(skipReason, () => undefined);
});

if (url !== undefined && url !== '') {
  // A KurrentDB server is shared by every test: the suite keeps each test to its own stream prefix.
  runEventStoreContract(
    'kurrentdb',
    async ({ registry }) => {
      const store = kurrentdbEventStore({ connectionString: url, registry });
      return { store, cleanup: () => store.close() };
    },
    {
      notApplicable: {
        corruption:
          'KurrentDB events are immutable: there is no way to rewrite a stored event to tamper with it',
        slowTransaction: 'KurrentDB has no client transactions to hold open; each append commits on its own',
        rollback: 'KurrentDB has no client transactions to roll back',
        crash:
          'the server makes each append atomic; a client-side crash harness is only built for the SQL stores',
        bigPositions: 'positions are server log offsets and cannot be moved past 2^31 on demand',
      },
    },
  );
}
