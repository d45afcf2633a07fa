import * as t from 'io-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ISODate,
  NonEmptyString,
  PositiveCents,
  accept,
  command,
  defineCommands,
  defineEvents,
  fixedClock,
  makeCommandHandler,
  reject,
  type CommandOf,
  type Decider,
  type EventOf,
} from '@praxis/core';
import { memoryEventStore } from '@praxis/store-memory';
import { decideHandled, deciderSpec, handled } from './decider-spec.js';

// A small aggregate whose only event records the command `decide` saw, so the helper and the
// real handler can be compared on what reaches `decide`, not only on what is refused.
const commands = defineCommands('thingId', {
  Record: command(
    { amount: PositiveCents, on: ISODate, note: NonEmptyString },
    { tag: NonEmptyString },
    { stamps: { recordedBy: 'actor', at: 'time' }, facts: { limit: t.number } },
  ),
  Close: command({}, {}, { stamps: { closedBy: 'actor' } }),
});
type ThingCommand = CommandOf<typeof commands>;
const events = defineEvents({ Seen: t.type({ command: t.UnknownRecord }) });
type ThingEvent = EventOf<typeof events>;
const decider: Decider<ThingCommand, ThingEvent, null> = {
  name: 'Thing',
  stateVersion: 1,
  initialState: null,
  evolve: (s) => s,
  decide: (c) =>
    c.type === 'Record' && c.amount > c.limit
      ? reject('OverLimit', `${c.amount} is above ${c.limit}`, 'amount')
      : accept(events.make('Seen', { command: { ...c } })),
  events,
  commands,
};

const actor = { id: 'u1', role: 'manager' };
const at = '2026-03-01T09:00:00-05:00';
const valid = { type: 'Record', amount: 500, on: '2026-03-01', note: 'n', recordedBy: 'u1', at, limit: 1000 };

describe('handled / decideHandled: the command decide sees, as through the handler', () => {
  it('refuses with the codec code and field path, and decide never sees the command', () => {
    const bad = (c: object) => c as unknown as ThingCommand;
    expect(decideHandled(decider, bad({ ...valid, amount: -1 }), null)).toMatchObject({
      _tag: 'Left',
      left: { code: 'InvalidAmount', field: 'amount' },
    });
    expect(decideHandled(decider, bad({ ...valid, on: '2026-02-30' }), null)).toMatchObject({
      left: { code: 'InvalidDate', field: 'on' },
    });
    expect(decideHandled(decider, bad({ ...valid, note: ' ' }), null)).toMatchObject({
      left: { code: 'Required', field: 'note' },
    });
    expect(decideHandled(decider, bad({ ...valid, colour: 'red' }), null)).toMatchObject({
      left: { code: 'UnknownField', field: 'colour' },
    });
    expect(decideHandled(decider, bad({ ...valid, at: 'yesterday' }), null)).toMatchObject({
      left: { code: 'InvalidInstant', field: 'at' },
    });
    expect(decideHandled(decider, bad({ ...valid, limit: 'lots' }), null)).toMatchObject({
      left: { code: 'FactUnavailable', field: 'limit' },
    });
    // a rule of decide still runs on a well-formed command
    expect(decideHandled(decider, bad({ ...valid, amount: 2000 }), null)).toMatchObject({
      left: { code: 'OverLimit', field: 'amount' },
    });
  });

  it('drops the id field unless the command declares it, as the handler does', () => {
    const h = handled(decider, { ...valid, thingId: 't1' } as unknown as ThingCommand);
    expect(h).toEqual({ command: valid });
  });

  it('leaves out a stamped field the test leaves out, and refuses a bad one as the call would be', () => {
    expect(handled(decider, { type: 'Close' } as unknown as ThingCommand)).toEqual({
      command: { type: 'Close' },
    });
    expect(handled(decider, { type: 'Close', closedBy: ' ' } as unknown as ThingCommand)).toMatchObject({
      rejection: { code: 'InvalidActor', field: 'closedBy' },
    });
  });

  it('deciderSpec takes the same path: thenRejects sees the codec refusal', () => {
    const spec = deciderSpec(decider);
    spec
      .given([])
      .when({ ...valid, amount: 0 } as unknown as ThingCommand)
      .thenRejects('InvalidAmount', 'amount');
    spec
      .given([])
      .when(valid as unknown as ThingCommand)
      .then([{ type: 'Seen', data: { command: valid } }]);
  });

  it('gives the same refusal or the same events as the real command handler, for any input', async () => {
    const handler = makeCommandHandler({
      store: memoryEventStore({ registry: events }),
      decider,
      clock: fixedClock('2026-03-01T09:00:00', 'America/New_York'),
      facts: async () => ({ limit: currentLimit }),
    });
    let currentLimit: unknown = 0;
    const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    // Mostly well-formed fields (so some commands are accepted), sometimes malformed or absent.
    const absent = Symbol('absent');
    const field = <A>(good: fc.Arbitrary<A>, bad: fc.Arbitrary<unknown> = anything) =>
      fc.oneof(
        { weight: 8, arbitrary: good },
        { weight: 1, arbitrary: bad },
        { weight: 1, arbitrary: fc.constant(absent) },
      );
    const input = fc
      .record({
        type: fc.constantFrom('Record', 'Close', 'Open'),
        amount: field(fc.integer({ min: 1, max: 3000 }), fc.oneof(fc.integer({ max: 0 }), anything)),
        on: field(fc.constant('2026-03-01'), fc.oneof(fc.constantFrom('2026-02-30', '2026-3-1'), anything)),
        note: field(fc.constant('a note'), fc.oneof(fc.constantFrom(' ', ''), anything)),
        tag: fc.oneof(fc.constant(absent), field(fc.constant('t'), fc.constant(''))),
        thingId: fc.oneof(fc.constant(absent), field(fc.constant('t1'), fc.constant(' '))),
        colour: fc.oneof({ weight: 8, arbitrary: fc.constant(absent) }, { weight: 1, arbitrary: anything }),
      })
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== absent)) as { type: string });
    const limit = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 3000 }) }, fc.string());
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(input, limit, async (raw, lim) => {
        currentLimit = lim;
        const real = await handler.check({ streamId: 'Thing-1', command: raw as ThingCommand, actor, at });
        // What the handler fills in: the stamps, and the fact only for the command declaring it
        // (Close declares none: a `limit` on it would be an unknown field).
        const filled = raw.type === 'Close' ? { closedBy: 'u1' } : { recordedBy: 'u1', at, limit: lim };
        const ours = decideHandled(decider, { ...raw, ...filled } as unknown as ThingCommand, null);
        if (real._tag === 'Left') {
          expect(ours._tag).toBe('Left');
          if (ours._tag === 'Left')
            expect({ code: ours.left.code, field: ours.left.field }).toEqual({
              code: (real.left as { code?: string }).code,
              field: (real.left as { field?: string }).field,
            });
        } else {
          accepted++;
          expect(ours).toEqual({ _tag: 'Right', right: real.right });
        }
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
