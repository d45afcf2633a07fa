import { describe, expect, it } from 'vitest';
import { fixedClock, periodOf, Position, type RecordedEvent } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import {
  isKnownEventType,
  ProcessMap,
  measureProcessMap,
  measureStep,
  runsFromEvents,
  stepTiming,
  withBottleneck,
} from './index.js';

const zone = 'America/New_York';
const at = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00-04:00`;

describe('ProcessMap: which steps to measure', () => {
  // As the handler fills them in: whether the practice's modules record each event type.
  const define = (over: Record<string, unknown> = {}) => {
    const c = {
      type: 'DefineStep',
      mapId: 'rc',
      stepId: 'hold',
      name: 'Hold lag',
      startEventType: 'ClaimHeld',
      endEventType: 'ClaimCorrected',
      correlation: 'stream',
      ...over,
    } as Record<string, unknown>;
    return {
      ...c,
      startEventTypeKnown: isKnownEventType(c['startEventType'] as string),
      endEventTypeKnown: isKnownEventType(c['endEventType'] as string),
    } as unknown as ProcessMap.ProcessMapCommand;
  };
  const outcome = (history: ProcessMap.ProcessMapCommand[], c: ProcessMap.ProcessMapCommand) => {
    let s = ProcessMap.initialState;
    for (const h of history) {
      const r = ProcessMap.decide(h, s);
      if (r._tag === 'Left') throw new Error(r.left.code);
      for (const e of r.right) s = ProcessMap.evolve(s, e);
    }
    const r = ProcessMap.decide(c, s);
    return r._tag === 'Left' ? [r.left.code, r.left.field] : r.right.map((e) => e.type);
  };

  it('measures only between event types the practice records, start ≠ end', () => {
    expect(outcome([], define())).toEqual(['ProcessStepDefined']);
    expect(outcome([], define({ startEventType: 'ClaimTeleported' }))).toEqual([
      'UnknownEventType',
      'startEventType',
    ]);
    expect(outcome([], define({ endEventType: 'Nope' }))).toEqual(['UnknownEventType', 'endEventType']);
    expect(outcome([], define({ endEventType: 'ClaimHeld' }))).toEqual(['SameStartAndEnd', 'endEventType']);
    expect(outcome([], define({ target: {} }))).toEqual(['InvalidTarget', 'target']);
    expect(outcome([], define({ target: { days: 2, minutes: 5 } }))).toEqual(['InvalidTarget', 'target']);
    expect(outcome([define()], define())).toEqual(['StepExists', 'stepId']);
  });

  it('orders and retires steps of the map only', () => {
    const two = [
      define(),
      define({ stepId: 'appeal', startEventType: 'ClaimDenied', endEventType: 'ClaimAppealed' }),
    ];
    const order = (stepIds: string[]) => ({ type: 'OrderSteps', stepIds }) as ProcessMap.ProcessMapCommand;
    expect(outcome(two, order(['appeal', 'hold']))).toEqual(['ProcessStepsOrdered']);
    expect(outcome(two, order(['appeal']))).toEqual(['StepsNotOfMap', 'stepIds']);
    expect(outcome(two, order(['appeal', 'hold', 'x']))).toEqual(['StepsNotOfMap', 'stepIds']);
    const retire = { type: 'RetireStep', stepId: 'hold' } as ProcessMap.ProcessMapCommand;
    expect(outcome(two, retire)).toEqual(['ProcessStepRetired']);
    expect(outcome([...two, retire], retire)).toEqual(['StepNotFound', 'stepId']);
    // A retired id is not reused.
    expect(outcome([...two, retire], define())).toEqual(['StepExists', 'stepId']);
  });
});

describe('step timing: lead time median and p90, WIP, throughput, bottleneck', () => {
  let n = 0;
  const ev = (type: string, streamId: string, occurredAt: string, data: object = {}): RecordedEvent =>
    ({
      eventId: `e${++n}`,
      streamId,
      revision: 0n,
      position: Position.make(BigInt(n)),
      type,
      schemaVersion: 1,
      data,
      metadata: { actor: { id: 'x', role: 'r' }, occurredAt },
      prevHash: '',
    }) as unknown as RecordedEvent;
  const step: ProcessMap.StepDefinition = {
    stepId: 's',
    name: 'S',
    startEventType: 'A',
    endEventType: 'B',
    correlation: 'stream',
    target: { minutes: 60 },
  };
  const window = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

  it('pairs the first start with the first end after it, per key, and reopens after an end', () => {
    const runs = runsFromEvents(step, [
      ev('A', 'x-1', '2026-03-02T10:00:00Z'),
      ev('A', 'x-1', '2026-03-02T10:30:00Z'), // a second start while open: the first counts
      ev('B', 'x-1', '2026-03-02T11:00:00Z'),
      ev('B', 'x-1', '2026-03-02T12:00:00Z'), // an end with nothing open: ignored
      ev('A', 'x-1', '2026-03-05T09:00:00Z'), // a new run
      ev('B', 'x-2', '2026-03-02T11:00:00Z'), // an end before any start
    ]);
    expect(runs.get('x-1')?.runs).toEqual([
      { startAt: '2026-03-02T10:00:00Z', endAt: '2026-03-02T11:00:00Z' },
      { startAt: '2026-03-05T09:00:00Z' },
    ]);
    expect(runs.get('x-2')).toEqual({ runs: [] });
  });

  it('gives median, p90 (nearest rank), share within target and WIP at the window end', () => {
    // Ten runs of 10, 20, …, 100 minutes ending in March, one open, one ending in April.
    const events: RecordedEvent[] = [];
    for (let i = 1; i <= 10; i++) {
      events.push(ev('A', `k-${i}`, `2026-03-10T10:00:00Z`));
      events.push(
        ev('B', `k-${i}`, new Date(Date.parse('2026-03-10T10:00:00Z') + i * 600_000).toISOString()),
      );
    }
    events.push(ev('A', 'open', '2026-03-30T10:00:00Z'));
    events.push(ev('A', 'late', '2026-03-31T23:00:00Z'), ev('B', 'late', '2026-04-01T01:00:00Z'));
    const t = measureStep(step, runsFromEvents(step, events).values(), window);
    expect(t).toMatchObject({
      throughput: 10,
      medianMinutes: 55,
      p90Minutes: 90,
      withinTargetPct: 60,
      wip: 2,
    });
    // Little: 10 runs / 31 days × 55 min (0.0382 days) ≈ 0.01.
    expect(t.littleWip).toBeCloseTo(0.01, 2);
    const other = measureStep({ ...step, stepId: 'o', target: undefined as never }, [], window);
    expect(other).toEqual({ stepId: 'o', name: 'S', throughput: 0, wip: 0 });
    const map = withBottleneck('m', [t, { ...t, stepId: 'slow', medianMinutes: 165 }]);
    expect(map.bottleneck).toEqual({ stepId: 'slow', sharePct: 75 });
  });
});

describe('operations through the facade', () => {
  it('measures the shipped revenue cycle (charge lag, hold lag) and a map of the practice’s own', async () => {
    const p = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-04-20T09:00:00', zone),
      actor: { id: 'pm', role: 'practice_manager' },
    });
    const register = (claimId: string, dateOfService: string, registeredOn: string) =>
      p.finance.registerCharges(
        {
          claimId,
          encounterId: `e-${claimId}`,
          patientId: `p-${claimId}`,
          payerId: 'bcbs',
          payerKind: 'commercial',
          timelyFilingMonths: 6,
          dateOfService,
          timeZone: zone,
          charges: [{ cptCode: '99213', units: 1, amount: 10_000 }],
        },
        { at: at(registeredOn) },
      );
    // Charge lags of 1, 2 and 6 days (registered at 09:00, so 1 day 9 h etc.).
    expect((await register('c1', '2026-03-02', '2026-03-03')).ok).toBe(true);
    expect((await register('c2', '2026-03-02', '2026-03-04')).ok).toBe(true);
    expect((await register('c3', '2026-03-02', '2026-03-08')).ok).toBe(true);
    for (const c of ['c1', 'c2']) await p.finance.createClaim({ claimId: c }, { at: at('2026-03-09') });
    await p.finance.scrubClaim(
      { claimId: 'c1', failedEdits: [{ code: 'DX', message: 'no pointer' }] },
      { at: at('2026-03-10') },
    );
    await p.finance.correctClaim(
      { claimId: 'c1', correction: 'pointer added' },
      { at: at('2026-03-12', 15) },
    );
    await p.finance.scrubClaim(
      { claimId: 'c2', failedEdits: [{ code: 'DX', message: 'no pointer' }] },
      { at: at('2026-03-10') },
    );

    const march = periodOf('2026-03', zone);
    const timing = await stepTiming(p.readModels, march);
    const charge = timing?.steps.find((s) => s.stepId === 'charge-lag');
    // Median of 1 d 9 h, 2 d 9 h, 6 d 9 h = 2 d 9 h = 3420 minutes; p90 = the largest.
    expect(charge).toMatchObject({ throughput: 3, medianMinutes: 3420, p90Minutes: 9180 });
    const hold = timing?.steps.find((s) => s.stepId === 'hold-lag');
    expect(hold).toMatchObject({ throughput: 1, medianMinutes: 2 * 1440 + 360, wip: 1 });
    expect(timing?.bottleneck?.stepId).toBe('charge-lag');
    const report = await p.kpis('2026-03');
    const line = (id: string) => report.lines.find((l) => l.id === id)?.value;
    expect(line('chargeLagDays')).toBe(2.38);
    expect(line('holdLagDays')).toBe(2.25);

    // A map of the practice's own, measured from the log.
    expect(
      await p.operations.defineStep({
        mapId: 'billing',
        stepId: 'create-to-scrub',
        name: 'Created → scrubbed',
        startEventType: 'ClaimCreated',
        endEventType: 'ClaimHeld',
        correlation: { field: 'claimId' },
        target: { days: 2 },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await p.operations.defineStep({
        mapId: 'billing',
        stepId: 'x',
        name: 'x',
        startEventType: 'Teleported',
        endEventType: 'ClaimHeld',
        correlation: 'stream',
      }),
    ).toMatchObject({ ok: false, code: 'UnknownEventType', field: 'startEventType' });
    const own = await measureProcessMap(p.store, p.readModels, 'billing', march);
    expect(own?.steps[0]).toMatchObject({ throughput: 2, medianMinutes: 1440, withinTargetPct: 100, wip: 0 });
    expect(await measureProcessMap(p.store, p.readModels, 'none', march)).toBeUndefined();
    await p.close();
  });
});

describe('ProcessMap through the facade', () => {
  it("accepts a step between any module's event types, as the practice's registry says", async () => {
    const p = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      actor: { id: 'maria', role: 'practice_manager' },
    });
    const step = (stepId: string, startEventType: string, endEventType: string) =>
      p.operations.defineStep({
        mapId: 'front-desk',
        stepId,
        name: stepId,
        startEventType,
        endEventType,
        correlation: 'stream',
      });
    expect(await step('wait', 'AppointmentBooked', 'PatientArrived')).toMatchObject({ ok: true });
    expect(await step('nope', 'AppointmentBooked', 'PatientTeleported')).toMatchObject({
      ok: false,
      code: 'UnknownEventType',
      field: 'endEventType',
    });
    await p.close();
  });
});
