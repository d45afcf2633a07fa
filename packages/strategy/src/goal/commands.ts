import * as t from 'io-ts';
import { command, defineCommands, NonEmptyString, type CommandOf } from '@praxis/core';
import { Direction } from './events.js';

const FiniteNumber = t.number;
const KpiValue = t.union([t.number, t.null]);

/** A checkpoint a caller proposes: the KPI value expected for a reporting period. */
export const CheckpointInput = t.type({ period: t.string, expected: FiniteNumber });

/**
 * Facts the command handler computes from the log and freezes in the command (never sent by a
 * caller): the KPI's registry entry and baseline value, whether a person is active staff, the
 * KPI's value for a period.
 */
export const facts = {
  DraftGoal: {
    /** The KPI's good direction from the registry; `null` when no module registers `kpiId`. */
    kpiDirection: t.union([Direction, t.null]),
    /** The KPI's value for `baselinePeriod`; `null` when it has none (a zero denominator). */
    baselineValue: KpiValue,
    /** Whether `ownerId` is on staff (hired, not separated). */
    ownerActive: t.boolean,
  },
  ReassignGoal: { ownerActive: t.boolean },
  ReviewCheckpoint: { actual: KpiValue },
  CloseGoal: { actual: KpiValue },
} as const;

/** Every command of a Goal, as exact codecs. The acting person and business time come from the call. */
export const commands = defineCommands('goalId', {
  /**
   * `statement` (specific) and `rationale` (realistic, relevant) are required text;
   * `baselinePeriod` and `deadline` are periods (`2026-03`, `2026-Q1`, `2026`); `target` the KPI
   * value to reach in the deadline period; `checkpoints` default to a straight monthly path.
   */
  DraftGoal: command(
    {
      goalId: NonEmptyString,
      statement: t.string,
      rationale: t.string,
      kpiId: NonEmptyString,
      baselinePeriod: t.string,
      target: FiniteNumber,
      deadline: t.string,
      ownerId: NonEmptyString,
    },
    { objectiveId: NonEmptyString, checkpoints: t.readonlyArray(CheckpointInput) },
    { stamps: { draftedBy: 'actor', at: 'time' }, subject: 'ownerId', facts: facts.DraftGoal },
  ),
  ApproveGoal: command({}, {}, { stamps: { approvedBy: 'actor', at: 'time' } }),
  ReviseTarget: command(
    { target: FiniteNumber, reason: t.string },
    {},
    { stamps: { revisedBy: 'actor', at: 'time' } },
  ),
  ReassignGoal: command(
    { ownerId: NonEmptyString },
    {},
    { stamps: { reassignedBy: 'actor', at: 'time' }, facts: facts.ReassignGoal },
  ),
  /**
   * Reviews the checkpoint of `period` once that period has ended; the KPI value is computed.
   * (`goalId` is a declared field so the handler can find the goal's KPI.)
   */
  ReviewCheckpoint: command(
    { goalId: NonEmptyString, period: t.string },
    {},
    { stamps: { reviewedBy: 'actor', at: 'time' }, facts: facts.ReviewCheckpoint },
  ),
  /** Closes the goal at or after its deadline; the actual is the KPI of the deadline period. */
  CloseGoal: command(
    { goalId: NonEmptyString },
    {},
    { stamps: { closedBy: 'actor', at: 'time' }, facts: facts.CloseGoal },
  ),
  WithdrawGoal: command({ reason: t.string }, {}, { stamps: { withdrawnBy: 'actor', at: 'time' } }),
});

/** Every Goal command, as `decide` sees it. */
export type GoalCommand = CommandOf<typeof commands>;
type Cmd<K extends GoalCommand['type']> = Extract<GoalCommand, { type: K }>;
export type DraftGoal = Cmd<'DraftGoal'>;
export type ApproveGoal = Cmd<'ApproveGoal'>;
export type ReviseTarget = Cmd<'ReviseTarget'>;
export type ReassignGoal = Cmd<'ReassignGoal'>;
export type ReviewCheckpoint = Cmd<'ReviewCheckpoint'>;
export type CloseGoal = Cmd<'CloseGoal'>;
export type WithdrawGoal = Cmd<'WithdrawGoal'>;
