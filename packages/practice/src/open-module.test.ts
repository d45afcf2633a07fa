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
  obligationKey,
  reject,
  type CommandOf,
  type Decider,
  type EventOf,
  type Obligation,
  type Projection,
} from '@praxis/core';
import { bind, createPractice, defineModule } from './index.js';

// A module written outside @praxis/practice: sharps containers that must be swapped by a date.
const events = defineEvents({
  SharpsContainerPlaced: t.type({
    containerId: NonEmptyString,
    room: NonEmptyString,
    swapBy: ISODate,
    placedBy: NonEmptyString,
  }),
});
const commands = defineCommands('containerId', {
  PlaceSharpsContainer: command(
    { containerId: NonEmptyString, room: NonEmptyString, swapBy: ISODate, placedOn: ISODate },
    {},
    { businessTime: 'placedOn', stamps: { placedBy: 'actor' } },
  ),
});
const refusals = defineRefusals({ ContainerAlreadyPlaced: 'conflict' });
type Placed = { placed: boolean };
const container: Decider<
  CommandOf<typeof commands>,
  EventOf<typeof events>,
  Placed,
  keyof typeof refusals
> = {
  name: 'SharpsContainer',
  stateVersion: 1,
  initialState: { placed: false },
  evolve: () => ({ placed: true }),
  decide: (c, s) =>
    s.placed
      ? reject('ContainerAlreadyPlaced', 'this container is already placed')
      : accept(
          events.make('SharpsContainerPlaced', {
            containerId: c.containerId,
            room: c.room,
            swapBy: c.swapBy,
            placedBy: c.placedBy,
          }),
        ),
  events,
  commands,
  refusals,
};
const obligations: Projection = {
  name: 'sharps-obligations',
  version: 1,
  eventTypes: ['SharpsContainerPlaced'],
  handle: (e) => {
    const d = e.data as t.TypeOf<(typeof events.definitions)['SharpsContainerPlaced']>;
    const o: Obligation = {
      id: `sharps:${d.containerId}`,
      module: 'sharps',
      kind: 'sharps-swap',
      label: `Swap the sharps container in ${d.room}`,
      streamId: e.streamId,
      arisesAt: e.metadata.occurredAt.slice(0, 10),
      dueAt: d.swapBy,
      impact: 'patient-safety',
    };
    return [{ key: obligationKey(o.id), update: () => ({ ...o }) }];
  },
};
const sharpsModule = defineModule({
  area: 'sharps',
  aggregates: [bind(container, commands, 'containerId')],
  projections: [obligations],
});

describe('a module written outside @praxis/practice', () => {
  it('plugs in: a typed area, refusals with categories, and its obligations on the calendar', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      modules: [sharpsModule],
      actor: { id: 'maria', role: 'practice_manager' },
    });
    const placed = await practice.sharps.placeSharpsContainer({
      containerId: 'c1',
      room: 'exam 2',
      swapBy: '2026-02-01',
      placedOn: '2026-01-05',
    });
    expect(placed.ok && placed.decided).toEqual(['SharpsContainerPlaced']);
    const again = await practice.sharps.placeSharpsContainer({
      containerId: 'c1',
      room: 'exam 2',
      swapBy: '2026-02-01',
      placedOn: '2026-01-06',
    });
    expect(again).toMatchObject({ ok: false, code: 'ContainerAlreadyPlaced', category: 'conflict' });
    const calendar = await practice.calendar('2026-01-20');
    expect(calendar.map((c) => [c.label, c.impact, c.state])).toEqual([
      ['Swap the sharps container in exam 2', 'patient-safety', 'due-soon'],
    ]);
    expect('finance' in practice).toBe(false);
    await practice.close();
  });
});
