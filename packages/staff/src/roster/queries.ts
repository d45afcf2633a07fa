import type { ReadModelReader } from '@praxis/core';
import { rosterKey, staffRosterName, type RosterEntry, type RosterTraining } from './projection.js';

/** One person's roster entry, or undefined. */
export const getRosterEntry = async (
  reader: ReadModelReader,
  staffId: string,
): Promise<RosterEntry | undefined> =>
  (await reader.get(staffRosterName, rosterKey(staffId))) as unknown as RosterEntry | undefined;

/** Every person on the roster (candidates, staff and former staff), in key order. */
export const listRoster = async (reader: ReadModelReader): Promise<RosterEntry[]> => {
  const out: RosterEntry[] = [];
  for await (const [, doc] of reader.list(staffRosterName, 'staff:')) out.push(doc as unknown as RosterEntry);
  return out;
};

/**
 * Whether a person is on staff on `date` (a calendar day in the practice zone): started on
 * or before it and, if separated, with a last day of employment on or after it.
 */
export const isActiveOn = (r: RosterEntry, date: string): boolean =>
  r.startDate !== undefined &&
  (r.status === 'hired' || r.status === 'separated') &&
  r.startDate <= date &&
  (r.separatedOn === undefined || r.separatedOn >= date);

/**
 * The role a person holds on `date`: the latest entry of their role history that took effect
 * on or before it (the role at hire before any change); undefined before they start.
 *
 * @example
 * roleOn(entry, '2026-06-30'); // 'nurse' — promoted to 'charge_nurse' from 2026-07-01
 */
export const roleOn = (r: RosterEntry, date: string): string | undefined => {
  if (r.startDate === undefined || r.startDate > date) return undefined;
  const history = r.roles ?? (r.role === undefined ? [] : [{ role: r.role, from: r.startDate }]);
  let role: string | undefined;
  for (const h of history) if (h.from <= date) role = h.role;
  return role ?? history[0]?.role;
};

/** Staff active on `date`. */
export const activeStaffOn = async (reader: ReadModelReader, date: string): Promise<RosterEntry[]> =>
  (await listRoster(reader)).filter((r) => isActiveOn(r, date));

/** Number of staff active on `date`. */
export const headcountOn = async (reader: ReadModelReader, date: string): Promise<number> =>
  (await activeStaffOn(reader, date)).length;

/** Active staff on `date` counted by the role each holds on that date. */
export const headcountByRole = async (
  reader: ReadModelReader,
  date: string,
): Promise<Record<string, number>> => {
  const out: Record<string, number> = {};
  for (const r of await activeStaffOn(reader, date)) {
    const role = roleOn(r, date) ?? '?';
    out[role] = (out[role] ?? 0) + 1;
  }
  return out;
};

/**
 * Where one training stands on `date`:
 * - `not-assigned`: assigned after `date`, or withdrawn on or before it;
 * - `completed`: a one-off course completed on or before `date`;
 * - `current`: its due date (the first one, or the one set by the latest completion up to
 *   `date`) is on or after `date`;
 * - `overdue`: that due date has passed.
 */
export type TrainingStanding =
  | { readonly status: 'not-assigned' }
  | { readonly status: 'completed'; readonly completedOn: string }
  | { readonly status: 'current' | 'overdue'; readonly dueOn: string };

/** The standing of a training on a date (see `TrainingStanding`). */
export const trainingStandingOn = (t: RosterTraining, date: string): TrainingStanding => {
  if (t.assignedOn > date || (t.withdrawnOn !== undefined && t.withdrawnOn <= date))
    return { status: 'not-assigned' };
  const done = t.completions.filter((c) => c.completedOn <= date);
  const last = done[done.length - 1];
  if (last !== undefined && last.nextDueOn === undefined)
    return { status: 'completed', completedOn: last.completedOn };
  const dueOn = last?.nextDueOn ?? t.dueOn;
  return { status: dueOn >= date ? 'current' : 'overdue', dueOn };
};

/** The required trainings of a person that apply on `date` (assigned, not withdrawn). */
export const requiredTrainingsOn = (r: RosterEntry, date: string): RosterTraining[] =>
  Object.values(r.trainings).filter(
    (t) => t.required && trainingStandingOn(t, date).status !== 'not-assigned',
  );

/** The required trainings of a person that are overdue on `date`. */
export const overdueTrainingsOn = (r: RosterEntry, date: string): RosterTraining[] =>
  requiredTrainingsOn(r, date).filter((t) => trainingStandingOn(t, date).status === 'overdue');
