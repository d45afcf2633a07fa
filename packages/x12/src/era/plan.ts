import { Claim } from '@praxis/finance';
import { dollars } from '../money.js';
import type { X12Location } from '../x12-error.js';
import { adjustmentsOf } from './balance.js';
import type { Adjustment, ClaimPayment, RemittanceAdvice } from './model.js';
import type { ClaimPosting, RecordedAdjustment } from '../remittance/events.js';

/** A claim of the file that cannot be posted, and why. */
export interface Unmatched {
  readonly claimId: string;
  readonly reason: string;
  readonly where: X12Location;
}

/** One finance command the import will issue (without `at`: the import adds it). */
export interface PlannedCommand {
  readonly aggregate: 'Claim';
  /** A Claim command without its business time, e.g. `{ type: 'RecordDenial', claimId, carcCode, amount }`. */
  readonly command: { readonly type: Claim.ClaimCommand['type']; readonly claimId: string } & Readonly<
    Record<string, unknown>
  >;
}

/** How one claim payment of the file is posted. Money in cents. */
export interface ClaimPlan {
  readonly claimId: string;
  /** The claim payment's ordinal in its remittance (1-based). */
  readonly index: number;
  readonly posting: ClaimPosting;
  readonly paid: number;
  readonly contractualAdjustment: number;
  readonly patientResponsibility: number;
  /** OA and PI (and CR) adjustments, written off as `administrative`. */
  readonly otherAdjustment: number;
  /** Denials: the CARC and the denied amount. */
  readonly denial?: { readonly carcCode: string; readonly amount: number };
  readonly commands: readonly PlannedCommand[];
  readonly where: X12Location;
}

/** The Praxis id of a remittance: `<TRN03>-<TRN02>` (payer and trace number). */
export const remittanceIdOf = (r: Pick<RemittanceAdvice, 'originator' | 'traceNumber'>): string =>
  `${r.originator || 'payer'}-${r.traceNumber}`.replace(/[^A-Za-z0-9._-]/g, '_');

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const of = (as: readonly Adjustment[], ...groups: string[]): number =>
  sum(as.filter((a) => groups.includes(a.group)).map((a) => a.amount));

/** OA 23 ("impact of prior payer(s) adjudication") is money another payer already settled: never posted. */
const posted = (a: Adjustment): boolean => !(a.group === 'OA' && a.carc === '23');

/** Whether a claim payment is a denial: CLP02 = 4, or nothing paid on any line with a denial reason (CO/OA/PI). */
export const isDenial = (c: ClaimPayment): boolean =>
  c.status === '4' ||
  (c.paid === 0 &&
    c.lines.every((l) => l.paid === 0) &&
    adjustmentsOf(c).some((a) => a.group !== 'PR' && a.amount > 0 && posted(a)));

/** Every CAS of a claim as recorded on the remittance (with the procedure of its line). */
export const recordedAdjustments = (c: ClaimPayment): RecordedAdjustment[] => [
  ...c.adjustments.map((a) => ({ group: a.group, carc: a.carc, amount: a.amount })),
  ...c.lines.flatMap((l) =>
    l.adjustments.map((a) => ({ group: a.group, carc: a.carc, amount: a.amount, procedureCode: l.code })),
  ),
];

const unmatched = (c: ClaimPayment, reason: string, element?: string): Unmatched => ({
  claimId: c.claimId,
  reason,
  where: element === undefined ? c.where : { ...c.where, element },
});

/**
 * Plans a reversal (CLP02 22): the payer takes back a payment posted earlier from an 835. The
 * reversed payment is the one posted from an ERA whose paid amount is CLP04 negated (the
 * earliest, if several are equal); a reversal that also reverses OA/PI adjustments is left to be
 * posted by hand, since those were written off, not paid.
 */
const planReversal = (
  c: ClaimPayment,
  state: Claim.State,
  paymentId: string,
  index: number,
): ClaimPlan | Unmatched => {
  const posted = Object.entries(state.payerPayments).filter(([id]) => id.startsWith('ERA '));
  if (posted.length === 0)
    return unmatched(c, `a reversal (CLP02 22) of a payment never posted to claim ${c.claimId}`, 'CLP02');
  const match = posted.find(([, p]) => p.paid === -c.paid);
  if (match === undefined)
    return unmatched(
      c,
      `claim ${c.claimId}: no posted payment of ${dollars(-c.paid)} to reverse (posted: ${posted.map(([id, p]) => `${id} ${dollars(p.paid)}`).join(', ')})`,
      'CLP04',
    );
  const other = of(adjustmentsOf(c), 'OA', 'PI', 'CR');
  if (other !== 0)
    return unmatched(
      c,
      `claim ${c.claimId}: the reversal also takes back ${dollars(-other)} of OA/PI adjustments, which were written off; post it by hand`,
      'CAS',
    );
  const [reversedId, payment] = match;
  return {
    claimId: c.claimId,
    index,
    where: c.where,
    posting: 'reversal',
    paid: -payment.paid,
    contractualAdjustment: -payment.contractualAdjustment,
    patientResponsibility: 0,
    otherAdjustment: 0,
    commands: [
      {
        aggregate: 'Claim',
        command: {
          type: 'ReversePayerPayment',
          claimId: c.claimId,
          paymentId: reversedId,
          reversalId: paymentId,
        },
      },
    ],
  };
};

/**
 * Plans the posting of one claim payment against the claim's current state: a payer payment
 * per line (paid, CO as contractual adjustment), PR as patient responsibility, OA/PI as an
 * `administrative` write-off, or a denial (CARC of the largest denied amount). Returns why
 * it cannot be posted instead, naming the element (unknown claim, code not charged,
 * overpayment, a reversal of nothing posted).
 */
export const planClaim = (
  c: ClaimPayment,
  state: Claim.State,
  paymentId: string,
  index: number,
): ClaimPlan | Unmatched => {
  if (state.status === 'none')
    return unmatched(
      c,
      `no claim ${c.claimId} in this practice (CLP01 is the claim id sent on the 837)`,
      'CLP01',
    );
  const base = { claimId: c.claimId, index, where: c.where };
  if (c.status === '22') return planReversal(c, state, paymentId, index);
  const all = adjustmentsOf(c).filter(posted);
  if (isDenial(c)) {
    const denied = all.filter((a) => a.group !== 'PR');
    const amount = sum(denied.map((a) => a.amount));
    const top = [...denied].sort((a, b) => b.amount - a.amount)[0];
    if (top === undefined || amount <= 0)
      return unmatched(c, `claim ${c.claimId} is denied (CLP02 4) without a denial reason (CAS)`, 'CLP02');
    if (amount > Claim.balanceOf(state))
      return unmatched(
        c,
        `claim ${c.claimId}: the denied ${dollars(amount)} is more than the ${dollars(Claim.balanceOf(state))} it still owes`,
        'CLP03',
      );
    return {
      ...base,
      posting: 'denial',
      paid: 0,
      contractualAdjustment: 0,
      patientResponsibility: 0,
      otherAdjustment: 0,
      denial: { carcCode: top.carc, amount },
      commands: [
        {
          aggregate: 'Claim',
          command: { type: 'RecordDenial', claimId: c.claimId, carcCode: top.carc, amount },
        },
      ],
    };
  }
  if (c.paid < 0)
    return unmatched(c, `claim ${c.claimId}: a negative payment outside a reversal (CLP02 22)`, 'CLP04');
  const charged = new Set(state.charges.map((ch) => ch.cptCode));
  for (const l of c.lines) {
    if (!charged.has(l.code))
      return unmatched(c, `claim ${c.claimId}: ${l.code} was not charged on this claim`, 'SVC01-2');
  }
  // Line amounts; claim-level CAS come out of the lines' payments (CLP04 = Σ SVC03 − Σ claim CAS).
  const lines = (
    c.lines.length > 0 ? c.lines : [{ code: state.charges[0]!.cptCode, paid: c.paid, adjustments: [] }]
  ).map((l) => ({
    cptCode: l.code,
    paid: c.lines.length > 0 ? l.paid : c.paid + sum(c.adjustments.map((a) => a.amount)),
    contractualAdjustment: of(l.adjustments, 'CO'),
  }));
  let fromLines = sum(c.adjustments.filter(posted).map((a) => a.amount));
  for (const l of [...lines].sort((a, b) => b.paid - a.paid)) {
    const take = Math.min(l.paid, fromLines);
    l.paid -= take;
    fromLines -= take;
  }
  if (fromLines !== 0)
    return unmatched(c, `claim ${c.claimId}: claim-level adjustments exceed what its lines pay`, 'CAS');
  const co = of(c.adjustments, 'CO');
  if (co !== 0) lines[0]!.contractualAdjustment += co;
  const paid = sum(lines.map((l) => l.paid));
  const contractualAdjustment = sum(lines.map((l) => l.contractualAdjustment));
  const otherAdjustment = of(all, 'OA', 'PI', 'CR');
  // PR the patient already paid at the visit (a copay taken at check-in, PR-3 on the 835) is
  // not owed again: what is posted as patient responsibility is at most what the payer leaves.
  const left =
    Claim.balanceOf(state) - sum(lines.map((l) => l.paid + l.contractualAdjustment)) - otherAdjustment;
  const paidAtVisit = Math.max(0, Math.min(state.patientPaid, c.patientResponsibility - Math.max(0, left)));
  const patientResponsibility = c.patientResponsibility - paidAtVisit;
  if (lines.some((l) => l.contractualAdjustment < 0) || otherAdjustment < 0 || c.patientResponsibility < 0)
    return unmatched(
      c,
      `claim ${c.claimId}: negative adjustments are posted only with a reversal (CLP02 22)`,
      'CAS',
    );
  if (paid !== c.paid)
    return unmatched(
      c,
      `claim ${c.claimId}: its lines pay ${dollars(paid)} after claim-level adjustments, not CLP04 ${dollars(c.paid)}`,
      'CLP04',
    );
  const applied = paid + contractualAdjustment + otherAdjustment + patientResponsibility;
  const balance = Claim.balanceOf(state);
  if (applied > balance)
    return unmatched(
      c,
      `claim ${c.claimId}: paying ${dollars(paid)} with ${dollars(applied - paid)} of adjustments would overpay it: it owes ${dollars(balance)}`,
      'CLP04',
    );
  if (paid + contractualAdjustment + otherAdjustment + patientResponsibility === 0)
    return {
      ...base,
      posting: 'no-posting',
      paid,
      contractualAdjustment,
      patientResponsibility,
      otherAdjustment,
      commands: [],
    };
  const commands: PlannedCommand[] = [
    {
      aggregate: 'Claim',
      command: {
        type: 'RecordPayerPayment',
        claimId: c.claimId,
        paymentId,
        lines,
        patientResponsibility,
      },
    },
  ];
  if (otherAdjustment > 0)
    commands.push({
      aggregate: 'Claim',
      command: {
        type: 'WriteOffBalance',
        claimId: c.claimId,
        writeOffId: `${paymentId} OA/PI`,
        amount: otherAdjustment,
        reason: 'administrative',
      },
    });
  return {
    ...base,
    posting: 'payment',
    paid,
    contractualAdjustment,
    patientResponsibility,
    otherAdjustment,
    commands,
  };
};
