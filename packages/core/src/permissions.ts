import type { Actor } from './envelope.js';

/** What is being asked: command `type` on an aggregate named `aggregate` (its decider's name). */
export interface PermissionRequest {
  readonly aggregate: string;
  readonly command: string;
  readonly streamId: string;
}

/** Decides whether an actor may issue a command: `true`, or the reason for refusal. */
export type PermissionPolicy = (actor: Actor, request: PermissionRequest) => true | string;

/** Every actor may do everything (tests, single-user tools). */
export const allowAll: PermissionPolicy = () => true;

/**
 * Role → allowed commands. A pattern is `*` (everything), `Aggregate.*`, or `Aggregate.Command`.
 *
 * @example
 * const policy = rolePermissions({
 *   practice_manager: ['*'],
 *   biller: ['Claim.*'],
 *   physician: ['Policy.AcknowledgePolicy'],
 * });
 */
export const rolePermissions =
  (grants: Readonly<Record<string, readonly string[]>>): PermissionPolicy =>
  (actor, { aggregate, command }) => {
    const allowed = grants[actor.role];
    if (allowed === undefined) return `role ${actor.role} has no permissions`;
    const ok = allowed.some((p) => p === '*' || p === `${aggregate}.*` || p === `${aggregate}.${command}`);
    return ok ? true : `role ${actor.role} may not ${aggregate}.${command}`;
  };
