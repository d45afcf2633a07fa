import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { decider, events } from './index.js';
import {
  applied,
  credentialed,
  deaVerified,
  hired,
  interviewed,
  licenceVerified,
  offered,
  screenedClear,
  uptoOffer,
} from '../test-fixtures.js';

const spec = deciderSpec(decider);
const ev = events.make;

describe('StaffMember recruitment: applied → interviewed → credentialed → offered → hired', () => {
  it('receives an application', () => {
    spec
      .given([])
      .when({
        type: 'ReceiveApplication',
        staffId: 's-1',
        name: 'Dana Reyes',
        position: 'Family physician',
        appliedOn: '2026-01-05',
      })
      .then([applied]);
  });

  it('rejects a second application on the same record, and one without a name', () => {
    spec
      .given([applied])
      .when({
        type: 'ReceiveApplication',
        staffId: 's-1',
        name: 'Dana Reyes',
        position: 'x',
        appliedOn: '2026-01-05',
      })
      .thenRejects('StaffMemberAlreadyExists', 'staffId');
    spec
      .given([])
      .when({ type: 'ReceiveApplication', staffId: 's-1', name: ' ', position: 'x', appliedOn: '2026-01-05' })
      .thenRejects('Required', 'name');
  });

  it('rejects a date that does not exist (2026-02-29)', () => {
    spec
      .given([])
      .when({ type: 'ReceiveApplication', staffId: 's-1', name: 'A', position: 'x', appliedOn: '2026-02-29' })
      .thenRejects('InvalidDate', 'appliedOn');
  });

  it('records an interview with the panel and one score per panel member', () => {
    spec
      .given([applied])
      .when({
        type: 'RecordInterview',
        interviewedOn: '2026-01-12',
        panel: ['dr-okafor', 'pm-lindqvist'],
        scores: [
          { interviewer: 'dr-okafor', score: 4 },
          { interviewer: 'pm-lindqvist', score: 5 },
        ],
      })
      .then([interviewed]);
  });

  it('rejects an interview with a missing score, an outsider score, a score out of range or no panel', () => {
    const given = spec.given([applied]);
    const base = { type: 'RecordInterview' as const, interviewedOn: '2026-01-12', panel: ['a', 'b'] };
    given
      .when({ ...base, scores: [{ interviewer: 'a', score: 3 }] })
      .thenRejects('InterviewScoreMissing', 'scores');
    given
      .when({
        ...base,
        scores: [
          { interviewer: 'a', score: 3 },
          { interviewer: 'c', score: 3 },
        ],
      })
      .thenRejects('ScorerNotOnPanel', 'scores');
    given
      .when({
        ...base,
        scores: [
          { interviewer: 'a', score: 6 },
          { interviewer: 'b', score: 3 },
        ],
      })
      .thenRejects('InterviewScoreOutOfRange', 'scores');
    given.when({ ...base, panel: [], scores: [] }).thenRejects('InterviewPanelEmpty', 'panel');
    given
      .when({
        ...base,
        interviewedOn: '2026-01-04',
        scores: [
          { interviewer: 'a', score: 3 },
          { interviewer: 'b', score: 3 },
        ],
      })
      .thenRejects('InterviewBeforeApplication', 'interviewedOn');
  });

  it('rejects an interview of someone who has not applied', () => {
    spec
      .given([])
      .when({
        type: 'RecordInterview',
        interviewedOn: '2026-01-12',
        panel: ['a'],
        scores: [{ interviewer: 'a', score: 3 }],
      })
      .thenRejects('NotAwaitingInterview');
  });

  it('completes credentialing with a clear OIG check, listing the credentials on file', () => {
    spec
      .given([applied, interviewed, licenceVerified, deaVerified, screenedClear])
      .when({ type: 'CompleteCredentialing', completedOn: '2026-01-20' })
      .then([credentialed]);
  });

  it('refuses to complete credentialing without an OIG check, or when the person is excluded', () => {
    spec
      .given([applied, interviewed, licenceVerified])
      .when({ type: 'CompleteCredentialing', completedOn: '2026-01-20' })
      .thenRejects('ExclusionCheckMissing');
    const excluded = ev('OigExclusionScreened', {
      staffId: 's-1',
      screenedOn: '2026-01-16',
      result: 'excluded',
      source: 'OIG LEIE',
    });
    spec
      .given([applied, interviewed, excluded])
      .when({ type: 'CompleteCredentialing', completedOn: '2026-01-20' })
      .thenRejects('PersonExcluded');
  });

  it('refuses to complete credentialing when a credential on file has expired by then', () => {
    spec
      .given([applied, interviewed, deaVerified, screenedClear])
      .when({ type: 'CompleteCredentialing', completedOn: '2026-10-01' })
      .thenRejects('CredentialExpired', 'dea');
  });

  it('refuses to credential before the interview', () => {
    spec
      .given([applied, screenedClear])
      .when({ type: 'CompleteCredentialing', completedOn: '2026-01-20' })
      .thenRejects('NotInterviewed');
  });

  it('makes an offer after credentialing, not before', () => {
    const given = [applied, interviewed, licenceVerified, deaVerified, screenedClear, credentialed];
    spec
      .given(given)
      .when({ type: 'MakeOffer', offeredOn: '2026-01-22', role: 'physician', startDate: '2026-02-02' })
      .then([offered]);
    spec
      .given([applied, interviewed])
      .when({ type: 'MakeOffer', offeredOn: '2026-01-22', role: 'physician', startDate: '2026-02-02' })
      .thenRejects('CredentialsNotVerified');
    spec
      .given(given)
      .when({ type: 'MakeOffer', offeredOn: '2026-01-22', role: 'physician', startDate: '2026-01-21' })
      .thenRejects('StartBeforeOffer', 'startDate');
  });

  it('hires on the offer, recording the OIG check the hire relied on', () => {
    spec.given(uptoOffer).when({ type: 'HireStaffMember', hiredOn: '2026-01-25' }).then([hired]);
  });

  it('an excluded person cannot be hired', () => {
    const excluded = ev('OigExclusionScreened', {
      staffId: 's-1',
      screenedOn: '2026-01-24',
      result: 'excluded',
      source: 'OIG LEIE',
    });
    spec
      .given([...uptoOffer, excluded])
      .when({ type: 'HireStaffMember', hiredOn: '2026-01-25' })
      .thenRejects('PersonExcluded');
  });

  it('refuses a hire when the last OIG check is more than a month old (month-end clamping: 2026-03-31 − 1 month = 2026-02-28)', () => {
    const late = { type: 'HireStaffMember' as const, hiredOn: '2026-02-17' };
    spec.given(uptoOffer).when(late).thenRejects('ExclusionCheckStale', 'hiredOn');
    const feb28 = ev('OigExclusionScreened', {
      staffId: 's-1',
      screenedOn: '2026-02-28',
      result: 'clear',
      source: 'OIG LEIE',
    });
    spec
      .given([...uptoOffer, feb28])
      .when({ type: 'HireStaffMember', hiredOn: '2026-03-31' })
      .thenState();
    const feb27 = ev('OigExclusionScreened', {
      staffId: 's-1',
      screenedOn: '2026-02-27',
      result: 'clear',
      source: 'OIG LEIE',
    });
    spec
      .given([...uptoOffer, feb27])
      .when({ type: 'HireStaffMember', hiredOn: '2026-03-31' })
      .thenRejects('ExclusionCheckStale');
  });

  it('refuses a hire without an offer', () => {
    spec
      .given([applied, interviewed])
      .when({ type: 'HireStaffMember', hiredOn: '2026-01-25' })
      .thenRejects('NoOffer');
  });

  it('closes an application that did not lead to a hire and stops tracking its credentials', () => {
    spec
      .given(uptoOffer)
      .when({ type: 'CloseApplication', closedOn: '2026-01-26', reason: 'declined the offer' })
      .then([
        ev('StaffApplicationClosed', {
          staffId: 's-1',
          closedOn: '2026-01-26',
          reason: 'declined the offer',
        }),
        ev('StaffCredentialTrackingEnded', {
          staffId: 's-1',
          credentialId: 'lic',
          endedOn: '2026-01-26',
          reason: 'application closed',
        }),
        ev('StaffCredentialTrackingEnded', {
          staffId: 's-1',
          credentialId: 'dea',
          endedOn: '2026-01-26',
          reason: 'application closed',
        }),
      ]);
    spec
      .given([...uptoOffer, hired])
      .when({ type: 'CloseApplication', closedOn: '2026-01-26', reason: 'x' })
      .thenRejects('NotACandidate');
  });

  it('folds the lifecycle into state', () => {
    const s = spec.given(uptoOffer).when({ type: 'HireStaffMember', hiredOn: '2026-01-25' }).thenState();
    expect(s).toMatchObject({
      status: 'hired',
      role: 'physician',
      startDate: '2026-02-02',
      credentialedOn: '2026-01-20',
    });
  });
});
