import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  NonEmptyString,
  dateInPeriod,
  reject,
  type CommandOf,
  type Decider,
  type EventOf,
  type FactContext,
  type Json,
  type KpiDefinition,
  type ProcessManager,
  type Projection,
} from '@praxis/core';
import { bind, createPractice, defineModule } from './index.js';

// A small module written in a test: rooms, sharps containers placed in them, a KPI, a role,
// a fact (the room must exist) and a process manager (a room counts the containers placed in it).
const roomEvents = defineEvents({
  RoomRegistered: t.type({ roomId: NonEmptyString }),
  ContainerNoted: t.type({ roomId: NonEmptyString, containerId: NonEmptyString }),
});
const roomCommands = defineCommands('roomId', {
  RegisterRoom: command({ roomId: NonEmptyString }),
  NoteContainer: command({ roomId: NonEmptyString, containerId: NonEmptyString }),
});
type Room = { readonly registered: boolean; readonly containers: readonly string[] };
const room: Decider<CommandOf<typeof roomCommands>, EventOf<typeof roomEvents>, Room> = {
  name: 'Room',
  stateVersion: 1,
  initialState: { registered: false, containers: [] },
  evolve: (s, e) =>
    e.type === 'RoomRegistered'
      ? { ...s, registered: true }
      : { ...s, containers: [...s.containers, e.data.containerId] },
  decide: (c, s) => {
    const { roomId } = c;
    if (c.type === 'RegisterRoom') return accept(roomEvents.make('RoomRegistered', { roomId }));
    if (!s.registered) return reject('UnknownRoom', 'no such room', 'roomId');
    if (s.containers.length >= 2) return reject('RoomFull', 'two containers per room at most');
    return accept(roomEvents.make('ContainerNoted', { roomId, containerId: c.containerId }));
  },
  events: roomEvents,
  commands: roomCommands,
};

const events = defineEvents({
  SharpsContainerPlaced: t.type({
    containerId: NonEmptyString,
    room: NonEmptyString,
    placedOn: ISODate,
    placedBy: NonEmptyString,
  }),
});
const commands = defineCommands('containerId', {
  PlaceSharpsContainer: command(
    { containerId: NonEmptyString, room: NonEmptyString, placedOn: ISODate },
    {},
    {
      businessTime: 'placedOn',
      stamps: { placedBy: 'actor' },
      facts: { roomRegistered: t.boolean },
    },
  ),
});
const refusals = defineRefusals({ UnknownRoom: 'not-found' });
const container: Decider<
  CommandOf<typeof commands>,
  EventOf<typeof events>,
  { placed: boolean },
  keyof typeof refusals
> = {
  name: 'SharpsContainer',
  stateVersion: 1,
  initialState: { placed: false },
  evolve: () => ({ placed: true }),
  decide: (c) =>
    c.roomRegistered
      ? accept(
          events.make('SharpsContainerPlaced', {
            containerId: c.containerId,
            room: c.room,
            placedOn: c.placedOn,
            placedBy: c.placedBy,
          }),
        )
      : reject('UnknownRoom', `there is no room ${c.room}`, 'room'),
  events,
  commands,
  refusals,
};
const placements: Projection = {
  name: 'sharps-placements',
  version: 1,
  eventTypes: ['SharpsContainerPlaced'],
  handle: (e) => {
    const d = e.data as { containerId: string; placedOn: string };
    return [{ key: `c:${d.containerId}`, update: () => ({ placedOn: d.placedOn }) }];
  },
};
const containersPlaced: KpiDefinition = {
  id: 'sharpsContainersPlaced',
  label: 'Sharps containers placed',
  area: 'sharps',
  unit: 'count',
  direction: 'higher-is-better',
  formula: 'containers placed in the period',
  source: 'test',
  compute: async ({ reader, period }) => {
    let n = 0;
    for await (const [, doc] of reader.list('sharps-placements', 'c:'))
      if (dateInPeriod((doc as { placedOn: string }).placedOn, period)) n++;
    return n;
  },
};
const noteInRoom: ProcessManager = {
  name: 'note-container-in-room',
  eventTypes: ['SharpsContainerPlaced'],
  grants: ['Room.NoteContainer'],
  react: (e) => {
    const d = e.data as { containerId: string; room: string };
    return [
      { aggregate: 'Room', command: { type: 'NoteContainer', roomId: d.room, containerId: d.containerId } },
    ];
  },
};
const sharpsModule = defineModule({
  area: 'sharps',
  aggregates: [
    bind(room, roomCommands, 'roomId'),
    bind(container, commands, 'containerId', {
      facts: {
        PlaceSharpsContainer: async (c, ctx) => ({
          roomRegistered: (await ctx.load<Room>('Room', c.room))?.registered === true,
        }),
      },
    }),
  ],
  projections: [placements],
  kpis: [containersPlaced],
  roles: { nurse: ['SharpsContainer.PlaceSharpsContainer'] },
  processManagers: [noteInRoom],
});

const open = () =>
  createPractice({
    store: 'memory:',
    timeZone: 'America/Chicago',
    currency: 'USD',
    modules: [sharpsModule],
    actor: { id: 'maria', role: 'practice_manager' },
  });

describe('the module platform: KPIs, roles, facts and process managers from a module', () => {
  it("lists only the modules' KPIs, computed from their read models", async () => {
    const practice = await open();
    await practice.sharps.registerRoom({ roomId: 'exam-2' });
    await practice.sharps.placeSharpsContainer({ containerId: 'c1', room: 'exam-2', placedOn: '2026-01-05' });
    const report = await practice.kpis('2026-01');
    expect(report.lines.map((l) => [l.id, l.value, l.area, l.direction])).toEqual([
      ['sharpsContainersPlaced', 1, 'sharps', 'higher-is-better'],
    ]);
    expect(practice.kpiRegistry.map((k) => k.id)).toEqual(['sharpsContainersPlaced']);
    await practice.close();
  });

  it("grants a module's role what it declares, and nothing else", async () => {
    const practice = await open();
    await practice.sharps.registerRoom({ roomId: 'exam-2' });
    const nurse = practice.as({ id: 'nina', role: 'nurse' });
    const placed = await nurse.sharps.placeSharpsContainer({
      containerId: 'c1',
      room: 'exam-2',
      placedOn: '2026-01-05',
    });
    expect(placed.ok).toBe(true);
    const other = await nurse.sharps.registerRoom({ roomId: 'exam-3' });
    expect(other).toMatchObject({ ok: false, code: 'Unauthorized', category: 'forbidden' });
    await practice.close();
  });

  it('decides on a fact the handler fetched, which no caller may send', async () => {
    const practice = await open();
    const refused = await practice.sharps.placeSharpsContainer({
      containerId: 'c1',
      room: 'nowhere',
      placedOn: '2026-01-05',
    });
    expect(refused).toMatchObject({ ok: false, code: 'UnknownRoom', category: 'not-found', field: 'room' });
    const forged = await practice.execute('SharpsContainer', {
      type: 'PlaceSharpsContainer',
      containerId: 'c1',
      room: 'nowhere',
      placedOn: '2026-01-05',
      roomRegistered: true,
    } as never);
    expect(forged).toMatchObject({ ok: false, code: 'UnknownField', field: 'roomRegistered' });
    await practice.close();
  });

  it('reacts to an event with a command caused by it, once, as its own actor', async () => {
    const practice = await open();
    await practice.sharps.registerRoom({ roomId: 'exam-2' });
    const placed = await practice.sharps.placeSharpsContainer({
      containerId: 'c1',
      room: 'exam-2',
      placedOn: '2026-01-05',
    });
    expect(placed.ok).toBe(true);
    const trigger = placed.ok ? placed.events[0]! : undefined;
    // The reaction ran before the command returned: the room already counts the container.
    const loaded = await practice.load<Room>('Room', 'exam-2');
    expect(loaded.found && loaded.state.containers).toEqual(['c1']);
    const noted = [];
    for await (const e of practice.store.readStream('Room-exam-2'))
      if (e.type === 'ContainerNoted') noted.push(e);
    expect(noted).toHaveLength(1);
    expect(noted[0]!.metadata).toMatchObject({
      actor: { id: 'process:note-container-in-room', role: 'process:note-container-in-room' },
      causationId: trigger?.eventId,
      occurredAt: '2026-01-05T00:00:00-06:00',
    });
    // Catching up again issues nothing twice.
    await practice.catchUp();
    const loadedAgain = await practice.load<Room>('Room', 'exam-2');
    expect(loadedAgain.found && loadedAgain.state.containers).toEqual(['c1']);
    const [status] = await practice.processManagers();
    expect(status).toMatchObject({ name: 'note-container-in-room', parked: [] });
    expect(status?.checkpoint).toBeDefined();
    await practice.close();
  });

  it('records a refused reaction in the audit trail and goes on', async () => {
    const practice = await open();
    await practice.sharps.registerRoom({ roomId: 'exam-2' });
    for (const id of ['c1', 'c2', 'c3'])
      await practice.sharps.placeSharpsContainer({ containerId: id, room: 'exam-2', placedOn: '2026-01-05' });
    const refused: Json[] = [];
    for await (const e of practice.store.readAll({ filter: { eventTypes: ['CommandRefused'] } }))
      refused.push(e.data as Json);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: 'RoomFull', commandType: 'NoteContainer' });
    const loaded = await practice.load<Room>('Room', 'exam-2');
    expect(loaded.found && loaded.state.containers).toEqual(['c1', 'c2']);
    await practice.close();
  });

  it("refuses a caller who claims a process manager's role", async () => {
    const practice = await open();
    const r = await practice.sharps.registerRoom(
      { roomId: 'exam-9' },
      { actor: { id: 'process:note-container-in-room', role: 'process:note-container-in-room' } },
    );
    expect(r).toMatchObject({ ok: false, code: 'ReservedRole' });
    await practice.close();
  });

  it('refuses two modules that define the same KPI id', async () => {
    const twin = defineModule({
      area: 'twin',
      aggregates: [],
      projections: [],
      kpis: [{ ...containersPlaced, area: 'twin' }],
    });
    await expect(
      createPractice({ store: 'memory:', timeZone: 'UTC', currency: 'USD', modules: [sharpsModule, twin] }),
    ).rejects.toThrow(/two modules \(sharps and twin\) define the KPI sharpsContainersPlaced/);
  });
});

describe('the built-in modules contribute their KPIs and roles like any other', () => {
  it('a practice with finance only lists the finance KPIs and has no staff area', async () => {
    const { financeModule } = await import('./modules/index.js');
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      modules: [financeModule],
      actor: { id: 'maria', role: 'practice_manager' },
    });
    const report = await practice.kpis('2026-Q1');
    expect(new Set(report.lines.map((l) => l.area))).toEqual(new Set(['finance']));
    expect(report.lines.map((l) => l.id)).toContain('daysInAR');
    // 12 revenue-cycle and budget KPIs, and 3 of overpayments
    expect(report.lines).toHaveLength(15);
    expect('staff' in practice).toBe(false);
    // The biller's grants come from the finance module.
    const biller = practice.as({ id: 'bo', role: 'biller' });
    const created = await biller.finance.createClaim({ claimId: 'C-1' }, { at: '2026-01-05T09:00:00-06:00' });
    // Past the permission check (the finance module grants Claim.* to billers): the claim rule answers.
    expect(created).toMatchObject({ ok: false, code: 'ClaimNotFound', category: 'not-found' });
    // …and a biller may not approve a budget, which no module grants them.
    const budget = await biller.finance.approveBudget({ budgetId: '2026' });
    expect(budget).toMatchObject({ ok: false, category: 'forbidden' });
    await practice.close();
  });
});

describe('the module platform under misuse (a new user tried to break it)', () => {
  const withModule = (extra: Partial<Parameters<typeof defineModule>[0]>, store = 'memory:') =>
    createPractice({
      store,
      timeZone: 'America/Chicago',
      currency: 'USD',
      modules: [{ ...sharpsModule, ...extra } as typeof sharpsModule],
      actor: { id: 'maria', role: 'practice_manager' },
    });

  it('parks a chain of reactions to reactions instead of following it for ever', async () => {
    // Each ContainerNoted asks the room to note another container: an endless chain.
    const echo: ProcessManager = {
      name: 'echo',
      eventTypes: ['ContainerNoted'],
      grants: ['Room.NoteContainer'],
      react: (e) => {
        const d = e.data as { roomId: string; containerId: string };
        return [
          {
            aggregate: 'Room',
            command: { type: 'NoteContainer', roomId: d.roomId, containerId: `${d.containerId}+` },
          },
        ];
      },
    };
    const unbounded = {
      ...room,
      decide: (c: CommandOf<typeof roomCommands>) =>
        c.type === 'RegisterRoom'
          ? accept(roomEvents.make('RoomRegistered', { roomId: c.roomId }))
          : accept(roomEvents.make('ContainerNoted', { roomId: c.roomId, containerId: c.containerId })),
    };
    const practice = await withModule({
      aggregates: [bind(unbounded, roomCommands, 'roomId'), sharpsModule.aggregates[1]],
      processManagers: [echo],
    });
    await practice.sharps.registerRoom({ roomId: 'r' });
    await practice.sharps.noteContainer({ roomId: 'r', containerId: 'c' });
    await practice.catchUp();
    await practice.catchUp();
    const loaded = await practice.load<Room>('Room', 'r');
    // The caller's note and at most 10 reactions to reactions; then the event is parked.
    expect(loaded.found && loaded.state.containers.length).toBe(11);
    const [status] = await practice.processManagers();
    expect(status?.parked).toHaveLength(1);
    expect(status?.parked[0]?.reason).toMatch(/chain of 10 reactions/);
    await practice.close();
  });

  it('starts a manager added to an existing practice at the end of the log, not in its history', async () => {
    const dir = await import('node:fs/promises').then((fs) => fs.mkdtemp('/tmp/praxis-pm-'));
    const file = `sqlite:${dir}/p.db`;
    const first = await withModule({ processManagers: [] }, file);
    await first.sharps.registerRoom({ roomId: 'r' });
    await first.sharps.placeSharpsContainer({ containerId: 'old', room: 'r', placedOn: '2026-01-05' });
    await first.close();
    const second = await withModule({}, file);
    await second.catchUp();
    await second.sharps.placeSharpsContainer({ containerId: 'new', room: 'r', placedOn: '2026-01-06' });
    const loaded = await second.load<Room>('Room', 'r');
    expect(loaded.found && loaded.state.containers).toEqual(['new']);
    await second.close();
  });

  it("stores a quiet manager's checkpoint on close or when it reacts; after a crash it re-reads, repeating no reaction", async () => {
    const dir = await import('node:fs/promises').then((fs) => fs.mkdtemp('/tmp/praxis-pm-'));
    const file = `sqlite:${dir}/p.db`;
    const seen: string[] = [];
    // Notes only containers whose id starts with "x" in the room; sees every placement.
    const picky: ProcessManager = {
      ...noteInRoom,
      react: (e) => {
        const d = e.data as { containerId: string };
        seen.push(d.containerId);
        return d.containerId.startsWith('x') ? noteInRoom.react(e, { reader: undefined as never }) : [];
      },
    };
    const place = (p: Awaited<ReturnType<typeof withModule>>, containerId: string) =>
      p.sharps.placeSharpsContainer({ containerId, room: 'r', placedOn: '2026-01-05' });
    const first = await withModule({ processManagers: [picky] }, file);
    await first.sharps.registerRoom({ roomId: 'r' });
    for (const id of ['a', 'x1', 'b']) await place(first, id);
    // "Crash": the first practice is never closed; 'b' was handled but its checkpoint not stored.
    const second = await withModule({ processManagers: [picky] }, file);
    await second.catchUp();
    expect(seen).toEqual(['a', 'x1', 'b', 'b']);
    await place(second, 'x2');
    await second.close();
    const third = await withModule({ processManagers: [picky] }, file);
    await third.catchUp();
    // Closed cleanly: nothing is read again, and each reaction happened once.
    expect(seen).toEqual(['a', 'x1', 'b', 'b', 'x2']);
    const loaded = await third.load<Room>('Room', 'r');
    expect(loaded.found && loaded.state.containers).toEqual(['x1', 'x2']);
    const [status] = await third.processManagers();
    expect(status?.checkpoint).toBeDefined();
    await third.close();
    await first.close();
  });

  it('turns a fact provider that throws into ModuleFailed, and one that returns nothing into FactUnavailable', async () => {
    const throwing = await withModule({
      aggregates: [
        sharpsModule.aggregates[0],
        bind(container, commands, 'containerId', {
          facts: {
            PlaceSharpsContainer: async () => {
              throw new TypeError('boom');
            },
          },
        }),
      ],
    });
    await throwing.sharps.registerRoom({ roomId: 'r' });
    await expect(
      throwing.sharps.placeSharpsContainer({ containerId: 'c', room: 'r', placedOn: '2026-01-05' }),
    ).rejects.toMatchObject({
      _tag: 'ModuleFailed',
      message: /fact provider of SharpsContainer.PlaceSharpsContainer: TypeError: boom/,
    });
    await throwing.close();
    const empty = await withModule({
      aggregates: [
        sharpsModule.aggregates[0],
        bind(container, commands, 'containerId', {
          facts: { PlaceSharpsContainer: async () => null as never },
        }),
      ],
    });
    const r = await empty.sharps.placeSharpsContainer({
      containerId: 'c',
      room: 'r',
      placedOn: '2026-01-05',
    });
    expect(r).toMatchObject({ ok: false, code: 'FactUnavailable', field: 'roomRegistered' });
    await empty.close();
  });

  it('refuses module declarations that would grant by accident or never fire', async () => {
    await expect(withModule({ roles: { nurse: 'SharpsContainer.*' as never } })).rejects.toMatchObject({
      _tag: 'InvalidArgument',
      argument: 'sharps.roles.nurse',
    });
    await expect(
      withModule({ processManagers: [{ ...noteInRoom, eventTypes: ['SharpsContainerPlacd'] }] }),
    ).rejects.toThrow(/reacts to SharpsContainerPlacd, which no module records/);
    await expect(withModule({ kpis: [{ ...containersPlaced, unit: 'parsecs' as never }] })).rejects.toThrow(
      /unit parsecs/,
    );
    await expect(withModule({ area: 'kpis ' as never })).rejects.toMatchObject({ _tag: 'InvalidArgument' });
  });

  it('refuses a caller using a process manager id, and records refusals of commands that name no instance', async () => {
    const practice = await open();
    const r = await practice.sharps.registerRoom(
      { roomId: 'x' },
      { actor: { id: 'process:note-container-in-room', role: 'practice_manager' } },
    );
    expect(r).toMatchObject({ ok: false, code: 'ReservedRole', field: 'actor.id' });
    const missing = await practice.execute('Room', { type: 'RegisterRoom' });
    expect(missing).toMatchObject({ ok: false, code: 'MissingId' });
    const refused: string[] = [];
    for await (const e of practice.store.readAll({ filter: { eventTypes: ['CommandRefused'] } }))
      refused.push((e.data as { code: string }).code);
    expect(refused).toEqual(['MissingId']);
    await practice.close();
  });

  it('names the KPI whose compute fails or returns what is not a number', async () => {
    const practice = await withModule({ kpis: [{ ...containersPlaced, compute: async () => Number.NaN }] });
    await expect(practice.kpis('2026-01')).rejects.toMatchObject({
      _tag: 'ModuleFailed',
      message: /kpi sharpsContainersPlaced: compute returned NaN/,
    });
    await expect(practice.kpis('2026-01', { basis: 'whatever' as never })).rejects.toMatchObject({
      _tag: 'InvalidArgument',
      argument: 'basis',
    });
    await practice.close();
  });

  it('returns every outcome when two practices on one SQLite file react at once', async () => {
    const dir = await import('node:fs/promises').then((fs) => fs.mkdtemp('/tmp/praxis-pm-'));
    const file = `sqlite:${dir}/p.db`;
    const a = await withModule({}, file);
    const b = await withModule({}, file);
    for (let i = 0; i < 6; i++) await a.sharps.registerRoom({ roomId: `r${i}` });
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 === 0 ? a : b).sharps.placeSharpsContainer({
          containerId: `c${i}`,
          room: `r${i}`,
          placedOn: '2026-01-05',
        }),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    await a.catchUp();
    await b.catchUp();
    for (let i = 0; i < 6; i++) {
      const loaded = await a.load<Room>('Room', `r${i}`);
      expect(loaded.found && loaded.state.containers).toEqual([`c${i}`]);
    }
    await a.close();
    await b.close();
  });
});

describe('what a fact provider can see', () => {
  it('the instance, the practice zone and business calendar, its event types and read models', async () => {
    const seen: FactContext[] = [];
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      actor: { id: 'maria', role: 'practice_manager' },
      modules: [
        {
          ...sharpsModule,
          aggregates: [
            sharpsModule.aggregates[0],
            bind(container, commands, 'containerId', {
              facts: {
                PlaceSharpsContainer: async (_c, ctx) => {
                  seen.push(ctx);
                  return { roomRegistered: true };
                },
              },
            }),
          ],
        } as typeof sharpsModule,
      ],
    });
    const set = await practice.setBusinessCalendar({
      openWeekdays: [1, 2, 3, 4],
      holidays: [{ on: '2026-01-19', name: 'Martin Luther King Jr. Day' }],
    });
    expect(set.ok).toBe(true);
    await practice.sharps.placeSharpsContainer({ containerId: 'c7', room: 'r', placedOn: '2026-01-05' });
    const ctx = seen[0]!;
    expect([ctx.streamId, ctx.id, ctx.timeZone]).toEqual(['SharpsContainer-c7', 'c7', 'America/Chicago']);
    expect(ctx.eventTypes).toContain('RoomRegistered');
    expect(ctx.projections).toContain('sharps-placements');
    const calendar = await ctx.businessCalendar();
    expect(calendar.isBusinessDay('2026-01-19')).toBe(false);
    expect(calendar.isBusinessDay('2026-01-23')).toBe(false); // a Friday: open Monday to Thursday
    expect(calendar.isBusinessDay('2026-01-22')).toBe(true);
    await practice.close();
  });
});
