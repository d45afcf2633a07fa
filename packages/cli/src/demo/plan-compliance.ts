import { actorOf, people } from './cast.js';
import type { Step } from './plan.js';
import type { Rng } from './random.js';
import type { DemoTime } from './time.js';

/**
 * Compliance: five programmes with their recurring requirements (weekly sterilizer spore
 * tests, monthly OIG screening, the annual risk analysis and exposure-control-plan review,
 * the CLIA certificate), a HIPAA audit whose findings get corrective actions, one HIPAA
 * breach (a misdirected fax: under 500 people, individuals notified within 60 days) and one
 * OSHA recordable needlestick.
 */
export const planCompliance = (rng: Rng, time: DemoTime, year: number): Step[] => {
  const steps: Step[] = [];
  const co = actorOf(people.compliance);
  const day = (md: string) => `${year}-${md}`;
  const add = (label: string, on: string, hour: number, run: Step['run'], expectRefusal?: string) =>
    steps.push({
      at: time.at(on, hour, rng.int(0, 59)),
      label,
      run,
      ...(expectRefusal ? { expectRefusal } : {}),
    });
  const start = `${year - 1}-12-01`;

  const programmes = [
    { programmeId: 'hipaa', regulation: 'HIPAA', name: 'HIPAA privacy and security' },
    { programmeId: 'osha', regulation: 'OSHA', name: 'OSHA workplace safety' },
    { programmeId: 'clia', regulation: 'CLIA', name: 'CLIA waived testing' },
    { programmeId: 'infection-control', regulation: 'CDC-infection-control', name: 'Infection control' },
    {
      programmeId: 'billing',
      regulation: 'Medicare-Medicaid-billing',
      name: 'Medicare and Medicaid billing',
    },
  ] as const;
  // A physician's office (NAICS 621111) is partially exempt from the OSHA 300 log (29 CFR 1904.2).
  add('OSHA recordkeeping: physician office, partially exempt', start, 9, (q) =>
    q.compliance.setOshaRecordkeeping(
      {
        establishmentId: 'main',
        naicsCode: '621111',
        peakEmployees: 24,
        effectiveFrom: start,
      },
      { actor: co },
    ),
  );
  for (const p of programmes) {
    add(`programme ${p.programmeId}: established`, start, 9, (q) =>
      q.compliance.establishProgramme({ ...p, ownerId: co.id, establishedOn: start }, { actor: co }),
    );
  }
  const requirement = (
    programmeId: string,
    requirementId: string,
    title: string,
    recurrence: { every: number; unit: 'days' | 'weeks' | 'months' | 'years' },
    firstDueOn: string,
    standard?: string,
  ) =>
    add(`programme ${programmeId}: requirement ${requirementId}`, start, 10, (q) =>
      q.compliance.addRequirement(
        {
          programmeId,
          requirementId,
          title,
          recurrence,
          ownerId: co.id,
          firstDueOn,
          addedOn: start,
          ...(standard === undefined ? {} : { standard: standard as never }),
        },
        { actor: co },
      ),
    );
  requirement(
    'hipaa',
    'risk-analysis',
    'Security risk analysis',
    { every: 1, unit: 'years' },
    day('03-31'),
    'hipaa-risk-analysis',
  );
  requirement(
    'osha',
    'ecp-review',
    'Review the exposure control plan',
    { every: 1, unit: 'years' },
    day('02-28'),
    'osha-exposure-control-plan-review',
  );
  requirement(
    'clia',
    'clia-certificate',
    'Renew the CLIA certificate of waiver',
    { every: 2, unit: 'years' },
    day('09-30'),
    'clia-certificate-renewal',
  );
  requirement(
    'infection-control',
    'spore-test',
    'Sterilizer spore test',
    { every: 1, unit: 'weeks' },
    day('01-03'),
    'cdc-sterilizer-spore-test',
  );
  requirement(
    'billing',
    'oig-screening',
    'OIG exclusion screening of all staff',
    { every: 1, unit: 'months' },
    day('01-05'),
    'oig-exclusion-screening',
  );
  // A policy of the practice's own, to show a too-relaxed schedule being refused.
  add(
    'programme infection-control: a monthly spore test is refused',
    start,
    11,
    (q) =>
      q.compliance.addRequirement(
        {
          programmeId: 'infection-control',
          requirementId: 'spore-test-monthly',
          title: 'Sterilizer spore test',
          recurrence: { every: 1, unit: 'months' },
          ownerId: co.id,
          firstDueOn: day('01-31'),
          addedOn: start,
          standard: 'cdc-sterilizer-spore-test',
        },
        { actor: co },
      ),
    'RecurrenceTooLong',
  );

  const meet = (programmeId: string, requirementId: string, on: string, evidence: string) =>
    add(`programme ${programmeId}: ${requirementId} met ${on}`, on, 16, (q) =>
      q.compliance.meetRequirement(
        { programmeId, requirementId, metBy: co.id, metOn: on, evidence },
        { actor: co },
      ),
    );
  // Weekly spore tests on Fridays (one week in August is missed, and shows as overdue then).
  for (let d = day('01-03'); d <= day('12-31'); d = time.addDays(d, 7)) {
    if (d.slice(5, 7) === '08' && d.slice(8) < '08') continue;
    meet('infection-control', 'spore-test', d, `biological indicator negative, lot ${rng.int(1000, 9999)}`);
  }
  for (let m = 1; m <= 12; m++) {
    meet('billing', 'oig-screening', day(`${String(m).padStart(2, '0')}-05`), 'LEIE search: no matches');
  }
  meet('osha', 'ecp-review', day('02-20'), 'plan reviewed; safety scalpels added');
  meet('hipaa', 'risk-analysis', day('03-27'), 'SRA tool report v2025');
  meet('clia', 'clia-certificate', day('08-29'), 'certificate of waiver renewed');

  // The HIPAA audit in May: two findings, corrective actions, verified and closed.
  const auditId = `hipaa-audit-${year}`;
  add(`audit ${auditId}: scheduled`, day('04-01'), 9, (q) =>
    q.compliance.scheduleAudit(
      {
        auditId,
        programmeId: 'hipaa',
        title: 'HIPAA privacy walk-through',
        auditorId: co.id,
        scheduledFor: day('05-12'),
      },
      { actor: co },
    ),
  );
  add(`audit ${auditId}: performed`, day('05-12'), 15, (q) =>
    q.compliance.performAudit(
      { auditId, performedOn: day('05-12'), summary: 'front desk and exam rooms' },
      { actor: co },
    ),
  );
  const findings = [
    {
      findingId: 'f1',
      description: 'patient sign-in sheet shows full names',
      severity: 'moderate',
      owner: people.desk1.id,
      due: '06-15',
      done: '06-02',
    },
    {
      findingId: 'f2',
      description: 'workstation in exam room 2 does not lock',
      severity: 'high',
      owner: people.manager.id,
      due: '05-31',
      done: '05-20',
    },
  ] as const;
  for (const f of findings) {
    add(`audit ${auditId}: finding ${f.findingId}`, day('05-12'), 16, (q) =>
      q.compliance.recordFinding(
        {
          auditId,
          findingId: f.findingId,
          description: f.description,
          severity: f.severity,
          recordedOn: day('05-12'),
        },
        { actor: co },
      ),
    );
    const actionId = `${f.findingId}-a1`;
    add(`audit ${auditId}: corrective action ${actionId}`, day('05-13'), 10, (q) =>
      q.compliance.assignCorrectiveAction(
        {
          auditId,
          findingId: f.findingId,
          actionId,
          description: `fix: ${f.description}`,
          ownerId: f.owner,
          assignedOn: day('05-13'),
          dueOn: day(f.due),
        },
        { actor: co },
      ),
    );
    add(`audit ${auditId}: ${actionId} done`, day(f.done), 14, (q) =>
      q.compliance.completeCorrectiveAction({ auditId, actionId, completedOn: day(f.done) }, { actor: co }),
    );
    const verified = time.addDays(day(f.done), 3);
    add(`audit ${auditId}: ${actionId} verified`, verified, 11, (q) =>
      q.compliance.verifyCorrectiveAction(
        { auditId, actionId, verifiedBy: co.id, verifiedOn: verified },
        { actor: co },
      ),
    );
    add(`audit ${auditId}: ${f.findingId} closed`, verified, 12, (q) =>
      q.compliance.closeFinding({ auditId, findingId: f.findingId, closedOn: verified }, { actor: co }),
    );
  }

  // The incident: a fax with 37 patients' lab results sent to the wrong number.
  const breachId = `breach-${year}-1`;
  add(`breach ${breachId}: discovered`, day('09-09'), 10, (q) =>
    q.compliance.discoverBreach(
      {
        breachId,
        description: 'lab results of 37 patients faxed to a wrong number',
        discoveredOn: day('09-09'),
        affected: 37,
        states: [{ state: 'TX', residents: 37 }],
      },
      { actor: co },
    ),
  );
  add(`breach ${breachId}: individuals notified`, day('10-02'), 10, (q) =>
    q.compliance.sendBreachNotification(
      { breachId, recipient: 'individuals', sentOn: day('10-02') },
      { actor: co },
    ),
  );

  // An OSHA recordable: a needlestick, logged on the OSHA 300 log within 7 days.
  const incidentId = `osha-${year}-1`;
  add(`osha ${incidentId}: recorded`, day('06-24'), 15, (q) =>
    q.compliance.recordOshaIncident(
      {
        incidentId,
        employeeId: people.ma2.id,
        description: 'needlestick during venipuncture; post-exposure prophylaxis given',
        outcome: 'other-recordable',
        occurredAt: time.at(day('06-24'), 10, 40),
        outcomeAt: time.at(day('06-24'), 10, 40),
        learnedAt: time.at(day('06-24'), 11, 0),
        zone: time.zone,
      },
      { actor: co },
    ),
  );
  add(`osha ${incidentId}: logged`, day('06-27'), 9, (q) =>
    q.compliance.logOshaIncident({ incidentId, loggedOn: day('06-27') }, { actor: co }),
  );
  return steps;
};
