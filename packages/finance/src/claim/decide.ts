import { accept, domainError, reject, type Decision, type DomainError } from '@praxis/core';
import { safeTotal } from '../totals.js';
import {
  appealDeadline,
  filingDeadlineOf,
  filingLimitOf,
  localDate,
  MEDICARE_FILING_MONTHS,
  MEDICARE_REDETERMINATION_DAYS,
} from './deadlines.js';
import type { ChargeLine, ClaimEvent, RemittanceLine } from './events.js';
import { appliedOf, balanceOf, chargesTotal, type ClaimStatus, type State } from './state.js';
import type * as C from './commands.js';
import { recordOpeningClaim } from './opening.js';

type D = Decision<ClaimEvent>;
type Check = DomainError | undefined;

// Field shapes (non-empty text, real dates and zones, whole cents and counts, the closed sets
// of payer kinds and write-off reasons, the business time) are guaranteed by the command codecs
// (./commands.ts), decoded by the handler before `decide`. Checked here: what the codecs do
// not say (CPT/HCPCS and CARC code formats, at least one line) and the rules of the claim.
const fail = (e: DomainError): D => reject(e.code, e.message, e.field);
const err = domainError;

/** CPT (5 digits, or 4 digits + F/T/U) or HCPCS level II (letter + 4 digits). */
const CPT = /^(\d{4}[0-9FTU]|[A-V]\d{4})$/;
/** CARC: a number, or a letter and a number (e.g. `50`, `197`, `B7`). */
const CARC = /^[A-Z]?\d{1,3}$/;

const checkCharges = (lines: readonly ChargeLine[], field = 'charges'): Check => {
  if (lines.length === 0) return err('Required', 'at least one charge line is required', field);
  for (const [i, l] of lines.entries())
    if (!CPT.test(l.cptCode))
      return err('InvalidCptCode', `${l.cptCode} is not a CPT/HCPCS code`, `${field}.${i}.cptCode`);
  return safeTotal(
    lines.map((l) => l.amount),
    field,
  );
};

const inStatus = (s: State, allowed: readonly ClaimStatus[], code: string, what: string): Check =>
  s.status === 'none'
    ? err('ClaimNotFound', 'no charges have been registered for this claim', 'claimId')
    : allowed.includes(s.status)
      ? undefined
      : err(code, `${what} (the claim is ${s.status})`, 'status');

const newId = (s: State, id: string, field: string): Check =>
  s.ids.includes(id) ? err('DuplicateEntry', `${id} is already posted on this claim`, field) : undefined;

const withinBalance = (s: State, amount: number, field: string): Check =>
  amount > balanceOf(s)
    ? err('ExceedsBalance', `${amount} cents is more than the ${balanceOf(s)} cents still owed`, field)
    : undefined;

/** Charges are registered once per claim, for a past or present date of service, with valid codes. */
const registerCharges = (c: C.RegisterCharges): D => {
  const bad =
    (c.dateOfService > localDate(c.at, c.timeZone)
      ? err('DateOfServiceInFuture', 'charges are registered after the visit', 'dateOfService')
      : undefined) ??
    checkCharges(c.charges) ??
    (c.payerKind === 'medicare' &&
    c.timelyFilingMonths !== undefined &&
    c.timelyFilingMonths !== MEDICARE_FILING_MONTHS
      ? err(
          'FilingLimitSetByRegulation',
          `Medicare's filing limit is ${MEDICARE_FILING_MONTHS} months from the date of service (42 CFR 424.44)`,
          'timelyFilingMonths',
        )
      : undefined) ??
    (c.payerKind === 'self-pay' && c.timelyFilingMonths !== undefined
      ? err(
          'NoFilingLimit',
          'a self-pay claim is filed with no payer, so it has no filing limit',
          'timelyFilingMonths',
        )
      : undefined);
  if (bad) return fail(bad);
  const { claimId, encounterId, patientId, payerId, payerKind, dateOfService, timeZone, at } = c;
  return accept({
    type: 'ClaimChargesRegistered',
    data: {
      claimId,
      encounterId,
      patientId,
      payerId,
      payerKind,
      dateOfService,
      timeZone,
      charges: c.charges.map(({ cptCode, units, amount }) => ({ cptCode, units, amount })),
      at,
      ...(c.timelyFilingMonths === undefined ? {} : { timelyFilingMonths: c.timelyFilingMonths }),
      ...(c.appealWindowDays === undefined ? {} : { appealWindowDays: c.appealWindowDays }),
      ...(c.memberId === undefined ? {} : { memberId: c.memberId }),
    },
  });
};

/** More charge lines can be added until the claim is created. */
const addCharges = (c: C.AddCharges, s: State): D => {
  const bad =
    inStatus(
      s,
      ['charges-registered'],
      'ClaimAlreadyCreated',
      'charges are added before the claim is created',
    ) ??
    checkCharges(c.charges) ??
    safeTotal([s.totalCharges, ...c.charges.map((l) => l.amount)], 'charges');
  return bad
    ? fail(bad)
    : accept({ type: 'ClaimChargesAdded', data: { claimId: s.claimId, charges: [...c.charges], at: c.at } });
};

/**
 * Creating the claim fixes its timely-filing deadline: date of service + the payer's limit
 * (Medicare 12 months, 42 CFR 424.44; Medicaid and commercial payers as given; none for self-pay).
 */
const create = (c: C.CreateClaim, s: State): D => {
  const bad = inStatus(s, ['charges-registered'], 'ClaimAlreadyCreated', 'the claim was already created');
  if (bad) return fail(bad);
  const deadline = filingDeadlineOf(s.payerKind, s.dateOfService, s.timelyFilingMonths);
  return accept({
    type: 'ClaimCreated',
    data: {
      claimId: s.claimId,
      totalCharges: s.totalCharges,
      at: c.at,
      ...(deadline === undefined ? {} : { filingDeadline: deadline }),
    },
  });
};

/** The scrubber's edits: none failed → clean claim; any failed → held with the reasons. */
const scrub = (c: C.ScrubClaim, s: State): D => {
  const bad = inStatus(
    s,
    ['created'],
    'ClaimNotReadyForScrub',
    'only a created or corrected claim is scrubbed',
  );
  if (bad) return fail(bad);
  const attempt = s.scrubAttempts + 1;
  return c.failedEdits.length === 0
    ? accept({ type: 'ClaimScrubbedClean', data: { claimId: s.claimId, attempt, at: c.at } })
    : accept({
        type: 'ClaimHeld',
        data: { claimId: s.claimId, patientId: s.patientId, attempt, reasons: [...c.failedEdits], at: c.at },
      });
};

/** A held, rejected or denied claim is corrected (charges may be replaced, never below what was already applied); it is then scrubbed again. */
const correct = (c: C.CorrectClaim, s: State): D => {
  const bad =
    inStatus(
      s,
      ['held', 'rejected', 'denied'],
      'ClaimNotCorrectable',
      'only a held, rejected or denied claim is corrected',
    ) ?? (c.charges === undefined ? undefined : checkCharges(c.charges));
  if (bad) return fail(bad);
  const totalCharges = c.charges === undefined ? s.totalCharges : chargesTotal(c.charges);
  if (totalCharges < appliedOf(s))
    return reject(
      'ExceedsBalance',
      `charges of ${totalCharges} cents are less than the ${appliedOf(s)} cents already applied`,
      'charges',
    );
  return accept({
    type: 'ClaimCorrected',
    data: {
      claimId: s.claimId,
      patientId: s.patientId,
      correction: c.correction,
      totalCharges,
      at: c.at,
      ...(c.charges === undefined ? {} : { charges: [...c.charges] }),
    },
  });
};

/** Only a clean claim is submitted, and not after its timely-filing deadline. */
const submit = (c: C.SubmitClaim, s: State): D => {
  const bad = inStatus(s, ['clean'], 'ClaimNotClean', 'a claim is submitted once it has passed scrubbing');
  if (bad) return fail(bad);
  if (s.filingDeadline !== undefined && localDate(c.at, s.timeZone) > s.filingDeadline)
    return reject(
      'TimelyFilingExpired',
      `the filing deadline was ${s.filingDeadline} (${filingLimitOf(s.payerKind, s.timelyFilingMonths)?.source ?? 'payer filing limit'})`,
      'at',
    );
  return accept({
    type: 'ClaimSubmitted',
    data: { claimId: s.claimId, submission: s.submissions + 1, at: c.at },
  });
};

/** The payer's front end accepts a submitted claim into adjudication… */
const acceptByPayer = (c: C.RecordPayerAcceptance, s: State): D => {
  const bad = inStatus(s, ['submitted'], 'ClaimNotSubmitted', 'only a submitted claim is accepted');
  if (bad) return fail(bad);
  return accept({
    type: 'ClaimAcceptedByPayer',
    data: {
      claimId: s.claimId,
      at: c.at,
      ...(c.payerClaimNumber === undefined ? {} : { payerClaimNumber: c.payerClaimNumber }),
    },
  });
};

/** …or rejects it (not a denial: the claim was never adjudicated), with reasons. */
const rejectByPayer = (c: C.RecordPayerRejection, s: State): D => {
  const bad =
    inStatus(s, ['submitted'], 'ClaimNotSubmitted', 'only a submitted claim is rejected') ??
    (c.reasons.length === 0 ? err('Required', 'at least one reason is required', 'reasons') : undefined);
  return bad
    ? fail(bad)
    : accept({
        type: 'ClaimRejectedByPayer',
        data: { claimId: s.claimId, patientId: s.patientId, reasons: [...c.reasons], at: c.at },
      });
};

/** A denial carries a CARC code and the denied amount; for Medicare it opens a 120-day redetermination window. */
const deny = (c: C.RecordDenial, s: State): D => {
  const bad =
    inStatus(
      s,
      ['submitted', 'accepted', 'appealed'],
      'ClaimNotSubmitted',
      'only a claim with the payer can be denied',
    ) ??
    (CARC.test(c.carcCode)
      ? undefined
      : err('InvalidCarcCode', `${c.carcCode} is not a CARC code`, 'carcCode')) ??
    withinBalance(s, c.amount, 'amount');
  if (bad) return fail(bad);
  const days = s.appealWindowDays ?? (s.payerKind === 'medicare' ? MEDICARE_REDETERMINATION_DAYS : undefined);
  return accept({
    type: 'ClaimDenied',
    data: {
      claimId: s.claimId,
      carcCode: c.carcCode,
      amount: c.amount,
      firstAdjudication: !s.adjudicated,
      at: c.at,
      ...(days === undefined
        ? {}
        : {
            appealDeadline: appealDeadline(c.at, s.timeZone, days),
            appealRule:
              s.appealWindowDays === undefined
                ? `42 CFR 405.942 (Medicare redetermination, ${days} days)`
                : `payer appeal window (${days} days)`,
          }),
    },
  });
};

/** A denial is appealed within its window (Medicare redetermination: 120 days, 42 CFR 405.942). */
const appeal = (c: C.AppealDenial, s: State): D => {
  const bad = inStatus(s, ['denied'], 'ClaimNotDenied', 'only a denied claim is appealed');
  if (bad) return fail(bad);
  if (s.appealDeadline !== undefined && localDate(c.at, s.timeZone) > s.appealDeadline)
    return reject('AppealWindowClosed', `the appeal deadline was ${s.appealDeadline}`, 'at');
  return accept({
    type: 'ClaimAppealed',
    data: { claimId: s.claimId, patientId: s.patientId, level: s.appeals + 1, note: c.note, at: c.at },
  });
};

const checkRemittance = (lines: readonly RemittanceLine[], s: State): Check => {
  if (lines.length === 0) return err('Required', 'at least one remittance line is required', 'lines');
  for (const [i, l] of lines.entries())
    if (!s.charges.some((ch) => ch.cptCode === l.cptCode))
      return err('UnknownCptCode', `${l.cptCode} was not charged on this claim`, `lines.${i}.cptCode`);
  return safeTotal(
    lines.flatMap((l) => [l.paid, l.contractualAdjustment]),
    'lines',
  );
};

/**
 * A payer takes a payment back (835 CLP02 = 22): only a payment posted to this claim and not
 * already reversed; the reversal id is new. The paid amount and the contractual adjustment come
 * off the claim, which is payable again (the payer usually sends a corrected payment after).
 */
const reversePayment = (c: C.ReversePayerPayment, s: State): D => {
  if (s.status === 'none' || s.status === 'charges-registered')
    return reject('ClaimNotFound', 'no claim has been created for these charges', 'claimId');
  const payment = s.payerPayments[c.paymentId];
  if (payment === undefined)
    return reject(
      'PaymentNotFound',
      s.ids.includes(c.paymentId)
        ? `payment ${c.paymentId} was already reversed, or is not a payer payment`
        : `no payer payment ${c.paymentId} was posted to this claim`,
      'paymentId',
    );
  const bad = newId(s, c.reversalId, 'reversalId');
  if (bad) return fail(bad);
  return accept({
    type: 'PayerPaymentReversed',
    data: {
      claimId: s.claimId,
      paymentId: c.paymentId,
      reversalId: c.reversalId,
      lines: [...payment.lines],
      paid: payment.paid,
      contractualAdjustment: payment.contractualAdjustment,
      at: c.at,
    },
  });
};

/**
 * The payer pays (in full or in part) with contractual adjustments — only after the claim was
 * submitted, and never more than is owed. What the payer leaves to the patient is noted.
 */
const recordPayment = (c: C.RecordPayerPayment, s: State): D => {
  const notYet: readonly ClaimStatus[] = ['charges-registered', 'created', 'held', 'clean'];
  const bad =
    (notYet.includes(s.status)
      ? err('ClaimNotSubmitted', 'nothing is paid before the claim is submitted', 'status')
      : undefined) ??
    inStatus(
      s,
      ['submitted', 'accepted', 'appealed', 'adjudicated'],
      'ClaimNotPayable',
      'a denied or rejected claim is appealed or resubmitted first',
    ) ??
    newId(s, c.paymentId, 'paymentId') ??
    checkRemittance(c.lines, s);
  if (bad) return fail(bad);
  const paid = c.lines.reduce((a, l) => a + l.paid, 0);
  const contractualAdjustment = c.lines.reduce((a, l) => a + l.contractualAdjustment, 0);
  // A payer may pay nothing and leave it all to the patient (deductible): PR alone counts.
  if (paid + contractualAdjustment + c.patientResponsibility === 0)
    return reject('InvalidAmount', 'a remittance pays, adjusts or assigns something to the patient', 'lines');
  const tooMuch = withinBalance(s, paid + contractualAdjustment, 'lines');
  if (tooMuch) return fail(tooMuch);
  const left = balanceOf(s) - paid - contractualAdjustment;
  if (c.patientResponsibility > left)
    return reject(
      'ExceedsBalance',
      `patient responsibility is more than the ${left} cents left`,
      'patientResponsibility',
    );
  return accept({
    type: 'ClaimPaidByPayer',
    data: {
      claimId: s.claimId,
      paymentId: c.paymentId,
      lines: [...c.lines],
      paid,
      contractualAdjustment,
      patientResponsibility: c.patientResponsibility,
      outcome: left - c.patientResponsibility === 0 ? 'paid-in-full' : 'paid-in-part',
      firstAdjudication: !s.adjudicated,
      at: c.at,
    },
  });
};

/** The patient is billed for their share once the payer has decided, up to what is owed. */
const billPatient = (c: C.BillPatient, s: State): D => {
  const bad =
    inStatus(
      s,
      ['adjudicated', 'denied'],
      'ClaimNotAdjudicated',
      'the patient is billed after the payer has decided',
    ) ??
    newId(s, c.statementId, 'statementId') ??
    withinBalance(s, c.amount, 'amount');
  return bad
    ? fail(bad)
    : accept({
        type: 'PatientResponsibilityBilled',
        data: { claimId: s.claimId, statementId: c.statementId, amount: c.amount, at: c.at },
      });
};

/**
 * A patient payment: at the point of service (copay at the visit, any time after charges are
 * registered) or against a statement already sent. Never more than is owed.
 */
const collect = (c: C.CollectPatientPayment, s: State): D => {
  const bad =
    (s.status === 'none'
      ? err('ClaimNotFound', 'no charges have been registered for this claim', 'claimId')
      : undefined) ??
    newId(s, c.paymentId, 'paymentId') ??
    (c.pointOfService || s.patientBilled > 0
      ? undefined
      : err(
          'PatientNotBilled',
          'a payment outside the visit follows a patient statement',
          'pointOfService',
        )) ??
    withinBalance(s, c.amount, 'amount');
  return bad
    ? fail(bad)
    : accept({
        type: 'PatientPaymentCollected',
        data: {
          claimId: s.claimId,
          paymentId: c.paymentId,
          amount: c.amount,
          pointOfService: c.pointOfService,
          at: c.at,
        },
      });
};

/** A balance is written off with a reason, up to what is owed; a denial write-off needs a denial. */
const writeOff = (c: C.WriteOffBalance, s: State): D => {
  const bad =
    inStatus(
      s,
      ['created', 'held', 'clean', 'submitted', 'accepted', 'rejected', 'denied', 'appealed', 'adjudicated'],
      'ClaimNotCreated',
      'a claim is created before anything is written off',
    ) ??
    newId(s, c.writeOffId, 'writeOffId') ??
    (c.reason === 'denial' && !s.everDenied
      ? err('ClaimNotDenied', 'a denial write-off needs a denial', 'reason')
      : undefined) ??
    withinBalance(s, c.amount, 'amount');
  return bad
    ? fail(bad)
    : accept({
        type: 'ClaimWrittenOff',
        data: { claimId: s.claimId, writeOffId: c.writeOffId, amount: c.amount, reason: c.reason, at: c.at },
      });
};

/** Decides a Claim command. Pure. */
export const decide = (c: C.ClaimCommand, s: State): D => {
  switch (c.type) {
    case 'RegisterCharges':
      return s.status === 'none'
        ? registerCharges(c)
        : reject('ClaimAlreadyExists', `claim ${s.claimId} already has charges`, 'claimId');
    case 'AddCharges':
      return addCharges(c, s);
    case 'CreateClaim':
      return create(c, s);
    case 'ScrubClaim':
      return scrub(c, s);
    case 'CorrectClaim':
      return correct(c, s);
    case 'SubmitClaim':
      return submit(c, s);
    case 'RecordPayerAcceptance':
      return acceptByPayer(c, s);
    case 'RecordPayerRejection':
      return rejectByPayer(c, s);
    case 'RecordDenial':
      return deny(c, s);
    case 'AppealDenial':
      return appeal(c, s);
    case 'ReversePayerPayment':
      return reversePayment(c, s);
    case 'RecordPayerPayment':
      return recordPayment(c, s);
    case 'BillPatient':
      return billPatient(c, s);
    case 'CollectPatientPayment':
      return collect(c, s);
    case 'WriteOffBalance':
      return writeOff(c, s);
    case 'RecordOpeningClaim':
      return s.status === 'none'
        ? recordOpeningClaim(c, s, decide)
        : reject('ClaimAlreadyExists', `claim ${s.claimId} already has charges`, 'claimId');
  }
};
