import { describe, expect, it } from 'vitest';
import {
  collect,
  fixedClock,
  foldProjections,
  makeCommandHandler,
  makeVault,
  streamIdOf,
} from '@praxis/core';
import { Breach, complianceObligations } from '@praxis/compliance';
import { memoryEventStore, memorySubjectKeyStore } from '@praxis/store-memory';
import { complianceCalendar } from './calendar.js';

const zone = 'America/New_York';
const actor = { id: 'co-1', role: 'compliance_officer' };

/**
 * A breach discovered by a business associate (45 CFR 164.410): its notice to the practice
 * is on the calendar, through the command handler and a store that checks every event
 * against its codec.
 */
describe('business associate breach notice on the compliance calendar', () => {
  const model = async (commands: Breach.BreachCommand[]) => {
    const store = memoryEventStore({ registry: Breach.events });
    const h = makeCommandHandler({
      store,
      decider: Breach.decider,
      clock: fixedClock('2026-03-20T09:00:00', zone),
      // The breach description is sealed by the vault (subject breach:b1).
      seal: makeVault(memorySubjectKeyStore()).sealer(Breach.events),
    });
    for (const command of commands) {
      const r = await h.handle({ streamId: streamIdOf(Breach.decider, 'b1'), command, actor });
      if (r._tag === 'Left') throw new Error(`${command.type}: ${r.left.message}`);
    }
    return foldProjections([complianceObligations], await collect(store.readAll()));
  };
  const discover: Breach.BreachCommand = {
    type: 'DiscoverBreach',
    breachId: 'b1',
    description: 'transcription vendor server exposed',
    discoveredOn: '2026-02-25',
    affected: 30,
    states: [],
    // Discovered by the vendor on 02-20: notice due 2026-04-21 (8 + 31 + 21 = 60 days,
    // across the 03-08 spring-forward).
    businessAssociate: { name: 'ScribeCo', discoveredOn: '2026-02-20', agent: false },
  };
  const line = async (m: Awaited<ReturnType<typeof model>>, asOf: string) =>
    (await complianceCalendar(m, { projections: ['compliance-obligations'], asOf, zone })).find(
      (l) => l.id === 'breach:b1:covered-entity',
    );

  it('is due 60 calendar days after the business associate discovered it, overdue the next day, whatever the clock change', async () => {
    const m = await model([discover]);
    expect(await line(m, '2026-02-19')).toBeUndefined(); // not arisen before the vendor knew
    expect(await line(m, '2026-03-07')).toMatchObject({
      kind: 'breach-notify-covered-entity',
      label: 'Business associate ScribeCo to notify the practice of breach b1 (identify each individual)',
      legalSource: '45 CFR 164.410(b)',
      arisesAt: '2026-02-20',
      dueAt: '2026-04-21',
      state: 'due-soon',
      daysLeft: 45, // 03-07 → 04-21 over the 03-08 change: 24 + 21
      window: 60,
    });
    expect(await line(m, '2026-04-21T23:59:59-04:00')).toMatchObject({ state: 'due-soon', daysLeft: 0 });
    expect(await line(m, '2026-04-22T00:00:00-04:00')).toMatchObject({ state: 'overdue' });
  });

  it('is done when the vendor notice is recorded, and stays put when the scope is revised', async () => {
    const m = await model([
      discover,
      { type: 'ReviseBreachScope', revisedOn: '2026-03-01', affected: 900, states: [] },
      { type: 'SendBreachNotification', recipient: 'covered-entity', sentOn: '2026-02-24' },
    ]);
    expect(await line(m, '2026-03-10')).toMatchObject({
      dueAt: '2026-04-21',
      completedAt: '2026-02-24',
      state: 'done',
    });
  });
});
