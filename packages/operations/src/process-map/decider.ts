import { accept, reject, type Decider, type Decision } from '@praxis/core';
import { commands, type ProcessMapCommand } from './commands.js';
import { events, type ProcessMapEvent, type StepDefinition, type StepTarget } from './events.js';
import { refusals, type ProcessMapRefusal } from './refusals.js';

/** A process map as its events left it: its live steps in order. JSON-serialisable. */
export interface ProcessMap {
  readonly mapId: string;
  readonly steps: readonly StepDefinition[];
  /** Every step id ever defined (retired ones too: an id is never reused). */
  readonly used: readonly string[];
}

export const initialState: ProcessMap = { mapId: '', steps: [], used: [] };

export const evolve = (s: ProcessMap, e: ProcessMapEvent): ProcessMap => {
  switch (e.type) {
    case 'ProcessStepDefined':
      return { mapId: e.data.mapId, steps: [...s.steps, e.data.step], used: [...s.used, e.data.step.stepId] };
    case 'ProcessStepsOrdered': {
      const by = new Map(s.steps.map((x) => [x.stepId, x]));
      return { ...s, steps: e.data.stepIds.map((id) => by.get(id)!).filter((x) => x !== undefined) };
    }
    case 'ProcessStepRetired':
      return { ...s, steps: s.steps.filter((x) => x.stepId !== e.data.stepId) };
  }
};

type D = Decision<ProcessMapEvent>;

const targetOf = (t: { minutes?: number; days?: number } | undefined): StepTarget | undefined | 'invalid' => {
  if (t === undefined) return undefined;
  const whole = (n: number | undefined) => n !== undefined && Number.isSafeInteger(n) && n > 0;
  if (whole(t.minutes) && t.days === undefined) return { minutes: t.minutes! };
  if (whole(t.days) && t.minutes === undefined) return { days: t.days! };
  return 'invalid';
};

/**
 * Decides a ProcessMap command (MODULES.md O2). A step measures between two event types the
 * practice records (`UnknownEventType`), different from each other unless a start date field
 * gives the start (`SameStartAndEnd`); step ids are unique in the map, retired ones included.
 */
export const decide = (c: ProcessMapCommand, s: ProcessMap): D => {
  switch (c.type) {
    case 'DefineStep': {
      if (s.used.includes(c.stepId)) return reject('StepExists', `step ${c.stepId} exists`, 'stepId');
      for (const f of ['startEventType', 'endEventType'] as const)
        if (!c[`${f}Known`])
          return reject('UnknownEventType', `no aggregate records ${c[f].slice(0, 80)} events`, f);
      if (c.startEventType === c.endEventType && c.startDateField === undefined)
        return reject(
          'SameStartAndEnd',
          'a step ends on a different event than it starts on',
          'endEventType',
        );
      const target = targetOf(c.target);
      if (target === 'invalid')
        return reject(
          'InvalidTarget',
          'give the target as { minutes } or { days }, a whole number > 0',
          'target',
        );
      const step: StepDefinition = {
        stepId: c.stepId,
        name: c.name.trim(),
        startEventType: c.startEventType,
        endEventType: c.endEventType,
        correlation: c.correlation,
        ...(c.startDateField === undefined ? {} : { startDateField: c.startDateField }),
        ...(target === undefined ? {} : { target }),
      };
      return accept(events.make('ProcessStepDefined', { mapId: c.mapId, step }));
    }
    case 'OrderSteps': {
      if (s.steps.length === 0) return reject('StepNotFound', 'the map has no steps');
      const live = new Set(s.steps.map((x) => x.stepId));
      const given = new Set(c.stepIds);
      if (
        given.size !== c.stepIds.length ||
        given.size !== live.size ||
        c.stepIds.some((id) => !live.has(id))
      )
        return reject('StepsNotOfMap', 'list every live step of the map once', 'stepIds');
      return accept(events.make('ProcessStepsOrdered', { mapId: s.mapId, stepIds: [...c.stepIds] }));
    }
    case 'RetireStep':
      return s.steps.some((x) => x.stepId === c.stepId)
        ? accept(events.make('ProcessStepRetired', { mapId: s.mapId, stepId: c.stepId }))
        : reject('StepNotFound', `no live step ${c.stepId}`, 'stepId');
  }
};

/** A process map (`ProcessMap-<mapId>`): which workflow steps to measure, without new events. */
export const decider: Decider<ProcessMapCommand, ProcessMapEvent, ProcessMap, ProcessMapRefusal> = {
  name: 'ProcessMap',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
