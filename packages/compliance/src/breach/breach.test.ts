import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideHandled, deciderSpec } from '@praxis/testing';
import { breachDeadlines, deadlineKey, decider, events, type BreachCommand } from './index.js';
import { usStateCodes } from './deadlines.js';

const spec = deciderSpec(decider);
const small = events.make('BreachDiscovered', {
  breachId: 'b1',
  description: 'laptop stolen',
  discoveredOn: '2026-11-15',
  affected: 12,
  states: [{ state: 'TX', residents: 12 }],
  deadlines: [
    { recipient: 'individuals', dueOn: '2027-01-14', legalSource: '45 CFR 164.404(b)' },
    { recipient: 'hhs', dueOn: '2027-03-01', legalSource: '45 CFR 164.408(c)' },
  ],
});

describe('breach deadlines (45 CFR 164.404–164.408)', () => {
  it('gives individuals 60 days and HHS 60 days after year end below 500', () => {
    expect(breachDeadlines('2026-11-15', 12, [])).toEqual(small.data.deadlines);
  });
  it('lands HHS on a leap day when the following year is a leap year', () => {
    // 2023-12-31 + 60 days = 2024-02-29 (31 January days + 29 February days = 60)
    expect(breachDeadlines('2023-05-01', 3, []).find((d) => d.recipient === 'hhs')?.dueOn).toBe('2024-02-29');
  });
  it('crosses a year end for the 60-day clock', () => {
    // 2026-12-31 + 60 days = 2027-03-01 (31 + 28 + 1)
    expect(breachDeadlines('2026-12-31', 1, [])[0]?.dueOn).toBe('2027-03-01');
  });
  it('owes HHS within 60 days at 500 affected, and media only for states above 500 residents', () => {
    const d = breachDeadlines('2026-03-01', 1200, [
      { state: 'TX', residents: 501 },
      { state: 'OK', residents: 500 },
      { state: 'LA', residents: 199 },
    ]);
    expect(d).toEqual([
      { recipient: 'individuals', dueOn: '2026-04-30', legalSource: '45 CFR 164.404(b)' },
      { recipient: 'hhs', dueOn: '2026-04-30', legalSource: '45 CFR 164.408(b)' },
      { recipient: 'media', state: 'TX', dueOn: '2026-04-30', legalSource: '45 CFR 164.406(b)' },
    ]);
    expect(breachDeadlines('2026-03-01', 500, []).find((x) => x.recipient === 'hhs')?.dueOn).toBe(
      '2026-04-30',
    );
  });
});

describe('Breach', () => {
  it('records a discovery with its deadlines; rejects a second one', () => {
    const cmd = {
      type: 'DiscoverBreach',
      breachId: 'b1',
      description: 'laptop stolen',
      discoveredOn: '2026-11-15',
      affected: 12,
      states: [{ state: 'TX', residents: 12 }],
    } as const;
    spec.given([]).when(cmd).then([small]);
    spec.given([small]).when(cmd).thenRejects('BreachAlreadyRecorded', 'breachId');
  });
  it('rejects state counts above the number affected', () => {
    spec
      .given([])
      .when({
        type: 'DiscoverBreach',
        breachId: 'b1',
        description: 'x',
        discoveredOn: '2026-11-15',
        affected: 10,
        states: [{ state: 'TX', residents: 11 }],
      })
      .thenRejects('StatesExceedAffected', 'states');
  });
  it('brings HHS forward and adds media when a revision crosses 500', () => {
    spec
      .given([small])
      .when({
        type: 'ReviseBreachScope',
        revisedOn: '2026-11-20',
        affected: 800,
        states: [{ state: 'TX', residents: 800 }],
      })
      .then([
        events.make('BreachScopeRevised', {
          breachId: 'b1',
          revisedOn: '2026-11-20',
          affected: 800,
          states: [{ state: 'TX', residents: 800 }],
          deadlines: [
            { recipient: 'individuals', dueOn: '2027-01-14', legalSource: '45 CFR 164.404(b)' },
            { recipient: 'hhs', dueOn: '2027-01-14', legalSource: '45 CFR 164.408(b)' },
            { recipient: 'media', state: 'TX', dueOn: '2027-01-14', legalSource: '45 CFR 164.406(b)' },
          ],
        }),
      ]);
  });
  it('keeps the earlier deadlines when a count is corrected downward', () => {
    const big = events.make('BreachDiscovered', {
      ...small.data,
      affected: 800,
      states: [{ state: 'TX', residents: 800 }],
      deadlines: breachDeadlines('2026-11-15', 800, [{ state: 'TX', residents: 800 }]),
    });
    const s = spec
      .given([big])
      .when({ type: 'ReviseBreachScope', revisedOn: '2026-11-20', affected: 40, states: [] })
      .thenState();
    expect(s.deadlines).toEqual(big.data.deadlines);
  });
  it('records a notice that is owed, once; rejects one that is not owed', () => {
    spec
      .given([small])
      .when({ type: 'SendBreachNotification', recipient: 'individuals', sentOn: '2026-12-01' })
      .then([
        events.make('BreachNotificationSent', {
          breachId: 'b1',
          recipient: 'individuals',
          sentOn: '2026-12-01',
          dueOn: '2027-01-14',
        }),
      ]);
    spec
      .given([small])
      .when({ type: 'SendBreachNotification', recipient: 'media', state: 'TX', sentOn: '2026-12-01' })
      .thenRejects('NotificationNotOwed', 'recipient');
    const sent = events.make('BreachNotificationSent', {
      breachId: 'b1',
      recipient: 'individuals',
      sentOn: '2026-12-01',
      dueOn: '2027-01-14',
    });
    spec
      .given([small, sent])
      .when({ type: 'SendBreachNotification', recipient: 'individuals', sentOn: '2026-12-02' })
      .thenRejects('NotificationAlreadySent');
  });
});

describe('Breach invariant: a deadline never moves later', () => {
  const stateCounts = fc.array(
    fc.record({
      state: fc.constantFrom('TX', 'OK', 'LA', 'NM'),
      residents: fc.integer({ min: 0, max: 900 }),
    }),
    { maxLength: 4 },
  );
  const scope = stateCounts.chain((states) => {
    const uniq = states.filter((s, i) => states.findIndex((x) => x.state === s.state) === i);
    const sum = uniq.reduce((n, s) => n + s.residents, 0);
    return fc.integer({ min: sum, max: sum + 1500 }).map((affected) => ({ affected, states: uniq }));
  });
  const day = fc
    .integer({ min: 0, max: 1500 })
    .map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

  // None, or a business associate that discovered it up to 90 days before the practice did
  // (not an agent) or on the practice's discovery day or up to 30 days after it (agent or not).
  const businessAssociate = fc.option(
    fc.record({ agent: fc.boolean(), offset: fc.integer({ min: -90, max: 30 }) }),
    { nil: undefined },
  );
  const shift = (date: string, days: number) =>
    new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

  it('holds across any sequence of scope revisions, with or without a business associate', () => {
    fc.assert(
      fc.property(
        day,
        scope,
        businessAssociate,
        fc.array(scope, { maxLength: 8 }),
        (discoveredOn, first, ba, revisions) => {
          let state = decider.initialState;
          const apply = (c: BreachCommand) => {
            const d = decideHandled(decider, c, state);
            if (d._tag === 'Left') throw new Error(d.left.message);
            state = d.right.reduce(decider.evolve, state);
          };
          const associate =
            ba === undefined
              ? undefined
              : {
                  name: 'Acme Billing',
                  agent: ba.agent,
                  discoveredOn: shift(discoveredOn, ba.agent ? Math.abs(ba.offset) % 31 : ba.offset),
                };
          apply({
            type: 'DiscoverBreach',
            breachId: 'b',
            description: 'x',
            discoveredOn,
            ...first,
            ...(associate === undefined ? {} : { businessAssociate: associate }),
          });
          const owedByAssociate = state.deadlines.find((d) => d.recipient === 'covered-entity');
          if (associate === undefined) expect(owedByAssociate).toBeUndefined();
          else expect(owedByAssociate?.dueOn).toBe(shift(associate.discoveredOn, 60));
          for (const r of revisions) {
            const before = new Map(state.deadlines.map((d) => [deadlineKey(d), d.dueOn]));
            apply({ type: 'ReviseBreachScope', revisedOn: discoveredOn, ...r });
            const after = new Map(state.deadlines.map((d) => [deadlineKey(d), d.dueOn]));
            for (const [k, due] of before) {
              expect(after.has(k)).toBe(true);
              expect(after.get(k)! <= due).toBe(true);
            }
          }
        },
      ),
    );
  });
});

describe('business associate notice to the practice (45 CFR 164.410)', () => {
  const acme = { name: 'Acme Billing', discoveredOn: '2026-03-02', agent: false };
  const discover = {
    type: 'DiscoverBreach',
    breachId: 'b2',
    description: 'billing vendor mailbox compromised',
    discoveredOn: '2026-03-20',
    affected: 40,
    states: [],
    businessAssociate: acme,
  } as const;
  const owed = {
    recipient: 'covered-entity',
    // 2026-03-02 + 60 days = 2026-05-01 (29 left in March + 30 in April + 1)
    dueOn: '2026-05-01',
    legalSource: '45 CFR 164.410(b)',
    owedBy: 'Acme Billing',
  } as const;
  const discovered = events.make('BreachDiscovered', {
    breachId: 'b2',
    description: 'billing vendor mailbox compromised',
    discoveredOn: '2026-03-20',
    affected: 40,
    states: [],
    deadlines: [
      // The practice's own clocks run from its discovery (not an agent: when it learned, 03-20).
      { recipient: 'individuals', dueOn: '2026-05-19', legalSource: '45 CFR 164.404(b)' },
      { recipient: 'hhs', dueOn: '2027-03-01', legalSource: '45 CFR 164.408(c)' },
      owed,
    ],
    businessAssociate: acme,
  });

  it('owes the practice notice within 60 days of the business associate discovering the breach', () => {
    spec.given([]).when(discover).then([discovered]);
    expect(spec.given([discovered]).state.businessAssociate).toEqual(acme);
  });

  it('counts calendar days across a leap day, daylight-saving changes and a year end', () => {
    const due = (discoveredOn: string) =>
      breachDeadlines(discoveredOn, 1, [], { name: 'Acme', discoveredOn, agent: true }).find(
        (d) => d.recipient === 'covered-entity',
      )?.dueOn;
    expect(due('2023-12-31')).toBe('2024-02-29'); // 31 (January) + 29 (February, leap) = 60
    expect(due('2024-02-29')).toBe('2024-04-29'); // from a leap day: 0 + 31 + 29 = 60
    expect(due('2025-12-31')).toBe('2026-03-01'); // 31 + 28 + 1
    expect(due('2026-02-20')).toBe('2026-04-21'); // over the 03-08 spring-forward: 8 + 31 + 21
    expect(due('2026-09-15')).toBe('2026-11-14'); // over the 11-01 fall-back: 15 + 31 + 14
  });

  it("with an agent, the practice's clocks start on the agent's discovery day, never later", () => {
    const agent = { ...acme, agent: true };
    spec
      .given([])
      .when({ ...discover, businessAssociate: agent })
      .thenRejects('AgentDiscoveryImputed', 'discoveredOn');
    const s = spec
      .given([])
      .when({ ...discover, discoveredOn: '2026-03-02', businessAssociate: agent })
      .thenState();
    expect(s.deadlines.map((d) => [d.recipient, d.dueOn])).toEqual([
      ['individuals', '2026-05-01'],
      ['hhs', '2027-03-01'],
      ['covered-entity', '2026-05-01'],
    ]);
  });

  it('rejects a business associate without a name or with an impossible date', () => {
    spec
      .given([])
      .when({ ...discover, businessAssociate: { ...acme, name: ' ' } })
      .thenRejects('Required', 'businessAssociate.name');
    spec
      .given([])
      .when({ ...discover, businessAssociate: { ...acme, discoveredOn: '2026-02-29' } })
      .thenRejects('InvalidDate', 'businessAssociate.discoveredOn');
  });

  it('keeps the notice owed through scope revisions and records it once, dated from the business associate discovery', () => {
    const s = spec
      .given([discovered])
      .when({ type: 'ReviseBreachScope', revisedOn: '2026-03-25', affected: 700, states: [] })
      .thenState();
    expect(s.deadlines.find((d) => d.recipient === 'covered-entity')).toEqual(owed);
    // The vendor's written notice (before the practice's own discovery date is possible when it is not an agent).
    const send = {
      type: 'SendBreachNotification',
      recipient: 'covered-entity',
      sentOn: '2026-03-19',
    } as const;
    const sent = events.make('BreachNotificationSent', {
      breachId: 'b2',
      recipient: 'covered-entity',
      sentOn: '2026-03-19',
      dueOn: '2026-05-01',
    });
    spec.given([discovered]).when(send).then([sent]);
    spec.given([discovered, sent]).when(send).thenRejects('NotificationAlreadySent');
    spec
      .given([discovered])
      .when({ ...send, sentOn: '2026-03-01' })
      .thenRejects('SentBeforeDiscovered', 'sentOn');
    spec
      .given([small])
      .when({ ...send, sentOn: '2026-12-01' })
      .thenRejects('NotificationNotOwed');
  });
});

describe('Breach: malformed commands', () => {
  it('rejects an impossible discovery date and a negative count', () => {
    const cmd = {
      type: 'DiscoverBreach',
      breachId: 'b1',
      description: 'x',
      discoveredOn: '2026-02-29',
      affected: 1,
      states: [],
    } as const;
    spec.given([]).when(cmd).thenRejects('InvalidDate', 'discoveredOn');
    spec
      .given([])
      .when({ ...cmd, discoveredOn: '2026-02-28', affected: -1 })
      .thenRejects('InvalidNumber', 'affected');
  });
});

describe('breach deadline dates (property)', () => {
  const day = fc
    .integer({ min: 0, max: 365 * 8 })
    .map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  it('is exactly 60 calendar days after discovery, and 60 days after year end below 500', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 499 }), (discoveredOn, affected) => {
        const [individuals, hhs] = breachDeadlines(discoveredOn, affected, []);
        expect((Date.parse(individuals!.dueOn) - Date.parse(discoveredOn)) / 86_400_000).toBe(60);
        const next = Number(discoveredOn.slice(0, 4)) + 1;
        const leap = next % 4 === 0 && (next % 100 !== 0 || next % 400 === 0);
        expect(hhs!.dueOn).toBe(leap ? `${next}-02-29` : `${next}-03-01`);
      }),
    );
  });
});

describe('Breach states: U.S. state or jurisdiction codes only (45 CFR 164.406), normalised to upper case', () => {
  const discover = (
    states: readonly { state: string; residents: number }[],
    affected = 2000,
  ): BreachCommand => ({
    type: 'DiscoverBreach',
    breachId: 'b',
    description: 'x',
    discoveredOn: '2026-03-01',
    affected,
    states,
  });
  const recase = (code: string, flips: readonly boolean[]) =>
    [...code].map((ch, i) => (flips[i] ? ch.toLowerCase() : ch)).join('');

  it('accepts any code in any case and records it upper case; the same state in two cases is listed twice (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...usStateCodes),
        fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
        fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
        (code, f1, f2) => {
          const one = decideHandled(
            decider,
            discover([{ state: recase(code, f1), residents: 501 }]),
            decider.initialState,
          );
          expect(one._tag).toBe('Right');
          if (one._tag === 'Right') {
            const data = one.right[0]!.data as {
              states: { state: string }[];
              deadlines: { state?: string }[];
            };
            expect(data.states).toEqual([{ state: code, residents: 501 }]);
            expect(data.deadlines.filter((d) => d.state !== undefined).map((d) => d.state)).toEqual([code]);
          }
          const twice = decideHandled(
            decider,
            discover([
              { state: recase(code, f1), residents: 501 },
              { state: recase(code, f2), residents: 600 },
            ]),
            decider.initialState,
          );
          expect(twice).toMatchObject({ _tag: 'Left', left: { code: 'StateListedTwice', field: 'states' } });
        },
      ),
    );
  });

  it('refuses anything that is not a state or jurisdiction code, naming the field (property)', () => {
    const known = new Set(usStateCodes);
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Narnia', 'Texas', 'XX', 'T X', 'ON', 'FM')),
        fc.integer({ min: 0, max: 3 }),
        (state, at) => {
          fc.pre(!known.has(state.trim().toUpperCase()));
          const states = [
            ...usStateCodes.slice(0, at).map((s) => ({ state: s, residents: 1 })),
            { state, residents: 900 },
          ];
          expect(decideHandled(decider, discover(states), decider.initialState)).toMatchObject({
            _tag: 'Left',
            left: { code: 'InvalidValue', field: `states.${at}.state` },
          });
        },
      ),
    );
  });

  it('matches a media notice sent for a state in lower case to the state owed', () => {
    const big = decideHandled(
      decider,
      discover([{ state: 'tx', residents: 900 }], 900),
      decider.initialState,
    );
    if (big._tag === 'Left') throw new Error(big.left.message);
    const state = big.right.reduce(decider.evolve, decider.initialState);
    const sent = decideHandled(
      decider,
      { type: 'SendBreachNotification', recipient: 'media', state: 'tx', sentOn: '2026-03-05' },
      state,
    );
    expect(sent._tag === 'Right' && sent.right.map((e) => e.data)).toMatchObject([{ state: 'TX' }]);
    expect(
      decideHandled(
        decider,
        { type: 'SendBreachNotification', recipient: 'media', state: 'Narnia', sentOn: '2026-03-05' },
        state,
      ),
    ).toMatchObject({ left: { code: 'InvalidValue', field: 'state' } });
  });
});
