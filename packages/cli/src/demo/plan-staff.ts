import { DateTime } from 'luxon';
import { actorOf, onStaff, people, team, type Person } from './cast.js';
import type { Step } from './plan.js';
import type { Rng } from './random.js';
import type { DemoTime } from './time.js';

const clinicalRoles = new Set(['physician', 'staff', 'compliance_officer']);

/**
 * The people: everyone's recruitment (earlier years, or this year for the new medical
 * assistant), credentials with expiries and renewals, monthly OIG exclusion checks, annual
 * HIPAA and OSHA bloodborne-pathogens training, continuing education, SMART goals,
 * quarterly reviews, two separations and one conflict mediated and resolved.
 */
export const planStaff = (rng: Rng, time: DemoTime, year: number): Step[] => {
  const steps: Step[] = [];
  const hr = actorOf(people.hr);
  const pm = actorOf(people.manager);
  const day = (md: string) => `${year}-${md}`;
  const add = (
    staffId: string,
    on: string,
    hour: number,
    label: string,
    run: Step['run'],
    expectRefusal?: string,
  ) =>
    steps.push({
      at: time.at(on, hour, rng.int(0, 59)),
      label: `staff ${staffId}: ${label}`,
      run,
      ...(expectRefusal ? { expectRefusal } : {}),
    });

  for (const [i, person] of team.entries()) {
    const staffId = person.id;
    const starts =
      person.starts === undefined
        ? `${year - 1 - (i % 4)}-${String((i % 9) + 2).padStart(2, '0')}-01`
        : day(person.starts);
    const applied = time.addDays(starts, -45);
    const interviewed = time.addDays(starts, -35);
    const screened = time.addDays(starts, -25);
    const credentialed = time.addDays(starts, -20);
    const offered = time.addDays(starts, -14);
    const hired = time.addDays(starts, -10);
    add(staffId, applied, 10, 'application', (p) =>
      p.staff.receiveApplication(
        { staffId, name: person.name, position: person.title, appliedOn: applied },
        { actor: hr },
      ),
    );
    if (person.starts !== undefined) {
      // A second candidate for the same position, not selected.
      const other = `candidate-${year}-ma`;
      add(other, applied, 11, 'application', (p) =>
        p.staff.receiveApplication(
          { staffId: other, name: 'Alex Morgan', position: person.title, appliedOn: applied },
          { actor: hr },
        ),
      );
      add(other, offered, 16, 'application closed', (p) =>
        p.staff.closeApplication(
          { staffId: other, closedOn: offered, reason: 'not selected' },
          { actor: hr },
        ),
      );
    }
    add(staffId, interviewed, 14, 'interview', (p) =>
      p.staff.recordInterview(
        {
          staffId,
          interviewedOn: interviewed,
          panel: [pm.id, hr.id],
          scores: [
            { interviewer: pm.id, score: rng.int(3, 5) },
            { interviewer: hr.id, score: rng.int(3, 5) },
          ],
        },
        { actor: hr },
      ),
    );
    add(staffId, screened, 9, 'OIG exclusion check', (p) =>
      p.staff.recordExclusionScreening({ staffId, screenedOn: screened, result: 'clear' }, { actor: hr }),
    );
    for (const c of credentialsOf(person, year)) {
      add(staffId, screened, 10, `verify ${c.kind}`, (p) =>
        p.staff.verifyCredential({ staffId, ...c, verifiedOn: screened }, { actor: hr }),
      );
    }
    add(staffId, credentialed, 9, 'credentialing complete', (p) =>
      p.staff.completeCredentialing({ staffId, completedOn: credentialed }, { actor: hr }),
    );
    add(staffId, offered, 15, 'offer', (p) =>
      p.staff.makeOffer({ staffId, offeredOn: offered, role: person.role, startDate: starts }, { actor: hr }),
    );
    add(staffId, hired, 11, 'hired', (p) =>
      p.staff.hireStaffMember({ staffId, hiredOn: hired }, { actor: hr }),
    );
    if (person.starts !== undefined) {
      for (const [n, task] of ['badge and keys', 'EHR account', 'clinic orientation'].entries()) {
        add(staffId, starts, 9, `onboarding ${task}`, (p) =>
          p.staff.assignOnboardingTask(
            {
              staffId,
              taskId: `onb-${n + 1}`,
              description: task,
              assignedOn: starts,
              dueOn: time.addDays(starts, 14),
            },
            { actor: hr },
          ),
        );
        const done = time.addDays(starts, rng.int(1, 12));
        add(staffId, done, 16, `onboarding ${task} done`, (p) =>
          p.staff.completeOnboardingTask(
            { staffId, taskId: `onb-${n + 1}`, completedOn: done },
            { actor: hr },
          ),
        );
      }
    }

    // NCQA: recredential at most 36 months after the last credentialing (late ones catch up in January).
    const recredentialDue = DateTime.fromISO(credentialed, { zone: 'utc' }).plus({ months: 36 }).toISODate()!;
    if (recredentialDue <= day('12-31')) {
      const on = recredentialDue < day('01-20') ? day('01-20') : time.addDays(recredentialDue, -21);
      add(staffId, on, 10, 'recredentialed', (p) =>
        p.staff.recredential({ staffId, recredentialedOn: on }, { actor: hr }),
      );
    }

    // Monthly OIG exclusion screening while on staff (OIG guidance).
    for (let m = 1; m <= 12; m++) {
      const on = day(`${String(m).padStart(2, '0')}-05`);
      if (!onStaff(person, on) || on < hired) continue;
      add(staffId, on, 8, `OIG check ${on.slice(0, 7)}`, (p) =>
        p.staff.recordExclusionScreening({ staffId, screenedOn: on, result: 'clear' }, { actor: hr }),
      );
    }

    // Annual training: HIPAA for everyone, OSHA bloodborne pathogens for clinical staff.
    const assignOn = person.starts === undefined ? day('01-06') : starts;
    const courses = [
      { trainingId: `hipaa-${year}`, course: 'HIPAA privacy and security', legalSource: '45 CFR 164.530(b)' },
      ...(clinicalRoles.has(person.role)
        ? [
            {
              trainingId: `osha-bbp-${year}`,
              course: 'OSHA bloodborne pathogens',
              legalSource: '29 CFR 1910.1030(g)(2)',
            },
          ]
        : []),
    ];
    for (const c of courses) {
      const due = time.addDays(assignOn, 60);
      add(staffId, assignOn, 9, `assign ${c.course}`, (p) =>
        p.staff.assignTraining(
          { staffId, ...c, assignedOn: assignOn, dueOn: due, required: true, recurrenceMonths: 12 },
          { actor: hr },
        ),
      );
      const fate = rng.next();
      if (fate < 0.04) continue; // never done: shows on the calendar as overdue
      const completed = time.addDays(assignOn, fate < 0.2 ? rng.int(61, 120) : rng.int(5, 55));
      if (!onStaff(person, completed)) continue;
      add(staffId, completed, 13, `complete ${c.course}`, (p) =>
        p.staff.completeTraining(
          { staffId, trainingId: c.trainingId, completedOn: completed, hours: 1.5 },
          { actor: actorOf(person) },
        ),
      );
    }
    if (person.provider === true) {
      for (let k = 1; k <= 3; k++) {
        const on = day(`${String(k * 3).padStart(2, '0')}-${String(rng.int(10, 25))}`);
        add(staffId, on, 17, 'continuing education', (p) =>
          p.staff.recordContinuingEducation(
            {
              staffId,
              activityId: `cme-${year}-${k}`,
              title: rng.pick(cmeTitles),
              provider: 'AAFP',
              hours: rng.int(2, 8),
              completedOn: on,
            },
            { actor: hr },
          ),
        );
      }
    }

    // Quarterly reviews (the manager reviews everyone; a physician reviews the manager).
    const reviewer = staffId === pm.id ? people.reyes.id : pm.id;
    for (const [q, on] of [
      [1, '04-08'],
      [2, '07-09'],
      [3, '10-07'],
      [4, '12-19'],
    ] as const) {
      const reviewedOn = day(on);
      const quarterEnd = day(['03-31', '06-30', '09-30', '12-31'][q - 1]!);
      if (!onStaff(person, reviewedOn) || (person.starts !== undefined && quarterEnd < starts)) continue;
      add(staffId, reviewedOn, 15, `review Q${q}`, (p) =>
        p.staff.recordQuarterlyReview(
          {
            staffId,
            quarter: `${year}-Q${q}`,
            reviewedOn,
            rating: rng.weighted([
              [3, 3],
              [4, 5],
              [5, 2],
            ]),
          },
          // The reviewer is who acts; the manager records a physician's review of her in his name.
          reviewer === pm.id ? { actor: pm } : { actor: pm, onBehalfOf: reviewer },
        ),
      );
    }

    if (person.leaves !== undefined) {
      const last = day(person.leaves);
      const voluntary = person.id !== people.desk2.id;
      add(staffId, last, 17, 'separation', (p) =>
        p.staff.separateStaffMember(
          { staffId, separatedOn: last, voluntary, reason: voluntary ? 'moving out of state' : 'attendance' },
          { actor: hr },
        ),
      );
    }
  }

  planRenewals(add, time, year, hr);
  planGoals(add, year, pm);
  planTeam(steps, time, year);

  // A scheduling dispute between two medical assistants, mediated and resolved.
  const conflictId = `conflict-${year}-1`;
  add(conflictId, day('04-14'), 12, 'opened', (p) =>
    p.staff.openConflict(
      {
        conflictId,
        parties: [people.ma1.id, people.ma2.id],
        description: 'repeated disputes over Saturday clinic rota',
        openedOn: day('04-14'),
      },
      // HR records the report in the name of the medical assistant who made it.
      { actor: hr, onBehalfOf: people.ma1.id },
    ),
  );
  add(conflictId, day('04-22'), 15, 'mediated', (p) =>
    p.staff.mediateConflict(
      { conflictId, mediator: hr.id, mediatedOn: day('04-22'), notes: 'agreed a rotating rota' },
      { actor: hr },
    ),
  );
  add(conflictId, day('05-20'), 10, 'resolved', (p) =>
    p.staff.resolveConflict(
      { conflictId, resolvedOn: day('05-20'), resolution: 'rota published four weeks ahead' },
      { actor: hr },
    ),
  );
  return steps;
};

type Add = (
  staffId: string,
  on: string,
  hour: number,
  label: string,
  run: Step['run'],
  expectRefusal?: string,
) => void;

const cmeTitles = [
  'Hypertension guideline update',
  'Diabetes management in primary care',
  'Opioid prescribing: safe practices',
  'Adult immunization schedule',
];

/** The credentials each person holds; some expire during the demo year. */
const credentialsOf = (person: Person, year: number) => {
  const licence = (expiresOn: string) => ({
    credentialId: 'licence',
    kind: 'licence' as const,
    issuer: 'Texas Medical Board',
    number: `TX-${person.id.length}${person.name.length}4471`,
    expiresOn,
    jurisdiction: 'TX',
  });
  if (person.id === people.reyes.id) {
    return [licence(`${year}-06-30`), dea(`${year + 1}-03-31`, 'FR1234563'), board(`${year + 3}-12-31`)];
  }
  if (person.id === people.haddad.id) {
    return [licence(`${year + 1}-08-31`), dea(`${year + 2}-01-31`, 'FH7654321'), board(`${year + 1}-06-30`)];
  }
  if (person.id === people.kim.id) {
    return [licence(`${year + 1}-11-30`), dea(`${year}-09-30`, 'FK2468135'), board(`${year + 4}-12-31`)];
  }
  if (person.id === people.compliance.id) {
    return [{ ...licence(`${year + 1}-05-31`), issuer: 'Texas Board of Nursing', number: 'RN-882211' }];
  }
  return [];
};
const dea = (expiresOn: string, number: string) => ({
  credentialId: 'dea',
  kind: 'dea-registration' as const,
  issuer: 'Drug Enforcement Administration',
  number,
  expiresOn,
});
const board = (expiresOn: string) => ({
  credentialId: 'board',
  kind: 'board-certification' as const,
  issuer: 'American Board of Family Medicine',
  number: 'ABFM-55120',
  expiresOn,
});

/** Dr Reyes renews her licence before it lapses; Dr Kim's DEA renewal is first tried too early. */
const planRenewals = (add: Add, time: DemoTime, year: number, hr: { id: string; role: string }) => {
  const day = (md: string) => `${year}-${md}`;
  add(people.reyes.id, day('05-28'), 10, 'renew licence', (p) =>
    p.staff.renewCredential(
      {
        staffId: people.reyes.id,
        credentialId: 'licence',
        renewedOn: day('05-28'),
        expiresOn: `${year + 2}-06-30`,
      },
      { actor: hr },
    ),
  );
  add(
    people.kim.id,
    day('06-02'),
    10,
    'renew DEA (too early)',
    (p) =>
      p.staff.renewCredential(
        {
          staffId: people.kim.id,
          credentialId: 'dea',
          renewedOn: day('06-02'),
          expiresOn: `${year + 3}-09-30`,
        },
        { actor: hr },
      ),
    'DeaRenewalTooEarly',
  );
  add(people.kim.id, day('08-18'), 10, 'renew DEA', (p) =>
    p.staff.renewCredential(
      {
        staffId: people.kim.id,
        credentialId: 'dea',
        renewedOn: day('08-18'),
        expiresOn: `${year + 3}-09-30`,
      },
      { actor: hr },
    ),
  );
  void time;
};

/** SMART goals for the biller and the manager; one achieved, one missed. */
const planGoals = (add: Add, year: number, pm: { id: string; role: string }) => {
  const day = (md: string) => `${year}-${md}`;
  add(people.biller.id, day('01-13'), 10, 'goal: days in A/R', (p) =>
    p.staff.setSmartGoal(
      {
        staffId: people.biller.id,
        goalId: 'ar-days',
        setOn: day('01-13'),
        specific: 'bring days in A/R down by working denials within 5 days',
        metric: 'days in A/R',
        target: 35,
        unit: 'days',
        deadline: day('06-30'),
      },
      { actor: pm },
    ),
  );
  add(people.biller.id, day('07-02'), 10, 'goal closed', (p) =>
    p.staff.closeSmartGoal(
      {
        staffId: people.biller.id,
        goalId: 'ar-days',
        closedOn: day('07-02'),
        outcome: 'achieved',
        actual: 33,
      },
      { actor: pm },
    ),
  );
  add(
    people.manager.id,
    day('01-13'),
    11,
    'goal: a vague goal is refused',
    (p) =>
      p.staff.setSmartGoal(
        { staffId: people.manager.id, goalId: 'vague', setOn: day('01-13'), specific: 'improve things' },
        { actor: pm },
      ),
    'SmartGoalIncomplete',
  );
  add(people.manager.id, day('01-13'), 11, 'goal: new patient wait', (p) =>
    p.staff.setSmartGoal(
      {
        staffId: people.manager.id,
        goalId: 'third-next',
        setOn: day('01-13'),
        specific: 'open two extra new-patient slots per provider per week',
        metric: 'third-next-available',
        target: 7,
        unit: 'days',
        deadline: day('09-30'),
      },
      { actor: pm },
    ),
  );
  add(people.manager.id, day('10-03'), 11, 'goal closed', (p) =>
    p.staff.closeSmartGoal(
      {
        staffId: people.manager.id,
        goalId: 'third-next',
        closedOn: day('10-03'),
        outcome: 'missed',
        actual: 11,
      },
      { actor: pm },
    ),
  );
};

/**
 * Team building and open communication: a monthly-style staff meeting whose decisions become work
 * items, an anonymous pulse survey in June (answers recorded by the survey box's account), and a
 * goal for HR on a practice KPI, judged from the log. Fixed minutes: no draw from the random stream.
 */
const planTeam = (steps: Step[], time: DemoTime, year: number) => {
  const hr = actorOf(people.hr);
  const day = (md: string) => `${year}-${md}`;
  const at = (on: string, hour: number, label: string, run: Step['run']) =>
    steps.push({ at: time.at(on, hour, 10), label, run });
  const meetingOn = day('03-03');
  at(meetingOn, 13, 'staff meeting: March', (p) =>
    p.staff.holdStaffMeeting(
      {
        meetingId: `${year}-03`,
        heldOn: meetingOn,
        agenda: ['Saturday clinic rota', 'Sterilisation backlog', 'Pulse survey in June'],
        attendeeIds: team.filter((x) => onStaff(x, meetingOn)).map((x) => x.id),
        decisions: [
          {
            decisionId: 'autoclave',
            text: 'Quote a second autoclave',
            ownerId: people.manager.id,
            dueOn: day('03-31'),
          },
          { decisionId: 'rota', text: 'Publish the rota four weeks ahead', ownerId: people.hr.id },
        ],
      },
      { actor: hr },
    ),
  );
  const opened = day('06-01');
  at(opened, 9, 'pulse survey: opened', (p) =>
    p.staff.openPulseSurvey(
      {
        surveyId: `pulse-${year}-06`,
        openedOn: opened,
        closesOn: day('06-12'),
        questions: [
          { questionId: 'heard', text: 'I feel heard at staff meetings' },
          { questionId: 'workload', text: 'My workload is manageable' },
        ],
        inviteeIds: team.filter((x) => onStaff(x, opened)).map((x) => x.id),
      },
      { actor: hr },
    ),
  );
  const scores = [
    [4, 3],
    [5, 2],
    [3, 3],
    [4, 4],
    [4, 2],
    [5, 3],
    [2, 2],
  ];
  at(day('06-12'), 17, 'pulse survey: responses from the box', (p) =>
    p.staff.recordPulseResponses(
      {
        surveyId: `pulse-${year}-06`,
        receivedOn: day('06-12'),
        responses: scores.map(([heard, workload]) => ({
          answers: [
            { questionId: 'heard', score: heard! },
            { questionId: 'workload', score: workload! },
          ],
        })),
      },
      { actor: { id: 'pulse-box', role: 'pulse_collector' } },
    ),
  );
  at(day('06-13'), 9, 'pulse survey: closed', (p) =>
    p.staff.closePulseSurvey({ surveyId: `pulse-${year}-06`, closedOn: day('06-13') }, { actor: hr }),
  );
  // HR's goal on a practice KPI: the Q2 reviews (due in July) on time.
  const pm = actorOf(people.manager);
  at(day('04-01'), 11, 'goal: reviews on time (KPI)', (p) =>
    p.staff.setSmartGoal(
      {
        staffId: people.hr.id,
        goalId: 'reviews-on-time',
        setOn: day('04-01'),
        specific: 'every Q2 review done by its due date',
        target: 90,
        deadline: day('07-31'),
        kpiId: 'reviewsOnTime',
      },
      { actor: pm },
    ),
  );
  at(day('08-03'), 11, 'goal closed from the KPI', (p) =>
    p.staff.closeSmartGoal(
      { staffId: people.hr.id, goalId: 'reviews-on-time', closedOn: day('08-03'), outcome: 'achieved' },
      { actor: pm },
    ),
  );
};
