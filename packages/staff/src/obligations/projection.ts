import {
  obligationKey,
  type DocUpdate,
  type Json,
  type Obligation,
  type Projection,
  type RecordedEvent,
} from '@praxis/core';
import { addDays, addMonths } from '../dates.js';
import { deaRenewalWindowDays, recredentialingMonths } from '../staff-member/credentials.js';
import type { StaffMemberEvent, StaffMemberEventData } from '../staff-member/events.js';

/** Name of the staff obligations read model. */
export const staffObligationsName = 'staff-obligations';

const credentialNames = {
  licence: 'licence',
  'dea-registration': 'DEA registration',
  'board-certification': 'board certification',
} as const;

const put = (id: string, make: (current: Obligation | undefined) => Obligation | undefined): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) => make(cur as Obligation | undefined) as Json | undefined,
});
const patch = (id: string, change: Partial<Obligation>): DocUpdate =>
  put(id, (cur) => (cur === undefined ? undefined : { ...cur, ...change }));
const remove = (id: string): DocUpdate => ({ key: obligationKey(id), update: () => undefined });

const credentialId = (staffId: string, credentialId: string) => `credential:${staffId}:${credentialId}`;
const trainingId = (staffId: string, id: string) => `training:${staffId}:${id}`;
const goalId = (staffId: string, id: string) => `smart-goal:${staffId}:${id}`;
const oigId = (staffId: string) => `oig-screening:${staffId}`;
const recredentialId = (staffId: string) => `recredential:${staffId}`;

const deaSource = 'DEA: renew up to 60 days before expiry; no handling while expired';
const oigSource = 'OIG guidance: monthly exclusion (LEIE) screening';
const ncqaSource = 'NCQA: recredential at least every 36 months';

const credentialVerified = (
  e: RecordedEvent,
  d: StaffMemberEventData<'StaffCredentialVerified'>,
): DocUpdate => {
  const dea = d.kind === 'dea-registration';
  const opens = addDays(d.expiresOn, -deaRenewalWindowDays);
  return put(credentialId(d.staffId, d.credentialId), () => ({
    id: credentialId(d.staffId, d.credentialId),
    module: 'staff',
    kind: 'credential-expiry',
    label: `Renew ${credentialNames[d.kind]} ${d.number} (${d.issuer})`,
    streamId: e.streamId,
    owner: d.staffId,
    arisesAt: dea && opens > d.verifiedOn ? opens : d.verifiedOn,
    dueAt: d.expiresOn,
    ...(dea ? { legalSource: deaSource } : {}),
  }));
};

const handleOne = (e: RecordedEvent, ev: StaffMemberEvent): readonly DocUpdate[] => {
  switch (ev.type) {
    case 'StaffCredentialVerified':
      return [credentialVerified(e, ev.data)];
    case 'StaffCredentialRenewed': {
      const d = ev.data;
      return [
        put(credentialId(d.staffId, d.credentialId), (cur) => {
          if (cur === undefined) return undefined;
          const dea = cur.legalSource === deaSource;
          return {
            ...cur,
            dueAt: d.expiresOn,
            arisesAt: dea ? addDays(d.expiresOn, -deaRenewalWindowDays) : d.renewedOn,
          };
        }),
      ];
    }
    case 'StaffCredentialTrackingEnded':
      return [remove(credentialId(ev.data.staffId, ev.data.credentialId))];
    case 'StaffCredentialingCompleted': {
      const d = ev.data;
      if (d.credentialIds.length === 0) return [];
      return [
        put(recredentialId(d.staffId), () => ({
          id: recredentialId(d.staffId),
          module: 'staff',
          kind: 'recredentialing',
          label: 'Recredential (verify licences and certifications again)',
          streamId: e.streamId,
          owner: d.staffId,
          arisesAt: d.completedOn,
          dueAt: addMonths(d.completedOn, recredentialingMonths),
          legalSource: ncqaSource,
        })),
      ];
    }
    case 'StaffRecredentialed': {
      const on = ev.data.recredentialedOn;
      return [
        patch(recredentialId(ev.data.staffId), { arisesAt: on, dueAt: addMonths(on, recredentialingMonths) }),
      ];
    }
    case 'StaffMemberHired': {
      const d = ev.data;
      return [
        put(oigId(d.staffId), () => ({
          id: oigId(d.staffId),
          module: 'staff',
          kind: 'oig-screening',
          label: 'Monthly OIG exclusion screening',
          streamId: e.streamId,
          owner: d.staffId,
          arisesAt: d.hiredOn,
          dueAt: addMonths(d.exclusionCheckedOn, 1),
          legalSource: oigSource,
        })),
      ];
    }
    case 'OigExclusionScreened': {
      const on = ev.data.screenedOn;
      return [patch(oigId(ev.data.staffId), { arisesAt: on, dueAt: addMonths(on, 1) })];
    }
    case 'TrainingAssigned': {
      const d = ev.data;
      return [
        put(trainingId(d.staffId, d.trainingId), () => ({
          id: trainingId(d.staffId, d.trainingId),
          module: 'staff',
          kind: 'training-due',
          label: `Complete ${d.course}`,
          streamId: e.streamId,
          owner: d.staffId,
          arisesAt: d.assignedOn,
          dueAt: d.dueOn,
          ...(d.legalSource === undefined ? {} : { legalSource: d.legalSource }),
        })),
      ];
    }
    case 'TrainingCompleted': {
      const d = ev.data;
      return [
        d.nextDueOn === undefined
          ? patch(trainingId(d.staffId, d.trainingId), { completedAt: d.completedOn })
          : patch(trainingId(d.staffId, d.trainingId), { arisesAt: d.completedOn, dueAt: d.nextDueOn }),
      ];
    }
    case 'TrainingWithdrawn':
      return [remove(trainingId(ev.data.staffId, ev.data.trainingId))];
    case 'SmartGoalSet': {
      const d = ev.data;
      return [
        put(goalId(d.staffId, d.goalId), () => ({
          id: goalId(d.staffId, d.goalId),
          module: 'staff',
          kind: 'smart-goal-deadline',
          label: `Goal: ${d.specific}`,
          streamId: e.streamId,
          owner: d.staffId,
          arisesAt: d.setOn,
          dueAt: d.deadline,
        })),
      ];
    }
    case 'SmartGoalClosed': {
      const d = ev.data;
      return [
        d.outcome === 'withdrawn'
          ? remove(goalId(d.staffId, d.goalId))
          : patch(goalId(d.staffId, d.goalId), { completedAt: d.closedOn }),
      ];
    }
    case 'StaffMemberSeparated':
    case 'StaffApplicationClosed':
      return [remove(oigId(ev.data.staffId)), remove(recredentialId(ev.data.staffId))];
    default:
      return [];
  }
};

/**
 * Every dated duty of the staff module, as `Obligation` documents under
 * `obligation:<id>` for the compliance calendar:
 * - `credential:<staffId>:<credentialId>` — credential expiry (a DEA registration's
 *   obligation arises when its 60-day renewal window opens);
 * - `recredential:<staffId>` — NCQA recredentialing, 36 months after the last one;
 * - `oig-screening:<staffId>` — monthly OIG exclusion screening, a month after the last check;
 * - `training:<staffId>:<trainingId>` — training due (recurring ones roll forward);
 * - `smart-goal:<staffId>:<goalId>` — SMART-goal deadlines.
 * Obligations of a person who separates (or whose application closes) are removed.
 */
export const staffObligations: Projection = {
  name: staffObligationsName,
  version: 1,
  eventTypes: [
    'StaffCredentialVerified',
    'StaffCredentialRenewed',
    'StaffCredentialTrackingEnded',
    'StaffCredentialingCompleted',
    'StaffRecredentialed',
    'StaffMemberHired',
    'OigExclusionScreened',
    'TrainingAssigned',
    'TrainingCompleted',
    'TrainingWithdrawn',
    'SmartGoalSet',
    'SmartGoalClosed',
    'StaffMemberSeparated',
    'StaffApplicationClosed',
  ],
  handle: (e) => handleOne(e, e as unknown as StaffMemberEvent),
};
