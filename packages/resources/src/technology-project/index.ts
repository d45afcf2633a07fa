import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  NonEmptyString,
  NonNegativeInt,
  PositiveCents,
  reject,
  struct,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';

/** What a technology project replaces (MODULES.md §3.3 R9; the seed's EHR transition). */
export const ProjectKind = t.keyof({ 'ehr-transition': null, 'pm-transition': null, other: null });
/** The kinds of records a migration moves and reconciles. */
export const RecordType = t.keyof({
  patients: null,
  appointments: null,
  balances: null,
  problems: null,
  medications: null,
  allergies: null,
  documents: null,
});
export type RecordType = t.TypeOf<typeof RecordType>;
const Budget = t.type({ budgetId: NonEmptyString, category: NonEmptyString, amountCents: PositiveCents });

/** Years an archive of HIPAA documentation is kept at least (45 CFR 164.316(b)(2)). */
export const hipaaRetentionYears = 6;

/** A required training not yet complete at go-live: the course and how many people lack it. */
export const TrainingGap = t.type({
  course: NonEmptyString,
  missing: NonNegativeInt,
  required: NonNegativeInt,
});

export const events = defineEvents({
  ProjectOpened: struct(
    {
      projectId: NonEmptyString,
      kind: ProjectKind,
      toSystemId: NonEmptyString,
      /** The sponsor's staff id. */
      sponsorId: NonEmptyString,
      budget: Budget,
      openedOn: ISODate,
      openedBy: NonEmptyString,
    },
    { fromSystemId: NonEmptyString },
  ),
  ProjectMilestoneDefined: t.type({
    projectId: NonEmptyString,
    milestoneId: NonEmptyString,
    title: NonEmptyString,
    dueOn: ISODate,
    /** Go-live waits for it. */
    gate: t.boolean,
  }),
  ProjectMilestoneCompleted: t.type({
    projectId: NonEmptyString,
    milestoneId: NonEmptyString,
    completedOn: ISODate,
    evidence: NonEmptyString,
  }),
  /** Source and loaded counts of one record type, and a sample checked by hand; `variance` = source − loaded. */
  MigrationReconciled: t.type({
    projectId: NonEmptyString,
    recordType: RecordType,
    reconciledOn: ISODate,
    sourceCount: NonNegativeInt,
    loadedCount: NonNegativeInt,
    sampledOk: NonNegativeInt,
    sampledTotal: NonNegativeInt,
    variance: t.number,
  }),
  VarianceWaived: t.type({
    projectId: NonEmptyString,
    recordType: RecordType,
    reason: NonEmptyString,
    waivedOn: ISODate,
    approvedBy: NonEmptyString,
  }),
  TrainingRequired: t.type({
    projectId: NonEmptyString,
    course: NonEmptyString,
    roles: t.readonlyArray(NonEmptyString),
    requiredOn: ISODate,
    dueOn: ISODate,
  }),
  DowntimeProcedureTested: t.type({
    projectId: NonEmptyString,
    testedOn: ISODate,
    result: t.keyof({ pass: null, fail: null }),
    testedBy: NonEmptyString,
  }),
  /** Every gate was met on the day. */
  ProjectWentLive: t.type({ projectId: NonEmptyString, liveOn: ISODate, approvedBy: NonEmptyString }),
  /** The legacy system's data are archived until `retainUntil`. */
  LegacyArchived: struct(
    { projectId: NonEmptyString, archivedOn: ISODate, retainUntil: ISODate },
    { fromSystemId: NonEmptyString },
  ),
});
export type TechnologyProjectEvent = EventOf<typeof events>;

export const commands = defineCommands('projectId', {
  OpenProject: command(
    {
      projectId: NonEmptyString,
      kind: ProjectKind,
      toSystemId: NonEmptyString,
      sponsorId: NonEmptyString,
      budget: Budget,
      openedOn: ISODate,
    },
    { fromSystemId: NonEmptyString },
    { businessTime: 'openedOn', stamps: { openedBy: 'actor' } },
  ),
  DefineMilestone: command(
    { milestoneId: NonEmptyString, title: NonEmptyString, dueOn: ISODate, gate: t.boolean },
    {},
    {},
  ),
  CompleteMilestone: command(
    { milestoneId: NonEmptyString, completedOn: ISODate, evidence: NonEmptyString },
    {},
    { businessTime: 'completedOn' },
  ),
  /** Record the counts of one record type (sampledOk ≤ sampledTotal, `InvalidSample`). */
  RecordMigrationReconciliation: command(
    {
      recordType: RecordType,
      reconciledOn: ISODate,
      sourceCount: NonNegativeInt,
      loadedCount: NonNegativeInt,
      sampledOk: NonNegativeInt,
      sampledTotal: NonNegativeInt,
    },
    {},
    { businessTime: 'reconciledOn' },
  ),
  WaiveVariance: command(
    { recordType: RecordType, reason: NonEmptyString, waivedOn: ISODate },
    {},
    { businessTime: 'waivedOn', stamps: { approvedBy: 'actor' } },
  ),
  /** Staff in `roles` must complete `course` by `dueOn` (a process manager assigns it to each). */
  RequireTraining: command(
    { course: NonEmptyString, roles: t.readonlyArray(NonEmptyString), requiredOn: ISODate, dueOn: ISODate },
    {},
    { businessTime: 'requiredOn' },
  ),
  RecordDowntimeProcedureTest: command(
    { testedOn: ISODate, result: t.keyof({ pass: null, fail: null }) },
    {},
    { businessTime: 'testedOn', stamps: { testedBy: 'actor' } },
  ),
  /**
   * Go live, refused `GateNotMet` naming every unmet gate: gate milestones done, each reconciled
   * record type's variance 0 or waived (and each sample fully correct), required training at 100 %,
   * the downtime procedure tested (pass), the old vendor's BAA with its return-or-destroy clause
   * [AAD], [HUANG]. Facts: training gaps from the staff roster; the old system's BAA.
   */
  GoLive: command(
    { liveOn: ISODate },
    {},
    {
      businessTime: 'liveOn',
      stamps: { approvedBy: 'actor' },
      facts: {
        trainingGaps: t.readonlyArray(TrainingGap),
        /** The old system's latest BAA has the clause; null when there is no old system. */
        oldVendorReturnOrDestroy: t.union([t.boolean, t.null]),
      },
    },
  ),
  /** Archive the legacy data, at least six years (`RetentionTooShort`, 45 CFR 164.316(b)(2)), after go-live (`NotLive`). */
  ArchiveLegacy: command({ archivedOn: ISODate, retainUntil: ISODate }, {}, { businessTime: 'archivedOn' }),
});
export type TechnologyProjectCommand = CommandOf<typeof commands>;

export const refusals = defineRefusals({
  ProjectAlreadyOpen: 'conflict',
  ProjectNotFound: 'not-found',
  AlreadyLive: 'conflict',
  NotLive: 'rule',
  MilestoneAlreadyDefined: 'conflict',
  MilestoneNotFound: 'not-found',
  MilestoneAlreadyCompleted: 'conflict',
  InvalidSample: 'invalid',
  NotReconciled: 'not-found',
  NoVariance: 'conflict',
  NoRoles: 'invalid',
  GateNotMet: 'rule',
  RetentionTooShort: 'rule',
  AlreadyArchived: 'conflict',
});
export type TechnologyProjectRefusal = keyof typeof refusals;

export interface TechnologyProject {
  readonly status: 'none' | 'open' | 'live';
  readonly projectId: string;
  readonly fromSystemId?: string;
  readonly milestones: Readonly<
    Record<string, { readonly title: string; readonly gate: boolean; readonly completedOn?: string }>
  >;
  readonly reconciliations: Readonly<
    Record<string, { readonly variance: number; readonly sampleOk: boolean; readonly waived: boolean }>
  >;
  readonly trainings: readonly { readonly course: string; readonly roles: readonly string[] }[];
  readonly downtimeTested: boolean;
  readonly archived: boolean;
}
export const initialState: TechnologyProject = {
  status: 'none',
  projectId: '',
  milestones: {},
  reconciliations: {},
  trainings: [],
  downtimeTested: false,
  archived: false,
};

export const evolve = (s: TechnologyProject, e: TechnologyProjectEvent): TechnologyProject => {
  switch (e.type) {
    case 'ProjectOpened':
      return {
        ...initialState,
        status: 'open',
        projectId: e.data.projectId,
        ...(e.data.fromSystemId === undefined ? {} : { fromSystemId: e.data.fromSystemId }),
      };
    case 'ProjectMilestoneDefined':
      return {
        ...s,
        milestones: { ...s.milestones, [e.data.milestoneId]: { title: e.data.title, gate: e.data.gate } },
      };
    case 'ProjectMilestoneCompleted': {
      const m = s.milestones[e.data.milestoneId];
      return m === undefined
        ? s
        : {
            ...s,
            milestones: { ...s.milestones, [e.data.milestoneId]: { ...m, completedOn: e.data.completedOn } },
          };
    }
    case 'MigrationReconciled':
      return {
        ...s,
        reconciliations: {
          ...s.reconciliations,
          [e.data.recordType]: {
            variance: e.data.variance,
            sampleOk: e.data.sampledOk === e.data.sampledTotal,
            waived: false,
          },
        },
      };
    case 'VarianceWaived': {
      const r = s.reconciliations[e.data.recordType];
      return r === undefined
        ? s
        : { ...s, reconciliations: { ...s.reconciliations, [e.data.recordType]: { ...r, waived: true } } };
    }
    case 'TrainingRequired':
      return { ...s, trainings: [...s.trainings, { course: e.data.course, roles: e.data.roles }] };
    case 'DowntimeProcedureTested':
      return { ...s, downtimeTested: e.data.result === 'pass' || s.downtimeTested };
    case 'ProjectWentLive':
      return { ...s, status: 'live' };
    case 'LegacyArchived':
      return { ...s, archived: true };
  }
};

const plusYears = (date: string, n: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (y + n > 9999) return '9999-12-31';
  const last = new Date(Date.UTC(y + n, m, 0)).getUTCDate();
  return `${String(y + n).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/** Every gate not met, each a sentence (empty: ready to go live). */
export const unmetGates = (
  s: TechnologyProject,
  facts: { trainingGaps: readonly t.TypeOf<typeof TrainingGap>[]; oldVendorReturnOrDestroy: boolean | null },
): string[] => {
  const out: string[] = [];
  for (const [id, m] of Object.entries(s.milestones))
    if (m.gate && m.completedOn === undefined) out.push(`milestone ${id} (${m.title}) is not done`);
  for (const [type, r] of Object.entries(s.reconciliations))
    if (!r.waived && (r.variance !== 0 || !r.sampleOk))
      out.push(
        r.variance !== 0
          ? `${type}: ${r.variance} records not reconciled and not waived`
          : `${type}: the sample check found errors and is not waived`,
      );
  for (const g of facts.trainingGaps)
    if (g.missing > 0)
      out.push(`training ${g.course}: ${g.missing} of ${g.required} people have not completed it`);
  if (!s.downtimeTested) out.push('the downtime procedure has not been tested');
  if (facts.oldVendorReturnOrDestroy === false)
    out.push(`the BAA of the old system ${s.fromSystemId} has no return-or-destroy clause`);
  return out;
};

type D = Decision<TechnologyProjectEvent>;

/** Decides a TechnologyProject command. Pure. */
export const decide = (c: TechnologyProjectCommand, s: TechnologyProject): D => {
  if (c.type === 'OpenProject')
    return s.status !== 'none'
      ? reject('ProjectAlreadyOpen', `project ${c.projectId} exists`, 'projectId')
      : accept(
          events.make('ProjectOpened', {
            projectId: c.projectId,
            kind: c.kind,
            toSystemId: c.toSystemId,
            sponsorId: c.sponsorId,
            budget: c.budget,
            openedOn: c.openedOn,
            openedBy: c.openedBy,
            ...(c.fromSystemId === undefined ? {} : { fromSystemId: c.fromSystemId }),
          }),
        );
  if (s.status === 'none') return reject('ProjectNotFound', 'open the project first', 'projectId');
  const p = s.projectId;
  if (c.type === 'ArchiveLegacy') {
    if (s.status !== 'live') return reject('NotLive', 'archive the legacy system after go-live');
    if (s.archived) return reject('AlreadyArchived', 'the legacy data are archived');
    if (c.retainUntil < plusYears(c.archivedOn, hipaaRetentionYears))
      return reject(
        'RetentionTooShort',
        `keep the archive at least ${hipaaRetentionYears} years (45 CFR 164.316(b)(2)), until ${plusYears(c.archivedOn, hipaaRetentionYears)}`,
        'retainUntil',
      );
    return accept(
      events.make('LegacyArchived', {
        projectId: p,
        archivedOn: c.archivedOn,
        retainUntil: c.retainUntil,
        ...(s.fromSystemId === undefined ? {} : { fromSystemId: s.fromSystemId }),
      }),
    );
  }
  if (s.status === 'live') return reject('AlreadyLive', `project ${p} is live`);
  switch (c.type) {
    case 'DefineMilestone':
      return s.milestones[c.milestoneId] !== undefined
        ? reject('MilestoneAlreadyDefined', `milestone ${c.milestoneId} exists`, 'milestoneId')
        : accept(
            events.make('ProjectMilestoneDefined', {
              projectId: p,
              milestoneId: c.milestoneId,
              title: c.title,
              dueOn: c.dueOn,
              gate: c.gate,
            }),
          );
    case 'CompleteMilestone': {
      const m = s.milestones[c.milestoneId];
      if (m === undefined) return reject('MilestoneNotFound', `no milestone ${c.milestoneId}`, 'milestoneId');
      if (m.completedOn !== undefined)
        return reject('MilestoneAlreadyCompleted', `done on ${m.completedOn}`, 'milestoneId');
      return accept(
        events.make('ProjectMilestoneCompleted', {
          projectId: p,
          milestoneId: c.milestoneId,
          completedOn: c.completedOn,
          evidence: c.evidence,
        }),
      );
    }
    case 'RecordMigrationReconciliation':
      if (c.sampledOk > c.sampledTotal)
        return reject('InvalidSample', 'more sampled records correct than sampled', 'sampledOk');
      return accept(
        events.make('MigrationReconciled', {
          projectId: p,
          recordType: c.recordType,
          reconciledOn: c.reconciledOn,
          sourceCount: c.sourceCount,
          loadedCount: c.loadedCount,
          sampledOk: c.sampledOk,
          sampledTotal: c.sampledTotal,
          variance: c.sourceCount - c.loadedCount,
        }),
      );
    case 'WaiveVariance': {
      const r = s.reconciliations[c.recordType];
      if (r === undefined)
        return reject('NotReconciled', `${c.recordType} has not been reconciled`, 'recordType');
      if (r.variance === 0 && r.sampleOk)
        return reject('NoVariance', `${c.recordType} reconciles`, 'recordType');
      return accept(
        events.make('VarianceWaived', {
          projectId: p,
          recordType: c.recordType,
          reason: c.reason,
          waivedOn: c.waivedOn,
          approvedBy: c.approvedBy,
        }),
      );
    }
    case 'RequireTraining':
      return c.roles.length === 0
        ? reject('NoRoles', 'name the roles that need the course', 'roles')
        : accept(
            events.make('TrainingRequired', {
              projectId: p,
              course: c.course,
              roles: c.roles,
              requiredOn: c.requiredOn,
              dueOn: c.dueOn,
            }),
          );
    case 'RecordDowntimeProcedureTest':
      return accept(
        events.make('DowntimeProcedureTested', {
          projectId: p,
          testedOn: c.testedOn,
          result: c.result,
          testedBy: c.testedBy,
        }),
      );
    case 'GoLive': {
      const unmet = unmetGates(s, c);
      return unmet.length > 0
        ? reject('GateNotMet', unmet.join('; '), 'gates')
        : accept(
            events.make('ProjectWentLive', { projectId: p, liveOn: c.liveOn, approvedBy: c.approvedBy }),
          );
    }
  }
};

/**
 * The TechnologyProject aggregate (MODULES.md §3.3 R9): an EHR or PM transition with its gates.
 * Streams `TechnologyProject-<projectId>`.
 */
export const decider: Decider<
  TechnologyProjectCommand,
  TechnologyProjectEvent,
  TechnologyProject,
  TechnologyProjectRefusal
> = {
  name: 'TechnologyProject',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
