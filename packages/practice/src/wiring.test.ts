import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  accept,
  command,
  defineCommands,
  NonEmptyString,
  type CommandOf,
  defineEvents,
  fixedClock,
  reject,
  type Decider,
  type EventOf,
  type Projection,
} from '@praxis/core';
import { memoryEventStore } from '@praxis/store-memory';
import { bind, type PracticeModule } from './module.js';
import { areaMethods, practiceCore, registryOf, wirePractice } from './practice.js';

// A tiny aggregate standing in for a domain module: a room that can be booked once.
const events = defineEvents({ RoomBooked: t.type({ roomId: t.string, by: t.string }) });
type RoomEvent = EventOf<typeof events>;
const commands = defineCommands('roomId', {
  BookRoom: command({ roomId: NonEmptyString, by: NonEmptyString }, {}, { stamps: { at: 'time' } }),
});
type RoomCommand = CommandOf<typeof commands>;
const room: Decider<RoomCommand, RoomEvent, { booked: boolean }> = {
  name: 'Room',
  stateVersion: 1,
  initialState: { booked: false },
  evolve: () => ({ booked: true }),
  decide: (c, s) =>
    s.booked
      ? reject('RoomTaken', 'the room is already booked', 'roomId')
      : accept(events.make('RoomBooked', { roomId: c.roomId, by: c.by })),
  events,
  commands,
};
const bookings: Projection = {
  name: 'bookings',
  version: 1,
  eventTypes: ['RoomBooked'],
  handle: () => [{ key: 'count', update: (n) => ((n as number | undefined) ?? 0) + 1 }],
};
const rooms: PracticeModule = {
  area: 'rooms',
  aggregates: [bind(room, commands, 'roomId')],
  projections: [bookings],
};
const manager = { id: 'u-1', role: 'practice_manager' };
const clock = fixedClock('2026-03-02T09:00:00', 'America/Chicago');

const open = async () => {
  const store = memoryEventStore({ registry: registryOf([rooms]) });
  const w = await wirePractice({ store, timeZone: 'America/Chicago', currency: 'USD', clock }, [rooms]);
  return { store, w };
};

describe('the practice wiring', () => {
  it('turns each command into a method whose outcome says what was decided', async () => {
    const { w } = await open();
    const api = areaMethods(practiceCore(w, manager), 'rooms');
    const first = await api['bookRoom']!({ roomId: 'r1', by: 'dr-lee' }, { at: '2026-03-02T09:00:00-06:00' });
    expect(first.ok && first.decided).toEqual(['RoomBooked']);
    expect(first.summary).toBe('Room-r1: RoomBooked');
    const second = await api['bookRoom']!(
      { roomId: 'r1', by: 'dr-kim' },
      { at: '2026-03-02T09:05:00-06:00' },
    );
    expect(second).toMatchObject({ ok: false, reason: 'rejected', code: 'RoomTaken', field: 'roomId' });
  });

  it('refuses a role that may not issue the command, and records nothing', async () => {
    const { w, store } = await open();
    const asAuditor = practiceCore(w, { id: 'a-1', role: 'auditor' });
    const r = await asAuditor.execute('Room', {
      type: 'BookRoom',
      roomId: 'r1',
      by: 'x',
      at: '2026-03-02T09:00:00-06:00',
    } as never);
    expect(r).toMatchObject({ ok: false, reason: 'unauthorized', code: 'Unauthorized' });
    expect(await store.streamRevision('Room-r1')).toBe('no_stream');
  });

  it('refuses a command without the id of its aggregate, naming the field', async () => {
    const { w } = await open();
    const r = await practiceCore(w, manager).execute('Room', { type: 'BookRoom', by: 'x' } as never);
    expect(r).toEqual({
      ok: false,
      streamId: 'Room-',
      reason: 'rejected',
      code: 'MissingId',
      category: 'invalid',
      message: 'BookRoom needs roomId: the Room it is for',
      field: 'roomId',
      summary: 'refused (MissingId): BookRoom needs roomId: the Room it is for [roomId]',
    });
  });

  it('check refuses exactly as execute does, by rule and by role', async () => {
    const { w } = await open();
    const p = practiceCore(w, manager);
    const book = { type: 'BookRoom', roomId: 'r1', by: 'x', at: '2026-03-02T09:00:00-06:00' } as never;
    await p.execute('Room', book);
    const taken = await p.execute('Room', book);
    expect(taken).toEqual({
      ok: false,
      streamId: 'Room-r1',
      reason: 'rejected',
      code: 'RoomTaken',
      category: 'rule',
      message: 'the room is already booked',
      field: 'roomId',
      summary: 'refused (RoomTaken): the room is already booked [roomId]',
    });
    expect(await p.check('Room', book)).toEqual(taken);
    const auditor = { actor: { id: 'a-1', role: 'auditor' } };
    const forbidden = await p.execute('Room', book, auditor);
    expect(forbidden).toMatchObject({
      ok: false,
      streamId: 'Room-r1',
      reason: 'unauthorized',
      code: 'Unauthorized',
    });
    expect(forbidden.summary).toBe(`refused (Unauthorized): ${(forbidden as { message: string }).message}`);
    expect(await p.check('Room', book, auditor)).toEqual(forbidden);
  });

  it('requires an acting user', async () => {
    const { w } = await open();
    const anonymous = practiceCore(w, undefined);
    await expect(anonymous.execute('Room', { type: 'BookRoom' } as never)).rejects.toThrow(/acting user/);
  });

  it('keeps read models up to date with commands', async () => {
    const { w } = await open();
    const core = practiceCore(w, manager);
    for (const id of ['a', 'b', 'c']) {
      await core.execute('Room', {
        type: 'BookRoom',
        roomId: id,
        by: 'x',
        at: '2026-03-02T09:00:00-06:00',
      } as never);
      expect(await core.readModels.get('bookings', 'count')).toBe(['a', 'b', 'c'].indexOf(id) + 1);
    }
  });

  it('records the time zone once and refuses to reopen the log in another zone', async () => {
    const { store, w } = await open();
    expect(w.settings).toMatchObject({ timeZone: 'America/Chicago', currency: 'USD' });
    await expect(wirePractice({ store, timeZone: 'Europe/Paris' }, [rooms])).rejects.toThrow(
      /keeps its books in America\/Chicago, not Europe\/Paris/,
    );
    const again = await wirePractice({ store }, [rooms]);
    expect(again.settings.currency).toBe('USD');
  });
});
