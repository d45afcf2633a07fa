/**
 * @praxis/staff — staff supervision: the StaffMember aggregate (recruitment, credentials
 * and OIG screening, onboarding, training, SMART goals and reviews, separation), the
 * Conflict aggregate, and the read models `staff-roster` and `staff-obligations`.
 *
 * @example
 * import { StaffMember, Roster } from '@praxis/staff';
 * const handler = makeCommandHandler({ store, decider: StaffMember.decider, clock });
 * await handler.handle({ streamId: streamIdOf(StaffMember.decider, 's-1'), command, actor });
 */
import { combineRegistries } from '@praxis/core';
import { events as staffMemberEvents } from './staff-member/events.js';
import { events as conflictEvents } from './conflict/events.js';
import { events as meetingEvents } from './meeting/index.js';
import { events as pulseEvents } from './pulse/index.js';

export * as StaffMember from './staff-member/index.js';
export * as Conflict from './conflict/index.js';
export * as Roster from './roster/index.js';
export * as StaffObligations from './obligations/index.js';
export * as Supervision from './supervision/index.js';
export * as StaffMeeting from './meeting/index.js';
export * as PulseSurvey from './pulse/index.js';
export { addMonths, addDays, localDate, quarterOf, reviewDueOn } from './dates.js';

/** Codecs of every event of the staff module (for a store's registry). */
export const staffEvents = combineRegistries(staffMemberEvents, conflictEvents, meetingEvents, pulseEvents);
export { roleOn, staffOnRecord, staffRoleOn, standingOf } from './on-record.js';
export { policyTrainingCounts } from './policy-training.js';
