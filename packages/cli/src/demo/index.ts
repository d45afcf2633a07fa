import { planBudget } from './plan-budget.js';
import { planClaims } from './plan-claims.js';
import { planCompliance } from './plan-compliance.js';
import { planDuties } from './plan-duties.js';
import { planPolicies } from './plan-policies.js';
import { planPatients } from './plan-patients.js';
import { planResources } from './plan-resources.js';
import { planStaff } from './plan-staff.js';
import { planStrategy } from './plan-strategy.js';
import { chronological, type Step } from './plan.js';
import { seeded } from './random.js';
import { demoTime } from './time.js';

export { practiceName, practiceZone, practiceCurrency, people } from './cast.js';
export { patientNames, patientSecrets } from './plan-patients.js';
export { runSteps, DemoStepFailed, type DemoRun } from './run.js';
export type { Step } from './plan.js';

/** What the demo year should look like. */
export interface DemoOptions {
  /** Same seed, same practice (default 1). */
  readonly seed: number;
  /** The calendar year simulated. */
  readonly year: number;
  /** Patient encounters over the year (each one a claim). */
  readonly encounters: number;
  readonly zone: string;
}

/**
 * Every command of the demo year, in business-time order: the history that leads into the
 * year (hires, the budget drafted in December), then the year itself. Nothing after
 * 31 December is included.
 */
export const planDemoYear = (o: DemoOptions): Step[] => {
  const rng = seeded(o.seed);
  const time = demoTime(o.zone);
  const end = Date.parse(time.at(`${o.year + 1}-01-01`, 0));
  const steps = [
    ...planStaff(rng.fork('staff'), time, o.year),
    ...planPolicies(rng.fork('policies'), time, o.year),
    ...planCompliance(rng.fork('compliance'), time, o.year),
    ...planBudget(rng.fork('budget'), time, o.year, o.encounters),
    ...planClaims(rng.fork('claims'), time, o.year, o.encounters),
    ...planResources(rng.fork('resources'), time, o.year),
    ...planStrategy(time, o.year),
    ...planPatients(rng.fork('patients'), time, o.year, o.encounters),
    ...planDuties(rng.fork('duties'), time, o.year),
  ];
  return chronological(steps.filter((s) => Date.parse(s.at) < end));
};
