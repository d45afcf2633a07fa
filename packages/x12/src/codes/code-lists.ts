/**
 * CARC and RARC descriptions, as versioned data.
 *
 * - CARC: Claim Adjustment Reason Codes, X12 External Code Source 139 (maintained by the Claim
 *   Adjustment Status Code Maintenance Committee; published at x12.org/codes).
 * - RARC: Remittance Advice Remark Codes, X12 External Code Source 411 (maintained by CMS).
 *
 * The built-in list covers the codes practices meet most (and every code of the sample files
 * and the demo) with short descriptions **written for Praxis** — summaries of each code's
 * meaning, not X12's official wording, which X12 licenses. A practice that holds the official
 * list loads it with `codeLists(...)`; see docs/decisions/x12-carc-rarc-code-lists.md.
 */

/** One code list: its codes with a description, and where and when it comes from. */
export interface CodeList {
  /** `CARC` (External Code Source 139) or `RARC` (411). */
  readonly kind: 'CARC' | 'RARC';
  /** The list's version label (the X12 release it follows, or the practice's own). */
  readonly version: string;
  /** The date of the list (YYYY-MM-DD). */
  readonly date: string;
  readonly source: string;
  readonly licence: string;
  /** Code → description. A code no longer to be used says so (`deactivated`) with its date. */
  readonly codes: Readonly<Record<string, { readonly description: string; readonly deactivated?: string }>>;
}

const SOURCE_NOTE =
  "Praxis's summaries of the codes' meanings (not X12's official text), checked against the code numbers as used in 005010X221A1 remittances";

/** The built-in CARC list (summaries; see the module comment). */
export const carcList: CodeList = {
  kind: 'CARC',
  version: 'praxis-2026-11',
  date: '2026-11-30',
  source: `X12 External Code Source 139 (Claim Adjustment Reason Codes); ${SOURCE_NOTE}`,
  licence: 'descriptions: MIT, as Praxis (own wording); the code values are X12 identifiers',
  codes: {
    '1': { description: 'Deductible amount' },
    '2': { description: 'Coinsurance amount' },
    '3': { description: 'Copayment amount' },
    '4': { description: 'Procedure code inconsistent with the modifier, or a required modifier is missing' },
    '5': { description: 'Procedure code or bill type inconsistent with the place of service' },
    '6': { description: "Procedure or revenue code inconsistent with the patient's age" },
    '11': { description: 'Diagnosis inconsistent with the procedure' },
    '15': { description: 'Authorization number missing, invalid or not for this service or provider' },
    '16': { description: 'Claim or service lacks information or has billing errors needed for adjudication' },
    '18': { description: 'Exact duplicate claim or service' },
    '19': { description: "Work-related injury or illness: the workers' compensation carrier is liable" },
    '22': { description: 'May be covered by another payer (coordination of benefits)' },
    '23': { description: "Impact of prior payers' adjudication, including payments and adjustments" },
    '24': { description: 'Charges covered under a capitation agreement or managed care plan' },
    '26': { description: 'Expenses incurred before coverage began' },
    '27': { description: 'Expenses incurred after coverage ended' },
    '29': { description: 'The time limit for filing has expired' },
    '31': { description: 'Patient cannot be identified as our insured' },
    '45': { description: 'Charge exceeds the fee schedule or maximum allowable (contractual)' },
    '49': { description: 'Routine or preventive service not covered with this diagnosis' },
    '50': { description: 'Not deemed medically necessary by the payer' },
    '55': { description: 'Procedure or treatment deemed experimental or investigational' },
    '96': { description: 'Non-covered charge' },
    '97': { description: 'Included in the payment for another service already adjudicated (bundled)' },
    '109': { description: 'Not covered by this payer or contractor; send to the correct one' },
    '119': { description: 'Benefit maximum for this period or occurrence has been reached' },
    '129': { description: 'Prior processing information is incorrect' },
    '146': { description: 'Diagnosis invalid for the date of service' },
    '151': { description: 'Number or frequency of services not supported by the information given' },
    '167': { description: 'Diagnosis not covered' },
    '170': { description: 'Payment denied when performed or billed by this type of provider' },
    '181': { description: 'Procedure code invalid on the date of service' },
    '182': { description: 'Procedure modifier invalid on the date of service' },
    '185': { description: 'Rendering provider not eligible to perform the service billed' },
    '197': { description: 'Precertification, authorization or notification absent' },
    '198': { description: 'Precertification, notification or authorization exceeded' },
    '204': { description: "Service, equipment or drug not covered under the patient's current benefit plan" },
    '222': { description: 'Exceeds the contracted maximum number of hours, days or units' },
    '234': { description: 'Procedure not paid separately' },
    '242': { description: 'Services not provided by network or primary care providers' },
    '252': { description: 'An attachment or other documentation is required to adjudicate' },
    '253': { description: 'Sequestration: reduction of the federal payment' },
    A1: { description: 'Claim or service denied' },
    A2: { description: 'Contractual adjustment', deactivated: '2008-01-01' },
    A7: { description: 'Presumptive payment adjustment', deactivated: '2018-03-01' },
    B7: { description: 'Provider not certified or eligible to be paid for this service on this date' },
    B9: { description: 'Patient is enrolled in a hospice' },
    B11: { description: 'Claim transferred to the proper payer or processor' },
    B13: { description: 'Previously paid: payment for this service may have been made on another claim' },
    B15: { description: 'Qualifying service or procedure not received or adjudicated' },
    B16: { description: "'New patient' qualifications not met" },
  },
};

/** The built-in RARC list (summaries; see the module comment). */
export const rarcList: CodeList = {
  kind: 'RARC',
  version: 'praxis-2026-11',
  date: '2026-11-30',
  source: `X12 External Code Source 411 (Remittance Advice Remark Codes, maintained by CMS); ${SOURCE_NOTE}`,
  licence: 'descriptions: MIT, as Praxis (own wording); the code values are X12 identifiers',
  codes: {
    M15: {
      description: 'Separately billed services or tests were bundled: they are part of another service',
    },
    M20: { description: 'HCPCS code missing or incomplete' },
    M51: { description: 'Procedure code missing, incomplete or invalid' },
    M76: { description: 'Diagnosis missing, incomplete or invalid' },
    M77: { description: 'Place of service missing, incomplete or invalid' },
    M80: { description: 'Not covered when performed during the same session or date as another service' },
    M86: {
      description: 'Service denied: payment already made for the same or a similar procedure in the period',
    },
    MA01: { description: 'Alert: how to request a review or appeal if you disagree with this decision' },
    MA04: { description: 'Secondary payment cannot be considered without the primary payer’s information' },
    MA18: { description: 'Alert: claim information was also forwarded to the supplemental insurer' },
    MA130: {
      description:
        'The claim has missing or invalid information and cannot be appealed: correct and resubmit',
    },
    N4: { description: 'Missing, incomplete or invalid prior insurance carrier information' },
    N14: {
      description: 'Payment based on a contractual amount or agreement, fee schedule or maximum allowable',
    },
    N20: { description: 'Service not payable with other services rendered on the same date' },
    N30: { description: 'Patient ineligible for this service' },
    N56: {
      description:
        'Procedure code billed is not correct or valid for the services billed or the date of service',
    },
    N115: { description: 'Decision based on a local coverage determination (LCD)' },
    N130: { description: 'Consult plan benefit documents or guidelines for coverage information' },
    N290: { description: 'Rendering provider identifier missing, incomplete or invalid' },
    N362: { description: 'Number of days or units exceeds the acceptable maximum' },
    N381: {
      description: 'Consult the contractual agreement for restrictions or billing and payment information',
    },
    N386: { description: 'Decision based on a national coverage determination (NCD)' },
    N425: { description: 'Statutorily excluded service' },
    N432: { description: 'Adjustment based on a recovery audit' },
    N479: {
      description: 'Missing Explanation of Benefits (coordination of benefits or Medicare secondary payer)',
    },
    N522: { description: 'Duplicate of a claim processed or to be processed as a crossover claim' },
    N657: { description: 'Should be billed with the appropriate code for these services' },
  },
};

/** Looks codes up in a pair of lists (the built-in ones, or a practice's official lists). */
export interface CodeDescriber {
  /** The description of a CARC (`'50'`), or undefined for a code not in the list. */
  carcDescription(code: string): string | undefined;
  /** The description of a RARC (`'N14'`), or undefined for a code not in the list. */
  rarcDescription(code: string): string | undefined;
  readonly carc: CodeList;
  readonly rarc: CodeList;
}

const describeIn = (list: CodeList, code: string): string | undefined => {
  if (typeof code !== 'string') return undefined;
  const key = code.trim().toUpperCase();
  const entry = Object.prototype.hasOwnProperty.call(list.codes, key) ? list.codes[key] : undefined;
  if (entry === undefined) return undefined;
  return entry.deactivated === undefined
    ? entry.description
    : `${entry.description} (deactivated ${entry.deactivated})`;
};

/**
 * A describer over the given lists (default: the built-in ones). Load the official X12 lists a
 * practice licenses as `CodeList` values and pass them here.
 *
 * @example
 * const codes = codeLists({ carc: officialCarc }); codes.carcDescription('197');
 */
export const codeLists = (
  lists: { readonly carc?: CodeList; readonly rarc?: CodeList } = {},
): CodeDescriber => {
  const carc = lists.carc ?? carcList;
  const rarc = lists.rarc ?? rarcList;
  return {
    carc,
    rarc,
    carcDescription: (code) => describeIn(carc, code),
    rarcDescription: (code) => describeIn(rarc, code),
  };
};

const builtin = codeLists();

/**
 * The description of a Claim Adjustment Reason Code from the built-in list, or undefined.
 * Case does not matter (`b7` → `B7`).
 *
 * @example
 * carcDescription('50'); // 'Not deemed medically necessary by the payer'
 */
export const carcDescription = (code: string): string | undefined => builtin.carcDescription(code);

/**
 * The description of a Remittance Advice Remark Code from the built-in list, or undefined.
 *
 * @example
 * rarcDescription('N14');
 */
export const rarcDescription = (code: string): string | undefined => builtin.rarcDescription(code);
