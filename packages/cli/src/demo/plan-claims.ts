import type { Practice } from '@praxis/practice';
import { actorOf, people, providers, type Person } from './cast.js';
import type { Step } from './plan.js';
import type { Rng } from './random.js';
import type { DemoTime } from './time.js';

type PayerKind = 'medicare' | 'medicaid' | 'commercial' | 'self-pay';
interface Payer {
  readonly id: string;
  readonly kind: PayerKind;
  /** Share of patients. */
  readonly share: number;
  /** Allowed amount as a share of charges (the rest is the contractual adjustment). */
  readonly allowed: number;
  /** Chance the first adjudication is a denial. */
  readonly denial: number;
  /** Copay taken at the visit (cents). */
  readonly copay: number;
  /** The payer's filing limit in months (Medicaid by state, commercial by contract; Medicare's is fixed). */
  readonly filingMonths?: number;
}

const payers: readonly Payer[] = [
  { id: 'medicare', kind: 'medicare', share: 30, allowed: 0.56, denial: 0.07, copay: 0 },
  { id: 'medicaid', kind: 'medicaid', share: 10, allowed: 0.46, denial: 0.12, copay: 0, filingMonths: 12 },
  {
    id: 'bluecross',
    kind: 'commercial',
    share: 25,
    allowed: 0.72,
    denial: 0.08,
    copay: 3_000,
    filingMonths: 6,
  },
  { id: 'aetna', kind: 'commercial', share: 15, allowed: 0.69, denial: 0.1, copay: 3_500, filingMonths: 6 },
  { id: 'united', kind: 'commercial', share: 15, allowed: 0.66, denial: 0.11, copay: 2_500, filingMonths: 6 },
  { id: 'self-pay', kind: 'self-pay', share: 5, allowed: 0.6, denial: 0, copay: 0 },
];

/** The practice's fee schedule (cents). */
const visits: readonly (readonly [string, number, number])[] = [
  // [CPT, charge, weight]
  ['99213', 14_000, 38],
  ['99214', 20_500, 30],
  ['99212', 9_500, 8],
  ['99215', 28_000, 5],
  ['99203', 17_500, 8],
  ['99204', 26_500, 7],
  ['99202', 12_000, 4],
];
const addOns: readonly (readonly [string, number, number])[] = [
  ['36415', 1_800, 0.25],
  ['81002', 1_400, 0.1],
  ['90471', 3_200, 0.12],
  ['93000', 6_000, 0.05],
  ['87880', 3_500, 0.06],
];
const denialCodes: readonly (readonly [string, number])[] = [
  ['16', 30], // claim lacks information
  ['97', 20], // bundled
  ['50', 15], // not medically necessary
  ['197', 15], // precertification absent
  ['27', 10], // coverage terminated
  ['18', 10], // duplicate
];
const scrubEdits = [
  { code: 'MODIFIER-25', message: 'E/M billed with a procedure needs modifier 25' },
  { code: 'DX-POINTER', message: 'charge line has no diagnosis pointer' },
  { code: 'NPI-MISSING', message: 'rendering provider NPI missing' },
];

interface ChargeLine {
  readonly cptCode: string;
  readonly units: number;
  readonly amount: number;
  readonly diagnosisPointers?: readonly number[];
}

/** ICD-10-CM diagnoses of a visit (principal first), chosen by encounter number (no extra draws). */
const diagnosisSets: readonly (readonly string[])[] = [
  ['I10'],
  ['E11.9', 'I10'],
  ['Z00.00'],
  ['J06.9'],
  ['M54.50'],
  ['E78.5', 'I10'],
  ['F41.1'],
  ['K21.9'],
];
const lastNames = [
  'GARCIA',
  'NGUYEN',
  'JOHNSON',
  'OKAFOR',
  'LINDQVIST',
  'MORALES',
  'CHEN',
  'BAKER',
  'HUSSAIN',
];
const firstNames = ['ALEX', 'SAM', 'JORDAN', 'TAYLOR', 'MORGAN', 'RILEY', 'CASEY', 'DREW'];

/**
 * A year of encounters and their claims, from charges to payment, denial, appeal, patient
 * billing and write-off, spread over the practice's working days.
 */
export const planClaims = (rng: Rng, time: DemoTime, year: number, encounters: number): Step[] => {
  const steps: Step[] = [];
  const days = time.workingDays(year);
  const patients = Math.max(10, Math.round(encounters * 0.45));
  const biller = actorOf(people.biller);
  const desk = [actorOf(people.desk1), actorOf(people.desk2)];
  let n = 0;
  // The practice checks eligibility before it bills (issue 20): every visit with a payer is checked.
  const first = days[0];
  if (first !== undefined)
    steps.push({
      at: time.at(first, 7, 0),
      label: 'billing policy: eligibility checked before submission',
      run: (p) =>
        p.finance.setBillingPolicy(
          { policyId: 'practice', eligibilityCheckRequired: true },
          { actor: actorOf(people.manager) },
        ),
    });
  for (const [d, day] of days.entries()) {
    // Spread the encounters evenly over the year, a little busier in winter.
    const target =
      Math.round(((d + 1) * encounters) / days.length) - Math.round((d * encounters) / days.length);
    for (let k = 0; k < target; k++) {
      n++;
      const provider: Person = providers[n % providers.length]!;
      const claimId = `c${year}-${String(n).padStart(5, '0')}`;
      const payer = rng.weighted(payers.map((p) => [p, p.share] as const));
      const patientId = `p-${String(rng.int(1, patients)).padStart(5, '0')}`;
      const visit = rng.weighted(visits.map(([c, a, w]) => [[c, a] as const, w] as const));
      const diagnoses = diagnosisSets[n % diagnosisSets.length]!;
      const pointers = diagnoses.map((_, i) => i + 1);
      const charges: ChargeLine[] = [
        { cptCode: visit[0], units: 1, amount: visit[1], diagnosisPointers: pointers },
      ];
      for (const [code, amount, p] of addOns)
        if (rng.chance(p)) charges.push({ cptCode: code, units: 1, amount, diagnosisPointers: [1] });
      const patientNo = Number(patientId.slice(2));
      const total = charges.reduce((s, c) => s + c.amount, 0);
      const hour = 8 + Math.floor((k * 9) / Math.max(1, target));
      const seen = time.at(day, hour, rng.int(0, 50));
      const step = (at: string, label: string, run: Step['run'], expectRefusal?: string): void => {
        steps.push({
          at,
          label: `claim ${claimId}: ${label}`,
          run,
          ...(expectRefusal ? { expectRefusal } : {}),
        });
      };
      const when = (offsetDays: number, h: number, m = 0) => time.at(time.addDays(day, offsetDays), h, m);

      step(seen, 'register charges', (p) =>
        p.finance.registerCharges(
          {
            claimId,
            encounterId: `e${year}-${String(n).padStart(5, '0')}`,
            patientId,
            payerId: payer.id,
            payerKind: payer.kind,
            dateOfService: day,
            timeZone: time.zone,
            charges,
            at: seen,
            ...(payer.filingMonths === undefined ? {} : { timelyFilingMonths: payer.filingMonths }),
            diagnoses,
            renderingProviderId: provider.id,
            ...(payer.kind === 'self-pay'
              ? {}
              : {
                  memberId: `${payer.id.slice(0, 3).toUpperCase()}${String(patientNo).padStart(7, '0')}`,
                  subscriber: {
                    lastName: lastNames[patientNo % lastNames.length]!,
                    firstName: firstNames[patientNo % firstNames.length]!,
                  },
                }),
          },
          { actor: actorOf(provider) },
        ),
      );
      const posAt = time.at(day, hour, 55);
      const frontDesk = rng.pick(desk);
      if (payer.kind !== 'self-pay')
        step(time.at(day, hour, 0), 'eligibility check', (p) =>
          p.finance.recordEligibilityCheck(
            {
              patientId,
              checkId: `${claimId}-elig`,
              payerId: payer.id,
              serviceDate: day,
              coverageActive: true,
              source: n % 3 === 0 ? 'portal' : '271',
              copay: payer.copay,
              deductibleRemaining: (patientNo % 5) * 25_000,
            },
            { actor: frontDesk },
          ),
        );
      const collectAt = (at: string, amount: number, pointOfService: boolean, id: string) =>
        step(at, pointOfService ? 'copay at the visit' : 'patient payment', (p) =>
          p.finance.collectPatientPayment(
            { claimId, paymentId: `${claimId}-${id}`, amount, pointOfService, at },
            { actor: pointOfService ? frontDesk : biller },
          ),
        );
      const writeOff = (
        at: string,
        amount: number,
        reason: 'denial' | 'bad-debt' | 'administrative',
        id: string,
      ) =>
        step(at, `write off (${reason})`, (p) =>
          p.finance.writeOffBalance(
            { claimId, writeOffId: `${claimId}-${id}`, amount, reason, at },
            { actor: biller },
          ),
        );
      /** A step of the billing office. */
      const biller1 = (
        label: string,
        at: string,
        run: (p: Practice, at: string) => ReturnType<Step['run']>,
      ) => step(at, label, (p) => run(p.as(biller), at));

      if (payer.kind === 'self-pay') {
        const paid = Math.round(total * payer.allowed);
        collectAt(posAt, paid, true, 'pos');
        biller1('create claim', when(1, 9), (p, at) => p.finance.createClaim({ claimId, at }));
        writeOff(when(1, 9, 10), total - paid, 'administrative', 'self-pay-discount');
        continue;
      }
      const copay = Math.min(payer.copay, total);
      if (copay > 0) collectAt(posAt, copay, true, 'pos');

      let t = 1;
      biller1('create claim', when(t, 9), (p, at) => p.finance.createClaim({ claimId, at }));
      if (rng.chance(0.08)) {
        biller1('scrub (held)', when(t, 9, 5), (p, at) =>
          p.finance.scrubClaim({ claimId, failedEdits: [rng.pick(scrubEdits)], at }),
        );
        biller1('correct', when(t, 14), (p, at) =>
          p.finance.correctClaim({ claimId, correction: 'coding fixed', at }),
        );
        biller1('scrub', when(t, 14, 5), (p, at) => p.finance.scrubClaim({ claimId, failedEdits: [], at }));
      } else {
        biller1('scrub', when(t, 9, 5), (p, at) => p.finance.scrubClaim({ claimId, failedEdits: [], at }));
      }
      const submitAndAccept = () => {
        t += 1;
        biller1('submit', when(t, 10), (p, at) => p.finance.submitClaim({ claimId, at }));
        t += rng.int(1, 3);
        if (rng.chance(0.02)) {
          biller1('payer rejects', when(t, 11), (p, at) =>
            p.finance.recordPayerRejection({
              claimId,
              reasons: [{ code: 'A7', message: 'invalid member id' }],
              at,
            }),
          );
          t += 1;
          biller1('correct', when(t, 10), (p, at) =>
            p.finance.correctClaim({ claimId, correction: 'member id fixed', at }),
          );
          biller1('scrub', when(t, 10, 5), (p, at) => p.finance.scrubClaim({ claimId, failedEdits: [], at }));
          biller1('resubmit', when(t, 10, 10), (p, at) => p.finance.submitClaim({ claimId, at }));
          t += rng.int(1, 3);
        }
        biller1('payer accepts', when(t, 11), (p, at) => p.finance.recordPayerAcceptance({ claimId, at }));
      };
      submitAndAccept();

      const pay = (paymentId: string) => {
        const allowedTotal = Math.round(total * payer.allowed);
        const coinsurance =
          payer.kind === 'medicaid' ? 0 : rng.chance(0.35) ? Math.round(allowedTotal * 0.2) : 0;
        const patientShare = Math.min(allowedTotal, copay + coinsurance);
        let toPatient = patientShare;
        const lines = charges.map((c) => {
          const allowed = Math.round(c.amount * payer.allowed);
          const fromPatient = Math.min(allowed, toPatient);
          toPatient -= fromPatient;
          return {
            cptCode: c.cptCode,
            paid: allowed - fromPatient,
            contractualAdjustment: c.amount - allowed,
          };
        });
        // Rounding per line can differ from the total by a cent or two: settle it on the first line.
        const allowedByLines = charges.reduce((s, c) => s + Math.round(c.amount * payer.allowed), 0);
        const owed = allowedByLines - copay - lines.reduce((s, l) => s + l.paid, 0);
        t += rng.int(12, 30);
        biller1('payer pays', when(t, 13), (p, at) =>
          p.finance.recordPayerPayment({
            claimId,
            paymentId: `${claimId}-${paymentId}`,
            lines,
            patientResponsibility: Math.max(0, owed),
            at,
          }),
        );
        if (owed > 0) {
          t += 3;
          biller1('bill patient', when(t, 9), (p, at) =>
            p.finance.billPatient({ claimId, statementId: `${claimId}-st1`, amount: owed, at }),
          );
          const fate = rng.next();
          if (fate < 0.75) collectAt(when(t + rng.int(10, 40), 12), owed, false, 'pay1');
          else if (fate < 0.9) writeOff(when(t + 120, 9), owed, 'bad-debt', 'bad-debt');
        }
      };

      if (rng.chance(payer.denial)) {
        const carc = rng.weighted(denialCodes);
        t += rng.int(10, 25);
        const balance = total - copay;
        biller1(`denied (CARC ${carc})`, when(t, 13), (p, at) =>
          p.finance.recordDenial({ claimId, carcCode: carc, amount: balance, at }),
        );
        const fate = rng.next();
        if (fate < 0.5) {
          t += rng.int(2, 6);
          biller1('correct after denial', when(t, 10), (p, at) =>
            p.finance.correctClaim({ claimId, correction: `addressed CARC ${carc}`, at }),
          );
          biller1('scrub', when(t, 10, 5), (p, at) => p.finance.scrubClaim({ claimId, failedEdits: [], at }));
          submitAndAccept();
          pay('era1');
        } else if (fate < 0.75) {
          t += rng.int(5, 20);
          biller1('appeal', when(t, 10), (p, at) =>
            p.finance.appealDenial({ claimId, note: 'records show medical necessity', at }),
          );
          t += rng.int(20, 45);
          pay('era1');
        } else {
          t += rng.int(15, 40);
          writeOff(when(t, 15), balance, 'denial', 'denial');
        }
      } else {
        pay('era1');
      }
    }
  }
  return steps;
};
