import type { Checkpoint, Direction, GoalEvent, GoalStanding } from './events.js';

/** Where a goal is in its life. */
export type GoalStatus = 'none' | 'draft' | 'approved' | 'achieved' | 'missed' | 'withdrawn';

/** A goal as its events left it. JSON-serialisable. */
export interface Goal {
  readonly status: GoalStatus;
  readonly goalId: string;
  readonly kpiId: string;
  readonly direction: Direction;
  readonly baselineValue: number;
  readonly target: number;
  readonly deadline: string;
  readonly dueOn: string;
  readonly draftedOn: string;
  readonly ownerId: string;
  readonly checkpoints: readonly Checkpoint[];
  /** Period → standing at its review. */
  readonly reviewed: Readonly<Record<string, GoalStanding>>;
}

export const initialState: Goal = {
  status: 'none',
  goalId: '',
  kpiId: '',
  direction: 'higher-is-better',
  baselineValue: 0,
  target: 0,
  deadline: '',
  dueOn: '',
  draftedOn: '',
  ownerId: '',
  checkpoints: [],
  reviewed: {},
};

/** Whether the goal is still being pursued (drafted or approved). */
export const isOpen = (s: Goal): boolean => s.status === 'draft' || s.status === 'approved';

/** The periods of the checkpoints not yet reviewed. */
export const openCheckpoints = (s: Goal): string[] =>
  s.checkpoints.filter((c) => s.reviewed[c.period] === undefined).map((c) => c.period);

/** Applies one event. Pure. */
export const evolve = (s: Goal, e: GoalEvent): Goal => {
  switch (e.type) {
    case 'GoalDrafted':
      return {
        status: 'draft',
        goalId: e.data.goalId,
        kpiId: e.data.kpiId,
        direction: e.data.direction,
        baselineValue: e.data.baselineValue,
        target: e.data.target,
        deadline: e.data.deadline,
        dueOn: e.data.dueOn,
        draftedOn: e.data.draftedAt.slice(0, 10),
        ownerId: e.data.ownerId,
        checkpoints: e.data.checkpoints,
        reviewed: {},
      };
    case 'GoalApproved':
      return { ...s, status: 'approved' };
    case 'GoalTargetRevised':
      return { ...s, target: e.data.target, checkpoints: e.data.checkpoints };
    case 'GoalReassigned':
      return { ...s, ownerId: e.data.ownerId };
    case 'GoalCheckpointReviewed':
      return { ...s, reviewed: { ...s.reviewed, [e.data.period]: e.data.standing } };
    case 'GoalAchieved':
      return { ...s, status: 'achieved' };
    case 'GoalMissed':
      return { ...s, status: 'missed' };
    case 'GoalWithdrawn':
      return { ...s, status: 'withdrawn' };
  }
};
