import { accept, reject } from '@praxis/core';
import { addMonths } from '../dates.js';
import { events } from './events.js';
import type { StaffMember } from './state.js';
import type { StaffDecision } from './rules.js';
import { endTracking, expiredCredential } from './credentials.js';
import type {
  ReceiveApplication,
  RecordInterview,
  CompleteCredentialing,
  MakeOffer,
  HireStaffMember,
  CloseApplication,
} from './commands.js';
export type {
  ReceiveApplication,
  RecordInterview,
  CompleteCredentialing,
  MakeOffer,
  HireStaffMember,
  CloseApplication,
} from './commands.js';

const candidate = (s: StaffMember): boolean =>
  s.status === 'applied' ||
  s.status === 'interviewed' ||
  s.status === 'credentialed' ||
  s.status === 'offered';

/** A staff record starts with one application; a name and a position are required. */
export const receiveApplication = (c: ReceiveApplication, s: StaffMember): StaffDecision => {
  if (s.status !== 'none')
    return reject('StaffMemberAlreadyExists', `staff record ${c.staffId} already exists`, 'staffId');
  const { staffId, name, position, appliedOn } = c;
  return accept(events.make('StaffApplicationReceived', { staffId, name, position, appliedOn }));
};

/**
 * An interview needs a panel, and exactly one score from 1 to 5 from each panel member;
 * it cannot precede the application. A second round is allowed.
 */
export const recordInterview = (c: RecordInterview, s: StaffMember): StaffDecision => {
  if (s.status !== 'applied' && s.status !== 'interviewed')
    return reject('NotAwaitingInterview', 'only an applicant awaiting interview can be interviewed');
  if (c.interviewedOn < (s.appliedOn ?? ''))
    return reject(
      'InterviewBeforeApplication',
      'the interview cannot precede the application',
      'interviewedOn',
    );
  const panel = [...new Set(c.panel)];
  if (panel.length === 0)
    return reject('InterviewPanelEmpty', 'an interview needs at least one panel member', 'panel');
  for (const sc of c.scores) {
    if (!panel.includes(sc.interviewer))
      return reject('ScorerNotOnPanel', `${sc.interviewer} is not on the panel`, 'scores');
    if (!Number.isInteger(sc.score) || sc.score < 1 || sc.score > 5)
      return reject(
        'InterviewScoreOutOfRange',
        `scores run from 1 to 5 (${sc.interviewer} gave ${sc.score})`,
        'scores',
      );
  }
  for (const p of panel) {
    const n = c.scores.filter((sc) => sc.interviewer === p).length;
    if (n !== 1)
      return reject('InterviewScoreMissing', `${p} must give exactly one score (gave ${n})`, 'scores');
  }
  return accept(
    events.make('StaffInterviewed', {
      staffId: s.staffId,
      interviewedOn: c.interviewedOn,
      panel,
      scores: c.scores.map((x) => ({ ...x })),
    }),
  );
};

/**
 * Credentialing is complete when the interviewed candidate has a clear OIG exclusion
 * check and no verified credential is expired (OIG: excluded persons cannot be paid
 * from federal health programmes).
 */
export const completeCredentialing = (c: CompleteCredentialing, s: StaffMember): StaffDecision => {
  if (s.status !== 'interviewed') return reject('NotInterviewed', 'credentialing follows the interview');
  if (s.lastScreening === undefined)
    return reject('ExclusionCheckMissing', 'record an OIG exclusion check before completing credentialing');
  if (s.lastScreening.result === 'excluded')
    return reject('PersonExcluded', `${s.name} is on the OIG exclusion list`);
  const expired = expiredCredential(s, c.completedOn);
  if (expired !== undefined) return expired;
  return accept(
    events.make('StaffCredentialingCompleted', {
      staffId: s.staffId,
      completedOn: c.completedOn,
      credentialIds: Object.values(s.credentials)
        .filter((x) => x.endedOn === undefined)
        .map((x) => x.credentialId),
    }),
  );
};

/** An offer follows credentialing, to a person not excluded, with a start date on or after the offer. */
export const makeOffer = (c: MakeOffer, s: StaffMember): StaffDecision => {
  if (s.status !== 'credentialed')
    return reject('CredentialsNotVerified', 'an offer needs completed credentialing');
  if (s.lastScreening?.result === 'excluded')
    return reject('PersonExcluded', `${s.name} is on the OIG exclusion list`);
  if (c.startDate < c.offeredOn)
    return reject('StartBeforeOffer', 'the start date cannot precede the offer', 'startDate');
  return accept(
    events.make('StaffOfferMade', {
      staffId: s.staffId,
      offeredOn: c.offeredOn,
      role: c.role,
      startDate: c.startDate,
    }),
  );
};

/**
 * An excluded person cannot be hired: the most recent OIG exclusion check must be clear
 * and at most one month old on the hiring date (OIG guidance: monthly screening).
 */
export const hireStaffMember = (c: HireStaffMember, s: StaffMember): StaffDecision => {
  if (s.status !== 'offered' || s.offer === undefined)
    return reject('NoOffer', 'only a person holding an offer can be hired');
  const check = s.lastScreening;
  if (check === undefined) return reject('ExclusionCheckMissing', 'no OIG exclusion check is recorded');
  if (check.result === 'excluded') return reject('PersonExcluded', `${s.name} is on the OIG exclusion list`);
  if (check.screenedOn < addMonths(c.hiredOn, -1))
    return reject(
      'ExclusionCheckStale',
      `the last OIG exclusion check (${check.screenedOn}) is more than a month old`,
      'hiredOn',
    );
  if (c.hiredOn < s.offer.offeredOn)
    return reject('HireBeforeOffer', 'the hire cannot precede the offer', 'hiredOn');
  const role = c.role ?? s.offer.role;
  const startDate = c.startDate ?? s.offer.startDate;
  if (startDate < s.offer.offeredOn)
    return reject('StartBeforeOffer', 'the start date cannot precede the offer', 'startDate');
  return accept(
    events.make('StaffMemberHired', {
      staffId: s.staffId,
      hiredOn: c.hiredOn,
      role,
      startDate,
      exclusionCheckedOn: check.screenedOn,
    }),
  );
};

/** An application that did not lead to a hire is closed; its credentials stop being tracked. */
export const closeApplication = (c: CloseApplication, s: StaffMember): StaffDecision => {
  if (!candidate(s)) return reject('NotACandidate', 'only an open application can be closed');
  return accept(
    events.make('StaffApplicationClosed', { staffId: s.staffId, closedOn: c.closedOn, reason: c.reason }),
    ...endTracking(s, c.closedOn, 'application closed'),
  );
};
