import type { Outcome, Practice } from '@praxis/practice';

/** One command of the demo year, at its business time. */
export interface Step {
  /** ISO instant: steps run in this order (ties keep their plan order). */
  readonly at: string;
  /** What happens, for error messages: `claim c-0012: submit`. */
  readonly label: string;
  readonly run: (practice: Practice) => Promise<Outcome>;
  /** The demo means this command to be refused (to show a rule at work). */
  readonly expectRefusal?: string;
}

/** Orders steps by business time, keeping plan order for equal times. */
export const chronological = (steps: readonly Step[]): Step[] =>
  steps
    .map((s, i) => ({ s, i, t: Date.parse(s.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ s }) => s);
