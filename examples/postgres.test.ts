import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestPostgres,
  type TestPostgres,
} from '../packages/store-postgres/src/testing/embedded-server.js';
import { bufferIo, main } from '@praxis/cli';
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

  it('runs the demo year and the CLI against PostgreSQL, and will not write a demo over a practice', async () => {
    const store = `${pg.url}${pg.url.includes('?') ? '&' : '?'}practice=demo`;
    const run = async (...argv: string[]) => {
      const io = bufferIo();
      return { code: await main(argv, io), out: io.stdout(), err: io.stderr() };
    };
    const demo = await run('demo', '--store', store, '--encounters', '20');
    expect([demo.code, demo.err]).toEqual([0, expect.stringMatching(/commands → [\d,]+ events/)]);
    expect(demo.out).toMatch(/KPIs for 2025/);
    expect((await run('verify', '--store', store)).out).toMatch(/^intact: [\d,]+ events/);
    const again = await run('demo', '--store', store, '--encounters', '20');
    expect([again.code, again.err.trim()]).toEqual([
      2,
      'praxis: that store already holds the practice "Riverside Family Medicine (demo)"; the demo needs an empty practice',
    ]);
  }, 240_000); // two demo years and a verify: ~15 s on an idle machine, over 60 s on a loaded one
});
