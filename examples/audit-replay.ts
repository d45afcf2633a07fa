/**
 * Example: an auditor's questions, answered from the event log.
 *   1. Who changed this claim, when, and what was refused?  (the audit trail)
 *   2. What did the claim look like on the day of the payer's audit?  (entity as of a date)
 *   3. What did the practice's numbers look like then?  (every read model as of a date)
 *   4. Has anything been altered since?  (hash-chain verification)
 *
 *   node --import tsx examples/audit-replay.ts [practice.db] [Claim-<id>] [as-of date]
 */
import { pathToFileURL } from 'node:url';
import { createPractice, type Practice } from '@praxis/practice';

/** The answers, in plain data. */
export interface AuditAnswers {
  readonly trail: readonly { at: string; who: string; what: string }[];
  readonly thenState: unknown;
  readonly nowState: unknown;
  readonly collectedThen: number;
  readonly collectedNow: number;
  readonly intact: boolean;
}

/** Answers the four questions for one entity at one past instant. */
export const auditReplay = async (
  practice: Practice,
  entity: string,
  asOf: string,
): Promise<AuditAnswers> => {
  const trail = [];
  for await (const e of practice.audit.entries({ entity })) {
    trail.push({
      at: e.occurredAt,
      who: `${e.actorId} (${e.actorRole})`,
      what: e.refusal === undefined ? e.type : `refused ${e.refusal.commandType}: ${e.refusal.code}`,
    });
  }
  const [aggregate, ...rest] = entity.split('-');
  const then = await practice.audit.entityAsOf(entity, { at: asOf });
  const now = await practice.load(aggregate!, rest.join('-'));
  const year = asOf.slice(0, 4);
  const past = await practice.audit.practiceAsOf({ at: asOf });
  const collectedThen = (await practice.kpis(year, { reader: past })).revenueCycle.netCollections;
  const collectedNow = (await practice.kpis(year)).revenueCycle.netCollections;
  const verified = await practice.audit.verify();
  return {
    trail,
    thenState: then.state,
    nowState: now.found ? now.state : undefined,
    collectedThen,
    collectedNow,
    intact: verified.ok,
  };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [db = 'practice.db', entity = 'Claim-c2025-00012', asOf = '2025-02-01T00:00:00-06:00'] =
    process.argv.slice(2);
  const practice = await createPractice({ store: `sqlite:${db}` });
  try {
    const a = await auditReplay(practice, entity, asOf);
    for (const t of a.trail) console.log(`${t.at}  ${t.who.padEnd(34)} ${t.what}`);
    console.log(`\n${entity} as of ${asOf}:`, a.thenState);
    console.log(`\n${entity} now:`, a.nowState);
    console.log(
      `\nnet collections of ${asOf.slice(0, 4)} as of then: ${a.collectedThen / 100}; now: ${a.collectedNow / 100}`,
    );
    console.log(a.intact ? 'log intact' : 'LOG ALTERED: run praxis verify');
  } finally {
    await practice.close();
  }
}
