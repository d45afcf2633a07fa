/**
 * Example: the revenue cycle over X12. The practice requires an eligibility check before it
 * bills; the front desk records one per visit; two claims with their diagnoses, rendering
 * provider and subscriber (sealed) leave as one 837P (`practice.finance.exportClaims`, which
 * also records their submission). The payer answers with an 835 (written here with `write835`,
 * as a payer would send it); the biller posts it with `practice.finance.importRemittance`:
 * payments per line, contractual (CO) and patient-responsibility (PR) amounts, denials with
 * their CARC, all of the file or none, and nothing twice.
 * (`praxis export-837` / `praxis import-era <file.835>` do the same from the shell.)
 *
 *   node --import tsx examples/era-posting.ts
 */
import { pathToFileURL } from 'node:url';
import { createPractice } from '@praxis/practice';
import { carcDescription, dollars, parseRemittances, read837P, write835 } from '@praxis/x12';

const biller = { id: 'bea', role: 'biller' };
const desk = { id: 'S-2', role: 'staff' };
const manager = { id: 'S-1', role: 'practice_manager' };

/** The practice's EDI set-up (what `praxis export-837 --parties` reads from a JSON file). */
const parties = {
  submitter: { name: 'PRAXIS CLINIC', id: 'PRX001', contact: 'BEA BILLER', phone: '3125550100' },
  receiver: { name: 'ACME CLEARINGHOUSE', id: 'ACME01' },
  billingProvider: {
    name: 'PRAXIS CLINIC',
    npi: '1234567893',
    taxId: '123456789',
    address: '1 MAIN ST',
    city: 'CHICAGO',
    state: 'IL',
    zip: '60601',
  },
};

/** Runs the example and returns the lines it prints. */
export const eraPosting = async (): Promise<string[]> => {
  const out: string[] = [];
  const practice = await createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD' });
  const b = practice.as(biller);
  const at = '2026-03-02T17:00:00-06:00';
  await practice
    .as(manager)
    .finance.setBillingPolicy({ policyId: 'practice', eligibilityCheckRequired: true }, { at });
  for (const [claimId, lastName] of [
    ['A-100', 'ORTIZ'],
    ['A-101', 'NGUYEN'],
  ] as const) {
    // At check-in: the payer's 271 says the coverage is active, copay $20.
    await practice.as(desk).finance.recordEligibilityCheck(
      {
        patientId: `pat-${claimId}`,
        checkId: `elig-${claimId}`,
        payerId: 'acme',
        serviceDate: '2026-03-02',
        coverageActive: true,
        copay: 2_000,
        deductibleRemaining: 0,
        source: '271',
      },
      { at },
    );
    await b.finance.registerCharges(
      {
        claimId,
        encounterId: `enc-${claimId}`,
        patientId: `pat-${claimId}`,
        payerId: 'acme',
        payerKind: 'commercial',
        dateOfService: '2026-03-02',
        timeZone: 'America/Chicago',
        charges: [{ cptCode: '99213', units: 1, amount: 14_000, diagnosisPointers: [1] }],
        diagnoses: ['J06.9'],
        memberId: `ACM${claimId.slice(2)}`,
        subscriber: { lastName, firstName: 'SAM' },
      },
      { at },
    );
    await b.finance.createClaim({ claimId }, { at });
    await b.finance.scrubClaim({ claimId, failedEdits: [] }, { at });
  }
  // The claims leave as one 837P, and their submission is recorded.
  const sent = await b.finance.exportClaims(parties, { submit: true, controlNumber: 1, at });
  const back = read837P(sent.text ?? '');
  out.push(
    `837P: ${back.length} claims, ${dollars(back.reduce((a, c) => a + c.totalCharge, 0))}, ${sent.submitted} submitted (${back.map((c) => `${c.claimId} ${c.diagnoses.join(',')}`).join('; ')})`,
  );
  // The payer's 835: A-100 paid $90 (CO-45 $30, PR-2 coinsurance $20); A-101 denied (CO-50).
  const era = write835({
    payerName: 'ACME HEALTH',
    payerId: '1999999999',
    payeeName: 'PRAXIS CLINIC',
    payeeNpi: '1234567893',
    traceNumber: 'EFT-20260320',
    paymentDate: '2026-03-20',
    paymentMethod: 'ACH',
    controlNumber: 1,
    claims: [
      {
        claimId: 'A-100',
        charge: 14_000,
        paid: 9_000,
        patientResponsibility: 2_000,
        lines: [
          {
            code: '99213',
            charge: 14_000,
            paid: 9_000,
            adjustments: [
              { group: 'CO', carc: '45', amount: 3_000 },
              { group: 'PR', carc: '2', amount: 2_000 },
            ],
          },
        ],
      },
      {
        claimId: 'A-101',
        status: '4',
        charge: 14_000,
        paid: 0,
        patientResponsibility: 0,
        lines: [
          {
            code: '99213',
            charge: 14_000,
            paid: 0,
            adjustments: [{ group: 'CO', carc: '50', amount: 14_000 }],
            remarks: ['N115'],
          },
        ],
      },
    ],
  });
  const [{ totals }] = parseRemittances(era) as [ReturnType<typeof parseRemittances>[0]];
  out.push(`835 trace EFT-20260320: BPR02 ${dollars(totals.payment)}, ${totals.claims} claims`);
  const posted = await b.finance.importRemittance(era, { at: '2026-03-20T09:00:00-05:00' });
  if (!posted.ok) throw new Error(`not posted: ${JSON.stringify(posted)}`);
  for (const c of posted.remittances[0]!.claims)
    out.push(
      `${c.claimId}: ${c.posting}, paid ${dollars(c.paid)}, CO ${dollars(c.contractualAdjustment)}, patient ${dollars(c.patientResponsibility)}${c.denial === undefined ? '' : `, CARC ${c.denial.carcCode} (${carcDescription(c.denial.carcCode) ?? 'unknown code'})`}`,
    );
  const again = await b.finance.importRemittance(era);
  out.push(`again: ${again.ok ? again.remittances[0]!.status : again.outcome}`);
  await practice.close();
  return out;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await eraPosting()) console.log(line);
}
