import { cents } from '../money.js';
import { DEFAULT_DELIMITERS, el, loc, segmentText, type Delimiters, type Segment } from '../interchange.js';
import { InterchangeStream, type SegmentSink, type TransactionStart, type X12Source } from '../stream.js';
import {
  checkClaimBalance,
  checkPaymentBalance,
  TotalsAccumulator,
  type RemittanceTotals,
} from './balance.js';
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

/** A remittance without its claims and provider adjustments: what its header (BPR, TRN, N1) says. */
export type RemittanceHeader = Omit<RemittanceAdvice, 'claims' | 'providerAdjustments'>;

/**
 * What a streaming read of an 835 reports, in file order:
 * - `remittance`: a transaction set's header is read (BPR, TRN, N1…), before its first claim;
 * - `claim`: one claim payment (CLP loop 2100 and its service lines) is read — and, when the
 *   reader balances, its lines and CLP03/04/05 add up; `index` is its ordinal (1-based);
 * - `end`: SE is read; its PLB, and its totals (BPR02 checked when the reader balances).
 */
export type RemittanceEvent =
  | { readonly kind: 'remittance'; readonly remittance: RemittanceHeader }
  | {
      readonly kind: 'claim';
      readonly remittance: RemittanceHeader;
      readonly claim: ClaimPayment;
      readonly index: number;
    }
  | {
      readonly kind: 'end';
      readonly remittance: RemittanceHeader;
      readonly providerAdjustments: readonly ProviderAdjustment[];
      readonly totals: RemittanceTotals;
    };

/**
 * Reads 835 transaction sets segment by segment (the `SegmentSink` of an `InterchangeStream`)
 * and reports each claim payment as soon as its loop closes; it keeps one claim at a time, the
 * header, the PLB and running totals. Throws `X12Error`: `unsupported` for X12 that is not a
 * healthcare 835 (GS01 `HP`, ST01 `835`, version 005010X221), `invalid` for an element that
 * breaks the guide, `unbalanced` (when `balance`) for totals that do not add up.
 */
export class RemittanceReader implements SegmentSink {
  private d: Delimiters = DEFAULT_DELIMITERS;
  private st: Segment | undefined;
  private icn = '';
  private bpr: Segment | undefined;
  private trn: Segment | undefined;
  private payerName = '';
  private payeeName = '';
  private payeeNpi: string | undefined;
  private header: RemittanceHeader | undefined;
  private claim: ClaimDraft | undefined;
  private line: LineDraft | undefined;
  private index = 0;
  private plb: ProviderAdjustment[] = [];
  private totals = new TotalsAccumulator();
  /** How many 835 transaction sets were read. */
  transactionSets = 0;

  constructor(
    private readonly emit: (e: RemittanceEvent) => void,
    private readonly balance = true,
  ) {}

  start(t: TransactionStart): void {
    const { st, gs } = t;
    this.d = t.delimiters;
    if (el(st, 1) !== '835' || el(gs, 1) !== 'HP')
      throw new X12Error(
        'unsupported',
        `this is a ${el(st, 1)} transaction set in a ${el(gs, 1)} group, not an 835 health care claim payment (GS01 HP, ST01 835)`,
        loc(st, 1, undefined, this.d),
      );
    const guide = el(st, 3) || el(gs, 8);
    if (!guide.startsWith('005010X221'))
      throw new X12Error(
        'unsupported',
        `the 835 guide is ${guide || 'not named'}; Praxis reads 005010X221 (5010) remittances`,
        { ...loc(st, undefined, undefined, this.d), element: 'GS08' },
      );
    this.st = st;
    this.icn = t.interchangeControlNumber;
    this.bpr = undefined;
    this.trn = undefined;
    this.payerName = '';
    this.payeeName = '';
    this.payeeNpi = undefined;
    this.header = undefined;
    this.claim = undefined;
    this.line = undefined;
    this.index = 0;
    this.plb = [];
    this.totals = new TotalsAccumulator();
  }

  private openHeader(): RemittanceHeader {
    if (this.header !== undefined) return this.header;
    const d = this.d;
    const st = this.st!;
    const bpr = this.bpr;
    const trn = this.trn;
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
    const paymentDate = date8(el(bpr, 16));
    this.header = {
      controlNumber: el(st, 2),
      interchangeControlNumber: this.icn,
      handling,
      paymentAmount: cents(el(bpr, 2), loc(bpr, 2, undefined, d)),
      paymentMethod: el(bpr, 4),
      paymentDate,
      traceNumber: el(trn, 2).trim(),
      originator: el(trn, 3).trim(),
      payerName: this.payerName,
      payeeName: this.payeeName,
      payeeNpi: this.payeeNpi,
      where: { segment: segmentText(bpr, d), position: bpr.position, line: bpr.line },
    };
    this.emit({ kind: 'remittance', remittance: this.header });
    return this.header;
  }

  private closeClaim(): void {
    const draft = this.claim;
    this.claim = undefined;
    this.line = undefined;
    if (draft === undefined) return;
    const c = finishClaim(draft, this.d);
    if (this.balance) checkClaimBalance(c);
    this.totals.claim(c);
    this.index++;
    this.emit({ kind: 'claim', remittance: this.openHeader(), claim: c, index: this.index });
  }

  segment(s: Segment): void {
    const d = this.d;
    switch (s.tag) {
      case 'BPR':
        if (this.header === undefined) this.bpr = s;
        break;
      case 'TRN':
        if (this.header === undefined && this.trn === undefined) this.trn = s;
        break;
      case 'N1':
        if (this.header === undefined && el(s, 1) === 'PR') this.payerName = el(s, 2);
        if (this.header === undefined && el(s, 1) === 'PE') {
          this.payeeName = el(s, 2);
          if (el(s, 3) === 'XX') this.payeeNpi = el(s, 4);
        }
        break;
      case 'LX':
        this.closeClaim();
        this.openHeader();
        break;
      case 'CLP':
        this.closeClaim();
        this.openHeader();
        this.claim = { s, adjustments: [], remarks: [], lines: [] };
        break;
      case 'CAS':
        if (this.claim === undefined)
          throw new X12Error(
            'invalid',
            'a CAS segment outside a claim (CLP) loop',
            loc(s, undefined, undefined, d),
          );
        (this.line ?? this.claim).adjustments.push(...readCas(s, d));
        break;
      case 'MOA':
        if (this.claim !== undefined)
          this.claim.remarks.push(...[3, 4, 5, 6, 7].map((i) => el(s, i)).filter((r) => r !== ''));
        break;
      case 'MIA':
        if (this.claim !== undefined)
          this.claim.remarks.push(...[5, 20, 21, 22, 23, 24].map((i) => el(s, i)).filter((r) => r !== ''));
        break;
      case 'SVC':
        if (this.claim === undefined)
          throw new X12Error(
            'invalid',
            'a service line (SVC) outside a claim (CLP) loop',
            loc(s, undefined, undefined, d),
          );
        this.line = readSvc(s, d);
        this.claim.lines.push(this.line);
        break;
      case 'DTM':
        if (
          this.line !== undefined &&
          (el(s, 1) === '472' || el(s, 1) === '150') &&
          this.line.serviceDate === undefined
        )
          this.line.serviceDate = date8(el(s, 2));
        break;
      case 'LQ':
        if (this.line !== undefined && el(s, 1) === 'HE' && el(s, 2) !== '') this.line.remarks.push(el(s, 2));
        break;
      case 'PLB':
        this.closeClaim();
        this.openHeader();
        for (const p of readPlb(s, d)) {
          this.plb.push(p);
          this.totals.providerAdjustment(p.amount);
        }
        break;
    }
  }

  end(_se: Segment): void {
    this.closeClaim();
    const header = this.openHeader();
    if (this.balance) checkPaymentBalance(header, this.totals.claimsPaid, this.totals.providerAdjustments);
    this.transactionSets++;
    this.emit({
      kind: 'end',
      remittance: header,
      providerAdjustments: this.plb,
      totals: this.totals.totals(header.paymentAmount),
    });
    this.st = undefined;
  }
}

/**
 * Reads an 835 as it arrives — a file stream, chunks of text or bytes, or the whole text — and
 * yields each remittance's header, each claim payment and each remittance's end (with its PLB
 * and totals) in file order; memory stays flat in the file size. Balancing is checked claim by
 * claim and BPR02 at SE. Throws (while iterating) `X12Error`: `syntax` for a file that is not a
 * whole interchange (truncation is found at the end of the input), `unsupported`, `invalid`,
 * `unbalanced`; an error of the source itself is passed on as it is. Claims reported before an
 * error are not a promise the file is good: act on them only when the iteration ends.
 *
 * @example
 * for await (const e of streamRemittances(createReadStream('payer.835')))
 *   if (e.kind === 'claim') console.log(e.claim.claimId, e.claim.paid);
 */
export async function* streamRemittances(
  source: X12Source,
  options: { readonly balance?: boolean } = {},
): AsyncGenerator<RemittanceEvent, void, undefined> {
  let pending: RemittanceEvent[] = [];
  const reader = new RemittanceReader((e) => pending.push(e), options.balance ?? true);
  const stream = new InterchangeStream(reader);
  const pushes = chunksOf(source);
  for await (const step of pushes) {
    if (step === END) stream.end();
    else stream.push(step);
    const out = pending;
    pending = [];
    yield* out;
  }
  if (reader.transactionSets === 0)
    throw new X12Error('unsupported', 'the interchange holds no 835 transaction set');
}

const END = Symbol('end');

/** The source's text piece by piece, then END (bytes decoded as UTF-8 across chunk boundaries). */
async function* chunksOf(source: X12Source): AsyncGenerator<string | typeof END, void, undefined> {
  if (typeof source === 'string') {
    yield source;
    yield END;
    return;
  }
  if (source instanceof Uint8Array) {
    yield new TextDecoder().decode(source);
    yield END;
    return;
  }
  if (
    source === null ||
    typeof source !== 'object' ||
    !(Symbol.asyncIterator in source || Symbol.iterator in source)
  )
    throw new X12Error('syntax', 'an X12 interchange is text, bytes, or a stream of them');
  const decoder = new TextDecoder();
  for await (const chunk of source as AsyncIterable<unknown>) {
    if (typeof chunk === 'string') yield decoder.decode() + chunk;
    else if (chunk instanceof Uint8Array) yield decoder.decode(chunk, { stream: true });
    else throw new X12Error('syntax', 'a chunk of an X12 interchange is text or bytes');
  }
  yield decoder.decode();
  yield END;
}

/**
 * Reads every 835 of a whole text (each ST…SE is one remittance), without checking its
 * balancing (`checkBalance` does). Throws `X12Error`: `syntax` for a file that is not a whole
 * interchange, `unsupported` for X12 that is not a healthcare 835 (GS01 `HP`, ST01 `835`,
 * version 005010), `invalid` for an element that breaks the guide. For large files use
 * `streamRemittances`, which keeps one claim at a time.
 *
 * @example
 * const [era] = readRemittances(readFileSync('payer.835', 'utf8'));
 * era.claims.length;
 */
export const readRemittances = (text: string): RemittanceAdvice[] => {
  if (typeof text !== 'string') throw new X12Error('syntax', 'an X12 interchange is text');
  const out: RemittanceAdvice[] = [];
  let claims: ClaimPayment[] = [];
  const reader = new RemittanceReader((e) => {
    if (e.kind === 'claim') claims.push(e.claim);
    else if (e.kind === 'end') {
      out.push({ ...e.remittance, claims, providerAdjustments: e.providerAdjustments });
      claims = [];
    }
  }, false);
  const stream = new InterchangeStream(reader);
  stream.push(text);
  stream.end();
  if (out.length === 0) throw new X12Error('unsupported', 'the interchange holds no 835 transaction set');
  return out;
};
