import {
  CheckpointMoved,
  Position,
  InvalidArgument,
  TrustKeyRequired,
  vaultStreamOf,
  businessCalendar,
  combineRegistries,
  makeVault,
  vaultEvents,
  domainError,
  maxCommandIdLength,
  makeCommandHandler,
  streamIdOf,
  systemClock,
  type Actor,
  type BusinessCalendar,
  type BusinessCalendarSettings,
  type Clock,
  type CommandHandler,
  type DomainCommand,
  type DomainEvent,
  type EventRegistry,
  type EventStore,
  type PermissionPolicy,
  type CommandEnvelope,
  actorProblem,
  type ReadModelReader,
  type ReadModelStore,
  type Projection,
  type SnapshotStore,
  type SubjectKeyStore,
  type Vault,
  StoreKit,
  type FactContext,
  type FactProvider,
  type FactRequest,
  type KpiDefinition,
  isPeriodError,
  parsePeriod,
  rolePermissions,
} from '@praxis/core';
import { forgetSubject, type Forgotten } from './forget.js';
import { commandMethods, type CallOptions } from './area.js';
import { reservedAreas, type AnyBinding, type PracticeModule } from './module.js';
import { refusalOf, toOutcome, type Checked, type Outcome, type Refused } from './outcome.js';
import { refusedByRule } from './refusal.js';
import { openBackend, type Backend } from './open-store.js';
import { engineReadModels, type ReadModels } from './read-models.js';
import { snapshotting } from '@praxis/projections';
import { memoryReadModelStore, memorySnapshotStore, memorySubjectKeyStore } from '@praxis/store-memory';
import { rolesOf } from './roles.js';
import { checkModules } from './check-modules.js';
import { processManagers, withProcessGrants, type ProcessManagers } from './process-managers.js';
import { computeKpi, kpiContext, kpiRegistryOf } from './kpis.js';
import { ReadModelFailed } from './read-model-failed.js';
import type { ProjectionProgress, ProjectionStatus } from '@praxis/projections';
import * as Settings from './settings/index.js';
import {
  auditView,
  ensureTrustKey,
  keyRecords,
  recordRefusals,
  sealedSnapshots,
  sealedStore,
  securityEvents,
  trustEvents,
  type TrustKey,
} from '@praxis/audit';
import { practiceTrust, type PracticeTrust } from './trust.js';
import type { KpiTargets } from './kpis.js';

/** How to open a practice. */
export interface PracticeOptions {
  /**
   * Where the event log lives: `sqlite:./practice.db` (default), `memory:`, `postgres://…`,
   * `kurrentdb://…`, or an `EventStore` you opened yourself.
   */
  readonly store?: string | EventStore;
  /**
   * When `store` is a string: `true` (default) lets a missing or empty SQLite file become a new
   * practice; `false` opens only an existing one (NotAPractice otherwise). Another program's
   * file is refused either way, untouched.
   */
  readonly create?: boolean;
  /** Where read models live, when `store` is an EventStore you opened (default: in memory). */
  readonly readModels?: ReadModelStore;
  /** Where snapshots live, when `store` is an EventStore you opened (default: in memory). */
  readonly snapshots?: SnapshotStore;
  /** IANA zone for every period and deadline. Required for a new practice; checked for an existing one. */
  readonly timeZone?: string;
  /** ISO currency code of every amount (integer cents). Required for a new practice. */
  readonly currency?: string;
  /** The practice's name, recorded when it is established. */
  readonly name?: string;
  /** Source of business time for commands that carry none (default: the system clock). */
  readonly clock?: Clock;
  /** Who may issue which command (default: `defaultPermissions`, the practice roles). */
  readonly permissions?: PermissionPolicy;
  /** The acting user when a call names none. */
  readonly actor?: Actor;
  /** KPI targets (e.g. from the practice's strategic goals), over `defaultTargets`. */
  readonly targets?: KpiTargets;
  /**
   * The key that makes the log tamper-evident (see docs/audit.md): every event is sealed with
   * it, checkpoints are signed with it, snapshots are bound to it. Kept outside the database
   * (`loadTrustKey` reads a file or `PRAXIS_TRUST_KEY`). Without it the log is unkeyed.
   */
  readonly trustKey?: TrustKey;
  /**
   * Where the personal-data vault keeps its subject keys. Default: beside the log (the SQLite
   * file, the PostgreSQL schema, memory for `memory:`); required for KurrentDB. When `store` is
   * an EventStore you opened, a SQLite or PostgreSQL store's own tables are used, else memory.
   */
  readonly subjectKeys?: SubjectKeyStore;
  /** Commands between two signed checkpoints (default 100); one is also signed on close. */
  readonly checkpointEvery?: number;
}

/** The practice's fixed settings, as recorded in its log. */
export interface PracticeSettings {
  readonly name: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly establishedAt: string;
  /** Open weekdays and holidays when the practice was opened (`businessCalendar()` reads the latest). */
  readonly businessCalendar: BusinessCalendarSettings;
}

/**
 * The vault as the facade offers it: sealing, opening, revealing and a subject's status. Its key
 * store (`keys`) and key destruction (`Vault.forget`) are not offered: they would erase a subject
 * with no permission check and no record; `practice.forgetSubject` does both.
 */
export type PracticeVault = Omit<Vault, 'forget' | 'keys'>;

/** The vault without `forget` (a new object: the vault's own method is not reachable from it). */
const practiceVault = (v: Vault): PracticeVault => ({
  seal: (subjectId, value) => v.seal(subjectId, value),
  open: (token) => v.open(token),
  sealEvent: (registry, event) => v.sealEvent(registry, event),
  sealer: (registry) => v.sealer(registry),
  reveal: (value) => v.reveal(value),
  status: (subjectId) => v.status(subjectId),
});

/** The facade's untyped core: the typed area APIs are built on it. */
export interface PracticeCore {
  readonly settings: PracticeSettings;
  readonly store: EventStore;
  /** Codecs of every event the practice records. */
  readonly registry: EventRegistry;
  readonly clock: Clock;
  readonly modules: readonly PracticeModule[];
  /** The read models, caught up with the log before each read, personal fields revealed. */
  readonly readModels: ReadModelReader;
  /** The read models as stored: personal fields sealed (for comparisons with a fresh fold). */
  readonly sealedReadModels: ReadModelReader;
  /** The actor commands run as when a call names none. */
  readonly actor: Actor | undefined;
  /**
   * The personal-data vault: personal fields are sealed per subject before they reach the log,
   * a snapshot or a read model; every read through the facade reveals them (see
   * docs/personal-data.md). Without `forget`: erasing a subject is `forgetSubject`, which checks
   * `Vault.ForgetSubject` and records `SubjectForgotten` under the actor.
   */
  readonly vault: PracticeVault;
  /**
   * Erases a subject's personal data (crypto-shredding): destroys its key and records
   * `SubjectForgotten { subjectId }`. The log still verifies and replays, counts and KPIs stay
   * as they were, and its personal fields read as `[forgotten]`. Needs `Vault.ForgetSubject`.
   *
   * @example
   * const r = await practice.as(manager).forgetSubject('staff:S-104');
   * console.log(r.summary); // Vault-staff:S-104: SubjectForgotten (2026-06-01T09:00:00-05:00)
   */
  forgetSubject(subjectId: string, options?: { readonly actor?: Actor }): Promise<Forgotten | Refused>;
  /** The keyed log's key and checkpointer, when the practice was opened with a trust key. */
  readonly trust: PracticeTrust | undefined;
  /** Runs a command on the aggregate named `aggregate` (its decider's name). */
  execute(aggregate: string, command: DomainCommand, options?: CallOptions): Promise<Outcome>;
  /**
   * Decides a command against the current state without recording anything: what it would
   * record, or why it would be refused (permissions included). For validating imports.
   */
  check(aggregate: string, command: DomainCommand, options?: CallOptions): Promise<Checked>;
  /**
   * The current state of one aggregate instance, or `found: false` when it does not exist
   * (no event was ever recorded for it, or there is no such aggregate).
   */
  load<S = unknown>(aggregate: string, id: string): Promise<Loaded<S>>;
  /** Brings every read model up to the end of the log (throws ReadModelFailed if one cannot). */
  catchUp(): Promise<void>;
  /**
   * The practice's business-day calendar as the log now says (Monday to Friday without
   * holidays until one is set), in the practice's time zone: `addBusinessDays`,
   * `businessDaysBetween`, `isBusinessDay`. Modules give it to rules that count business days.
   */
  businessCalendar(): Promise<BusinessCalendar>;
  /**
   * Sets the practice's business days (`Practice.SetBusinessCalendar`, practice managers by
   * default): the weekdays it is open and the dates it is closed, e.g.
   * `{ openWeekdays: [1, 2, 3, 4, 5], holidays: usFederalHolidays(2026, 2030) }`. Refused with
   * `NoOpenWeekday`, `HolidayListedTwice` or `InvalidBusinessCalendar`.
   */
  setBusinessCalendar(calendar: BusinessCalendarSettings, options?: CallOptions): Promise<Outcome>;
  /** Every projection the practice maintains. */
  readonly projectionList: readonly Projection[];
  /** Where each read model stands: checkpoint, lag, parked events. */
  projections(): Promise<readonly ProjectionStatus[]>;
  /** Rebuilds one projection (or all) from the start of the log, beside the live one. */
  rebuild(
    name?: string,
    onProgress?: (progress: ProjectionProgress) => void,
  ): Promise<readonly ProjectionStatus[]>;
  /** Brings every read model up to date, reporting progress (long catch-ups, first opens). */
  catchUpWithProgress(onProgress: (progress: ProjectionProgress) => void): Promise<void>;
  /** Stops the read models and closes the store (when the practice opened it). */
  close(): Promise<void>;
}

/** One aggregate instance as `practice.load` finds it. */
export type Loaded<S> =
  | { readonly found: true; readonly streamId: string; readonly state: S; readonly revision: bigint }
  | {
      readonly found: false;
      readonly streamId: string;
      /** `NotFound`: nothing was recorded for it; `UnknownAggregate`: no aggregate has that name. */
      readonly code: 'NotFound' | 'UnknownAggregate';
      readonly category: 'not-found';
      readonly message: string;
    };

/** The system actor that records the practice's own settings. */
export const systemActor: Actor = { id: 'praxis', role: 'system' };

/** Codecs of every event of the given modules, plus the practice settings. */
export const registryOf = (modules: readonly PracticeModule[]): EventRegistry =>
  combineRegistries(
    Settings.events,
    securityEvents,
    trustEvents,
    vaultEvents,
    ...modules.flatMap((m) => m.aggregates.map((a) => a.decider.events)),
  );

interface Wiring {
  readonly store: EventStore;
  readonly backend: Backend;
  readonly registry: EventRegistry;
  readonly clock: Clock;
  readonly settings: PracticeSettings;
  readonly modules: readonly PracticeModule[];
  readonly handlers: ReadonlyMap<
    string,
    { binding: AnyBinding; handler: CommandHandler<DomainCommand, DomainEvent, unknown> }
  >;
  readonly readModels: ReadModels;
  /** The read models caught up before each read: as stored, and with personal fields revealed. */
  readonly readers: Readers;
  /** Every KPI the modules contribute. */
  readonly kpis: readonly KpiDefinition[];
  readonly processes: ProcessManagers;
  readonly permissions: PermissionPolicy;
  readonly trust: PracticeTrust | undefined;
  /** The settings aggregate's handler, with permissions and refusals recorded. */
  readonly settingsHandler: CommandHandler<
    Settings.SettingsCommand,
    Settings.SettingsEvent,
    Settings.Settings
  >;
  readonly vault: Vault;
  readonly onRefused: ReturnType<typeof recordRefusals>;
  /** The key id of a keyed log opened without its key (read-only), else undefined. */
  readonly readOnlyKeyId: string | undefined;
}

/** A keyed log without its key: reads pass through, every append fails TrustKeyRequired. */
const readOnlyKeyedLog = <S extends EventStore>(inner: S, keyId: string): S => {
  const appendToStream = (streamId: unknown): Promise<never> =>
    Promise.reject(
      new TrustKeyRequired(keyId, typeof streamId === 'string' ? streamId : String(typeof streamId)),
    );
  return new Proxy(inner, {
    get: (target, prop, receiver) =>
      prop === 'appendToStream' ? appendToStream : (Reflect.get(target, prop, receiver) as unknown),
  });
};

/** The key store for an EventStore the caller opened: its own tables when it has any. */
const keysBeside = async (store: EventStore): Promise<SubjectKeyStore> => {
  const s = store as Partial<{ database: unknown; pool: unknown; schema: unknown }>;
  // Imported here, not at the top: a practice loads only the store packages it uses.
  if (s.database !== undefined)
    return (await import('@praxis/store-sqlite')).sqliteSubjectKeyStore(store as never);
  if (s.pool !== undefined && typeof s.schema === 'string')
    return (await import('@praxis/store-postgres')).postgresSubjectKeyStore({
      pool: s.pool as never,
      schema: s.schema,
    });
  return memorySubjectKeyStore();
};

const establish = async (
  store: EventStore,
  options: PracticeOptions,
  clock: Clock,
): Promise<PracticeSettings> => {
  const handler = makeCommandHandler({ store, decider: Settings.decider, clock });
  const streamId = streamIdOf(Settings.decider, Settings.settingsId);
  const { state } = await handler.load(streamId);
  if (state.status === 'established') {
    if (options.timeZone !== undefined && options.timeZone !== state.timeZone) {
      throw new InvalidArgument(
        'timeZone',
        `this practice keeps its books in ${state.timeZone}, not ${options.timeZone}`,
      );
    }
    if (options.currency !== undefined && options.currency !== state.currency) {
      throw new InvalidArgument(
        'currency',
        `this practice keeps its books in ${state.currency}, not ${options.currency}`,
      );
    }
    const { status: _status, ...settings } = state;
    return settings;
  }
  if (options.timeZone === undefined)
    throw new InvalidArgument('timeZone', 'a new practice needs a time zone');
  if (options.currency === undefined)
    throw new InvalidArgument('currency', 'a new practice needs a currency');
  const r = await handler.handle({
    streamId,
    actor: systemActor,
    command: {
      type: 'EstablishPractice',
      name: options.name ?? 'Praxis practice',
      timeZone: options.timeZone,
      currency: options.currency,
    } as Settings.SettingsCommand,
  });
  if (r._tag === 'Left') throw new InvalidArgument('settings', r.left.message);
  const s = r.right.state;
  if (s.status !== 'established')
    throw new InvalidArgument('settings', 'the practice could not be established');
  const { status: _status, ...settings } = s;
  return settings;
};

interface Readers {
  /** Brings every read model up to the end of the log (ReadModelFailed if one cannot). */
  readonly catchUp: () => Promise<void>;
  readonly sealed: ReadModelReader;
  readonly revealed: ReadModelReader;
  /**
   * Reveals without catching up: for a query that called `catchUp()` once and then reads many
   * documents (a KPI report), so each read does not look at the log again.
   */
  readonly current: ReadModelReader;
  /**
   * Neither catches up nor reveals: what KPIs read after one `catchUp()`. A KPI is made of
   * counts, dates, amounts and states, never of a personal field, and revealing every document
   * (a vault key looked up and a field decrypted per patient) was most of a report's time.
   */
  readonly measures: ReadModelReader;
}

const readersOf = (readModels: ReadModels, vault: Vault, store: EventStore): Readers => {
  // The head every projection was last caught up to: while the log has not moved, a read need
  // not ask each projection again (about 4 queries each, ~30 projections: 10–20 ms a read).
  let caughtUpTo: Position.Position | undefined;
  const catchUp = async () => {
    const head = await store.headPosition();
    if (head !== undefined && caughtUpTo !== undefined && Position.equals(head, caughtUpTo)) return;
    // Another process sharing the database may have moved a checkpoint first: the runner then
    // reloads its slot and goes on, so a CheckpointMoved failure is retried a few times.
    for (let attempt = 1; ; attempt++) {
      const statuses = await readModels.catchUp();
      const failed = statuses.find((s) => s.phase === 'failed');
      if (failed === undefined) {
        caughtUpTo = head;
        return;
      }
      if (CheckpointMoved.isInstance(failed.error) && attempt < 5) continue;
      const why = failed.error instanceof Error ? failed.error.message : String(failed.error);
      throw new ReadModelFailed(failed.projection, why);
    }
  };
  return {
    catchUp,
    sealed: {
      get: async (p, k) => {
        await catchUp();
        return readModels.reader.get(p, k);
      },
      list: async function* (p, prefix) {
        await catchUp();
        yield* readModels.reader.list(p, prefix);
      },
    },
    measures: readModels.reader,
    current: {
      get: async (p, k) => vault.reveal(await readModels.reader.get(p, k)),
      list: async function* (p, prefix) {
        for await (const entry of readModels.reader.list(p, prefix)) yield await vault.reveal(entry);
      },
    },
    // Read models hold personal fields sealed; every read through the facade reveals them.
    revealed: {
      get: async (p, k) => {
        await catchUp();
        return vault.reveal(await readModels.reader.get(p, k));
      },
      list: async function* (p, prefix) {
        await catchUp();
        for await (const entry of readModels.reader.list(p, prefix)) yield await vault.reveal(entry);
      },
    },
  };
};

/**
 * Opens the store, establishes or checks the practice's settings, and wires one command
 * handler per aggregate and every module's read models.
 */
export const wirePractice = async (
  options: PracticeOptions,
  modules: readonly PracticeModule[],
): Promise<Wiring> => {
  checkModules(modules);
  const registry = registryOf(modules);
  for (const m of modules)
    for (const pm of m.processManagers ?? [])
      for (const type of pm.eventTypes)
        if (!registry.has(type))
          throw new InvalidArgument(
            `${m.area}.processManagers`,
            `${pm.name} reacts to ${type}, which no module records`,
          );
  const given = options.store;
  const backend: Backend =
    typeof given === 'object'
      ? {
          events: given,
          readModels: options.readModels ?? memoryReadModelStore(),
          snapshots: options.snapshots ?? memorySnapshotStore(),
          subjectKeys: options.subjectKeys ?? (await keysBeside(given)),
          close: async () => undefined,
        }
      : await openBackend(given, registry, {
          ...(options.create === undefined ? {} : { create: options.create }),
          ...(options.subjectKeys === undefined ? {} : { subjectKeys: options.subjectKeys }),
        });
  const key = options.trustKey;
  // A keyed log opened without its key reads, but records nothing (an unsealed event would read
  // as tampering for good): every append fails TrustKeyRequired.
  let keyedWith: string | undefined;
  try {
    keyedWith = key === undefined ? (await keyRecords(backend.events)).active : undefined;
  } catch (err) {
    await backend.close();
    throw err;
  }
  const store =
    key !== undefined
      ? sealedStore(backend.events, key, registry)
      : keyedWith === undefined
        ? backend.events
        : readOnlyKeyedLog(backend.events, keyedWith);
  const snapshotStore = key === undefined ? backend.snapshots : sealedSnapshots(backend.snapshots, key);
  try {
    if (key !== undefined) await ensureTrustKey(backend.events, key);
    const trust = key === undefined ? undefined : practiceTrust(store, key, options.checkpointEvery);
    const zone = options.clock?.zone ?? options.timeZone;
    const bootClock = options.clock ?? systemClock(zone ?? 'UTC');
    const settings = await establish(store, options, bootClock);
    const clock = options.clock ?? systemClock(settings.timeZone);
    const kpis = kpiRegistryOf(modules);
    const managers = modules.flatMap((m) => m.processManagers ?? []);
    // The process managers' own roles are added to whichever policy the practice uses.
    const permissions = withProcessGrants(options.permissions ?? rolePermissions(rolesOf(modules)), managers);
    // Every refusal (a rule or a permission) is recorded in the security stream for auditors.
    const onRefused = recordRefusals(store);
    // Personal fields are sealed before anything is appended, folded or snapshotted.
    const vault = makeVault(backend.subjectKeys);
    const seal = vault.sealer(registry);
    const readModels = engineReadModels(store, backend.readModels, [
      auditView(registry.types),
      ...modules.flatMap((m) => m.projections),
    ]);
    const readers = readersOf(readModels, vault, store);
    const processes = processManagers({
      store,
      checkpoints: backend.readModels,
      managers,
      reader: readers.revealed,
      vault,
      now: () => clock.now().toISO({ suppressMilliseconds: true })!,
    });
    // What fact providers read: other aggregates, the read models, the KPI registry.
    const projectionNames = readModels.projections.map((p) => p.name);
    const factContext = (request: FactRequest): FactContext => ({
      reader: readers.revealed,
      at: request.at,
      actor: request.actor,
      streamId: request.streamId,
      id: request.streamId.slice(request.streamId.indexOf('-') + 1),
      timeZone: settings.timeZone,
      businessCalendar: async () => {
        const { state } = await settingsHandler.load(streamIdOf(Settings.decider, Settings.settingsId));
        return state.status === 'established'
          ? businessCalendar(state.timeZone, state.businessCalendar)
          : businessCalendar(settings.timeZone);
      },
      eventTypes: registry.types,
      projections: projectionNames,
      load: async <S>(aggregate: string, id: string): Promise<S | undefined> => {
        const entry = handlers.get(aggregate);
        if (entry === undefined || typeof id !== 'string' || id === '') return undefined;
        const r = await entry.handler.load(streamIdOf(entry.binding.decider, id));
        return r.revision === 'no_stream' ? undefined : ((await vault.reveal(r.state)) as S);
      },
      kpiDefinition: (id) => kpis.find((k) => k.id === id),
      kpi: async (id, label) => {
        const def = kpis.find((k) => k.id === id);
        const period = typeof label === 'string' ? parsePeriod(label, settings.timeZone) : undefined;
        if (def === undefined || period === undefined || isPeriodError(period)) return undefined;
        await readers.catchUp();
        return computeKpi(
          def,
          kpiContext(readers.measures, period, 'as-reported', undefined, projectionNames),
        );
      },
    });
    const factsOf = (binding: AnyBinding): FactProvider | undefined => {
      const providers = binding.facts;
      if (providers === undefined) return undefined;
      return async (request) => {
        const provide = providers[request.type];
        return provide === undefined ? {} : provide(request.command, factContext(request));
      };
    };
    const handlers = new Map<
      string,
      { binding: AnyBinding; handler: CommandHandler<DomainCommand, DomainEvent, unknown> }
    >();
    const areas = new Set<string>();
    for (const m of modules) {
      if (reservedAreas.has(m.area) || areas.has(m.area))
        throw new InvalidArgument(
          'modules',
          `two modules, or a module and the facade, use the area ${m.area}`,
        );
      areas.add(m.area);
      for (const binding of m.aggregates) {
        const name = binding.decider.name;
        if (handlers.has(name)) throw new InvalidArgument('modules', `two aggregates are named ${name}`);
        const snapshots =
          binding.snapshotEvery === undefined
            ? {}
            : snapshotting({
                store,
                snapshots: snapshotStore,
                decider: binding.decider,
                every: binding.snapshotEvery,
              });
        const facts = factsOf(binding);
        handlers.set(name, {
          binding,
          handler: makeCommandHandler({
            store,
            decider: binding.decider,
            clock,
            permissions,
            onRefused,
            seal,
            ...(facts === undefined ? {} : { facts }),
            ...snapshots,
          }),
        });
      }
    }
    // A manager new to this practice starts at the end of the log (unless `from: 'start'`).
    await processes.init();
    const settingsHandler = makeCommandHandler({
      store,
      decider: Settings.decider,
      clock,
      permissions,
      onRefused,
    });
    return {
      store,
      backend,
      registry,
      clock,
      settings,
      modules,
      handlers,
      readModels,
      readers,
      kpis,
      processes,
      permissions,
      settingsHandler,
      trust,
      vault,
      onRefused,
      readOnlyKeyId: keyedWith,
    };
  } catch (err) {
    await backend.close();
    throw err;
  }
};

const bounded = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

/** Builds the untyped core over a wiring, acting as `actor` by default. */
export const practiceCore = (w: Wiring, actor: Actor | undefined): PracticeCore => {
  /** The handler, the stream and the envelope of a command, or why it addresses none. */
  const address = (
    aggregate: string,
    command: DomainCommand,
    options: CallOptions | undefined,
    internal?: { readonly metadata: Readonly<Record<string, unknown>> },
  ):
    | {
        entry: { binding: AnyBinding; handler: CommandHandler<DomainCommand, DomainEvent, unknown> };
        envelope: CommandEnvelope<DomainCommand>;
      }
    | Refused => {
    const who = options?.actor ?? actor;
    if (who === undefined) {
      throw new InvalidArgument(
        'actor',
        'every command needs an acting user: practice.as(actor) or { actor }',
      );
    }
    // Process managers' roles and ids are the practice's own: no caller may act as one.
    if (internal === undefined) {
      const role = typeof who.role === 'string' && who.role.startsWith('process:');
      if (role || (typeof who.id === 'string' && who.id.startsWith('process:')))
        return refusedByRule(
          '',
          domainError(
            'ReservedRole',
            `${bounded(role ? who.role : who.id)} is a process manager's own; no caller may act as one`,
            role ? 'actor.role' : 'actor.id',
          ),
        );
    }
    const entry = typeof aggregate === 'string' ? w.handlers.get(aggregate) : undefined;
    if (entry === undefined) {
      return refusedByRule(
        '',
        domainError(
          'UnknownAggregate',
          `there is no aggregate named ${bounded(String(aggregate))}`,
          'aggregate',
        ),
      );
    }
    const { binding } = entry;
    if (typeof command !== 'object' || command === null || Array.isArray(command)) {
      return refusedByRule(
        `${binding.decider.name}-`,
        domainError('InvalidField', 'a command is an object of named fields', ''),
      );
    }
    const id = (command as unknown as Record<string, unknown>)[binding.idKey];
    if (typeof id !== 'string' || id.trim() === '') {
      const message = `${bounded(String(command.type))} needs ${binding.idKey}: the ${binding.decider.name} it is for`;
      return refusedByRule(`${binding.decider.name}-`, domainError('MissingId', message, binding.idKey));
    }
    if (id.length > maxCommandIdLength)
      return refusedByRule(
        `${binding.decider.name}-`,
        domainError(
          'TooLong',
          `${binding.idKey} must be at most ${maxCommandIdLength} characters`,
          binding.idKey,
        ),
      );
    const streamId = streamIdOf(binding.decider, id);
    try {
      StoreKit.checkStreamId(streamId, binding.idKey);
    } catch (err) {
      if (!InvalidArgument.isInstance(err)) throw err;
      return refusedByRule(
        `${binding.decider.name}-`,
        domainError('InvalidField', err.message, binding.idKey),
      );
    }
    return {
      entry,
      envelope: {
        streamId,
        command,
        actor: who,
        ...(internal === undefined ? {} : { metadata: internal.metadata }),
        ...(options?.at === undefined ? {} : { at: options.at }),
        ...(options?.onBehalfOf === undefined ? {} : { onBehalfOf: options.onBehalfOf }),
        ...(options?.commandId === undefined ? {} : { commandId: options.commandId }),
        ...(options?.correlationId === undefined ? {} : { correlationId: options.correlationId }),
        ...(options?.causationId === undefined ? {} : { causationId: options.causationId }),
      },
    };
  };
  const run = async (
    aggregate: string,
    command: DomainCommand,
    options: CallOptions | undefined,
    internal?: { readonly metadata: Readonly<Record<string, unknown>> },
  ): Promise<Outcome> => {
    const addressed = address(aggregate, command, options, internal);
    if ('ok' in addressed) {
      const who = options?.actor ?? actor;
      // A command that addresses no aggregate instance is recorded too (when its actor can be
      // named and is not claiming a process manager's identity).
      if (addressed.code !== 'ReservedRole' && who !== undefined && actorProblem(who) === undefined) {
        await w.onRefused({
          streamId: addressed.streamId,
          aggregate: bounded(String(aggregate)),
          commandType: bounded(String((command as { type?: unknown } | null)?.type ?? '')),
          actor: who,
          at: w.clock.now().toISO({ suppressMilliseconds: true })!,
          rejection: domainError(addressed.code, addressed.message, addressed.field ?? ''),
        });
      }
      return addressed;
    }
    const { entry, envelope } = addressed;
    const result = await entry.handler.handle(envelope);
    await w.trust?.afterCommand();
    const outcome = await w.vault.reveal(
      toOutcome(envelope.streamId, result, entry.binding.decider.refusals),
    );
    // Automatic reactions to what was just recorded (their own commands run internally).
    if (internal === undefined && outcome.ok && outcome.events.length > 0) {
      try {
        await drain();
      } catch (err) {
        // The command is recorded whatever happens next: another process sharing the database
        // holds the managers' checkpoints just now and reacts to it (ids keep that exactly-once).
        if (!CheckpointMoved.isInstance(err)) throw err;
      }
    }
    return outcome;
  };
  /** Runs the process managers until they have reacted to everything recorded. */
  const drain = () =>
    w.processes.drain((aggregate, command, o) =>
      run(aggregate as string, command as DomainCommand, o, { metadata: o.metadata }),
    );
  const entryOf = (aggregate: string) => w.handlers.get(aggregate);
  const catchUp = async () => {
    await drain();
    await w.readers.catchUp();
  };
  const reader = w.readers.revealed;
  const sealedReader = w.readers.sealed;
  return {
    settings: w.settings,
    store: w.store,
    registry: w.registry,
    clock: w.clock,
    modules: w.modules,
    readModels: reader,
    sealedReadModels: sealedReader,
    actor,
    trust: w.trust,
    vault: practiceVault(w.vault),
    forgetSubject: async (subjectId, options) => {
      const who = options?.actor ?? actor;
      if (who === undefined) {
        throw new InvalidArgument(
          'actor',
          'forgetting a subject needs an acting user: practice.as(actor) or { actor }',
        );
      }
      // Before the key is destroyed: the erasure could not be recorded.
      if (w.readOnlyKeyId !== undefined)
        throw new TrustKeyRequired(
          w.readOnlyKeyId,
          typeof subjectId === 'string' ? vaultStreamOf(subjectId) : 'Vault-',
        );
      const r = await forgetSubject(
        {
          store: w.store,
          vault: w.vault,
          permissions: w.permissions,
          onRefused: w.onRefused,
          now: () => w.clock.now().toISO({ suppressMilliseconds: true })!,
        },
        who,
        subjectId,
      );
      await w.trust?.afterCommand();
      return r;
    },
    execute: (aggregate, command, options) => run(aggregate, command, options),
    check: async (aggregate, command, options) => {
      const addressed = address(aggregate, command, options);
      if ('ok' in addressed) return addressed;
      const { entry, envelope } = addressed;
      const decision = await entry.handler.check(envelope);
      const { streamId } = envelope;
      if (decision._tag === 'Left')
        return w.vault.reveal(refusalOf(streamId, decision.left, entry.binding.decider.refusals));
      const decided = decision.right.map((e: DomainEvent) => e.type);
      return {
        ok: true,
        streamId,
        decided,
        summary: `${streamId}: would record ${decided.join(', ') || 'nothing'}`,
      };
    },
    load: async <S>(aggregate: string, id: string): Promise<Loaded<S>> => {
      const entry = entryOf(aggregate);
      if (entry === undefined)
        return {
          found: false,
          streamId: '',
          code: 'UnknownAggregate',
          category: 'not-found',
          message: `there is no aggregate named ${bounded(String(aggregate))}`,
        };
      const streamId = streamIdOf(entry.binding.decider, id);
      const r = await entry.handler.load(streamId);
      if (r.revision === 'no_stream')
        return {
          found: false,
          streamId,
          code: 'NotFound',
          category: 'not-found',
          message: `${streamId} does not exist: nothing was ever recorded for it`,
        };
      const revealed = (await w.vault.reveal(r)) as { state: S; revision: bigint };
      return { found: true, streamId, state: revealed.state, revision: r.revision };
    },
    catchUp,
    businessCalendar: async () => {
      const { state } = await w.settingsHandler.load(streamIdOf(Settings.decider, Settings.settingsId));
      if (state.status !== 'established') return businessCalendar(w.settings.timeZone);
      return businessCalendar(state.timeZone, state.businessCalendar);
    },
    setBusinessCalendar: async (calendar, options) => {
      const who = options?.actor ?? actor;
      if (who === undefined) {
        throw new InvalidArgument(
          'actor',
          'every command needs an acting user: practice.as(actor) or { actor }',
        );
      }
      const streamId = streamIdOf(Settings.decider, Settings.settingsId);
      const given = (calendar ?? {}) as Partial<BusinessCalendarSettings>;
      const result = await w.settingsHandler.handle({
        streamId,
        actor: who,
        command: {
          type: 'SetBusinessCalendar',
          openWeekdays: given.openWeekdays ?? [],
          holidays: given.holidays ?? [],
        },
        ...(options?.at === undefined ? {} : { at: options.at }),
        ...(options?.commandId === undefined ? {} : { commandId: options.commandId }),
        ...(options?.correlationId === undefined ? {} : { correlationId: options.correlationId }),
        ...(options?.causationId === undefined ? {} : { causationId: options.causationId }),
      });
      return toOutcome(streamId, result);
    },
    projectionList: w.readModels.projections,
    projections: () => w.readModels.engine.status(),
    rebuild: async (name, onProgress) => {
      const names = w.readModels.projections.map((p) => p.name);
      if (name !== undefined && !names.includes(name)) {
        throw new InvalidArgument(
          'projection',
          `there is no projection named ${name} (known: ${names.join(', ')})`,
        );
      }
      const out: ProjectionStatus[] = [];
      w.readModels.listen(onProgress);
      try {
        for (const n of name === undefined ? names : [name]) out.push(await w.readModels.engine.rebuild(n));
      } finally {
        w.readModels.listen(undefined);
      }
      return out;
    },
    catchUpWithProgress: async (onProgress) => {
      w.readModels.listen(onProgress);
      try {
        await catchUp();
      } finally {
        w.readModels.listen(undefined);
      }
    },
    close: async () => {
      await w.readModels.engine.stop();
      try {
        await w.processes.flush();
        await w.trust?.flush();
      } finally {
        await w.backend.close();
      }
    },
  };
};

/** The typed command methods of one area. */
export const areaMethods = (core: PracticeCore, area: string) => {
  const module = core.modules.find((m) => m.area === area);
  return commandMethods(module?.aggregates ?? [], (binding, command, options) =>
    core.execute(binding.decider.name, command, options),
  );
};
