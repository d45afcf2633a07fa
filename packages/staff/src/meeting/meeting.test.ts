import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { PulseSurvey } from '../index.js';

const hr = { id: 'hana', role: 'hr' };
const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/New_York', currency: 'USD', actor: hr });
type Practice = Awaited<ReturnType<typeof open>>;
const ok = async (r: Promise<{ ok: boolean; summary: string }>) => {
  const x = await r;
  expect(x.ok, x.summary).toBe(true);
};
const hire = async (p: Practice, staffId: string) => {
  const s = p.staff;
  await ok(
    s.receiveApplication({ staffId, name: `Person ${staffId}`, position: 'MA', appliedOn: '2026-01-02' }),
  );
  await ok(
    s.recordInterview({
      staffId,
      interviewedOn: '2026-01-05',
      panel: ['hana'],
      scores: [{ interviewer: 'hana', score: 4 }],
    }),
  );
  await ok(s.recordExclusionScreening({ staffId, screenedOn: '2026-01-06', result: 'clear' }));
  await ok(s.completeCredentialing({ staffId, completedOn: '2026-01-07' }));
  await ok(s.makeOffer({ staffId, offeredOn: '2026-01-08', role: 'staff', startDate: '2026-01-15' }));
  await ok(s.hireStaffMember({ staffId, hiredOn: '2026-01-09' }));
};
const staff = ['staff-a', 'staff-b', 'staff-c', 'staff-d', 'staff-e'];
const history = async (p: Practice, streamId: string) => {
  const out: { type: string; data: unknown }[] = [];
  for await (const e of p.store.readStream(streamId)) out.push({ type: e.type, data: e.data });
  return out;
};

describe('team building and open communication', () => {
  it('records a staff meeting with agenda and attendees on the staff record; each decision becomes a work item', async () => {
    const p = await open();
    for (const id of staff.slice(0, 3)) await hire(p, id);
    const meeting = {
      meetingId: 'm-2026-03',
      heldOn: '2026-03-02',
      agenda: ['Rota for April', 'Sterilisation backlog'],
      attendeeIds: ['staff-a', 'staff-b', 'staff-c'],
      decisions: [
        { decisionId: 'd1', text: 'Order a second autoclave', ownerId: 'staff-a', dueOn: '2026-03-31' },
        { decisionId: 'd2', text: 'Publish the April rota', ownerId: 'staff-b' },
      ],
    };
    expect(await p.staff.holdStaffMeeting({ ...meeting, attendeeIds: ['staff-a', 'ghost'] })).toMatchObject({
      ok: false,
      code: 'UnknownStaffMember',
      field: 'attendeeIds.1',
    });
    expect(
      await p.staff.holdStaffMeeting({
        ...meeting,
        decisions: [{ ...meeting.decisions[0]!, dueOn: '2026-03-01' }],
      }),
    ).toMatchObject({ ok: false, code: 'DueBeforeMeeting', field: 'decisions.0.dueOn' });
    await ok(p.staff.holdStaffMeeting(meeting));
    expect(await history(p, 'WorkItem-meeting-m-2026-03-d1')).toMatchObject([
      {
        type: 'WorkItemCreated',
        data: {
          title: 'Order a second autoclave',
          ownerId: 'staff-a',
          dueOn: '2026-03-31',
          sourceRef: 'StaffMeeting-m-2026-03',
          createdBy: 'process:meeting-decisions-to-work',
        },
      },
    ]);
    expect((await history(p, 'WorkItem-meeting-m-2026-03-d2'))[0]).toMatchObject({
      data: { ownerId: 'staff-b' },
    });
    expect(await p.staff.holdStaffMeeting(meeting)).toMatchObject({
      ok: false,
      code: 'MeetingAlreadyRecorded',
    });
    await p.close();
  });

  it('keeps pulse survey answers anonymous and shows results only from five responses', async () => {
    const p = await open();
    for (const id of staff) await hire(p, id);
    const questions = [
      { questionId: 'heard', text: 'I feel heard at staff meetings' },
      { questionId: 'workload', text: 'My workload is manageable' },
    ];
    const survey = { surveyId: 'pulse-q1', openedOn: '2026-03-02', closesOn: '2026-03-13', questions };
    expect(await p.staff.openPulseSurvey({ ...survey, inviteeIds: staff.slice(0, 4) })).toMatchObject({
      ok: false,
      code: 'TooFewInvitees',
    });
    await ok(p.staff.openPulseSurvey({ ...survey, inviteeIds: staff }));
    const response = (heard: number, workload: number) => ({
      answers: [
        { questionId: 'heard', score: heard },
        { questionId: 'workload', score: workload },
      ],
    });
    const record = (responses: unknown[], actor = { id: 'survey-box', role: 'pulse_collector' }) =>
      p
        .as(actor)
        .staff.recordPulseResponses({ surveyId: 'pulse-q1', receivedOn: '2026-03-06', responses } as never);
    // An invitee may not record answers: the log records who acts, and would tie them to the scores.
    expect(await record([response(5, 5)], { id: 'staff-a', role: 'pulse_collector' })).toMatchObject({
      ok: false,
      code: 'CollectorIsInvitee',
    });
    expect(await record([response(6, 3)])).toMatchObject({
      ok: false,
      code: 'ScoreOutOfRange',
      field: 'responses.0.answers.0.score',
    });
    await ok(record([response(4, 2), response(5, 3), response(3, 2), response(4, 4)]));
    expect(await PulseSurvey.pulseSurveyResults(p.readModels, 'pulse-q1')).toEqual({
      shown: false,
      surveyId: 'pulse-q1',
      invited: 5,
      responses: 4,
      minimum: 5,
    });
    await ok(record([{ answers: [{ questionId: 'heard', score: 4 }] }]));
    const results = await PulseSurvey.pulseSurveyResults(p.readModels, 'pulse-q1');
    expect(results).toMatchObject({
      shown: true,
      responses: 5,
      questions: [
        { questionId: 'heard', answers: 5, mean: 4, distribution: [0, 0, 1, 3, 1] },
        { questionId: 'workload', answers: 4, mean: 2.75, distribution: [0, 2, 1, 1, 0] },
      ],
    });
    expect(await record([response(1, 1)])).toMatchObject({ ok: false, code: 'MoreResponsesThanInvitees' });
    // No answer event names a person: not a respondent, not an invitation.
    for (const e of (await history(p, 'PulseSurvey-pulse-q1')).filter(
      (x) => x.type === 'PulseResponsesRecorded',
    ))
      for (const id of staff) expect(JSON.stringify(e.data)).not.toContain(id);
    await p.close();
  });
});
