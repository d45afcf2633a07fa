import * as E from 'fp-ts/lib/Either.js';
import { accept, type Decision, type DomainError } from '@praxis/core';
import type { ChargeLine, ClaimEvent, RemittanceLine } from './events.js';
import type { ClaimCommand, RecordOpeningClaim } from './commands.js';
import { balanceOf, evolve, type State } from './state.js';

/**
 * Spreads the payer's paid amount and contractual adjustment over the charge lines (in order,
 * each line up to its charge, merged by CPT code), as an 835 would post them line by line.
 */
export const remittanceLines = (
  charges: readonly ChargeLine[],
  paid: number,
  adjustment: number,
): RemittanceLine[] => {
  const byCpt = new Map<string, number>();
  for (const l of charges) byCpt.set(l.cptCode, (byCpt.get(l.cptCode) ?? 0) + l.amount);
  let p = paid;
  let a = adjustment;
  const lines: RemittanceLine[] = [];
  for (const [cptCode, amount] of byCpt) {
    const linePaid = Math.min(p, amount);
    const lineAdj = Math.min(a, amount - linePaid);
    p -= linePaid;
    a -= lineAdj;
    if (linePaid + lineAdj > 0 || lines.length === 0)
      lines.push({ cptCode, paid: linePaid, contractualAdjustment: lineAdj });
  }
  // More than was charged: left on the first line, where the balance rule refuses it.
  if (p + a > 0 && lines[0] !== undefined)
    lines[0] = {
      ...lines[0],
      paid: lines[0].paid + p,
      contractualAdjustment: lines[0].contractualAdjustment + a,
    };
  return lines;
};

/**
 * Records a claim already in flight when the practice goes live (an opening balance): the
 * ordinary commands of its life so far — RegisterCharges, CreateClaim, a clean ScrubClaim,
 * SubmitClaim, RecordPayerAcceptance, RecordDenial or RecordPayerPayment, BillPatient and
 * CollectPatientPayment — decided one after the other by the claim's own rules, every event at
 * the command's business time (the opening-balance instant). So every read model, KPI and the
 * general ledger treat it as any other claim; the events come from one command (one commandId)
 * in the trail. The payer's filing limit is not applied to a claim already submitted (it was
 * filed in the old system). Any step refused refuses the whole command with that step's code.
 */
export const recordOpeningClaim = (
  c: RecordOpeningClaim,
  s: State,
  decide: (c: ClaimCommand, s: State) => Decision<ClaimEvent>,
): Decision<ClaimEvent> => {
  const { at } = c;
  const payerPaid = c.payerPaid ?? 0;
  const adjustment = c.contractualAdjustment ?? 0;
  const patientResponsibility = c.patientResponsibility ?? 0;
  const patientPaid = c.patientPaid ?? 0;
  const steps: ClaimCommand[] = [
    {
      type: 'RegisterCharges',
      claimId: c.claimId,
      encounterId: c.encounterId,
      patientId: c.patientId,
      payerId: c.payerId,
      payerKind: c.payerKind,
      dateOfService: c.dateOfService,
      timeZone: c.timeZone,
      charges: c.charges,
      at,
      staffOnRecord: c.staffOnRecord,
      ...(c.timelyFilingMonths === undefined ? {} : { timelyFilingMonths: c.timelyFilingMonths }),
      ...(c.appealWindowDays === undefined ? {} : { appealWindowDays: c.appealWindowDays }),
      ...(c.memberId === undefined ? {} : { memberId: c.memberId }),
      ...(c.subscriber === undefined ? {} : { subscriber: c.subscriber }),
      ...(c.diagnoses === undefined ? {} : { diagnoses: c.diagnoses }),
      ...(c.renderingProviderId === undefined ? {} : { renderingProviderId: c.renderingProviderId }),
      ...(c.priorAuthorizationNumber === undefined
        ? {}
        : { priorAuthorizationNumber: c.priorAuthorizationNumber }),
      ...(c.placeOfService === undefined ? {} : { placeOfService: c.placeOfService }),
    },
    { type: 'CreateClaim', claimId: c.claimId, at },
  ];
  const sent = c.status !== 'unbilled';
  if (sent)
    steps.push(
      { type: 'ScrubClaim', claimId: c.claimId, failedEdits: [], at },
      // Filed in the old system: its eligibility was that system's question.
      { type: 'SubmitClaim', at, eligibility: { required: false, check: null } },
    );
  if (c.status === 'accepted') steps.push({ type: 'RecordPayerAcceptance', claimId: c.claimId, at });
  const decided = c.status === 'denied' || c.status === 'adjudicated';
  const events: ClaimEvent[] = [];
  let state = s;
  const run = (cmd: ClaimCommand): Decision<ClaimEvent> | undefined => {
    // The claim was filed in the old system: its filing limit was met there.
    const d = decide(cmd, cmd.type === 'SubmitClaim' ? withoutFilingDeadline(state) : state);
    if (E.isLeft(d)) return openingField(cmd.type, d);
    for (const e of d.right) {
      events.push(e);
      state = evolve(state, e);
    }
    return undefined;
  };
  for (const step of steps) {
    const refused = run(step);
    if (refused) return refused;
  }
  if (c.status === 'denied') {
    const refused = run({
      type: 'RecordDenial',
      claimId: c.claimId,
      carcCode: c.carcCode ?? '',
      amount: c.deniedAmount ?? balanceOf(state),
      at,
    });
    if (refused) return refused;
  }
  if (c.status === 'adjudicated') {
    const refused = run({
      type: 'RecordPayerPayment',
      claimId: c.claimId,
      paymentId: `${c.claimId}-opening-payer`,
      lines: remittanceLines(c.charges, payerPaid, adjustment),
      patientResponsibility,
      at,
    });
    if (refused) return refused;
  }
  if (decided && patientResponsibility > 0) {
    const refused = run({
      type: 'BillPatient',
      claimId: c.claimId,
      statementId: `${c.claimId}-opening-statement`,
      amount: patientResponsibility,
      at,
    });
    if (refused) return refused;
  }
  if (patientPaid > 0) {
    const refused = run({
      type: 'CollectPatientPayment',
      claimId: c.claimId,
      paymentId: `${c.claimId}-opening-patient`,
      amount: patientPaid,
      // Before the payer decided, money from the patient is the copay taken at the visit.
      pointOfService: !decided || patientResponsibility === 0,
      at,
    });
    if (refused) return refused;
  }
  return accept(...events);
};

const withoutFilingDeadline = (s: State): State => ({ ...s, filingDeadline: undefined });

/**
 * A step's refusal names the opening command's own field: the denial's `amount` is
 * `deniedAmount`, the statement's `patientResponsibility`, the patient's payment `patientPaid`,
 * the payer's remittance `lines` `payerPaid`.
 */
const stepFields: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  RecordDenial: { amount: 'deniedAmount' },
  RecordPayerPayment: { lines: 'payerPaid' },
  BillPatient: { amount: 'patientResponsibility' },
  CollectPatientPayment: { amount: 'patientPaid' },
};

const openingField = (step: string, d: E.Left<DomainError>): Decision<ClaimEvent> => {
  const field = d.left.field === undefined ? undefined : stepFields[step]?.[d.left.field.split('.')[0]!];
  return field === undefined ? d : E.left({ ...d.left, field });
};
