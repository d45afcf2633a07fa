import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  PositiveInt,
  reject,
  struct,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';
import { MediaSanitization } from '../technology-asset/index.js';

/** How often a task recurs: "at least every n units". */
export const Interval = t.type({ n: PositiveInt, unit: t.keyof({ days: null, months: null, years: null }) });
export type Interval = t.TypeOf<typeof Interval>;
/** Where a maintenance task comes from. */
export const TaskSource = t.keyof({
  'manufacturer-ifu': null,
  'state-rule': null,
  cdc: null,
  practice: null,
});

/** `date` plus an interval, calendar-wise (the 31st plus a month is the last day of the next month). */
export const addInterval = (date: string, every: Interval): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (every.unit === 'days')
    return new Date(Date.UTC(y, m - 1, d) + every.n * 86_400_000).toISOString().slice(0, 10);
  const months = every.unit === 'months' ? every.n : every.n * 12;
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
};

/** Every event of an Equipment asset (MODULES.md §3.3 R7). */
export const events = defineEvents({
  EquipmentRegistered: struct(
    {
      assetId: NonEmptyString,
      /** What it is: sterilizer, autoclave, ECG, vaccine refrigerator, … (`type` names the command). */
      kind: NonEmptyString,
      make: NonEmptyString,
      model: NonEmptyString,
      serial: NonEmptyString,
      locationId: NonEmptyString,
      acquiredOn: ISODate,
      costCents: NonNegativeCents,
      usefulLifeMonths: PositiveInt,
      ePhi: t.boolean,
      requiredFor: t.readonlyArray(NonEmptyString),
    },
    { warrantyUntil: ISODate },
  ),
  MaintenancePlanned: t.type({
    assetId: NonEmptyString,
    taskId: NonEmptyString,
    title: NonEmptyString,
    every: Interval,
    source: TaskSource,
    plannedOn: ISODate,
    firstDueOn: ISODate,
  }),
  /** A task was done: `dueOn` is the occurrence it answers; a pass sets `nextDueOn`. */
  MaintenancePerformed: struct(
    {
      assetId: NonEmptyString,
      taskId: NonEmptyString,
      title: NonEmptyString,
      performedOn: ISODate,
      performedBy: NonEmptyString,
      result: t.keyof({ pass: null, fail: null }),
      costCents: NonNegativeCents,
      evidence: NonEmptyString,
      dueOn: ISODate,
    },
    { nextDueOn: ISODate, vendor: NonEmptyString, correctiveAction: NonEmptyString },
  ),
  EquipmentOutOfService: t.type({ assetId: NonEmptyString, outOn: ISODate, reason: NonEmptyString }),
  EquipmentReturnedToService: t.type({
    assetId: NonEmptyString,
    returnedOn: ISODate,
    outOn: ISODate,
    evidence: NonEmptyString,
  }),
  /**
   * The asset left the practice; its open maintenance occurrences (`openTasks`) end with it. An
   * ePHI-bearing device carries its media sanitisation record (45 CFR 164.310(d)(2)(i)–(ii)).
   */
  EquipmentDisposed: struct(
    {
      assetId: NonEmptyString,
      disposedOn: ISODate,
      method: NonEmptyString,
      disposedBy: NonEmptyString,
      ePhi: t.boolean,
      openTasks: t.readonlyArray(t.type({ taskId: NonEmptyString, dueOn: ISODate })),
    },
    { mediaSanitization: MediaSanitization, outOn: ISODate },
  ),
});
export type EquipmentEvent = EventOf<typeof events>;

/** Every command of an Equipment asset, as exact codecs. */
export const commands = defineCommands('assetId', {
  RegisterEquipment: command(
    {
      assetId: NonEmptyString,
      /** What it is: sterilizer, autoclave, ECG, vaccine refrigerator, … (`type` names the command). */
      kind: NonEmptyString,
      make: NonEmptyString,
      model: NonEmptyString,
      serial: NonEmptyString,
      locationId: NonEmptyString,
      acquiredOn: ISODate,
      costCents: NonNegativeCents,
      usefulLifeMonths: PositiveInt,
      ePhi: t.boolean,
      requiredFor: t.readonlyArray(NonEmptyString),
    },
    { warrantyUntil: ISODate },
    { businessTime: 'acquiredOn' },
  ),
  PlanMaintenance: command(
    {
      taskId: NonEmptyString,
      title: NonEmptyString,
      every: Interval,
      source: TaskSource,
      plannedOn: ISODate,
      firstDueOn: ISODate,
    },
    {},
    { businessTime: 'plannedOn' },
  ),
  /** A failed result needs the asset out of service or a `correctiveAction` (`FailedWithoutAction`). */
  RecordMaintenance: command(
    {
      taskId: NonEmptyString,
      performedOn: ISODate,
      result: t.keyof({ pass: null, fail: null }),
      costCents: NonNegativeCents,
      evidence: NonEmptyString,
    },
    { vendor: NonEmptyString, correctiveAction: NonEmptyString },
    { businessTime: 'performedOn', stamps: { performedBy: 'actor' } },
  ),
  TakeOutOfService: command({ outOn: ISODate, reason: NonEmptyString }, {}, { businessTime: 'outOn' }),
  /** Back in service only after a passing maintenance on or after the day it went out (`NotRepaired`). */
  ReturnToService: command(
    { returnedOn: ISODate, evidence: NonEmptyString },
    {},
    { businessTime: 'returnedOn' },
  ),
  /**
   * Dispose of the asset (sold, recycled, destroyed). A device that holds ePHI needs the media
   * sanitisation record (`MediaSanitizationMissing`, 45 CFR 164.310(d)(2)(i)–(ii); NIST SP 800-88).
   */
  DisposeEquipment: command(
    { disposedOn: ISODate, method: NonEmptyString },
    { mediaSanitization: MediaSanitization },
    { businessTime: 'disposedOn', stamps: { disposedBy: 'actor' } },
  ),
});
export type EquipmentCommand = CommandOf<typeof commands>;

export const refusals = defineRefusals({
  EquipmentAlreadyRegistered: 'conflict',
  EquipmentNotFound: 'not-found',
  TaskAlreadyPlanned: 'conflict',
  TaskNotFound: 'not-found',
  FailedWithoutAction: 'rule',
  AlreadyOutOfService: 'conflict',
  NotOutOfService: 'conflict',
  NotRepaired: 'rule',
  BeforeOutOfService: 'rule',
  BeforeAcquired: 'rule',
  EquipmentDisposed: 'conflict',
  MediaSanitizationMissing: 'rule',
});
export type EquipmentRefusal = keyof typeof refusals;

interface Task {
  readonly title: string;
  readonly every: Interval;
  readonly dueOn: string;
}
/** An asset as its events left it. */
export interface Equipment {
  readonly status: 'none' | 'in-service' | 'out-of-service' | 'disposed';
  readonly assetId: string;
  /** The device stores ePHI (its media must be sanitised at disposal). */
  readonly ePhi?: boolean;
  readonly tasks: Readonly<Record<string, Task>>;
  /** The day the practice acquired it: nothing about it is dated earlier (`BeforeAcquired`). */
  readonly acquiredOn?: string;
  readonly outOn?: string;
  /** Last passing maintenance (any task). */
  readonly lastPassOn?: string;
}
export const initialState: Equipment = { status: 'none', assetId: '', tasks: {} };

export const evolve = (s: Equipment, e: EquipmentEvent): Equipment => {
  switch (e.type) {
    case 'EquipmentRegistered':
      return {
        status: 'in-service',
        assetId: e.data.assetId,
        tasks: {},
        ePhi: e.data.ePhi,
        acquiredOn: e.data.acquiredOn,
      };
    case 'MaintenancePlanned':
      return {
        ...s,
        tasks: {
          ...s.tasks,
          [e.data.taskId]: { title: e.data.title, every: e.data.every, dueOn: e.data.firstDueOn },
        },
      };
    case 'MaintenancePerformed': {
      const task = s.tasks[e.data.taskId];
      if (e.data.result === 'fail' || task === undefined || e.data.nextDueOn === undefined) return s;
      return {
        ...s,
        lastPassOn: e.data.performedOn,
        tasks: { ...s.tasks, [e.data.taskId]: { ...task, dueOn: e.data.nextDueOn } },
      };
    }
    case 'EquipmentOutOfService':
      return { ...s, status: 'out-of-service', outOn: e.data.outOn };
    case 'EquipmentReturnedToService': {
      const { outOn: _, ...rest } = s;
      return { ...rest, status: 'in-service' };
    }
    case 'EquipmentDisposed':
      return { ...s, status: 'disposed' };
  }
};

type D = Decision<EquipmentEvent>;

/** The business date of a command on a registered asset, and its field. */
const datedOf = (c: Exclude<EquipmentCommand, { type: 'RegisterEquipment' }>): [string, string] => {
  switch (c.type) {
    case 'PlanMaintenance':
      return ['plannedOn', c.plannedOn];
    case 'RecordMaintenance':
      return ['performedOn', c.performedOn];
    case 'TakeOutOfService':
      return ['outOn', c.outOn];
    case 'ReturnToService':
      return ['returnedOn', c.returnedOn];
    case 'DisposeEquipment':
      return ['disposedOn', c.disposedOn];
  }
};

/**
 * Decides an Equipment command. Pure. Next due = performed + interval ("at least every N", as the
 * compliance recurrence); a failure needs out-of-service or a corrective action.
 */
export const decide = (c: EquipmentCommand, s: Equipment): D => {
  if (c.type === 'RegisterEquipment')
    return s.status !== 'none'
      ? reject('EquipmentAlreadyRegistered', `asset ${c.assetId} exists`, 'assetId')
      : accept(
          events.make('EquipmentRegistered', {
            assetId: c.assetId,
            kind: c.kind,
            make: c.make,
            model: c.model,
            serial: c.serial,
            locationId: c.locationId,
            acquiredOn: c.acquiredOn,
            costCents: c.costCents,
            usefulLifeMonths: c.usefulLifeMonths,
            ePhi: c.ePhi,
            requiredFor: c.requiredFor,
            ...(c.warrantyUntil === undefined ? {} : { warrantyUntil: c.warrantyUntil }),
          }),
        );
  if (s.status === 'none') return reject('EquipmentNotFound', 'register the equipment first', 'assetId');
  if (s.status === 'disposed')
    return reject('EquipmentDisposed', `asset ${s.assetId} was disposed of`, 'assetId');
  const [field, on] = datedOf(c);
  if (s.acquiredOn !== undefined && on < s.acquiredOn)
    return reject(
      'BeforeAcquired',
      `${field} ${on} is before the asset was acquired on ${s.acquiredOn}`,
      field,
    );
  switch (c.type) {
    case 'DisposeEquipment':
      if (s.outOn !== undefined && c.disposedOn < s.outOn)
        return reject('BeforeOutOfService', `out since ${s.outOn}`, 'disposedOn');
      if (s.ePhi === true && c.mediaSanitization === undefined)
        return reject(
          'MediaSanitizationMissing',
          'a device that holds ePHI needs its media sanitised before disposal (45 CFR 164.310(d)(2)(i))',
          'mediaSanitization',
        );
      return accept(
        events.make('EquipmentDisposed', {
          assetId: s.assetId,
          disposedOn: c.disposedOn,
          method: c.method,
          disposedBy: c.disposedBy,
          ePhi: s.ePhi === true,
          openTasks: Object.entries(s.tasks).map(([taskId, task]) => ({ taskId, dueOn: task.dueOn })),
          ...(c.mediaSanitization === undefined ? {} : { mediaSanitization: c.mediaSanitization }),
          ...(s.outOn === undefined ? {} : { outOn: s.outOn }),
        }),
      );
    case 'PlanMaintenance':
      return s.tasks[c.taskId] !== undefined
        ? reject('TaskAlreadyPlanned', `task ${c.taskId} is planned`, 'taskId')
        : accept(
            events.make('MaintenancePlanned', {
              assetId: s.assetId,
              taskId: c.taskId,
              title: c.title,
              every: c.every,
              source: c.source,
              plannedOn: c.plannedOn,
              firstDueOn: c.firstDueOn,
            }),
          );
    case 'RecordMaintenance': {
      const task = s.tasks[c.taskId];
      if (task === undefined) return reject('TaskNotFound', `no task ${c.taskId}`, 'taskId');
      if (c.result === 'fail' && s.status !== 'out-of-service' && c.correctiveAction === undefined)
        return reject(
          'FailedWithoutAction',
          'a failed check needs the equipment out of service or a corrective action',
          'result',
        );
      return accept(
        events.make('MaintenancePerformed', {
          assetId: s.assetId,
          taskId: c.taskId,
          title: task.title,
          performedOn: c.performedOn,
          performedBy: c.performedBy,
          result: c.result,
          costCents: c.costCents,
          evidence: c.evidence,
          dueOn: task.dueOn,
          ...(c.result === 'pass' ? { nextDueOn: addInterval(c.performedOn, task.every) } : {}),
          ...(c.vendor === undefined ? {} : { vendor: c.vendor }),
          ...(c.correctiveAction === undefined ? {} : { correctiveAction: c.correctiveAction }),
        }),
      );
    }
    case 'TakeOutOfService':
      return s.status === 'out-of-service'
        ? reject('AlreadyOutOfService', `out of service since ${s.outOn}`)
        : accept(
            events.make('EquipmentOutOfService', { assetId: s.assetId, outOn: c.outOn, reason: c.reason }),
          );
    case 'ReturnToService':
      if (s.status !== 'out-of-service' || s.outOn === undefined)
        return reject('NotOutOfService', 'the equipment is in service');
      if (c.returnedOn < s.outOn) return reject('BeforeOutOfService', `out since ${s.outOn}`, 'returnedOn');
      if (s.lastPassOn === undefined || s.lastPassOn < s.outOn)
        return reject('NotRepaired', `no passing maintenance since ${s.outOn}`);
      return accept(
        events.make('EquipmentReturnedToService', {
          assetId: s.assetId,
          returnedOn: c.returnedOn,
          outOn: s.outOn,
          evidence: c.evidence,
        }),
      );
  }
};

/**
 * The Equipment aggregate (MODULES.md §3.3 R7): an asset with its preventive-maintenance tasks and
 * service status. Streams `Equipment-<assetId>`.
 */
export const decider: Decider<EquipmentCommand, EquipmentEvent, Equipment, EquipmentRefusal> = {
  name: 'Equipment',
  // 2: ePhi kept, disposal; 3: acquiredOn kept
  stateVersion: 3,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
