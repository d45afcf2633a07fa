import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { available, decider, events, fefoOrder, type StockCommand } from './index.js';

const spec = deciderSpec(decider);
const base = { stockId: 'flu-vax-fridge', itemId: 'flu-vax', locationId: 'fridge', perishable: true };
const received = (lotNo: string, qty: number, expiresOn: string | undefined, receiptId = `r-${lotNo}`) =>
  events.make('StockReceived', {
    ...base,
    receiptId,
    lotNo,
    qty,
    unitCostCents: 1500,
    receivedOn: '2026-01-05',
    ...(expiresOn === undefined ? {} : { expiresOn }),
  });
const quarantined = (lotNo: string) =>
  events.make('LotQuarantined', {
    stockId: base.stockId,
    itemId: base.itemId,
    locationId: base.locationId,
    lotNo,
    reason: 'recall',
    quarantinedOn: '2026-01-06',
    qty: 0,
  });
const consume = (
  qty: number,
  extra: Partial<Extract<StockCommand, { type: 'ConsumeStock' }>> = {},
): StockCommand => ({
  type: 'ConsumeStock',
  consumptionId: 'c1',
  qty,
  consumedOn: '2026-02-01',
  purpose: 'procedure',
  consumedBy: 'nurse-1',
  deaRegistered: false,
  ...extra,
});
const lotsOf = (decision: ReturnType<ReturnType<typeof spec.given>['when']>['decision']) => {
  if (decision._tag === 'Left') throw new Error(decision.left.code);
  const e = decision.right[0]!;
  if (e.type !== 'StockConsumed') throw new Error(e.type);
  return e.data.lots.map((l) => [l.lotNo, l.qty]);
};

describe('Stock: consumption', () => {
  // Lots received out of expiry order: B expires first, C has expired by 2026-02-01, A last.
  const history = [
    received('A', 10, '2026-12-31'),
    received('B', 4, '2026-03-31'),
    received('C', 20, '2026-01-31'),
    received('D', 5, '2026-02-28'),
  ];

  it('takes the earliest-expiring usable lot first when no lot is named, splitting across lots', () => {
    const w = spec.given(history).when(consume(7));
    // C expired on 2026-01-31 (usable through that day) and is skipped; D (Feb 28) then B (Mar 31).
    expect(lotsOf(w.decision)).toEqual([
      ['D', 5],
      ['B', 2],
    ]);
    const e = w.thenState();
    expect(e.lots['D']!.qty).toBe(0);
    expect(e.lots['B']!.qty).toBe(2);
    expect(e.lots['C']!.qty).toBe(20);
  });

  it('consumes a lot on its expiry day, never the day after', () => {
    expect(lotsOf(spec.given(history).when(consume(1, { consumedOn: '2026-01-31' })).decision)).toEqual([
      ['C', 1],
    ]);
    spec
      .given(history)
      .when(consume(1, { lotNo: 'C', consumedOn: '2026-02-01' }))
      .thenRejects('LotExpired', 'lotNo');
  });

  it('never consumes a quarantined lot, named or not', () => {
    const h = [...history, quarantined('D')];
    spec
      .given(h)
      .when(consume(1, { lotNo: 'D' }))
      .thenRejects('LotQuarantined', 'lotNo');
    expect(lotsOf(spec.given(h).when(consume(3)).decision)).toEqual([['B', 3]]);
    const s = spec.given(h).state;
    expect(fefoOrder(s, '2026-02-01').map((l) => l.lotNo)).toEqual(['B', 'A']);
    expect(available(s, '2026-02-01')).toBe(14);
  });

  it('refuses more than the usable units (expired and quarantined units do not count)', () => {
    // usable on 2026-02-01: D 5 + B 4 + A 10 = 19 (C's 20 expired)
    spec
      .given(history)
      .when(consume(19))
      .then([
        events.make('StockConsumed', {
          ...{ stockId: base.stockId, itemId: base.itemId, locationId: base.locationId },
          consumptionId: 'c1',
          qty: 19,
          consumedOn: '2026-02-01',
          purpose: 'procedure',
          lots: [
            { lotNo: 'D', qty: 5, costCents: 7500, left: 0 },
            { lotNo: 'B', qty: 4, costCents: 6000, left: 0 },
            { lotNo: 'A', qty: 10, costCents: 15000, left: 0 },
          ],
          costCents: 28500,
          fefo: true,
          consumedBy: 'nurse-1',
        }),
      ]);
    spec.given(history).when(consume(20)).thenRejects('InsufficientStock', 'qty');
    spec
      .given(history)
      .when(consume(5, { lotNo: 'B' }))
      .thenRejects('InsufficientStock', 'qty');
    spec.given([]).when(consume(1)).thenRejects('InsufficientStock', 'qty');
  });

  it('lets only a DEA registrant use a controlled substance', () => {
    const ctrl = [
      events.make('StockReceived', {
        ...base,
        receiptId: 'r1',
        lotNo: 'M1',
        qty: 10,
        unitCostCents: 100,
        receivedOn: '2026-01-05',
        expiresOn: '2027-01-01',
        controlledSchedule: 'II',
      }),
    ];
    spec.given(ctrl).when(consume(1)).thenRejects('NoDeaRegistration');
    expect(lotsOf(spec.given(ctrl).when(consume(1, { deaRegistered: true })).decision)).toEqual([['M1', 1]]);
  });

  it('refuses a consumption id used before', () => {
    const once = spec.given(history).when(consume(1)).thenState();
    expect(decider.decide(consume(1), once)).toMatchObject({ left: { code: 'ConsumptionAlreadyRecorded' } });
  });
});

describe('Stock: receipt', () => {
  const receive = (extra: Record<string, unknown> = {}): StockCommand =>
    JSON.parse(
      JSON.stringify({
        type: 'ReceiveStock',
        ...{ stockId: base.stockId, itemId: base.itemId, locationId: base.locationId },
        receiptId: 'r1',
        lotNo: 'L1',
        qty: 10,
        unitCostCents: 1500,
        receivedOn: '2026-01-05',
        expiresOn: '2026-06-30',
        item: { perishable: true, discontinued: false, controlledSchedule: null },
        ...extra,
      }),
    ) as StockCommand;

  it('needs an expiry for a perishable item, and one that has not passed', () => {
    spec
      .given([])
      .when(receive({ expiresOn: undefined }))
      .thenRejects('ExpiryRequired', 'expiresOn');
    spec
      .given([])
      .when(receive({ expiresOn: '2026-01-04' }))
      .thenRejects('LotExpired', 'expiresOn');
    expect(spec.given([]).when(receive()).thenState().lots['L1']).toMatchObject({
      qty: 10,
      expiresOn: '2026-06-30',
    });
  });

  it('refuses an unregistered item, a stream id that is not <item>-<location>, and a repeated receipt', () => {
    spec
      .given([])
      .when(receive({ item: null }))
      .thenRejects('ItemNotFound', 'itemId');
    spec
      .given([])
      .when(receive({ stockId: 'other' }))
      .thenRejects('StockIdMismatch', 'stockId');
    spec
      .given([received('L1', 10, '2026-06-30', 'r1')])
      .when(receive())
      .thenRejects('ReceiptAlreadyRecorded');
    spec
      .given([received('L1', 10, '2026-06-30', 'r0')])
      .when(receive({ expiresOn: '2026-07-31' }))
      .thenRejects('LotExpiryMismatch', 'expiresOn');
  });
});

describe('Stock: counts, adjustments, quarantine, disposal', () => {
  const h = [received('A', 10, '2026-12-31'), received('B', 4, '2026-03-31')];

  it('a count sets each lot to what was counted and records the variances with their value', () => {
    const w = spec.given(h).when({
      type: 'CountStock',
      countId: 'k1',
      countedOn: '2026-02-01',
      countedBy: 'nurse-1',
      lines: [
        { lotNo: 'A', counted: 8 },
        { lotNo: 'B', counted: 4 },
      ],
    });
    const s = w.thenState();
    expect([s.lots['A']!.qty, s.lots['B']!.qty]).toEqual([8, 4]);
    expect(w.decision).toMatchObject({
      right: [
        {
          data: {
            valueCents: -3000,
            variances: [{ lotNo: 'A', expected: 10, counted: 8, variance: -2 }, { variance: 0 }],
          },
        },
      ],
    });
    spec
      .given(h)
      .when({
        type: 'CountStock',
        countId: 'k1',
        countedOn: '2026-02-01',
        countedBy: 'n',
        lines: [{ lotNo: 'Z', counted: 1 }],
      })
      .thenRejects('LotNotFound');
  });

  it('an adjustment never takes a lot below zero; a theft is always significant', () => {
    const adj = (
      qty: number,
      reason: 'theft' | 'loss' | 'damage' | 'correction',
      significant?: boolean,
    ): StockCommand => ({
      type: 'AdjustStock',
      adjustmentId: 'a1',
      lotNo: 'B',
      qty,
      reason,
      adjustedOn: '2026-02-01',
      adjustedBy: 'pm',
      ...(significant === undefined ? {} : { significant }),
    });
    spec.given(h).when(adj(-5, 'damage')).thenRejects('InsufficientStock', 'qty');
    expect(spec.given(h).when(adj(-1, 'theft')).decision).toMatchObject({
      right: [{ data: { significant: true, costCents: -1500 } }],
    });
    expect(spec.given(h).when(adj(-1, 'loss')).decision).toMatchObject({
      right: [{ data: { significant: false } }],
    });
    expect(spec.given(h).when(adj(2, 'correction')).thenState().lots['B']!.qty).toBe(6);
  });

  it('quarantine and release: once each way, release with a basis', () => {
    const q = spec
      .given(h)
      .when({ type: 'QuarantineLot', lotNo: 'A', reason: 'recall', quarantinedOn: '2026-02-01' });
    expect(q.thenState().lots['A']!.quarantined).toBe(true);
    spec
      .given([...h, quarantined('A')])
      .when({ type: 'QuarantineLot', lotNo: 'A', reason: 'recall', quarantinedOn: '2026-02-01' })
      .thenRejects('LotAlreadyQuarantined');
    spec
      .given(h)
      .when({
        type: 'ReleaseLot',
        lotNo: 'A',
        releasedOn: '2026-02-02',
        basis: 'recall closed',
        releasedBy: 'pm',
      })
      .thenRejects('LotNotQuarantined');
    const r = spec.given([...h, quarantined('A')]).when({
      type: 'ReleaseLot',
      lotNo: 'A',
      releasedOn: '2026-02-02',
      basis: 'recall closed',
      releasedBy: 'pm',
    });
    expect(r.thenState().lots['A']!.quarantined).toBe(false);
  });

  it('disposal with a reason; a controlled item needs two witnesses besides the person disposing', () => {
    const dispose = (witnesses: string[]): StockCommand => ({
      type: 'DisposeStock',
      disposalId: 'd1',
      lotNo: 'M1',
      qty: 2,
      reason: 'expired',
      method: 'reverse distributor',
      disposedOn: '2026-02-01',
      disposedBy: 'dr-1',
      witnesses,
    });
    const ctrl = [
      events.make('StockReceived', {
        ...base,
        receiptId: 'r1',
        lotNo: 'M1',
        qty: 10,
        unitCostCents: 100,
        receivedOn: '2026-01-05',
        expiresOn: '2027-01-01',
        controlledSchedule: 'II',
      }),
    ];
    spec
      .given(ctrl)
      .when(dispose(['n-1']))
      .thenRejects('WitnessesRequired', 'witnesses');
    spec
      .given(ctrl)
      .when(dispose(['n-1', 'dr-1', 'n-1']))
      .thenRejects('WitnessesRequired');
    expect(spec.given(ctrl).when(dispose(['n-1', 'n-2'])).decision).toMatchObject({
      right: [
        {
          data: {
            qty: 2,
            reason: 'expired',
            costCents: 200,
            witnesses: ['n-1', 'n-2'],
            controlledSchedule: 'II',
          },
        },
      ],
    });
    spec
      .given(h)
      .when({ ...dispose([]), lotNo: 'B', qty: 5 } as StockCommand)
      .thenRejects('InsufficientStock');
  });
});

describe('Stock: a consumption draws only on goods that had arrived by its date', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const arrival = (lotNo: string, qty: number, on: string, receiptId: string) =>
    events.make('StockReceived', {
      ...base,
      receiptId,
      lotNo,
      qty,
      unitCostCents: 1500,
      receivedOn: on,
      expiresOn: '2026-12-31',
    });

  it('refuses a backdated draw on a lot received later (the reported case)', () => {
    const h = [arrival('A', 5, '2026-01-08', 'r1'), arrival('B', 5, '2026-01-08', 'r2')];
    spec
      .given(h)
      .when(consume(2, { consumedOn: '2026-01-01' }))
      .thenRejects('InsufficientStock', 'qty');
    spec
      .given(h)
      .when(consume(2, { lotNo: 'A', consumedOn: '2026-01-07' }))
      .thenRejects('InsufficientStock', 'qty');
    expect(lotsOf(spec.given(h).when(consume(2, { consumedOn: '2026-01-08' })).decision)).toEqual([['A', 2]]);
  });

  it('never draws more of a lot than had arrived by the consumption date; short is InsufficientStock (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            lot: fc.constantFrom('A', 'B', 'C'),
            qty: fc.integer({ min: 1, max: 10 }),
            on: fc.integer({ min: 0, max: 30 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }),
        (arrivals, at, qty, lotNo) => {
          const h = arrivals.map((a, i) => arrival(a.lot, a.qty, day(a.on), `r${i}`));
          const on = day(at);
          const arrivedBy = (lot: string) =>
            arrivals.filter((a) => a.lot === lot && day(a.on) <= on).reduce((n, a) => n + a.qty, 0);
          const w = spec
            .given(h)
            .when(consume(qty, { consumedOn: on, ...(lotNo === undefined ? {} : { lotNo }) }));
          const known = lotNo === undefined || arrivals.some((a) => a.lot === lotNo);
          const short =
            lotNo === undefined
              ? ['A', 'B', 'C'].reduce((n, l) => n + arrivedBy(l), 0) < qty
              : arrivedBy(lotNo) < qty;
          if (!known) expect(w.decision).toMatchObject({ _tag: 'Left', left: { code: 'LotNotFound' } });
          else if (short)
            expect(w.decision).toMatchObject({
              _tag: 'Left',
              left: { code: 'InsufficientStock', field: 'qty' },
            });
          else {
            const draws = lotsOf(w.decision) as [string, number][];
            expect(draws.reduce((n, [, q]) => n + q, 0)).toBe(qty);
            for (const [lot, q] of draws) expect(q).toBeLessThanOrEqual(arrivedBy(lot));
          }
        },
      ),
    );
  });
});
