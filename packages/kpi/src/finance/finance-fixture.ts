import type { Claim } from '@praxis/finance';
import { history } from './test-support.js';

/**
 * The small practice every finance KPI test computes by hand (zone America/New_York).
 * Amounts in cents.
 *
 * | claim | payer    | DOS        | charges | what happens                                                    |
 * |-------|----------|------------|---------|-----------------------------------------------------------------|
 * | A     | aetna    | 2026-03-02 | 20,000  | POS 500 (03-02); clean 1st scrub 03-03; paid 03-20: 12,000 paid + 6,000 adj, patient owes 1,500; billed 03-21; patient pays 1,000 on 03-28 |
 * | B     | medicare | 2026-03-05 | 32,000  | held 03-06, corrected, clean 03-07, submitted; denied 03-15 CARC 50 for 32,000 |
 * | C     | aetna    | 2025-11-20 | 20,000  | clean + submitted 2025-11-21; denied 2025-12-10 CARC 197; denial write-off 8,000 on 2026-03-10 |
 * | D     | bcbs     | 2026-03-25 | 15,000  | clean 1st scrub 03-26; paid 03-30: 9,000 paid + 6,000 adj (in full) |
 * | E     | medicare | 2026-01-10 | 10,000  | clean + submitted 01-11; paid 02-10: 6,000 + 2,000 adj, patient owes 2,000; billed 02-11; pays 1,500 on 03-05 |
 * | F     | bcbs     | 2026-03-31 | 10,000  | charges only; POS 2,500 at 2026-04-01T02:00Z (= 22:00 on 31 March in New York) |
 *
 * Filing limits: Medicare 12 months (42 CFR 424.44); Aetna's contract 6 months, BCBS's 12.
 */
export const zone = 'America/New_York';
const at = (date: string, time = '10:00:00') => `${date}T${time}-05:00`;
/** The commercial payers' contractual filing limits (months from the date of service). */
const filingMonths: Readonly<Record<string, number>> = { aetna: 6, bcbs: 12 };

const register = (
  claimId: string,
  payerId: string,
  payerKind: Claim.PayerKind,
  dateOfService: string,
  charges: Claim.ChargeLine[],
  when = at(dateOfService),
): Claim.ClaimCall => ({
  ...(filingMonths[payerId] === undefined ? {} : { timelyFilingMonths: filingMonths[payerId] }),
  type: 'RegisterCharges',
  claimId,
  encounterId: `enc-${claimId}`,
  patientId: `pat-${claimId}`,
  payerId,
  payerKind,
  dateOfService,
  timeZone: zone,
  charges,
  at: when,
});

export const financeHistory = () => {
  const h = history();
  const c = h.claim;
  const cleanAndSubmit = (id: string, date: string) => {
    c(id, { type: 'CreateClaim', at: at(date) });
    c(id, { type: 'ScrubClaim', failedEdits: [], at: at(date) });
    c(id, { type: 'SubmitClaim', at: at(date) });
  };

  // C — old Aetna claim, denied in December, partly written off in March
  c(
    'C',
    register('C', 'aetna', 'commercial', '2025-11-20', [{ cptCode: '99213', units: 1, amount: 20_000 }]),
  );
  cleanAndSubmit('C', '2025-11-21');
  c('C', { type: 'RecordDenial', carcCode: '197', amount: 20_000, at: at('2025-12-10') });

  // E — Medicare, January visit, paid in February, patient pays part in March
  c(
    'E',
    register('E', 'medicare', 'medicare', '2026-01-10', [{ cptCode: '99213', units: 1, amount: 10_000 }]),
  );
  cleanAndSubmit('E', '2026-01-11');
  c('E', {
    type: 'RecordPayerPayment',
    paymentId: 'E-r1',
    lines: [{ cptCode: '99213', paid: 6_000, contractualAdjustment: 2_000 }],
    patientResponsibility: 2_000,
    at: at('2026-02-10'),
  });
  c('E', { type: 'BillPatient', statementId: 'E-s1', amount: 2_000, at: at('2026-02-11') });

  // A — Aetna, March
  c(
    'A',
    register('A', 'aetna', 'commercial', '2026-03-02', [{ cptCode: '99213', units: 1, amount: 20_000 }]),
  );
  c('A', {
    type: 'CollectPatientPayment',
    paymentId: 'A-pos',
    amount: 500,
    pointOfService: true,
    at: at('2026-03-02'),
  });
  cleanAndSubmit('A', '2026-03-03');

  // B — Medicare, held then clean, denied
  c(
    'B',
    register('B', 'medicare', 'medicare', '2026-03-05', [
      { cptCode: '99214', units: 1, amount: 30_000 },
      { cptCode: '36415', units: 1, amount: 2_000 },
    ]),
  );
  c('E', {
    type: 'CollectPatientPayment',
    paymentId: 'E-p1',
    amount: 1_500,
    pointOfService: false,
    at: at('2026-03-05'),
  });
  c('B', { type: 'CreateClaim', at: at('2026-03-06') });
  c('B', {
    type: 'ScrubClaim',
    failedEdits: [{ code: 'NPI', message: 'rendering NPI missing' }],
    at: at('2026-03-06'),
  });
  c('B', { type: 'CorrectClaim', correction: 'added rendering NPI', at: at('2026-03-06') });
  c('B', { type: 'ScrubClaim', failedEdits: [], at: at('2026-03-07') });
  c('B', { type: 'SubmitClaim', at: at('2026-03-07') });
  c('C', {
    type: 'WriteOffBalance',
    writeOffId: 'C-w1',
    amount: 8_000,
    reason: 'denial',
    at: at('2026-03-10'),
  });
  c('B', { type: 'RecordDenial', carcCode: '50', amount: 32_000, at: at('2026-03-15') });
  c('A', {
    type: 'RecordPayerPayment',
    paymentId: 'A-r1',
    lines: [{ cptCode: '99213', paid: 12_000, contractualAdjustment: 6_000 }],
    patientResponsibility: 1_500,
    at: at('2026-03-20'),
  });
  c('A', { type: 'BillPatient', statementId: 'A-s1', amount: 1_500, at: at('2026-03-21') });

  // D — BCBS, paid in full
  c('D', register('D', 'bcbs', 'commercial', '2026-03-25', [{ cptCode: '99203', units: 1, amount: 15_000 }]));
  cleanAndSubmit('D', '2026-03-26');
  c('A', {
    type: 'CollectPatientPayment',
    paymentId: 'A-p1',
    amount: 1_000,
    pointOfService: false,
    at: at('2026-03-28'),
  });
  c('D', {
    type: 'RecordPayerPayment',
    paymentId: 'D-r1',
    lines: [{ cptCode: '99203', paid: 9_000, contractualAdjustment: 6_000 }],
    patientResponsibility: 0,
    at: at('2026-03-30'),
  });

  // F — late on 31 March, New York time
  c(
    'F',
    register(
      'F',
      'bcbs',
      'commercial',
      '2026-03-31',
      [{ cptCode: '99212', units: 1, amount: 10_000 }],
      '2026-04-01T02:00:00Z',
    ),
  );
  c('F', {
    type: 'CollectPatientPayment',
    paymentId: 'F-pos',
    amount: 2_500,
    pointOfService: true,
    at: '2026-04-01T02:00:00Z',
  });
  return h;
};
