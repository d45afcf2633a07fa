import {
  accept,
  domainError,
  refuseStaffNotOnRecord,
  reject,
  type Decision,
  type DomainError,
} from '@praxis/core';
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

/** A charge line as stored: only its declared fields. */
const copyLine = (l: ChargeLine): ChargeLine => ({
  cptCode: l.cptCode,
  units: l.units,
  amount: l.amount,
  ...(l.modifiers === undefined ? {} : { modifiers: [...l.modifiers] }),
  ...(l.diagnosisPointers === undefined ? {} : { diagnosisPointers: [...l.diagnosisPointers] }),
});
const err = domainError;

/** CPT (5 digits, or 4 digits + F/T/U) or HCPCS level II (letter + 4 digits). */
const CPT = /^(\d{4}[0-9FTU]|[A-V]\d{4})$/;
/** CARC: a number, or a letter and a number (e.g. `50`, `197`, `B7`). */
const CARC = /^[A-Z]?\d{1,3}$/;

/** ICD-10-CM: a letter, a digit, a digit or letter, then up to four characters after the (optional) dot. */
const ICD10 = /^([A-Z][0-9][0-9A-Z])\.?([0-9A-Z]{1,4})?$/;
/** A CPT/HCPCS modifier: two letters or digits (`25`, `GT`, `59`). */
const MODIFIER = /^[A-Z0-9]{2}$/;
/** Text that travels in an X12 element: printable, none of the delimiters Praxis writes (`* : ^ ~`). */
const X12_TEXT = /^[\x20-\x7E]*$/;
const X12_DELIMITERS = /[*:^~]/;

/** An ICD-10-CM code in its dotted form (`E119` → `E11.9`), or undefined when it is not one. */
export const icd10 = (code: string): string | undefined => {
  const m = ICD10.exec(code.trim().toUpperCase());
  return m === null ? undefined : m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`;
};

const x12Text = (value: string, max: number, field: string, what: string): Check =>
  value.length > max
    ? err('TooLong', `${what} is at most ${max} characters in an 837P`, field)
    : !X12_TEXT.test(value) || X12_DELIMITERS.test(value)
      ? err('InvalidCharacters', `${what} must be printable and free of * : ^ ~ (X12 delimiters)`, field)
      : undefined;

const checkCharges = (
  lines: readonly ChargeLine[],
  diagnoses: readonly string[],
  field = 'charges',
): Check => {
  if (lines.length === 0) return err('Required', 'at least one charge line is required', field);
  for (const [i, l] of lines.entries()) {
    if (!CPT.test(l.cptCode))
      return err('InvalidCptCode', `${l.cptCode} is not a CPT/HCPCS code`, `${field}.${i}.cptCode`);
    const mods = l.modifiers ?? [];
    if (mods.length > 4)
      return err('InvalidModifier', 'at most four modifiers per line', `${field}.${i}.modifiers`);
    for (const [k, m] of mods.entries())
      if (!MODIFIER.test(m))
        return err('InvalidModifier', `${m} is not a CPT/HCPCS modifier`, `${field}.${i}.modifiers.${k}`);
    const ptrs = l.diagnosisPointers ?? [];
    if (ptrs.length > 4 || new Set(ptrs).size !== ptrs.length)
      return err(
        'InvalidDiagnosisPointer',
        'at most four distinct diagnosis pointers per line',
        `${field}.${i}.diagnosisPointers`,
      );
    for (const [k, p] of ptrs.entries())
      if (p > diagnoses.length)
        return err(
          'InvalidDiagnosisPointer',
          `pointer ${p} names no diagnosis (the claim has ${diagnoses.length})`,
          `${field}.${i}.diagnosisPointers.${k}`,
        );
  }
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

/** The claim's diagnoses in dotted form, or the refusal of the first that is not ICD-10-CM. */
const diagnosesOf = (given: readonly string[] | undefined): { codes: string[] } | { bad: DomainError } => {
  const codes: string[] = [];
  if (given === undefined) return { codes };
  if (given.length === 0 || given.length > 12)
    return { bad: err('InvalidDiagnosis', 'a claim has 1 to 12 diagnoses (837P HI)', 'diagnoses') };
  for (const [i, d] of given.entries()) {
    const code = icd10(d);
    if (code === undefined)
      return { bad: err('InvalidIcd10Code', `${d} is not an ICD-10-CM code`, `diagnoses.${i}`) };
    if (codes.includes(code))
      return { bad: err('InvalidDiagnosis', `${code} is listed twice`, `diagnoses.${i}`) };
    codes.push(code);
  }
  return { codes };
};

/** The 837P fields of a registration that travel as X12 text. */
const checkBillingText = (c: C.RegisterCharges): Check =>
  (c.subscriber === undefined
    ? undefined
    : (x12Text(c.subscriber.lastName, 60, 'subscriber.lastName', 'the last name') ??
      x12Text(c.subscriber.firstName, 35, 'subscriber.firstName', 'the first name'))) ??
  (c.memberId === undefined ? undefined : x12Text(c.memberId, 80, 'memberId', 'the member id')) ??
  (c.priorAuthorizationNumber === undefined
    ? undefined
    : x12Text(
        c.priorAuthorizationNumber,
        50,
        'priorAuthorizationNumber',
        'the prior-authorization number',
      )) ??
  (c.placeOfService === undefined || /^\d{2}$/.test(c.placeOfService)
    ? undefined
    : err(
        'InvalidPlaceOfService',
        `${c.placeOfService} is not a two-digit CMS place-of-service code`,
        'placeOfService',
      ));

/**
 * Charges are registered once per claim, for a past or present date of service, with valid
 * codes (CPT/HCPCS, modifiers, ICD-10-CM diagnoses and the lines' pointers into them) and, when
 * named, a rendering provider on the staff record on the date of service (the fact
 * `staffOnRecord`).
 */
const registerCharges = (c: C.RegisterCharges): D => {
  const dx = diagnosesOf(c.diagnoses);
  if ('bad' in dx) return fail(dx.bad);
  const notOnStaff = refuseStaffNotOnRecord<ClaimEvent>(c.staffOnRecord);
  if (notOnStaff !== undefined) return notOnStaff;
  const bad =
    (c.dateOfService > localDate(c.at, c.timeZone)
      ? err('DateOfServiceInFuture', 'charges are registered after the visit', 'dateOfService')
      : undefined) ??
    checkCharges(c.charges, dx.codes) ??
    checkBillingText(c) ??
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
      charges: c.charges.map(copyLine),
      at,
      ...(c.timelyFilingMonths === undefined ? {} : { timelyFilingMonths: c.timelyFilingMonths }),
      ...(c.appealWindowDays === undefined ? {} : { appealWindowDays: c.appealWindowDays }),
      ...(c.memberId === undefined ? {} : { memberId: c.memberId }),
      ...(c.subscriber === undefined
        ? {}
        : { subscriber: { lastName: c.subscriber.lastName, firstName: c.subscriber.firstName } }),
      ...(c.diagnoses === undefined ? {} : { diagnoses: dx.codes }),
      ...(c.renderingProviderId === undefined
        ? {}
        : { renderingProviderId: c.renderingProviderId, staffOnRecord: [...c.staffOnRecord] }),
      ...(c.priorAuthorizationNumber === undefined
        ? {}
        : { priorAuthorizationNumber: c.priorAuthorizationNumber }),
      ...(c.placeOfService === undefined ? {} : { placeOfService: c.placeOfService }),
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
    checkCharges(c.charges, s.billing.diagnoses) ??
    safeTotal([s.totalCharges, ...c.charges.map((l) => l.amount)], 'charges');
  return bad
    ? fail(bad)
    : accept({
        type: 'ClaimChargesAdded',
        data: { claimId: s.claimId, charges: c.charges.map(copyLine), at: c.at },
      });
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
    ) ?? (c.charges === undefined ? undefined : checkCharges(c.charges, s.billing.diagnoses));
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
      ...(c.charges === undefined ? {} : { charges: c.charges.map(copyLine) }),
    },
  });
};

/**
 * Only a clean claim is submitted, and not after its timely-filing deadline. When the billing
 * policy requires it (the fact `eligibility`), the patient's coverage with this payer must have
 * been checked for the date of service and found active — or the submitter overrides with a
 * reason, recorded as `ClaimEligibilityOverridden`. Self-pay claims have no payer to check.
 */
const submit = (c: C.SubmitClaim, s: State): D => {
  const bad = inStatus(s, ['clean'], 'ClaimNotClean', 'a claim is submitted once it has passed scrubbing');
  if (bad) return fail(bad);
  if (s.filingDeadline !== undefined && localDate(c.at, s.timeZone) > s.filingDeadline)
    return reject(
      'TimelyFilingExpired',
      `the filing deadline was ${s.filingDeadline} (${filingLimitOf(s.payerKind, s.timelyFilingMonths)?.source ?? 'payer filing limit'})`,
      'at',
    );
  const { required, check } = c.eligibility;
  const refusal: 'EligibilityNotChecked' | 'CoverageInactive' | undefined =
    !required || s.payerKind === 'self-pay'
      ? undefined
      : check === null
        ? 'EligibilityNotChecked'
        : check.coverageActive
          ? undefined
          : 'CoverageInactive';
  const submitted: ClaimEvent = {
    type: 'ClaimSubmitted',
    data: {
      claimId: s.claimId,
      submission: s.submissions + 1,
      at: c.at,
      ...(check === null || !required ? {} : { eligibilityCheckId: check.checkId }),
    },
  };
  if (refusal === undefined) return accept(submitted);
  if (c.eligibilityOverrideReason === undefined)
    return reject(
      refusal,
      refusal === 'EligibilityNotChecked'
        ? `the patient's eligibility with ${s.payerId} was not checked for the date of service ${s.dateOfService}; record a check or give eligibilityOverrideReason`
        : `eligibility check ${check?.checkId ?? ''} found the coverage with ${s.payerId} inactive on ${s.dateOfService}; give eligibilityOverrideReason to submit anyway`,
      'eligibility',
    );
  return accept<ClaimEvent>(submitted, {
    type: 'ClaimEligibilityOverridden',
    data: {
      claimId: s.claimId,
      patientId: s.patientId,
      refusal,
      reason: c.eligibilityOverrideReason,
      at: c.at,
    },
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
