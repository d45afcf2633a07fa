/**
 * Example: the same practice on PostgreSQL. Two app servers (two `createPractice` calls on
 * the same URL) share one practice's log and read models; a second practice in the same
 * database stays apart (each practice has its own schema).
 *
 *   PRAXIS_PG_URL=postgres://user:pass@localhost:5432/praxis node --import tsx examples/postgres.ts
 */
import { pathToFileURL } from 'node:url';
import { createPractice } from '@praxis/practice';

/** What the run saw. */
export interface PostgresRun {
  readonly decided: readonly string[];
  /** Policy acknowledgment % as the second server reads it. */
  readonly acknowledgedPct: number | undefined;
  readonly otherPracticeEvents: number;
  readonly intact: boolean;
}

/** Runs a few commands on one server, reads them from another, and checks isolation. */
export const runOnPostgres = async (databaseUrl: string): Promise<PostgresRun> => {
  const url = (practice: string) =>
    `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}practice=${practice}`;
  const settings = { timeZone: 'America/Chicago', currency: 'USD', name: 'Riverside Family Medicine' };
  const serverA = await createPractice({ store: url('riverside'), ...settings });
  const serverB = await createPractice({ store: url('riverside') });
  const other = await createPractice({ store: url('lakeside'), ...settings, name: 'Lakeside Dental' });
  try {
    const co = serverA.as({ id: 'cora', role: 'compliance_officer' });
    const policyId = 'hand-hygiene';
    const decided: string[] = [];
    for (const r of [
      await co.policies.draftPolicy({
        policyId,
        title: 'Hand hygiene',
        reviewEveryMonths: 12,
        draftedOn: '2025-01-06',
      }),
      await serverA.as({ id: 'maria', role: 'practice_manager' }).policies.approvePolicy({
        policyId,
        approvedOn: '2025-01-07',
      }),
      await co.policies.publishPolicy({ policyId, publishedOn: '2025-01-08', effectiveOn: '2025-01-08' }),
      await co.policies.assignPolicy({ policyId, roles: ['compliance_officer'], assignedOn: '2025-01-08' }),
      await serverA.as({ id: 'maria', role: 'practice_manager' }).staff.receiveApplication({
        staffId: 'cora',
        name: 'Cora Nwosu',
        position: 'Compliance officer',
        appliedOn: '2024-11-01',
      }),
    ]) {
      decided.push(...(r.ok ? r.decided : [`refused: ${r.message}`]));
    }
    // Server B reads what server A wrote: the log and the read models are in PostgreSQL.
    const kpis = await serverB.kpis('2025-01');
    const acknowledgedPct = kpis.lines.find((l) => l.id === 'policyAcknowledgment')!.value;
    let otherPracticeEvents = 0;
    for await (const _e of other.store.readAll()) otherPracticeEvents++;
    const intact = (await serverB.audit.verify()).ok;
    return { decided, acknowledgedPct, otherPracticeEvents, intact };
  } finally {
    await Promise.all([serverA.close(), serverB.close(), other.close()]);
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env['PRAXIS_PG_URL'];
  if (url === undefined) {
    console.error('set PRAXIS_PG_URL=postgres://user:pass@host:5432/database');
    process.exit(2);
  }
  console.log(await runOnPostgres(url));
}
