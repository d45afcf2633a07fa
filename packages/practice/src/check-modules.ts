import { InvalidArgument, type PracticeModule } from '@praxis/core';
import { reservedAreas } from './module.js';

const areaName = /^[a-z][a-zA-Z0-9]*$/;
const kpiId = /^[a-z][a-zA-Z0-9]*$/;
const units: ReadonlySet<string> = new Set([
  'percent',
  'days',
  'business-days',
  'minutes',
  'cents',
  'count',
  'ratio',
]);
const directions: ReadonlySet<string> = new Set(['higher-is-better', 'lower-is-better']);

const isTextList = (v: unknown): v is readonly string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');

/**
 * Checks what the modules of a practice declare before anything is opened, so a mistake in a
 * module (often plain JavaScript, where the types do not help) is an InvalidArgument naming
 * the module and the field — never a permission granted by accident or a manager that never
 * fires. Event types of process managers are checked against the registry by the caller.
 */
export function checkModules(modules: unknown): asserts modules is readonly PracticeModule[] {
  if (!Array.isArray(modules)) throw new InvalidArgument('modules', 'must be a list of modules');
  const areas = new Set<string>();
  for (const [i, m] of (modules as unknown[]).entries()) {
    if (typeof m !== 'object' || m === null) throw new InvalidArgument(`modules.${i}`, 'is not a module');
    const mod = m as Partial<PracticeModule>;
    const where = `modules.${i}`;
    if (typeof mod.area !== 'string' || !areaName.test(mod.area))
      throw new InvalidArgument(
        `${where}.area`,
        'must be a name in lower camel case (`finance`, `patients`)',
      );
    const area = mod.area;
    if (reservedAreas.has(area) || areas.has(area))
      throw new InvalidArgument('modules', `two modules, or a module and the facade, use the area ${area}`);
    areas.add(area);
    if (!Array.isArray(mod.aggregates)) throw new InvalidArgument(`${area}.aggregates`, 'must be a list');
    if (!Array.isArray(mod.projections)) throw new InvalidArgument(`${area}.projections`, 'must be a list');
    for (const k of (mod.kpis ?? []) as unknown[]) {
      const d = k as Record<string, unknown>;
      const id = typeof d['id'] === 'string' ? d['id'] : '';
      if (!kpiId.test(id))
        throw new InvalidArgument(
          `${area}.kpis`,
          `KPI id ${JSON.stringify(id)} is not a lower camel case name`,
        );
      if (d['area'] !== area)
        throw new InvalidArgument(`${area}.kpis`, `KPI ${id} names area ${String(d['area'])}, not ${area}`);
      if (!units.has(String(d['unit'])))
        throw new InvalidArgument(
          `${area}.kpis`,
          `KPI ${id} has unit ${String(d['unit'])}; use one of ${[...units].join(', ')}`,
        );
      if (!directions.has(String(d['direction'])))
        throw new InvalidArgument(
          `${area}.kpis`,
          `KPI ${id}'s direction must be higher-is-better or lower-is-better`,
        );
      for (const f of ['label', 'formula', 'source'])
        if (typeof d[f] !== 'string' || (d[f] as string).trim() === '')
          throw new InvalidArgument(`${area}.kpis`, `KPI ${id} needs a ${f}`);
      if (typeof d['compute'] !== 'function')
        throw new InvalidArgument(`${area}.kpis`, `KPI ${id} needs a compute function`);
      if (d['explain'] !== undefined && typeof d['explain'] !== 'function')
        throw new InvalidArgument(`${area}.kpis`, `KPI ${id}'s explain must be a function`);
    }
    if (mod.methods !== undefined && typeof mod.methods !== 'function')
      throw new InvalidArgument(`${area}.methods`, 'must be a function of the host returning methods');
    if (mod.areaMethods !== undefined && typeof mod.areaMethods !== 'function')
      throw new InvalidArgument(
        `${area}.areaMethods`,
        'must be a function of the host returning methods keyed by area',
      );
    for (const [role, grants] of Object.entries((mod.roles ?? {}) as Record<string, unknown>)) {
      if (role.startsWith('process:'))
        throw new InvalidArgument(
          `${area}.roles`,
          `${role} is a process manager's own role; a module cannot grant it`,
        );
      if (!isTextList(grants))
        throw new InvalidArgument(
          `${area}.roles.${role}`,
          'must be a list of grants (`Aggregate.Command`, `Aggregate.*`)',
        );
    }
    for (const pm of (mod.processManagers ?? []) as unknown[]) {
      const p = pm as Record<string, unknown>;
      if (typeof p['name'] !== 'string' || !/^[a-z][a-z0-9-]*$/.test(p['name']))
        throw new InvalidArgument(`${area}.processManagers`, 'a manager needs a kebab-case name');
      if (!isTextList(p['eventTypes']) || p['eventTypes'].length === 0)
        throw new InvalidArgument(
          `${area}.processManagers`,
          `${p['name']} needs the event types it reacts to`,
        );
      if (!isTextList(p['grants']))
        throw new InvalidArgument(
          `${area}.processManagers`,
          `${p['name']}'s grants must be a list of grants`,
        );
      if (typeof p['react'] !== 'function')
        throw new InvalidArgument(`${area}.processManagers`, `${p['name']} needs a react function`);
      if (p['from'] !== undefined && p['from'] !== 'now' && p['from'] !== 'start')
        throw new InvalidArgument(`${area}.processManagers`, `${p['name']}'s from must be now or start`);
    }
  }
}
