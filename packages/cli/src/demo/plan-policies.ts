import { actorOf, onStaff, people, team, type Person } from './cast.js';
import type { Step } from './plan.js';
import type { Rng } from './random.js';
import type { DemoTime } from './time.js';

const everyone = ['practice_manager', 'physician', 'biller', 'hr', 'compliance_officer', 'staff'];
const clinical = ['physician', 'staff', 'compliance_officer'];
const policies: readonly { id: string; title: string; roles: readonly string[] }[] = [
  { id: 'hipaa-privacy', title: 'HIPAA privacy and security', roles: everyone },
  { id: 'hand-hygiene', title: 'Hand hygiene', roles: clinical },
  { id: 'exposure-control', title: 'Bloodborne pathogens exposure control plan', roles: clinical },
  {
    id: 'billing-compliance',
    title: 'Billing and coding compliance',
    roles: ['biller', 'physician', 'practice_manager'],
  },
  { id: 'workplace-violence', title: 'Workplace violence prevention', roles: everyone },
  { id: 'social-media', title: 'Social media and patient photos', roles: everyone },
];

/**
 * The practice's policies: drafted by the compliance officer, approved by the practice
 * manager, published in January and acknowledged by each person assigned (a few never do);
 * the social-media policy is revised in July and needs new acknowledgments; a hand-hygiene
 * enforcement audit finds a lapse that is resolved.
 */
export const planPolicies = (
  rng: Rng,
  time: DemoTime,
  year: number,
  staff: readonly Person[] = team,
): Step[] => {
  const steps: Step[] = [];
  const co = actorOf(people.compliance);
  const pm = actorOf(people.manager);
  const day = (m: number, d: number) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const step = (on: string, hour: number, label: string, run: Step['run']) =>
    steps.push({ at: time.at(on, hour, rng.int(0, 59)), label, run });

  const acknowledgeAll = (
    policyId: string,
    roles: readonly string[],
    version: number,
    publishedOn: string,
  ) => {
    for (const person of staff.filter((p) => roles.includes(p.role))) {
      if (rng.chance(0.06)) continue; // never gets round to it
      const from =
        person.starts !== undefined && `${year}-${person.starts}` > publishedOn
          ? `${year}-${person.starts}`
          : publishedOn;
      const on = time.addDays(from, rng.int(0, 30));
      if (!onStaff(person, on)) continue;
      step(on, 12, `policy ${policyId}: ${person.id} acknowledges v${version}`, (p) =>
        p.policies.acknowledgePolicy(
          { policyId, version, staffId: person.id, acknowledgedOn: on },
          { actor: actorOf(person) },
        ),
      );
    }
  };

  for (const [i, pol] of policies.entries()) {
    const drafted = day(1, 5 + i);
    const approved = day(1, 12 + i);
    const published = day(1, 19 + i);
    const policyId = pol.id;
    step(drafted, 9, `policy ${policyId}: draft`, (p) =>
      p.policies.draftPolicy(
        { policyId, title: pol.title, reviewEveryMonths: 12, draftedBy: co.id, draftedOn: drafted },
        { actor: co },
      ),
    );
    step(approved, 10, `policy ${policyId}: approve`, (p) =>
      p.policies.approvePolicy(
        { policyId, approvedBy: pm.id, approverRole: pm.role, approvedOn: approved },
        { actor: pm },
      ),
    );
    step(published, 8, `policy ${policyId}: publish`, (p) =>
      p.policies.publishPolicy({ policyId, publishedOn: published, effectiveOn: published }, { actor: co }),
    );
    step(published, 9, `policy ${policyId}: assign`, (p) =>
      p.policies.assignPolicy({ policyId, roles: [...pol.roles], assignedOn: published }, { actor: co }),
    );
    acknowledgeAll(policyId, pol.roles, 1, published);
  }

  // Hand hygiene: training in February, an enforcement audit in June finds a lapse.
  step(day(2, 11), 13, 'policy hand-hygiene: training', (p) =>
    p.policies.holdPolicyTraining(
      {
        policyId: 'hand-hygiene',
        sessionId: 'hh-2',
        trainerId: co.id,
        // Only people on staff that day attend (a training record names people on the staff record).
        attendeeIds: staff
          .filter((s) => clinical.includes(s.role) && onStaff(s, day(2, 11)))
          .map((s) => s.id),
        heldOn: day(2, 11),
        hours: 1,
      },
      { actor: co },
    ),
  );
  step(day(6, 16), 11, 'policy hand-hygiene: enforcement audit', (p) =>
    p.policies.auditPolicyEnforcement(
      {
        policyId: 'hand-hygiene',
        auditId: 'hh-audit-1',
        auditorId: co.id,
        auditedOn: day(6, 16),
        findings: [
          { findingId: 'hh-f1', description: 'sanitizer dispenser in exam room 3 empty for two days' },
        ],
      },
      { actor: co },
    ),
  );
  step(day(6, 23), 11, 'policy hand-hygiene: finding resolved', (p) =>
    p.policies.resolvePolicyFinding(
      {
        policyId: 'hand-hygiene',
        findingId: 'hh-f1',
        resolution: 'dispensers added to the daily room checklist',
        resolvedOn: day(6, 23),
      },
      { actor: co },
    ),
  );

  // Social media: version 2 in July, everyone acknowledges again.
  const sm = 'social-media';
  step(day(7, 1), 9, `policy ${sm}: draft revision`, (p) =>
    p.policies.draftPolicyRevision(
      {
        policyId: sm,
        changeSummary: 'no patient photos on personal phones',
        draftedBy: co.id,
        draftedOn: day(7, 1),
      },
      { actor: co },
    ),
  );
  step(day(7, 3), 10, `policy ${sm}: approve v2`, (p) =>
    p.policies.approvePolicy(
      { policyId: sm, approvedBy: pm.id, approverRole: pm.role, approvedOn: day(7, 3) },
      { actor: pm },
    ),
  );
  step(day(7, 7), 8, `policy ${sm}: publish v2`, (p) =>
    p.policies.publishPolicy({ policyId: sm, publishedOn: day(7, 7), effectiveOn: day(7, 7) }, { actor: co }),
  );
  acknowledgeAll(sm, everyone, 2, day(7, 7));

  // Fixed minutes (no draw from the random stream, so the rest of the plan is unchanged).
  const fixed = (on: string, hour: number, label: string, run: Step['run']) =>
    steps.push({ at: time.at(on, hour, 5), label, run });
  // The processes the policies govern: privacy complaints (45 CFR 164.530(d)) and claims.
  fixed(day(2, 2), 9, 'policy hipaa-privacy: governs complaints', (p) =>
    p.policies.governProcess(
      { policyId: 'hipaa-privacy', process: 'Complaint', since: day(2, 2) },
      { actor: co },
    ),
  );
  fixed(day(2, 2), 9, 'policy billing-compliance: governs claims', (p) =>
    p.policies.governProcess(
      { policyId: 'billing-compliance', process: 'Claim', since: day(2, 2) },
      { actor: co },
    ),
  );
  // Quarterly chart audits of the physicians' documentation against the billing policy.
  const criteria = [
    { criterionId: 'signed-24h', description: 'Note signed within 24 hours' },
    { criterionId: 'plan', description: 'Assessment and plan documented' },
    { criterionId: 'codes-supported', description: 'Billed codes supported by the note' },
  ];
  const physicians = [people.reyes, people.haddad, people.kim];
  for (const [q, on] of [day(3, 27), day(6, 26), day(9, 25), day(12, 11)].entries())
    fixed(on, 14, `policy billing-compliance: chart audit Q${q + 1}`, (p) =>
      p.policies.auditChartDocumentation(
        {
          policyId: 'billing-compliance',
          auditId: `charts-${year}-q${q + 1}`,
          auditedOn: on,
          criteria,
          providers: physicians
            .filter((d) => onStaff(d, on))
            .map((d, i) => ({
              providerId: d.id,
              sampleSize: 10,
              passes: criteria.map((c, j) => ({
                criterionId: c.criterionId,
                passes: 10 - ((i + j + q) % 4),
              })),
            })),
        },
        { actor: co },
      ),
    );
  return steps;
};
