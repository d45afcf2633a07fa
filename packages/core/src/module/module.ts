import type { Projection } from '../projection.js';
import { InvalidArgument } from '../errors/index.js';
import type { AnyBinding } from './binding.js';
import type { KpiDefinition } from './kpi.js';
import type { ProcessManager } from './process-manager.js';
import type { ModuleAreaMethods, ModuleHost, ModuleMethods } from './host.js';

/**
 * One duty of the practice manager as the facade sees it, contributed by one package
 * (`@praxis/finance`'s `financeModule`, `@praxis/patients`'s `patientsModule`): adding a
 * module touches its package and the one list where modules are passed to `createPractice`.
 * Build it with `defineModule` so its area name and aggregates keep their types.
 */
export interface PracticeModule<
  A extends string = string,
  B extends readonly AnyBinding[] = readonly AnyBinding[],
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a module without methods adds none
  M extends ModuleMethods = {},
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a module without area methods adds none
  AM extends ModuleAreaMethods = {},
> {
  /** The area's name in the facade: `practice.<area>.…` (`finance`, `staff`, …). */
  readonly area: A;
  /** Its aggregates (`bind(decider, commands, idKey)`): one facade method per command. */
  readonly aggregates: B;
  /**
   * Its read models. A projection whose name ends in `-obligations` writes `Obligation`
   * documents, and `practice.calendar()` lists them.
   */
  readonly projections: readonly Projection[];
  /** Its KPIs, listed by `practice.kpis()` and the report, and targetable by goals. */
  readonly kpis?: readonly KpiDefinition[];
  /**
   * Grants it adds to practice roles, by role name (merged with the other modules' and the
   * built-in roles): `{ front_desk: ['DayBook.*'], clinical: ['Visit.RoomPatient'] }`.
   */
  readonly roles?: Readonly<Record<string, readonly string[]>>;
  /** Its process managers (automatic reactions to events, see `ProcessManager`). */
  readonly processManagers?: readonly ProcessManager[];
  /**
   * Practice-level methods it offers beside its commands (`practice.whatIf(…)`,
   * `practice.explain(…)`), built from the host once per session. The host is the practice as
   * a module may use it without importing the facade: its log, read models, KPIs, `execute`
   * and `fork`. A name may not be a facade name, an area or another module's method
   * (`createPractice` throws InvalidArgument).
   */
  readonly methods?: (host: ModuleHost) => M;
  /**
   * Methods it adds to areas beside their commands, keyed by area name — its own area or another
   * module's (`{ finance: { importRemittance } }` gives `practice.finance.importRemittance(…)`),
   * built from the host once per session. A name may not be a command of that area or another
   * module's method there; an area no module of the practice has is refused too
   * (`createPractice` throws InvalidArgument).
   */
  readonly areaMethods?: (host: ModuleHost) => AM;
}

/** Area names the facade itself uses: a module may not take them. */
export const reservedAreas: ReadonlySet<string> = new Set([
  'audit',
  'kpis',
  'kpiRegistry',
  'processManagers',
  'calendar',
  'as',
  'settings',
  'store',
  'registry',
  'clock',
  'modules',
  'readModels',
  'sealedReadModels',
  'actor',
  'execute',
  'check',
  'load',
  'catchUp',
  'projectionList',
  'projections',
  'rebuild',
  'catchUpWithProgress',
  'close',
  'trust',
  'vault',
  'forgetSubject',
  'businessCalendar',
  'setBusinessCalendar',
]);

/**
 * Declares a module, keeping its area name and aggregates in its type. Throws InvalidArgument
 * for a reserved area name or a KPI of another area.
 *
 * @example
 * export const financeModule = defineModule({ area: 'finance', aggregates: [budget, claim], projections, kpis });
 */
export const defineModule = <
  const A extends string,
  const B extends readonly AnyBinding[],
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a module without methods adds none
  M extends ModuleMethods = {},
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a module without area methods adds none
  AM extends ModuleAreaMethods = {},
>(
  module: PracticeModule<A, B, M, AM>,
): PracticeModule<A, B, M, AM> => {
  if (reservedAreas.has(module.area))
    throw new InvalidArgument(
      'area',
      `${module.area} is a name the facade uses itself; pick another area name`,
    );
  for (const k of module.kpis ?? [])
    if (k.area !== module.area)
      throw new InvalidArgument('kpis', `KPI ${k.id} names area ${k.area}, but its module is ${module.area}`);
  return module;
};
