import {
  obligationKey,
  type DocUpdate,
  exemptionKey,
  type Json,
  type Obligation,
  type ObligationExemption,
  type Projection,
  type RecordedEvent,
} from '@praxis/core';
import type { AuditEvent } from '../audit/events.js';
import type { BusinessAssociateEvent } from '../business-associate/events.js';
import { renewalArisesOn } from '../business-associate/index.js';
import { deadlineKey, type NotificationDeadline } from '../breach/deadlines.js';
import type { BreachEvent } from '../breach/events.js';
import type { OshaReportClock } from '../osha-incident/clocks.js';
import type { OshaIncidentEvent } from '../osha-incident/events.js';
import type { OshaRecordkeepingEvent } from '../osha-recordkeeping/events.js';
import type { ProgrammeEvent } from '../programme/events.js';

/** The name of the projection that writes compliance obligations. */
export const complianceObligationsName = 'compliance-obligations';

type AnyEvent =
  | ProgrammeEvent
  | AuditEvent
  | BreachEvent
  | OshaIncidentEvent
  | OshaRecordkeepingEvent
  | BusinessAssociateEvent;
type Data<K extends AnyEvent['type']> = Extract<AnyEvent, { type: K }>['data'];
type Doc = Record<string, Json>;

/** Obligation ids, one function per kind of duty. */
export const obligationIds = {
  requirement: (requirementId: string, occurrence: number) => `requirement:${requirementId}:${occurrence}`,
  audit: (auditId: string) => `audit:${auditId}`,
  correctiveAction: (actionId: string) => `corrective-action:${actionId}`,
  breach: (breachId: string, d: { recipient: NotificationDeadline['recipient']; state?: string }) =>
    `breach:${breachId}:${deadlineKey(d)}`,
  oshaReport: (incidentId: string, outcome: string) => `osha-report:${incidentId}:${outcome}`,
  oshaLog: (incidentId: string) => `osha-log:${incidentId}`,
  pbc: (auditId: string, itemId: string) => `pbc:${auditId}:${itemId}`,
  baa: (associateId: string) => `baa:${associateId}`,
  baaRenewal: (associateId: string, agreementId: string) => `baa-renewal:${associateId}:${agreementId}`,
};

/** The source of the duty to hold a business associate agreement. */
const baaSource = '45 CFR 164.502(e)(1), 164.504(e), 164.308(b)(1)';

const put = (o: Obligation): DocUpdate => ({
  key: obligationKey(o.id),
  update: (cur) => cur ?? (o as unknown as Json),
});
const patch = (id: string, f: (d: Doc) => Doc): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) => (cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? f(cur as Doc) : cur),
});
const done = (id: string, at: string): DocUpdate => patch(id, (d) => ({ ...d, completedAt: at }));
const drop = (id: string): DocUpdate => ({ key: obligationKey(id), update: () => undefined });

const breachObligation = (
  e: RecordedEvent,
  breachId: string,
  arisesAt: string,
  d: NotificationDeadline,
): Obligation => ({
  id: obligationIds.breach(breachId, d),
  module: 'compliance',
  kind: `breach-notify-${d.recipient}`,
  label:
    d.recipient === 'individuals'
      ? `Notify the individuals affected by breach ${breachId}`
      : d.recipient === 'hhs'
        ? `Notify HHS of breach ${breachId}`
        : d.recipient === 'covered-entity'
          ? `Business associate ${d.owedBy ?? '?'} to notify the practice of breach ${breachId} (identify each individual)`
          : `Notify prominent media in ${d.state ?? '?'} of breach ${breachId}`,
  streamId: e.streamId,
  arisesAt,
  dueAt: d.dueOn,
  legalSource: d.legalSource,
});

const oshaReport = (
  e: RecordedEvent,
  incidentId: string,
  arisesAt: string,
  r: OshaReportClock,
): Obligation => ({
  id: obligationIds.oshaReport(incidentId, r.outcome),
  module: 'compliance',
  kind: 'osha-report',
  label: `Report the ${r.outcome} of incident ${incidentId} to OSHA`,
  streamId: e.streamId,
  arisesAt,
  dueAt: r.dueAt,
  legalSource: r.legalSource,
});

const requirement = (
  e: RecordedEvent,
  d: {
    requirementId: string;
    title: string;
    ownerId: string;
    legalSource: string;
  },
  occurrence: number,
  arisesAt: string,
  dueOn: string,
): Obligation => ({
  id: obligationIds.requirement(d.requirementId, occurrence),
  module: 'compliance',
  kind: 'requirement-due',
  label: d.title,
  streamId: e.streamId,
  owner: d.ownerId,
  arisesAt,
  dueAt: dueOn,
  ...(d.legalSource === '' ? {} : { legalSource: d.legalSource }),
});

const handlers: { [K in AnyEvent['type']]?: (e: RecordedEvent, d: Data<K>) => DocUpdate[] } = {
  ComplianceRequirementAdded: (e, d) => [put(requirement(e, d, 1, d.addedOn, d.firstDueOn))],
  ComplianceRequirementMet: (e, d) => [
    done(obligationIds.requirement(d.requirementId, d.occurrence), d.metOn),
    put(requirement(e, d, d.occurrence + 1, d.metOn, d.nextDueOn)),
  ],
  ComplianceRequirementReassigned: (_e, d) => [
    patch(obligationIds.requirement(d.requirementId, d.occurrence), (o) => ({ ...o, owner: d.ownerId })),
  ],
  // A withdrawn requirement is no longer owed: its open occurrence disappears from the calendar.
  ComplianceRequirementWithdrawn: (_e, d) => [drop(obligationIds.requirement(d.requirementId, d.occurrence))],
  ComplianceAuditScheduled: (e, d) => [
    put({
      id: obligationIds.audit(d.auditId),
      module: 'compliance',
      kind: 'audit-due',
      label: `Perform audit: ${d.title}`,
      streamId: e.streamId,
      owner: d.auditorId,
      arisesAt: e.metadata.occurredAt,
      dueAt: d.scheduledFor,
    }),
  ],
  ComplianceAuditPerformed: (_e, d) => [done(obligationIds.audit(d.auditId), d.performedOn)],
  // A financial audit's prepared-by-client items, each due to the auditor by its date.
  PbcItemRequested: (e, d) => [
    put({
      id: obligationIds.pbc(d.auditId, d.itemId),
      module: 'compliance',
      kind: 'pbc-item',
      label: `Prepare for the auditor: ${d.description}`,
      streamId: e.streamId,
      owner: d.ownerId,
      arisesAt: d.requestedOn,
      dueAt: d.dueOn,
      impact: 'financial',
    }),
  ],
  PbcItemProvided: (_e, d) => [done(obligationIds.pbc(d.auditId, d.itemId), d.providedOn)],
  CorrectiveActionAssigned: (e, d) => [
    put({
      id: obligationIds.correctiveAction(d.actionId),
      module: 'compliance',
      kind: 'corrective-action',
      label: d.description,
      streamId: e.streamId,
      owner: d.ownerId,
      arisesAt: d.assignedOn,
      dueAt: d.dueOn,
    }),
  ],
  CorrectiveActionCompleted: (_e, d) => [done(obligationIds.correctiveAction(d.actionId), d.completedOn)],
  // Failed verification: the same duty is open again, with its new due date.
  CorrectiveActionReopened: (_e, d) => [
    patch(obligationIds.correctiveAction(d.actionId), ({ completedAt: _failed, ...o }) => ({
      ...o,
      dueAt: d.dueOn,
    })),
  ],
  // The business associate's notice arises on its own discovery date (it may precede the practice's).
  BreachDiscovered: (e, d) =>
    d.deadlines.map((x) =>
      put(
        breachObligation(
          e,
          d.breachId,
          x.recipient === 'covered-entity' && d.businessAssociate !== undefined
            ? d.businessAssociate.discoveredOn
            : d.discoveredOn,
          x,
        ),
      ),
    ),
  // Deadlines only move earlier: keep the earlier of the document's and the event's date.
  BreachScopeRevised: (e, d) =>
    d.deadlines.map((x) => {
      const o = breachObligation(e, d.breachId, d.revisedOn, x);
      return {
        key: obligationKey(o.id),
        update: (cur) => {
          if (cur === undefined || cur === null || typeof cur !== 'object' || Array.isArray(cur))
            return o as unknown as Json;
          const c = cur as Doc;
          return typeof c.dueAt === 'string' && c.dueAt <= x.dueOn
            ? c
            : { ...c, dueAt: x.dueOn, legalSource: x.legalSource };
        },
      };
    }),
  BreachNotificationSent: (_e, d) => [done(obligationIds.breach(d.breachId, d), d.sentOn)],
  OshaIncidentRecorded: (e, d) => [
    ...d.reports.map((r) => put(oshaReport(e, d.incidentId, d.learnedAt, r))),
    put({
      id: obligationIds.oshaLog(d.incidentId),
      module: 'compliance',
      kind: 'osha-300-log',
      label: `Enter incident ${d.incidentId} on the OSHA 300 log`,
      streamId: e.streamId,
      arisesAt: d.learnedAt,
      dueAt: d.logBy,
      legalSource: '29 CFR 1904.29(b)(3)',
    }),
  ],
  OshaIncidentOutcomeWorsened: (e, d) =>
    d.reports.map((r) => put(oshaReport(e, d.incidentId, d.learnedAt, r))),
  OshaIncidentReportedToOsha: (_e, d) => [
    done(obligationIds.oshaReport(d.incidentId, d.outcome), d.reportedAt),
  ],
  OshaIncidentLogged: (_e, d) => [done(obligationIds.oshaLog(d.incidentId), d.loggedOn)],
  // A vendor holding PHI owes an agreement before it gets any (overdue from registration).
  BusinessAssociateRegistered: (e, d) =>
    d.holdsPhi
      ? [
          put({
            id: obligationIds.baa(d.associateId),
            module: 'compliance',
            kind: 'baa-missing',
            label: `Sign a business associate agreement with ${d.name} (${d.services})`,
            streamId: e.streamId,
            arisesAt: d.registeredOn,
            dueAt: d.registeredOn,
            legalSource: baaSource,
            impact: 'legal',
          }),
        ]
      : [],
  // An agreement meets the missing-agreement duty and the renewal of the one it supersedes,
  // and opens its own renewal when it expires.
  BusinessAssociateAgreementSigned: (e, d) => [
    done(obligationIds.baa(d.associateId), d.signedOn),
    ...(d.supersedes === undefined
      ? []
      : [done(obligationIds.baaRenewal(d.associateId, d.supersedes), d.signedOn)]),
    ...(d.expiresOn === undefined
      ? []
      : [
          put({
            id: obligationIds.baaRenewal(d.associateId, d.agreementId),
            module: 'compliance',
            kind: 'baa-renewal',
            label: `Renew the business associate agreement ${d.agreementId} with ${d.associateId} before it expires`,
            streamId: e.streamId,
            arisesAt: renewalArisesOn(d.expiresOn, d.renewalNoticeDays),
            dueAt: d.expiresOn,
            legalSource: baaSource,
            impact: 'legal',
          }),
        ]),
  ],
  // The relationship ended: nothing more is owed to or from it (a met duty stays as met).
  BusinessAssociateTerminated: (_e, d) => [
    patch(obligationIds.baa(d.associateId), (o) =>
      o.completedAt === undefined ? { ...o, completedAt: d.terminatedOn, closedBy: 'terminated' } : o,
    ),
    ...(d.agreementId === undefined
      ? []
      : [
          patch(obligationIds.baaRenewal(d.associateId, d.agreementId), (o) =>
            o.completedAt === undefined ? { ...o, completedAt: d.terminatedOn, closedBy: 'terminated' } : o,
          ),
        ]),
  ],
  // An exempt practice keeps no 300 log (29 CFR 1904.1, 1904.2): the calendar leaves those duties out.
  OshaRecordkeepingSet: (_e, d) => [
    {
      key: exemptionKey('osha-300-log'),
      update: () =>
        d.exemption === 'none'
          ? undefined
          : ({
              kind: 'osha-300-log',
              from: d.effectiveFrom,
              reason: d.reason,
              legalSource: d.legalSource,
            } satisfies ObligationExemption as unknown as Json),
    },
  ],
};

/**
 * Every dated compliance duty as an `Obligation` document (under `obligation:<id>`):
 * requirement due dates (one per occurrence), scheduled audits, a financial audit's
 * prepared-by-client items (`pbc:<auditId>:<itemId>`), corrective actions, breach
 * notification deadlines (individuals, HHS, media per state, a business associate's notice
 * to the practice) and OSHA clocks (report, 300 log). When the practice declares an OSHA
 * recordkeeping exemption (`exemption:osha-300-log`), the calendar leaves out 300-log duties
 * arising from its effective date; the 8/24-hour report clocks stay (29 CFR 1904.39).
 * Business associates holding PHI owe an agreement from registration (`baa:<id>`) and its
 * renewal before expiry (`baa-renewal:<id>:<agreementId>`); termination closes both
 * (`closedBy: 'terminated'`).
 *
 * @example
 * const model = foldProjections([complianceObligations], events);
 */
export const complianceObligations: Projection = {
  name: complianceObligationsName,
  // 3: business associate agreements
  version: 3,
  eventTypes: Object.keys(handlers),
  handle: (e) => {
    const h = (handlers as Record<string, (e: RecordedEvent, d: unknown) => DocUpdate[]>)[e.type];
    return h === undefined ? [] : h(e, e.data);
  },
};
