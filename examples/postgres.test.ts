import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestPostgres,
  type TestPostgres,
} from '../packages/store-postgres/src/testing/embedded-server.js';
import { runOnPostgres } from './postgres.js';

// A real PostgreSQL: PRAXIS_PG_URL when set, otherwise an embedded server started here.
let pg: TestPostgres;
beforeAll(async () => {
  pg = await startTestPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

describe('example: the same practice on PostgreSQL', () => {
  it('shares one practice between two app servers and keeps another practice apart', async () => {
    const r = await runOnPostgres(pg.url);
    expect(r.decided).toEqual([
      'PolicyDrafted',
      'PolicyApproved',
      'PolicyPublished',
      'PolicyAssigned',
      'StaffApplicationReceived',
    ]);
    // Nobody in an assigned role is on staff yet: nothing is assigned, so no percentage.
    expect(r.acknowledgedPct).toBeUndefined();
    // Only its own settings event: none of Riverside's events.
    expect(r.otherPracticeEvents).toBe(1);
    expect(r.intact).toBe(true);
  });
});
