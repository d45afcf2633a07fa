/**
 * Example: posting a payer's 835 remittance (ERA). A practice submits two claims; the payer
 * answers with an 835 (written here with `write835`, as a payer would send it); the biller
 * posts it with `practice.finance.importRemittance`: payments per line, contractual (CO) and
 * patient-responsibility (PR) amounts, all of the file or none, and nothing twice.
 * (`praxis import-era <file.835>` does the same from the shell; `--dry-run` only reconciles.)
 *
 *   node --import tsx examples/era-posting.ts
 */
import { pathToFileURL } from 'node:url';
import { createPractice } from '@praxis/practice';
import { dollars, parseRemittances, write835 } from '@praxis/x12';

const biller = { id: 'bea', role: 'biller' };

/** Runs the example and returns the lines it prints. */
export const eraPosting = async (): Promise<string[]> => {
  const out: string[] = [];
  const practice = await createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD' });
  const b = practice.as(biller);
  const at = '2026-03-02T17:00:00-06:00';
  for (const claimId of ['A-100', 'A-101']) {
    await b.finance.registerCharges(
      {
        claimId,
        encounterId: `enc-${claimId}`,
        patientId: `pat-${claimId}`,
        payerId: 'acme',
        payerKind: 'commercial',
        dateOfService: '2026-03-02',
        timeZone: 'America/Chicago',
        charges: [{ cptCode: '99213', units: 1, amount: 14_000 }],
      },
      { at },
    );
    await b.finance.createClaim({ claimId }, { at });
    await b.finance.scrubClaim({ claimId, failedEdits: [] }, { at });
    await b.finance.submitClaim({ claimId }, { at });
  }
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
      `${c.claimId}: ${c.posting}, paid ${dollars(c.paid)}, CO ${dollars(c.contractualAdjustment)}, patient ${dollars(c.patientResponsibility)}${c.denial === undefined ? '' : `, CARC ${c.denial.carcCode}`}`,
    );
  const again = await b.finance.importRemittance(era);
  out.push(`again: ${again.ok ? again.remittances[0]!.status : again.outcome}`);
  await practice.close();
  return out;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await eraPosting()) console.log(line);
}
