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
  PositiveInt,
  reject,
  struct,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';

/**
 * Staffing (MODULES.md §3.3 R10): who is certified in which skill (`StaffSkills-<staffId>`), the
 * practice's staffing rules and critical skills (`StaffingPolicy-practice`), and weekly shift
 * rosters (`ShiftRoster-<weekStart>`). People are named by their staff id only (the staff module
 * keeps who they are, under the vault).
 */

/** How proficient: in training, able to work alone, able to train others. */
export const SkillLevel = t.keyof({ trainee: null, competent: null, expert: null });

// ---------------------------------------------------------------- StaffSkills

export const skillEvents = defineEvents({
  /** A staff member was certified in a skill (a task: `phlebotomy`, `x-ray`, `front-desk-billing`). */
  SkillCertified: struct(
    {
      staffId: NonEmptyString,
      skill: NonEmptyString,
      level: SkillLevel,
      certifiedOn: ISODate,
      certifiedBy: NonEmptyString,
    },
    { expiresOn: ISODate },
  ),
  /** The certification no longer holds (failed re-assessment, role change). */
  SkillRevoked: t.type({
    staffId: NonEmptyString,
    skill: NonEmptyString,
    revokedOn: ISODate,
    reason: NonEmptyString,
    revokedBy: NonEmptyString,
  }),
});
export type SkillEvent = EventOf<typeof skillEvents>;

/** What the staff module says of the person on the day (a fact). */
export const StaffFact = t.keyof({ active: null, 'not-active': null, unknown: null });

export const skillCommands = defineCommands('staffId', {
  /**
   * Certify a skill; the person must be on staff that day (`StaffNotFound`, `StaffNotActive` —
   * from the staff roster). An expiry, when given, follows the certification (`ExpiresBeforeCertified`).
   */
  CertifySkill: command(
    { staffId: NonEmptyString, skill: NonEmptyString, level: SkillLevel, certifiedOn: ISODate },
    { expiresOn: ISODate },
    { businessTime: 'certifiedOn', stamps: { certifiedBy: 'actor' }, facts: { staff: StaffFact } },
  ),
  RevokeSkill: command(
    { skill: NonEmptyString, revokedOn: ISODate, reason: NonEmptyString },
    {},
    { businessTime: 'revokedOn', stamps: { revokedBy: 'actor' } },
  ),
});
export type SkillCommand = CommandOf<typeof skillCommands>;

export const skillRefusals = defineRefusals({
  StaffNotFound: 'not-found',
  StaffNotActive: 'rule',
  ExpiresBeforeCertified: 'invalid',
  SkillNotCertified: 'not-found',
});
export type SkillRefusal = keyof typeof skillRefusals;

/** A person's certified skills. */
export interface StaffSkills {
  readonly staffId: string;
  readonly skills: Readonly<Record<string, { readonly certifiedOn: string }>>;
}
export const initialSkills: StaffSkills = { staffId: '', skills: {} };

export const evolveSkills = (s: StaffSkills, e: SkillEvent): StaffSkills => {
  switch (e.type) {
    case 'SkillCertified':
      return {
        staffId: e.data.staffId,
        skills: { ...s.skills, [e.data.skill]: { certifiedOn: e.data.certifiedOn } },
      };
    case 'SkillRevoked': {
      const { [e.data.skill]: _, ...rest } = s.skills;
      return { ...s, skills: rest };
    }
  }
};

/** Decides a StaffSkills command. Pure. */
export const decideSkills = (c: SkillCommand, s: StaffSkills): Decision<SkillEvent> => {
  if (c.type === 'CertifySkill') {
    if (c.staff === 'unknown') return reject('StaffNotFound', `no staff member ${c.staffId}`, 'staffId');
    if (c.staff === 'not-active')
      return reject('StaffNotActive', `${c.staffId} is not on staff on ${c.certifiedOn}`, 'staffId');
    if (c.expiresOn !== undefined && c.expiresOn <= c.certifiedOn)
      return reject('ExpiresBeforeCertified', 'the certification must expire after it is given', 'expiresOn');
    return accept(
      skillEvents.make('SkillCertified', {
        staffId: c.staffId,
        skill: c.skill,
        level: c.level,
        certifiedOn: c.certifiedOn,
        certifiedBy: c.certifiedBy,
        ...(c.expiresOn === undefined ? {} : { expiresOn: c.expiresOn }),
      }),
    );
  }
  return s.skills[c.skill] === undefined
    ? reject('SkillNotCertified', `no certification in ${c.skill}`, 'skill')
    : accept(
        skillEvents.make('SkillRevoked', {
          staffId: s.staffId,
          skill: c.skill,
          revokedOn: c.revokedOn,
          reason: c.reason,
          revokedBy: c.revokedBy,
        }),
      );
};

/** The StaffSkills aggregate: one person's skills matrix row. Streams `StaffSkills-<staffId>`. */
export const skillsDecider: Decider<SkillCommand, SkillEvent, StaffSkills, SkillRefusal> = {
  name: 'StaffSkills',
  stateVersion: 1,
  initialState: initialSkills,
  evolve: evolveSkills,
  decide: decideSkills,
  events: skillEvents,
  commands: skillCommands,
  refusals: skillRefusals,
};

// ---------------------------------------------------------------- StaffingPolicy

/** The one staffing policy's id. */
export const staffingPolicyId = 'practice';
/** Certified active people a critical skill needs to count as cross-trained (MODULES.md §3.3). */
export const crossTrainedMinimum = 2;

export const policyEvents = defineEvents({
  StaffingRulesSet: t.type({
    policyId: NonEmptyString,
    /** Most hours a person may be rostered in a week. */
    maxWeeklyHours: PositiveInt,
    setOn: ISODate,
  }),
  /** A task the practice cannot run without: it should have at least two certified people. */
  CriticalSkillRequired: t.type({ policyId: NonEmptyString, skill: NonEmptyString, requiredOn: ISODate }),
  CriticalSkillDropped: t.type({ policyId: NonEmptyString, skill: NonEmptyString, droppedOn: ISODate }),
});
export type StaffingPolicyEvent = EventOf<typeof policyEvents>;

export const policyCommands = defineCommands('policyId', {
  SetStaffingRules: command(
    {
      policyId: NonEmptyString,
      maxWeeklyHours: t.refinement(PositiveInt, (n) => n <= 168, 'WeekHours'),
      setOn: ISODate,
    },
    {},
    { businessTime: 'setOn' },
  ),
  RequireSkill: command(
    { policyId: NonEmptyString, skill: NonEmptyString, requiredOn: ISODate },
    {},
    { businessTime: 'requiredOn' },
  ),
  DropSkillRequirement: command(
    { policyId: NonEmptyString, skill: NonEmptyString, droppedOn: ISODate },
    {},
    { businessTime: 'droppedOn' },
  ),
});
export type StaffingPolicyCommand = CommandOf<typeof policyCommands>;

export const policyRefusals = defineRefusals({
  UnknownPolicy: 'not-found',
  SkillAlreadyRequired: 'conflict',
  SkillNotRequired: 'not-found',
});
export type StaffingPolicyRefusal = keyof typeof policyRefusals;

export interface StaffingPolicy {
  readonly maxWeeklyHours?: number;
  readonly critical: Readonly<Record<string, string>>;
}
export const initialPolicy: StaffingPolicy = { critical: {} };

export const evolvePolicy = (s: StaffingPolicy, e: StaffingPolicyEvent): StaffingPolicy => {
  switch (e.type) {
    case 'StaffingRulesSet':
      return { ...s, maxWeeklyHours: e.data.maxWeeklyHours };
    case 'CriticalSkillRequired':
      return { ...s, critical: { ...s.critical, [e.data.skill]: e.data.requiredOn } };
    case 'CriticalSkillDropped': {
      const { [e.data.skill]: _, ...rest } = s.critical;
      return { ...s, critical: rest };
    }
  }
};

export const decidePolicy = (c: StaffingPolicyCommand, s: StaffingPolicy): Decision<StaffingPolicyEvent> => {
  if (c.policyId !== staffingPolicyId)
    return reject('UnknownPolicy', `the staffing policy is '${staffingPolicyId}'`, 'policyId');
  switch (c.type) {
    case 'SetStaffingRules':
      return accept(
        policyEvents.make('StaffingRulesSet', {
          policyId: c.policyId,
          maxWeeklyHours: c.maxWeeklyHours,
          setOn: c.setOn,
        }),
      );
    case 'RequireSkill':
      return s.critical[c.skill] !== undefined
        ? reject('SkillAlreadyRequired', `${c.skill} is required since ${s.critical[c.skill]}`, 'skill')
        : accept(
            policyEvents.make('CriticalSkillRequired', {
              policyId: c.policyId,
              skill: c.skill,
              requiredOn: c.requiredOn,
            }),
          );
    case 'DropSkillRequirement':
      return s.critical[c.skill] === undefined
        ? reject('SkillNotRequired', `${c.skill} is not required`, 'skill')
        : accept(
            policyEvents.make('CriticalSkillDropped', {
              policyId: c.policyId,
              skill: c.skill,
              droppedOn: c.droppedOn,
            }),
          );
  }
};

/** The StaffingPolicy aggregate: weekly hours limit and the critical skills. Stream `StaffingPolicy-practice`. */
export const policyDecider: Decider<
  StaffingPolicyCommand,
  StaffingPolicyEvent,
  StaffingPolicy,
  StaffingPolicyRefusal
> = {
  name: 'StaffingPolicy',
  stateVersion: 1,
  initialState: initialPolicy,
  evolve: evolvePolicy,
  decide: decidePolicy,
  events: policyEvents,
  commands: policyCommands,
  refusals: policyRefusals,
};

// ---------------------------------------------------------------- ShiftRoster

export const Shift = t.type({
  shiftId: NonEmptyString,
  staffId: NonEmptyString,
  role: NonEmptyString,
  locationId: NonEmptyString,
  startAt: ISOInstant,
  endAt: ISOInstant,
});
export type Shift = t.TypeOf<typeof Shift>;

/**
 * What the staff module says of a shift's person (a fact per shift): the shift's day in the
 * practice zone, whether the person is on staff then, and whether they hold the role or a
 * current certification in it.
 */
export const ShiftCheck = t.type({
  shiftId: NonEmptyString,
  on: ISODate,
  active: t.boolean,
  roleHeld: t.boolean,
});

export const rosterEvents = defineEvents({
  /** Shifts were published for the week (each with its hours). */
  ShiftsPublished: t.type({
    weekStart: ISODate,
    publishedBy: NonEmptyString,
    shifts: t.readonlyArray(t.intersection([Shift, t.type({ on: ISODate, hours: t.number })])),
  }),
  ShiftCancelled: t.type({
    weekStart: ISODate,
    shiftId: NonEmptyString,
    reason: NonEmptyString,
    cancelledBy: NonEmptyString,
  }),
});
export type RosterEvent = EventOf<typeof rosterEvents>;

export const rosterCommands = defineCommands('weekStart', {
  /**
   * Publish shifts for the week starting `weekStart` (each shift starts within its seven days,
   * `OutsideWeek`; ends after it starts and within 24 hours, `InvalidInterval`): the person on staff
   * that day (`StaffNotActive`), holding the role or certified in it (`RoleNotHeld`), no two shifts
   * of one person overlapping (`ShiftOverlap`), weekly hours within the practice's limit
   * (`HoursExceeded`, `StaffingPolicy`).
   */
  PublishShifts: command(
    { weekStart: ISODate, shifts: t.readonlyArray(Shift) },
    {},
    {
      businessTime: 'weekStart',
      stamps: { publishedBy: 'actor' },
      facts: {
        checks: t.readonlyArray(ShiftCheck),
        maxWeeklyHours: t.union([t.number, t.null]),
        /** The shifts of the weeks before and after (a night shift crosses into the next week). */
        neighbours: t.readonlyArray(
          t.type({ shiftId: NonEmptyString, staffId: NonEmptyString, startAt: t.string, endAt: t.string }),
        ),
      },
    },
  ),
  CancelShift: command(
    { shiftId: NonEmptyString, reason: NonEmptyString },
    {},
    { stamps: { cancelledBy: 'actor' } },
  ),
});
export type RosterCommand = CommandOf<typeof rosterCommands>;

export const rosterRefusals = defineRefusals({
  NoShifts: 'invalid',
  NotWeekStart: 'invalid',
  ShiftAlreadyPublished: 'conflict',
  ShiftNotFound: 'not-found',
  OutsideWeek: 'invalid',
  InvalidInterval: 'invalid',
  StaffNotActive: 'rule',
  RoleNotHeld: 'rule',
  ShiftOverlap: 'conflict',
  HoursExceeded: 'rule',
});
export type RosterRefusal = keyof typeof rosterRefusals;

interface RosteredShift {
  readonly staffId: string;
  readonly startAt: string;
  readonly endAt: string;
  readonly hours: number;
}
export interface ShiftRoster {
  readonly weekStart: string;
  readonly shifts: Readonly<Record<string, RosteredShift>>;
}
export const initialRoster: ShiftRoster = { weekStart: '', shifts: {} };

export const evolveRoster = (s: ShiftRoster, e: RosterEvent): ShiftRoster => {
  switch (e.type) {
    case 'ShiftsPublished': {
      const shifts = { ...s.shifts };
      for (const x of e.data.shifts)
        shifts[x.shiftId] = { staffId: x.staffId, startAt: x.startAt, endAt: x.endAt, hours: x.hours };
      return { weekStart: e.data.weekStart, shifts };
    }
    case 'ShiftCancelled': {
      const { [e.data.shiftId]: _, ...rest } = s.shifts;
      return { ...s, shifts: rest };
    }
  }
};

export const plusDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Decides a ShiftRoster command. Pure; the person checks and the hours limit are facts. */
export const decideRoster = (c: RosterCommand, s: ShiftRoster): Decision<RosterEvent> => {
  if (c.type === 'CancelShift')
    return s.shifts[c.shiftId] === undefined
      ? reject('ShiftNotFound', `no shift ${c.shiftId}`, 'shiftId')
      : accept(
          rosterEvents.make('ShiftCancelled', {
            weekStart: s.weekStart,
            shiftId: c.shiftId,
            reason: c.reason,
            cancelledBy: c.cancelledBy,
          }),
        );
  if (c.shifts.length === 0) return reject('NoShifts', 'publish at least one shift', 'shifts');
  // Rosters are calendar weeks from Monday, so the weekly-hours limit counts each calendar week.
  if (new Date(`${c.weekStart}T00:00:00Z`).getUTCDay() !== 1)
    return reject(
      'NotWeekStart',
      `a roster's week starts on a Monday; ${c.weekStart} is not one`,
      'weekStart',
    );
  const checks = new Map(c.checks.map((x) => [x.shiftId, x]));
  const lastDay = plusDays(c.weekStart, 6);
  const all: (RosteredShift & { shiftId: string })[] = Object.entries(s.shifts).map(([shiftId, x]) => ({
    shiftId,
    ...x,
  }));
  const published = [];
  for (const [i, x] of c.shifts.entries()) {
    const field = `shifts.${i}`;
    if (s.shifts[x.shiftId] !== undefined || all.some((y) => y.shiftId === x.shiftId))
      return reject('ShiftAlreadyPublished', `shift ${x.shiftId} is published`, `${field}.shiftId`);
    const from = Date.parse(x.startAt);
    const to = Date.parse(x.endAt);
    if (!(to > from) || to - from > 24 * 3_600_000)
      return reject('InvalidInterval', 'a shift ends after it starts, within 24 hours', `${field}.endAt`);
    const check = checks.get(x.shiftId);
    if (check === undefined || check.on < c.weekStart || check.on > lastDay)
      return reject(
        'OutsideWeek',
        `shift ${x.shiftId} does not start in the week of ${c.weekStart}`,
        `${field}.startAt`,
      );
    if (!check.active)
      return reject('StaffNotActive', `${x.staffId} is not on staff on ${check.on}`, `${field}.staffId`);
    if (!check.roleHeld)
      return reject(
        'RoleNotHeld',
        `${x.staffId} neither holds nor is certified in ${x.role}`,
        `${field}.role`,
      );
    const hours = (to - from) / 3_600_000;
    const clash = [...all, ...c.neighbours].find(
      (y) => y.staffId === x.staffId && Date.parse(y.startAt) < to && from < Date.parse(y.endAt),
    );
    if (clash !== undefined)
      return reject('ShiftOverlap', `${x.staffId} is on shift ${clash.shiftId} then`, `${field}.startAt`);
    all.push({ shiftId: x.shiftId, staffId: x.staffId, startAt: x.startAt, endAt: x.endAt, hours });
    published.push({ ...x, on: check.on, hours });
    if (c.maxWeeklyHours !== null) {
      const week = all.filter((y) => y.staffId === x.staffId).reduce((n, y) => n + y.hours, 0);
      if (week > c.maxWeeklyHours)
        return reject(
          'HoursExceeded',
          `${x.staffId} would work ${week} hours this week (limit ${c.maxWeeklyHours})`,
          `${field}.staffId`,
        );
    }
  }
  return accept(
    rosterEvents.make('ShiftsPublished', {
      weekStart: c.weekStart,
      publishedBy: c.publishedBy,
      shifts: published,
    }),
  );
};

/** The ShiftRoster aggregate: one week's shifts. Streams `ShiftRoster-<weekStart>`. */
export const rosterDecider: Decider<RosterCommand, RosterEvent, ShiftRoster, RosterRefusal> = {
  name: 'ShiftRoster',
  stateVersion: 1,
  initialState: initialRoster,
  evolve: evolveRoster,
  decide: decideRoster,
  events: rosterEvents,
  commands: rosterCommands,
  refusals: rosterRefusals,
};
