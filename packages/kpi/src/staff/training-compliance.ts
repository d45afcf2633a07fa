import type { ReadModelReader } from '@praxis/core';
import { Roster } from '@praxis/staff';
import type { Period } from '../period.js';

/** A person not current on every required training, and what is overdue. */
export interface NonCompliantStaff {
  readonly staffId: string;
  readonly name: string;
  readonly overdue: readonly {
    readonly trainingId: string;
    readonly course: string;
    readonly dueOn: string;
  }[];
}

/** Training compliance as of one date, with the people who make up the gap. */
export interface TrainingCompliance {
  readonly asOf: string;
  /** Active staff with at least one required training on `asOf`. */
  readonly staffRequired: number;
  /** Of those, staff current on every required training. */
  readonly staffCurrent: number;
  /** staffCurrent ÷ staffRequired × 100; `null` when nobody has a required training. */
  readonly compliancePct: number | null;
  readonly nonCompliant: readonly NonCompliantStaff[];
}

/**
 * Training compliance % (as of a date) = active staff who are current on every training
 * required of them ÷ active staff with at least one required training × 100 (DOMAIN.md,
 * "Training compliance %"). A training is current on `asOf` when it is a one-off already
 * completed, or its due date — the assignment's, or the one set by the latest completion
 * on or before `asOf` — is not before `asOf`. Withdrawn assignments and ones assigned
 * after `asOf` are not required. Reads the `staff-roster` read model; `asOf` is a calendar
 * date in the practice zone (turn an instant into one with `localDateOf`).
 *
 * @example
 * const c = await trainingCompliance(reader, '2026-03-15');
 * // { staffRequired: 3, staffCurrent: 1, compliancePct: 33.33…, nonCompliant: [...] }
 */
export const trainingCompliance = async (
  reader: ReadModelReader,
  asOf: string,
): Promise<TrainingCompliance> => {
  const active = await Roster.activeStaffOn(reader, asOf);
  const required = active.filter((r) => Roster.requiredTrainingsOn(r, asOf).length > 0);
  const nonCompliant: NonCompliantStaff[] = [];
  for (const r of required) {
    const overdue = Roster.overdueTrainingsOn(r, asOf).map((t) => {
      const standing = Roster.trainingStandingOn(t, asOf);
      return {
        trainingId: t.trainingId,
        course: t.course,
        dueOn: 'dueOn' in standing ? standing.dueOn : t.dueOn,
      };
    });
    if (overdue.length > 0) nonCompliant.push({ staffId: r.staffId, name: r.name, overdue });
  }
  const current = required.length - nonCompliant.length;
  return {
    asOf,
    staffRequired: required.length,
    staffCurrent: current,
    compliancePct: required.length === 0 ? null : (current / required.length) * 100,
    nonCompliant,
  };
};

/** Training compliance at the end of a period (as of its last day). */
export const trainingComplianceForPeriod = (
  reader: ReadModelReader,
  period: Period,
): Promise<TrainingCompliance> => trainingCompliance(reader, period.lastDay);
