import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPractice, type Practice } from '@praxis/practice';

/**
 * The folder of the public sample interchanges, `shared/x12` beside the checkout (read in
 * place; see its README): `PRAXIS_SHARED_DIR`, else the nearest ancestor's `shared/`, else
 * `/work/shared` (where the team's machines keep it for clones made elsewhere).
 */
export const samplesDir = (): string => {
  const env = process.env['PRAXIS_SHARED_DIR'];
  if (env !== undefined) return join(env, 'x12');
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'shared', 'x12', 'README.md'))) return join(dir, 'shared', 'x12');
  }
  // A clone made elsewhere on the team's machines (CI clones into a temporary folder).
  if (existsSync(join('/work/shared', 'x12', 'README.md'))) return join('/work/shared', 'x12');
  throw new Error('the sample interchanges (shared/x12) are not beside this checkout; set PRAXIS_SHARED_DIR');
};

/** One sample interchange's text. */
export const sample = (name: string): string => readFileSync(join(samplesDir(), name), 'utf8');

export const biller = { id: 'bea', role: 'biller' } as const;

/** A claim as the 837 would have sent it: id, date of service, and (CPT, charge in cents) lines. */
export interface SeedClaim {
  readonly claimId: string;
  readonly dateOfService: string;
  readonly lines: readonly (readonly [cptCode: string, cents: number])[];
}

/** A practice (memory store) with the claims registered, created, scrubbed and submitted. */
export const practiceWith = async (claims: readonly SeedClaim[], store = 'memory:'): Promise<Practice> => {
  const practice = await createPractice({ store, timeZone: 'America/Chicago', currency: 'USD' });
  const b = practice.as(biller);
  for (const c of claims) {
    const at = `${c.dateOfService}T17:00:00-06:00`;
    const steps = [
      () =>
        b.finance.registerCharges(
          {
            claimId: c.claimId,
            encounterId: `enc-${c.claimId}`,
            // An opaque patient id (claim ids from sample files may hold spaces).
            patientId: `pat-${c.claimId.replace(/[^A-Za-z0-9._:-]/g, '_')}`,
            payerId: 'payer',
            payerKind: 'commercial',
            dateOfService: c.dateOfService,
            timeZone: 'America/Chicago',
            charges: c.lines.map(([cptCode, amount]) => ({ cptCode, units: 1, amount })),
          },
          { at },
        ),
      () => b.finance.createClaim({ claimId: c.claimId }, { at }),
      () => b.finance.scrubClaim({ claimId: c.claimId, failedEdits: [] }, { at }),
      () => b.finance.submitClaim({ claimId: c.claimId }, { at }),
    ];
    for (const step of steps) {
      const r = await step();
      if (!r.ok) throw new Error(`seeding ${c.claimId}: ${r.summary}`);
    }
  }
  return practice;
};

/** The claims of each sample 835, as their 837s would have sent them. */
export const sampleClaims = {
  '835-lfh-managed-care.edi': [
    { claimId: '5554555444', dateOfService: '2002-03-01', lines: [['99211', 80_000]] },
    { claimId: '8765432112', dateOfService: '2002-03-10', lines: [['93555', 120_000]] },
  ],
  '835-pyx12-denied-clp4.edi': [
    {
      claimId: '2005555A',
      dateOfService: '2003-10-30',
      lines: [
        ['T1005', 50_004],
        ['T1005', 12_780],
        ['T1005', 28_755],
      ],
    },
  ],
  '835-tigershark-professional-zero-pay.edi': [
    { claimId: 'EDI DENIAL', dateOfService: '2009-01-13', lines: [['00220', 108_800]] },
    { claimId: 'EDI PAID', dateOfService: '2011-07-29', lines: [['97110', 10_000]] },
  ],
} satisfies Record<string, SeedClaim[]>;
