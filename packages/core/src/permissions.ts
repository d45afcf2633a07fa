import { domainError, type DomainError } from './domain-error.js';
import type { Actor } from './envelope.js';

/** What is being asked: command `type` on an aggregate named `aggregate` (its decider's name). */
export interface PermissionRequest {
  readonly aggregate: string;
  readonly command: string;
  readonly streamId: string;
  /** The person the command is about (e.g. the `staffId` of `CompleteTraining`), when it names one. */
  readonly subject?: string;
  /** Set when the actor acts in another person's name (`{ onBehalfOf }` on the call). */
  readonly onBehalfOf?: string;
}

/** Decides whether an actor may issue a command: `true`, or the reason for refusal. */
export type PermissionPolicy = (actor: Actor, request: PermissionRequest) => true | string;

/** Every actor may do everything (tests, single-user tools). */
export const allowAll: PermissionPolicy = () => true;

/**
 * Role → allowed commands. A grant is
 * - `*` (everything), `Aggregate.*` or `Aggregate.Command`: for anyone;
 * - `self:Aggregate.Command`: only when the command is about the acting person (its subject,
 *   e.g. `staffId`, is the actor's id) — self-service roles;
 * - `onBehalfOf:Aggregate.Command` (or `onBehalfOf:*`): may act in another person's name
 *   (`{ onBehalfOf }`); the event records both people. No other grant allows that.
 *
 * Roles are looked up as own keys only: a role named `constructor` or `__proto__` has no grants.
 *
 * @example
 * const policy = rolePermissions({
 *   practice_manager: ['*', 'onBehalfOf:*'],
 *   biller: ['Claim.*'],
 *   staff: ['self:Policy.AcknowledgePolicy'],
 * });
 */
export const rolePermissions = (grants: Readonly<Record<string, readonly string[]>>): PermissionPolicy => {
  const table = new Map<string, readonly string[]>(Object.entries(grants));
  return (actor, { aggregate, command, subject, onBehalfOf }) => {
    const allowed = table.get(actor.role);
    if (allowed === undefined) return `role ${actor.role} has no permissions`;
    const matches = (p: string) => p === '*' || p === `${aggregate}.*` || p === `${aggregate}.${command}`;
    const forOther = onBehalfOf !== undefined && onBehalfOf !== actor.id;
    if (forOther && !allowed.some((p) => p.startsWith('onBehalfOf:') && matches(p.slice(11))))
      return `role ${actor.role} may not ${aggregate}.${command} in another person's name`;
    if (allowed.some(matches)) return true;
    if (allowed.some((p) => p.startsWith('self:') && matches(p.slice(5)))) {
      const self = onBehalfOf ?? actor.id;
      return subject === self
        ? true
        : `role ${actor.role} may ${aggregate}.${command} only for themselves (${subject ?? 'nobody'} is not ${self})`;
    }
    return `role ${actor.role} may not ${aggregate}.${command}`;
  };
};

/** Longest actor id accepted (characters). */
export const maxActorIdLength = 128;
/** Longest role name accepted (characters). */
export const maxRoleLength = 64;

const prototypeKeys: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);
// Control characters and the bidirectional overrides that reorder what a terminal shows.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Why `id` cannot name a person or role (`what`), or undefined when it can. */
const idProblem = (value: unknown, what: string, max: number): string | undefined => {
  if (typeof value !== 'string') return `${what} must be text`;
  if (value.trim() === '') return `${what} must not be empty`;
  if (value.length > max) return `${what} is longer than ${max} characters`;
  if (unsafe.test(value)) return `${what} contains control or bidirectional characters`;
  if (prototypeKeys.has(value)) return `${what} may not be ${value}`;
  return undefined;
};

/**
 * Why an actor (or the person acted for) is not a valid identity, as a refusal with code
 * `InvalidActor`, or `undefined`. An id is non-empty text of at most `maxActorIdLength`
 * characters, a role at most `maxRoleLength`; neither may hold control or bidi characters or be
 * a name of `Object.prototype` (`constructor`, `__proto__`, `toString`, …).
 */
export const actorProblem = (actor: unknown): DomainError | undefined => {
  if (typeof actor !== 'object' || actor === null)
    return domainError('InvalidActor', 'the actor must be { id, role }', 'actor');
  const { id, role } = actor as { id?: unknown; role?: unknown };
  const why = idProblem(id, 'actor id', maxActorIdLength) ?? idProblem(role, 'actor role', maxRoleLength);
  return why === undefined ? undefined : domainError('InvalidActor', why, 'actor');
};

/** Why a person id given as `onBehalfOf` is not valid, or undefined. */
export const personIdProblem = (id: unknown, field: string): DomainError | undefined => {
  const why = idProblem(id, field, maxActorIdLength);
  return why === undefined ? undefined : domainError('InvalidActor', why, field);
};
