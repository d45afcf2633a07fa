import type { EventRegistry } from '@praxis/core';
import { Audit, Breach, OshaIncident, OshaRecordkeeping, Programme } from '@praxis/compliance';
import { Budget, Claim } from '@praxis/finance';
import { Policy } from '@praxis/policies';
import { Conflict, StaffMember } from '@praxis/staff';
import { Goal, WorkItem } from '@praxis/strategy';
import { Remittance } from '@praxis/x12';

/**
 * The event types a process map may measure: those of the built-in modules' aggregates (the
 * facade registers the same). A module added later is not here until it is listed: the
 * platform's fact context does not expose the practice's event registry (docs/operations-efficiency.md).
 */
export const builtinEventRegistries: readonly EventRegistry[] = [
  Claim.decider.events,
  Budget.decider.events,
  Remittance.decider.events,
  StaffMember.decider.events,
  Conflict.decider.events,
  Policy.decider.events,
  Programme.decider.events,
  Audit.decider.events,
  Breach.decider.events,
  OshaIncident.decider.events,
  OshaRecordkeeping.decider.events,
  Goal.decider.events,
  WorkItem.decider.events,
];

/** Whether some built-in aggregate records events of `type`. */
export const isKnownEventType = (type: string): boolean => builtinEventRegistries.some((r) => r.has(type));
