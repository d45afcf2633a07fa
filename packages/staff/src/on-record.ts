import type { FactContext, StaffNamed, StaffStanding } from '@praxis/core';
import type { StaffMember } from './staff-member/state.js';

/** Where one person stands on the staff record on `date` (YYYY-MM-DD), from their StaffMember stream. */
export const standingOf = (s: StaffMember | undefined, date: string): StaffStanding => {
  if (s === undefined || s.status === 'none') return 'unknown';
  if (s.status === 'separated')
    return s.separatedOn !== undefined && s.separatedOn >= date ? 'on-staff' : 'separated';
  return s.status === 'hired' ? 'on-staff' : 'not-on-staff';
};

/**
 * The `StaffNamed` fact for a command that names staff members: each `[field, staffId]` pair
 * with the person's standing on `date` (the command's business date), read from their
 * StaffMember stream. A separation dated after `date` still counts as on staff (a record entered
 * late for the time the person worked here).
 *
 * @example
 * bind(Policy.decider, Policy.commands, 'policyId', {
 *   facts: { AcknowledgePolicy: async (c, ctx) => ({ staffOnRecord: await staffOnRecord(ctx, [['staffId', c.staffId]], c.acknowledgedOn) }) },
 * })
 */
export const staffOnRecord = async (
  ctx: Pick<FactContext, 'load'>,
  named: readonly (readonly [field: string, staffId: string])[],
  date: string,
): Promise<StaffNamed> =>
  Promise.all(
    named.map(async ([field, staffId]) => ({
      field,
      staffId,
      standing: standingOf(await ctx.load<StaffMember>('StaffMember', staffId), date),
    })),
  );

/**
 * The role a person held on `date` (YYYY-MM-DD) by their staff record: the role of the hire or
 * role change with the latest start (effective) date on or before `date`, or the hire's role when
 * `date` precedes the start date; undefined for someone never hired. Roles come from the staff
 * record only (docs/decisions/staff-role-changes.md), never from what a caller says.
 */
export const roleOn = (s: StaffMember | undefined, date: string): string | undefined => {
  const history = s?.roleHistory ?? [];
  let held: { readonly role: string; readonly from: string } | undefined;
  for (const h of history) if (h.from <= date && (held === undefined || h.from >= held.from)) held = h;
  return (held ?? history[0])?.role;
};

/**
 * The role `staffId` held on `date` by the staff record ('' for someone never hired, whom the
 * `staffOnRecord` fact refuses first) — the fact a command acting on a person's role carries.
 *
 * @example
 * facts: { AcknowledgePolicy: async (c, ctx) => ({ role: await staffRoleOn(ctx, c.staffId, c.acknowledgedOn) }) }
 */
export const staffRoleOn = async (
  ctx: Pick<FactContext, 'load'>,
  staffId: string,
  date: string,
): Promise<string> => roleOn(await ctx.load<StaffMember>('StaffMember', staffId), date) ?? '';
