import type { Practice } from '@praxis/practice';
import type { Step } from './plan.js';

/** A demo step did not turn out as planned (a bug in the demo or in a module). */
export class DemoStepFailed extends Error {
  readonly _tag = 'DemoStepFailed' as const;
  constructor(
    readonly step: Step,
    readonly outcome: string,
  ) {
    super(`demo step "${step.label}" at ${step.at}: ${outcome}`);
    this.name = 'DemoStepFailed';
  }
}

/** What running the plan did. */
export interface DemoRun {
  readonly commands: number;
  readonly events: number;
  /** Commands the plan meant to be refused, and were. */
  readonly refusedAsPlanned: number;
}

/**
 * Runs the steps in order through the practice's command API, setting the clock to each
 * step's business time. Stops at the first step that does not turn out as planned.
 */
export const runSteps = async (
  practice: Practice,
  steps: readonly Step[],
  setTime: (iso: string) => void,
  onProgress: (done: number, total: number) => void,
): Promise<DemoRun> => {
  let events = 0;
  let refusedAsPlanned = 0;
  for (const [i, step] of steps.entries()) {
    setTime(step.at);
    const outcome = await step.run(practice);
    if (outcome.ok) {
      if (step.expectRefusal !== undefined) {
        throw new DemoStepFailed(step, `expected refusal ${step.expectRefusal} but it was accepted`);
      }
      events += outcome.events.length;
    } else if (outcome.code === step.expectRefusal) {
      refusedAsPlanned++;
    } else {
      throw new DemoStepFailed(step, outcome.summary);
    }
    if (i % 200 === 0) onProgress(i, steps.length);
  }
  onProgress(steps.length, steps.length);
  return { commands: steps.length, events, refusedAsPlanned };
};
