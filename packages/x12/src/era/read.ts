import { cents } from '../money.js';
import {
  el,
  loc,
  readInterchanges,
  segmentText,
  type Delimiters,
  type Interchange,
  type Segment,
  type TransactionSet,
} from '../interchange.js';
import { X12Error } from '../x12-error.js';
import {
  CLAIM_STATUS,
  type Adjustment,
  type AdjustmentGroup,
  type ClaimPayment,
  type ProviderAdjustment,
  type RemittanceAdvice,
  type ServicePayment,
} from './model.js';

const GROUPS: readonly string[] = ['CO', 'PR', 'OA', 'PI', 'CR'];
const CODE = /^[A-Z0-9]{1,5}$/;

/** CCYYMMDD as YYYY-MM-DD; undefined when absent or not a calendar date (sample files carry `20002316`). */
const date8 = (v: string): string | undefined => {
  if (!/^\d{8}$/.test(v)) return undefined;
  const [y, m, d] = [Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8))];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
    ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`
    : undefined;
};

/** Reads CAS: up to six reason/amount/quantity triplets after the group code. */
const readCas = (s: Segment, d: Delimiters): Adjustment[] => {
  const group = el(s, 1);
  if (!GROUPS.includes(group))
    throw new X12Error(
      'invalid',
      `"${group}" is not a claim adjustment group (CO, PR, OA, PI or CR)`,
      loc(s, 1, undefined, d),
    );
  const out: Adjustment[] = [];
  for (let i = 2; i <= 17; i += 3) {
    const carc = el(s, i);
    const amount = el(s, i + 1);
    if (carc === '' && amount === '') continue;
    if (!CODE.test(carc))
      throw new X12Error(
        'invalid',
        `"${carc}" is not a claim adjustment reason code (CARC)`,
        loc(s, i, undefined, d),
      );
    out.push({
      group: group as AdjustmentGroup,
      carc,
      amount: cents(amount, loc(s, i + 1, undefined, d)),
      where: loc(s, i + 1, undefined, d),
    });
  }
  if (out.length === 0)
    throw new X12Error(
      'invalid',
      'a CAS segment needs at least one reason code and amount',
      loc(s, 2, undefined, d),
    );
  return out;
};

interface LineDraft {
  s: Segment;
  qualifier: string;
  code: string;
  modifiers: string[];
  charge: number;
  paid: number;
  units: number | undefined;
  serviceDate: string | undefined;
  adjustments: Adjustment[];
  remarks: string[];
}
interface ClaimDraft {
  s: Segment;
  adjustments: Adjustment[];
  remarks: string[];
  lines: LineDraft[];
}

const readSvc = (s: Segment, d: Delimiters): LineDraft => {
  const parts = el(s, 1).split(d.component);
  const [qualifier = '', code = '', ...modifiers] = parts;
  if (qualifier === '' || code === '')
    throw new X12Error(
      'invalid',
      `SVC01 must name the procedure as qualifier${d.component}code (e.g. HC${d.component}99213)`,
      loc(s, 1, undefined, d),
    );
  const unitsText = el(s, 5);
  const units = unitsText === '' ? undefined : Number(unitsText);
  if (units !== undefined && !(Number.isFinite(units) && units >= 0))
    throw new X12Error('invalid', `"${unitsText}" is not a number of units`, loc(s, 5, undefined, d));
  return {
    s,
    qualifier,
    code,
    modifiers: modifiers.filter((m) => m !== ''),
    charge: cents(el(s, 2), loc(s, 2, undefined, d)),
    paid: cents(el(s, 3), loc(s, 3, undefined, d)),
    units,
    serviceDate: undefined,
    adjustments: [],
    remarks: [],
  };
};

const readPlb = (s: Segment, d: Delimiters): ProviderAdjustment[] => {
  const out: ProviderAdjustment[] = [];
  for (let i = 3; i <= 13; i += 2) {
    const id = el(s, i);
    const amount = el(s, i + 1);
    if (id === '' && amount === '') continue;
    const [reason = '', reference] = id.split(d.component);
    if (!CODE.test(reason))
      throw new X12Error('invalid', `"${reason}" is not a provider adjustment reason code`, loc(s, i, 1, d));
    out.push({
      provider: el(s, 1),
      reason,
      reference: reference === '' ? undefined : reference,
      amount: cents(amount, loc(s, i + 1, undefined, d)),
      where: loc(s, i + 1, undefined, d),
    });
  }
  return out;
};

const finishClaim = (c: ClaimDraft, d: Delimiters): ClaimPayment => {
  const s = c.s;
  const claimId = el(s, 1);
  if (claimId.trim() === '')
    throw new X12Error('invalid', 'CLP01 (the claim id) is required', loc(s, 1, undefined, d));
  const status = el(s, 2);
  if (CLAIM_STATUS[status] === undefined)
    throw new X12Error(
      'invalid',
      `"${status}" is not a claim status code (${Object.keys(CLAIM_STATUS).join(', ')})`,
      loc(s, 2, undefined, d),
    );
  const pr = el(s, 5);
  const payerClaimNumber = el(s, 7);
  return {
    claimId,
    status,
    charge: cents(el(s, 3), loc(s, 3, undefined, d)),
    paid: cents(el(s, 4), loc(s, 4, undefined, d)),
    patientResponsibility: pr === '' ? 0 : cents(pr, loc(s, 5, undefined, d)),
    payerClaimNumber: payerClaimNumber === '' ? undefined : payerClaimNumber,
    adjustments: c.adjustments,
    remarks: c.remarks,
    lines: c.lines.map((l) => ({
      qualifier: l.qualifier,
      code: l.code,
      modifiers: l.modifiers,
      charge: l.charge,
      paid: l.paid,
      units: l.units,
      serviceDate: l.serviceDate,
      adjustments: l.adjustments,
      remarks: l.remarks,
      where: loc(l.s, undefined, undefined, d),
    })) satisfies ServicePayment[],
    where: loc(s, undefined, undefined, d),
  };
};

/** Reads one 835 transaction set into a Remittance (amounts checked, not yet balanced). */
export const readRemittance = (t: TransactionSet, ic: Interchange): RemittanceAdvice => {
  const d = ic.delimiters;
  const st = t.segments[0]!;
  let bpr: Segment | undefined;
  let trn: Segment | undefined;
  let payerName = '';
  let payeeName = '';
  let payeeNpi: string | undefined;
  const claims: ClaimPayment[] = [];
  const plb: ProviderAdjustment[] = [];
  let claim: ClaimDraft | undefined;
  let line: LineDraft | undefined;
  const closeClaim = () => {
    if (claim !== undefined) claims.push(finishClaim(claim, d));
    claim = undefined;
    line = undefined;
  };
  for (const s of t.segments) {
    switch (s.tag) {
      case 'BPR':
        bpr = s;
        break;
      case 'TRN':
        if (claim === undefined && trn === undefined) trn = s;
        break;
      case 'N1':
        if (claim === undefined && el(s, 1) === 'PR') payerName = el(s, 2);
        if (claim === undefined && el(s, 1) === 'PE') {
          payeeName = el(s, 2);
          if (el(s, 3) === 'XX') payeeNpi = el(s, 4);
        }
        break;
      case 'LX':
        closeClaim();
        break;
      case 'CLP':
        closeClaim();
        claim = { s, adjustments: [], remarks: [], lines: [] };
        break;
      case 'CAS':
        if (claim === undefined)
          throw new X12Error(
            'invalid',
            'a CAS segment outside a claim (CLP) loop',
            loc(s, undefined, undefined, d),
          );
        (line ?? claim).adjustments.push(...readCas(s, d));
        break;
      case 'MOA':
        if (claim !== undefined)
          claim.remarks.push(...[3, 4, 5, 6, 7].map((i) => el(s, i)).filter((r) => r !== ''));
        break;
      case 'MIA':
        if (claim !== undefined)
          claim.remarks.push(...[5, 20, 21, 22, 23, 24].map((i) => el(s, i)).filter((r) => r !== ''));
        break;
      case 'SVC':
        if (claim === undefined)
          throw new X12Error(
            'invalid',
            'a service line (SVC) outside a claim (CLP) loop',
            loc(s, undefined, undefined, d),
          );
        line = readSvc(s, d);
        claim.lines.push(line);
        break;
      case 'DTM':
        if (
          line !== undefined &&
          (el(s, 1) === '472' || el(s, 1) === '150') &&
          line.serviceDate === undefined
        )
          line.serviceDate = date8(el(s, 2));
        break;
      case 'LQ':
        if (line !== undefined && el(s, 1) === 'HE' && el(s, 2) !== '') line.remarks.push(el(s, 2));
        break;
      case 'PLB':
        closeClaim();
        plb.push(...readPlb(s, d));
        break;
      case 'SE':
        closeClaim();
        break;
    }
  }
  if (bpr === undefined)
    throw new X12Error(
      'invalid',
      'an 835 needs its BPR segment (the payment)',
      loc(st, undefined, undefined, d),
    );
  if (trn === undefined || el(trn, 2).trim() === '')
    throw new X12Error(
      'invalid',
      'an 835 needs TRN02, the check or EFT trace number (it makes a re-import safe)',
      trn === undefined ? loc(st, undefined, undefined, d) : loc(trn, 2, undefined, d),
    );
  const handling = el(bpr, 1);
  if (!['I', 'C', 'D', 'H', 'P', 'U', 'X'].includes(handling))
    throw new X12Error(
      'invalid',
      `"${handling}" is not a transaction handling code`,
      loc(bpr, 1, undefined, d),
    );
  return {
    controlNumber: t.controlNumber,
    interchangeControlNumber: ic.controlNumber,
    handling,
    paymentAmount: cents(el(bpr, 2), loc(bpr, 2, undefined, d)),
    paymentMethod: el(bpr, 4),
    paymentDate: date8(el(bpr, 16)),
    traceNumber: el(trn, 2).trim(),
    originator: el(trn, 3).trim(),
    payerName,
    payeeName,
    payeeNpi,
    claims,
    providerAdjustments: plb,
    where: { segment: segmentText(bpr, d), position: bpr.position, line: bpr.line },
  };
};

/**
 * Reads every 835 of a file (each ST…SE is one remittance). Throws `X12Error`: `syntax` for a
 * file that is not a whole interchange, `unsupported` for X12 that is not a healthcare 835
 * (GS01 `HP`, ST01 `835`, version 005010), `invalid` for an element that breaks the guide.
 *
 * @example
 * const [era] = readRemittances(readFileSync('payer.835', 'utf8'));
 * era.claims.length;
 */
export const readRemittances = (text: string): RemittanceAdvice[] => {
  const out: RemittanceAdvice[] = [];
  for (const ic of readInterchanges(text)) {
    for (const g of ic.groups) {
      for (const t of g.transactions) {
        const st = t.segments[0]!;
        if (t.setId !== '835' || g.functionalCode !== 'HP')
          throw new X12Error(
            'unsupported',
            `this is a ${t.setId} transaction set in a ${g.functionalCode} group, not an 835 health care claim payment (GS01 HP, ST01 835)`,
            loc(st, 1, undefined, ic.delimiters),
          );
        if (!t.guide.startsWith('005010X221'))
          throw new X12Error(
            'unsupported',
            `the 835 guide is ${t.guide || 'not named'}; Praxis reads 005010X221 (5010) remittances`,
            { ...loc(st, undefined, undefined, ic.delimiters), element: 'GS08' },
          );
        out.push(readRemittance(t, ic));
      }
    }
  }
  if (out.length === 0) throw new X12Error('unsupported', 'the interchange holds no 835 transaction set');
  return out;
};
