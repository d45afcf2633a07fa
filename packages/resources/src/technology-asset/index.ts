import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  ISOInstant,
  NonEmptyString,
  NonNegativeInt,
  PositiveInt,
  reject,
  struct,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';

/** What a system is (MODULES.md §3.3 R8). */
export const SystemCategory = t.keyof({
  ehr: null,
  pm: null,
  portal: null,
  imaging: null,
  backup: null,
  phone: null,
  network: null,
});
/** How much the practice depends on it (system availability is measured on `high`). */
export const Criticality = t.keyof({ high: null, medium: null, low: null });
/** What became of the data when a system was retired. */
export const DataDisposition = t.keyof({ migrated: null, archived: null, destroyed: null });
/**
 * How media holding ePHI were sanitised before disposal or re-use: NIST SP 800-88 Rev. 1 methods
 * (clear, purge, destroy), the day, and the evidence (certificate of sanitisation or destruction).
 */
export const MediaSanitization = t.type({
  method: t.keyof({ clear: null, purge: null, destroy: null }),
  sanitizedOn: ISODate,
  certificateRef: NonEmptyString,
});
export type MediaSanitization = t.TypeOf<typeof MediaSanitization>;

/** Months between access reviews and restore tests when the practice sets none (yearly). */
export const defaultReviewMonths = 12;

/** A cadence in whole months, 1 to 120. */
export const CadenceMonths = t.refinement(PositiveInt, (n) => n <= 120, 'CadenceMonths');

const Cadence = {
  /** Months between access reviews (45 CFR 164.308(a)(4), (a)(1)(ii)(D)). */
  accessReviewEveryMonths: CadenceMonths,
  /** Months between restore tests (contingency plan testing, 45 CFR 164.308(a)(7)(ii)(D)). */
  restoreTestEveryMonths: CadenceMonths,
};

/** Every event of a TechnologyAsset (MODULES.md §3.3 R8). */
export const events = defineEvents({
  /** A system was registered; an ePHI system's first access review and restore test fall due. */
  SystemRegistered: struct(
    {
      systemId: NonEmptyString,
      name: NonEmptyString,
      vendorId: NonEmptyString,
      category: SystemCategory,
      ePhi: t.boolean,
      criticality: Criticality,
      registeredOn: ISODate,
      ...Cadence,
    },
    { accessReviewDueOn: ISODate, restoreTestDueOn: ISODate },
  ),
  /** The practice changed the review cadences; the next due dates move with them. */
  ReviewCadenceSet: struct(
    { systemId: NonEmptyString, setOn: ISODate, ...Cadence },
    {
      accessReviewDueOn: ISODate,
      restoreTestDueOn: ISODate,
      previousAccessReviewDueOn: ISODate,
      previousRestoreTestDueOn: ISODate,
    },
  ),
  /** The vendor's business associate agreement (45 CFR 164.308(b), 164.502(e), 164.504(e)). */
  BusinessAssociateAgreementRecorded: struct(
    {
      systemId: NonEmptyString,
      vendorId: NonEmptyString,
      signedOn: ISODate,
      documentRef: NonEmptyString,
      /** The agreement obliges the vendor to return or destroy PHI at termination (164.504(e)(2)(ii)(J)). */
      returnOrDestroyClause: t.boolean,
      recordedBy: NonEmptyString,
    },
    {
      /** The agreement's term ends (renew before then); absent: evergreen. */
      endsOn: ISODate,
      /** The end of the agreement this one renews. */
      previousEndsOn: ISODate,
    },
  ),
  /** Who has access was reviewed; `dueOn` is the occurrence it answers, `nextDueOn` the next one. */
  AccessReviewRecorded: struct(
    {
      systemId: NonEmptyString,
      reviewedOn: ISODate,
      usersRemoved: NonNegativeInt,
      reviewedBy: NonEmptyString,
    },
    { dueOn: ISODate, nextDueOn: ISODate },
  ),
  /**
   * A backup was restored as a test (ePHI systems: `dueOn` the occurrence it answers); a pass sets
   * the next due date, a fail leaves the test due.
   */
  RestoreTestRecorded: struct(
    {
      systemId: NonEmptyString,
      testedOn: ISODate,
      result: t.keyof({ pass: null, fail: null }),
      restoreMinutes: NonNegativeInt,
      testedBy: NonEmptyString,
    },
    { dueOn: ISODate, nextDueOn: ISODate },
  ),
  /** The system was down from `fromAt` to `toAt` (`minutes` between them). */
  SystemDowntimeRecorded: t.type({
    systemId: NonEmptyString,
    fromAt: ISOInstant,
    toAt: ISOInstant,
    minutes: NonNegativeInt,
    cause: NonEmptyString,
    planned: t.boolean,
  }),
  /** The system was retired; its open review and test duties end with it. */
  SystemRetired: struct(
    {
      systemId: NonEmptyString,
      retiredOn: ISODate,
      dataDisposition: DataDisposition,
      ePhi: t.boolean,
    },
    {
      retainUntil: ISODate,
      mediaSanitization: MediaSanitization,
      accessReviewDueOn: ISODate,
      restoreTestDueOn: ISODate,
    },
  ),
});
export type TechnologyAssetEvent = EventOf<typeof events>;

/** Every command of a TechnologyAsset, as exact codecs. */
export const commands = defineCommands('systemId', {
  /** Register a system; cadences default to 12 months. */
  RegisterSystem: command(
    {
      systemId: NonEmptyString,
      name: NonEmptyString,
      vendorId: NonEmptyString,
      category: SystemCategory,
      ePhi: t.boolean,
      criticality: Criticality,
      registeredOn: ISODate,
    },
    Cadence,
    { businessTime: 'registeredOn' },
  ),
  SetReviewCadence: command({ setOn: ISODate, ...Cadence }, {}, { businessTime: 'setOn' }),
  /** Record the vendor's BAA; an agreement with a term (`endsOn`) is renewed before it ends. */
  RecordBusinessAssociateAgreement: command(
    { signedOn: ISODate, documentRef: NonEmptyString, returnOrDestroyClause: t.boolean },
    { endsOn: ISODate },
    { businessTime: 'signedOn', stamps: { recordedBy: 'actor' } },
  ),
  RecordAccessReview: command(
    { reviewedOn: ISODate, usersRemoved: NonNegativeInt },
    {},
    { businessTime: 'reviewedOn', stamps: { reviewedBy: 'actor' } },
  ),
  RecordRestoreTest: command(
    { testedOn: ISODate, result: t.keyof({ pass: null, fail: null }), restoreMinutes: NonNegativeInt },
    {},
    { businessTime: 'testedOn', stamps: { testedBy: 'actor' } },
  ),
  /** Downtime from `fromAt` to `toAt` (after it: `InvalidInterval`). */
  RecordDowntime: command(
    { fromAt: ISOInstant, toAt: ISOInstant, cause: NonEmptyString, planned: t.boolean },
    {},
    { businessTime: 'toAt' },
  ),
  /**
   * Retire a system. Archived data needs `retainUntil` (`RetentionRequired`); an ePHI system whose
   * data were migrated or destroyed needs the media sanitisation record (`MediaSanitizationMissing`,
   * 45 CFR 164.310(d)(2)(i)–(ii)).
   */
  RetireSystem: command(
    { retiredOn: ISODate, dataDisposition: DataDisposition },
    { retainUntil: ISODate, mediaSanitization: MediaSanitization },
    { businessTime: 'retiredOn' },
  ),
});
export type TechnologyAssetCommand = CommandOf<typeof commands>;

export const refusals = defineRefusals({
  SystemAlreadyRegistered: 'conflict',
  SystemNotFound: 'not-found',
  SystemRetired: 'conflict',
  InvalidInterval: 'invalid',
  DowntimeBeforeSystem: 'rule',
  DowntimeTooLong: 'invalid',
  RetentionRequired: 'invalid',
  EndsBeforeSigned: 'invalid',
  MediaSanitizationMissing: 'rule',
});
export type TechnologyAssetRefusal = keyof typeof refusals;

/** The longest downtime one record may state (days): longer is a retirement, not a downtime. */
export const maxDowntimeDays = 366;

/** A system as its events left it. JSON-serialisable. */
export interface TechnologyAsset {
  readonly status: 'none' | 'active' | 'retired';
  readonly systemId: string;
  readonly vendorId: string;
  readonly ePhi: boolean;
  /** The day it was registered (absent in states from before it was kept). */
  readonly registeredOn?: string;
  readonly accessReviewEveryMonths: number;
  readonly restoreTestEveryMonths: number;
  /** Next due dates (ePHI systems only). */
  readonly accessReviewDueOn?: string;
  readonly restoreTestDueOn?: string;
  /** The latest BAA and whether it has the return-or-destroy clause. */
  readonly baa?: {
    readonly signedOn: string;
    readonly returnOrDestroyClause: boolean;
    readonly endsOn?: string;
  };
}
export const initialState: TechnologyAsset = {
  status: 'none',
  systemId: '',
  vendorId: '',
  ePhi: false,
  accessReviewEveryMonths: defaultReviewMonths,
  restoreTestEveryMonths: defaultReviewMonths,
};

const due = (d: { accessReviewDueOn?: string | undefined; restoreTestDueOn?: string | undefined }) => ({
  ...(d.accessReviewDueOn === undefined ? {} : { accessReviewDueOn: d.accessReviewDueOn }),
  ...(d.restoreTestDueOn === undefined ? {} : { restoreTestDueOn: d.restoreTestDueOn }),
});

export const evolve = (s: TechnologyAsset, e: TechnologyAssetEvent): TechnologyAsset => {
  switch (e.type) {
    case 'SystemRegistered':
      return {
        status: 'active',
        systemId: e.data.systemId,
        vendorId: e.data.vendorId,
        ePhi: e.data.ePhi,
        registeredOn: e.data.registeredOn,
        accessReviewEveryMonths: e.data.accessReviewEveryMonths,
        restoreTestEveryMonths: e.data.restoreTestEveryMonths,
        ...due(e.data),
      };
    case 'ReviewCadenceSet':
      return {
        ...s,
        accessReviewEveryMonths: e.data.accessReviewEveryMonths,
        restoreTestEveryMonths: e.data.restoreTestEveryMonths,
        ...due(e.data),
      };
    case 'BusinessAssociateAgreementRecorded':
      return {
        ...s,
        baa: { signedOn: e.data.signedOn, returnOrDestroyClause: e.data.returnOrDestroyClause },
      };
    case 'AccessReviewRecorded':
      return e.data.nextDueOn === undefined ? s : { ...s, accessReviewDueOn: e.data.nextDueOn };
    case 'RestoreTestRecorded':
      return e.data.nextDueOn === undefined ? s : { ...s, restoreTestDueOn: e.data.nextDueOn };
    case 'SystemDowntimeRecorded':
      return s;
    case 'SystemRetired':
      return { ...s, status: 'retired' };
  }
};

/** `date` plus `n` months (negative: minus), calendar-wise: the 31st plus a month is the month's last day. */
export const addMonths = (date: string, n: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
};
const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

type D = Decision<TechnologyAssetEvent>;

/**
 * Decides a TechnologyAsset command. Pure. An ePHI system's access review falls due every
 * `accessReviewEveryMonths` after the last one (first: after registration), its restore test every
 * `restoreTestEveryMonths` after the last passing test; a failed test leaves it due.
 */
export const decide = (c: TechnologyAssetCommand, s: TechnologyAsset): D => {
  if (c.type === 'RegisterSystem') {
    if (s.status !== 'none')
      return reject('SystemAlreadyRegistered', `system ${c.systemId} exists`, 'systemId');
    const access = c.accessReviewEveryMonths ?? defaultReviewMonths;
    const restore = c.restoreTestEveryMonths ?? defaultReviewMonths;
    return accept(
      events.make('SystemRegistered', {
        systemId: c.systemId,
        name: c.name,
        vendorId: c.vendorId,
        category: c.category,
        ePhi: c.ePhi,
        criticality: c.criticality,
        registeredOn: c.registeredOn,
        accessReviewEveryMonths: access,
        restoreTestEveryMonths: restore,
        ...(c.ePhi
          ? {
              accessReviewDueOn: addMonths(c.registeredOn, access),
              restoreTestDueOn: addMonths(c.registeredOn, restore),
            }
          : {}),
      }),
    );
  }
  if (s.status === 'none') return reject('SystemNotFound', 'register the system first', 'systemId');
  if (s.status === 'retired') return reject('SystemRetired', `system ${s.systemId} is retired`, 'systemId');
  switch (c.type) {
    case 'SetReviewCadence': {
      // The next occurrence moves: its due date is recomputed from the previous one's base.
      const shift = (cur: string | undefined, before: number, after: number) =>
        cur === undefined ? undefined : addMonths(addMonths(cur, -before), after);
      const access = shift(s.accessReviewDueOn, s.accessReviewEveryMonths, c.accessReviewEveryMonths);
      const restore = shift(s.restoreTestDueOn, s.restoreTestEveryMonths, c.restoreTestEveryMonths);
      return accept(
        events.make('ReviewCadenceSet', {
          systemId: s.systemId,
          setOn: c.setOn,
          accessReviewEveryMonths: c.accessReviewEveryMonths,
          restoreTestEveryMonths: c.restoreTestEveryMonths,
          ...due({ accessReviewDueOn: access, restoreTestDueOn: restore }),
          ...(s.accessReviewDueOn === undefined ? {} : { previousAccessReviewDueOn: s.accessReviewDueOn }),
          ...(s.restoreTestDueOn === undefined ? {} : { previousRestoreTestDueOn: s.restoreTestDueOn }),
        }),
      );
    }
    case 'RecordBusinessAssociateAgreement':
      if (c.endsOn !== undefined && c.endsOn <= c.signedOn)
        return reject('EndsBeforeSigned', 'the agreement must end after it is signed', 'endsOn');
      return accept(
        events.make('BusinessAssociateAgreementRecorded', {
          systemId: s.systemId,
          vendorId: s.vendorId,
          signedOn: c.signedOn,
          documentRef: c.documentRef,
          returnOrDestroyClause: c.returnOrDestroyClause,
          recordedBy: c.recordedBy,
          ...(c.endsOn === undefined ? {} : { endsOn: c.endsOn }),
          ...(s.baa?.endsOn === undefined ? {} : { previousEndsOn: s.baa.endsOn }),
        }),
      );
    case 'RecordAccessReview':
      return accept(
        events.make('AccessReviewRecorded', {
          systemId: s.systemId,
          reviewedOn: c.reviewedOn,
          usersRemoved: c.usersRemoved,
          reviewedBy: c.reviewedBy,
          ...(s.accessReviewDueOn === undefined
            ? {}
            : {
                dueOn: s.accessReviewDueOn,
                nextDueOn: addMonths(c.reviewedOn, s.accessReviewEveryMonths),
              }),
        }),
      );
    case 'RecordRestoreTest':
      return accept(
        events.make('RestoreTestRecorded', {
          systemId: s.systemId,
          testedOn: c.testedOn,
          result: c.result,
          restoreMinutes: c.restoreMinutes,
          testedBy: c.testedBy,
          ...(s.restoreTestDueOn === undefined ? {} : { dueOn: s.restoreTestDueOn }),
          ...(c.result === 'pass' && s.restoreTestDueOn !== undefined
            ? { nextDueOn: addMonths(c.testedOn, s.restoreTestEveryMonths) }
            : {}),
        }),
      );
    case 'RecordDowntime':
      return Date.parse(c.toAt) <= Date.parse(c.fromAt)
        ? reject('InvalidInterval', 'the downtime must end after it starts', 'toAt')
        : s.registeredOn !== undefined && c.fromAt.slice(0, 10) < s.registeredOn
          ? reject('DowntimeBeforeSystem', `the system was registered on ${s.registeredOn}`, 'fromAt')
          : Date.parse(c.toAt) - Date.parse(c.fromAt) > maxDowntimeDays * 86_400_000
            ? reject(
                'DowntimeTooLong',
                `a downtime lasts at most ${maxDowntimeDays} days; a system down longer is retired`,
                'toAt',
              )
            : accept(
                events.make('SystemDowntimeRecorded', {
                  systemId: s.systemId,
                  fromAt: c.fromAt,
                  toAt: c.toAt,
                  minutes: minutesBetween(c.fromAt, c.toAt),
                  cause: c.cause,
                  planned: c.planned,
                }),
              );
    case 'RetireSystem':
      if (c.dataDisposition === 'archived' && c.retainUntil === undefined)
        return reject('RetentionRequired', 'archived data need a retention end date', 'retainUntil');
      if (s.ePhi && c.dataDisposition !== 'archived' && c.mediaSanitization === undefined)
        return reject(
          'MediaSanitizationMissing',
          'media that held ePHI must be sanitised before disposal or re-use (45 CFR 164.310(d)(2)(i)–(ii))',
          'mediaSanitization',
        );
      return accept(
        events.make('SystemRetired', {
          systemId: s.systemId,
          retiredOn: c.retiredOn,
          dataDisposition: c.dataDisposition,
          ePhi: s.ePhi,
          ...(c.retainUntil === undefined ? {} : { retainUntil: c.retainUntil }),
          ...(c.mediaSanitization === undefined ? {} : { mediaSanitization: c.mediaSanitization }),
          ...due(s),
        }),
      );
  }
};

/**
 * The TechnologyAsset aggregate (MODULES.md §3.3 R8): a system with its business associate
 * agreement, access reviews, restore tests, downtime and retirement. Streams `TechnologyAsset-<systemId>`.
 */
export const decider: Decider<
  TechnologyAssetCommand,
  TechnologyAssetEvent,
  TechnologyAsset,
  TechnologyAssetRefusal
> = {
  name: 'TechnologyAsset',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
