import { cents, decimal } from '../money.js';
import { el, loc, readInterchanges } from '../interchange.js';
import { writeInterchange, type SegmentDraft } from '../write.js';
import { X12Error } from '../x12-error.js';

/** One professional claim as an 837P carries it (money in cents). */
export interface ProfessionalClaim {
  /** CLM01: the provider's claim id (Praxis's claimId; the 835 returns it in CLP01). */
  readonly claimId: string;
  /** CLM02: total charge = Σ line charges. */
  readonly totalCharge: number;
  /** CLM05-1: place of service (`11` office). */
  readonly placeOfService: string;
  /** HI: ICD-10-CM codes as X12 carries them (no dot: `E119`), principal first (ABK, then ABF). */
  readonly diagnoses: readonly string[];
  readonly subscriber: { readonly memberId: string; readonly lastName: string; readonly firstName: string };
  readonly payer: { readonly id: string; readonly name: string };
  /** SBR09, the claim filing indicator (`MB` Medicare Part B, `MC` Medicaid, `CI` commercial…); written `CI` when absent. */
  readonly claimFilingIndicator?: string;
  /** 2300 REF*G1: the payer's prior-authorization number. */
  readonly priorAuthorization?: string;
  /** 2310B NM1*82: the rendering provider (a person, NPI). */
  readonly renderingProvider?: {
    readonly npi: string;
    readonly lastName: string;
    readonly firstName: string;
  };
  readonly lines: readonly {
    /** SV101-2. */
    readonly cptCode: string;
    readonly modifiers?: readonly string[];
    /** SV102. */
    readonly charge: number;
    /** SV104. */
    readonly units: number;
    /** SV107: 1-based pointers into `diagnoses` (written `1` when absent). */
    readonly diagnosisPointers?: readonly number[];
    /** DTP*472 (YYYY-MM-DD). */
    readonly serviceDate: string;
  }[];
}

/** The parties of an 837P: submitter, receiver and billing provider. */
export interface Parties837 {
  readonly submitter: {
    readonly name: string;
    readonly id: string;
    readonly contact: string;
    readonly phone: string;
  };
  readonly receiver: { readonly name: string; readonly id: string };
  readonly billingProvider: {
    readonly name: string;
    readonly npi: string;
    readonly taxId: string;
    readonly address: string;
    readonly city: string;
    readonly state: string;
    readonly zip: string;
  };
}

const ymd = (d: string) => d.replaceAll('-', '');

/** Every value written into an element: printable, without the delimiters `* : ^ ~`. */
const checkText = (claims: readonly ProfessionalClaim[], parties: Parties837): void => {
  const bad = (v: unknown): boolean => typeof v !== 'string' || !/^[\x20-\x7E]*$/.test(v) || /[*:^~]/.test(v);
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v))
        throw new X12Error('invalid', `${path} must be a whole number`, { element: path });
      return;
    }
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}.${i}`));
    if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
      return;
    }
    if (bad(v))
      throw new X12Error(
        'invalid',
        `${path} cannot be written into an X12 element: printable text without * : ^ ~ (got ${JSON.stringify(v)})`,
        { element: path },
      );
  };
  walk(parties, 'parties');
  claims.forEach((c, i) => walk(c, `claims.${i}`));
};
const iso = (d: string) => (/^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d);

/**
 * Writes claims as one 005010X222A1 837P (with node-x12's generator): BHT, submitter (1000A)
 * and receiver (1000B), billing provider (2000A/2010AA), then per claim a subscriber
 * hierarchical level (2000B, patient = subscriber) with its payer (2010BB), CLM, HI and its
 * service lines (LX, SV1, DTP*472). HL ids and parents, SE/GE/IEA counts and control numbers
 * are computed. Throws `X12Error` (kind `invalid`, naming the field) for a value that cannot
 * be written into an element (a delimiter, a control character, a fractional amount).
 */
export const write837P = (
  claims: readonly ProfessionalClaim[],
  parties: Parties837,
  envelope: { readonly controlNumber: number; readonly createdAt: string; readonly usage?: 'P' | 'T' },
): string => {
  const p = parties;
  checkText(claims, parties);
  const s: SegmentDraft[] = [
    [
      'BHT',
      '0019',
      '00',
      String(envelope.controlNumber),
      ymd(envelope.createdAt.slice(0, 10)),
      envelope.createdAt.slice(11, 16).replace(':', '') || '0000',
      'CH',
    ],
    ['NM1', '41', '2', p.submitter.name, '', '', '', '', '46', p.submitter.id],
    ['PER', 'IC', p.submitter.contact, 'TE', p.submitter.phone],
    ['NM1', '40', '2', p.receiver.name, '', '', '', '', '46', p.receiver.id],
    ['HL', '1', '', '20', '1'],
    ['NM1', '85', '2', p.billingProvider.name, '', '', '', '', 'XX', p.billingProvider.npi],
    ['N3', p.billingProvider.address],
    ['N4', p.billingProvider.city, p.billingProvider.state, p.billingProvider.zip],
    ['REF', 'EI', p.billingProvider.taxId],
  ];
  let hl = 1;
  for (const c of claims) {
    hl++;
    s.push(['HL', String(hl), '1', '22', '0']);
    s.push(['SBR', 'P', '18', '', '', '', '', '', '', c.claimFilingIndicator ?? 'CI']);
    s.push([
      'NM1',
      'IL',
      '1',
      c.subscriber.lastName,
      c.subscriber.firstName,
      '',
      '',
      '',
      'MI',
      c.subscriber.memberId,
    ]);
    s.push(['NM1', 'PR', '2', c.payer.name, '', '', '', '', 'PI', c.payer.id]);
    s.push(['CLM', c.claimId, decimal(c.totalCharge), '', '', `${c.placeOfService}:B:1`, 'Y', 'A', 'Y', 'Y']);
    if (c.priorAuthorization !== undefined) s.push(['REF', 'G1', c.priorAuthorization]);
    s.push(['HI', ...c.diagnoses.map((d, i) => `${i === 0 ? 'ABK' : 'ABF'}:${d.replace('.', '')}`)]);
    if (c.renderingProvider !== undefined)
      s.push([
        'NM1',
        '82',
        '1',
        c.renderingProvider.lastName,
        c.renderingProvider.firstName,
        '',
        '',
        '',
        'XX',
        c.renderingProvider.npi,
      ]);
    for (const [i, l] of c.lines.entries()) {
      s.push(['LX', String(i + 1)]);
      s.push([
        'SV1',
        ['HC', l.cptCode, ...(l.modifiers ?? [])].join(':'),
        decimal(l.charge),
        'UN',
        String(l.units),
        '',
        '',
        (l.diagnosisPointers ?? [1]).join(':'),
      ]);
      s.push(['DTP', '472', 'D8', ymd(l.serviceDate)]);
    }
  }
  return writeInterchange({
    sender: p.submitter.id,
    receiver: p.receiver.id,
    controlNumber: envelope.controlNumber,
    createdAt: envelope.createdAt,
    ...(envelope.usage === undefined ? {} : { usage: envelope.usage }),
    functionalCode: 'HC',
    version: '005010X222A1',
    transactions: [{ setId: '837', controlNumber: '0001', guide: '005010X222A1', segments: s }],
  });
};

/**
 * Reads the claims of an 837P (005010X222A1 or A2): CLM, HI, subscriber (NM1*IL), payer
 * (NM1*PR), and each service line (SV1, DTP*472, the claim's DTP*472 when a line has none).
 * Checks CLM02 = Σ SV102 of the claim's lines. Throws `X12Error` naming segment and element.
 */
export const read837P = (text: string): ProfessionalClaim[] => {
  const out: ProfessionalClaim[] = [];
  for (const ic of readInterchanges(text)) {
    const d = ic.delimiters;
    for (const g of ic.groups)
      for (const t of g.transactions) {
        const st = t.segments[0]!;
        if (t.setId !== '837' || g.functionalCode !== 'HC' || !t.guide.startsWith('005010X222'))
          throw new X12Error(
            'unsupported',
            `this is not an 837P (GS01 HC, ST01 837, guide 005010X222): ${t.setId} ${t.guide}`,
            loc(st, 1, undefined, d),
          );
        let subscriber = { memberId: '', lastName: '', firstName: '' };
        let payer = { id: '', name: '' };
        type Draft = {
          clm: (typeof t.segments)[number];
          diagnoses: string[];
          lines: ProfessionalClaim['lines'][number][];
          date: string;
          priorAuthorization?: string;
          renderingProvider?: ProfessionalClaim['renderingProvider'];
        };
        let claim: Draft | undefined;
        let filing: string | undefined;
        let pendingLine:
          | {
              cptCode: string;
              modifiers?: string[];
              charge: number;
              units: number;
              diagnosisPointers?: number[];
              serviceDate: string;
            }
          | undefined;
        const flushLine = () => {
          if (claim !== undefined && pendingLine !== undefined)
            claim.lines.push({ ...pendingLine, serviceDate: pendingLine.serviceDate || claim.date });
          pendingLine = undefined;
        };
        const flush = () => {
          flushLine();
          if (claim === undefined) return;
          const c = claim;
          const total = cents(el(c.clm, 2), loc(c.clm, 2, undefined, d));
          const sum = c.lines.reduce((a, l) => a + l.charge, 0);
          if (total !== sum)
            throw new X12Error(
              'unbalanced',
              `claim ${el(c.clm, 1)}: CLM02 ${decimal(total)} must equal the sum of its lines' SV102, ${decimal(sum)}`,
              loc(c.clm, 2, undefined, d),
            );
          out.push({
            claimId: el(c.clm, 1),
            totalCharge: total,
            placeOfService: el(c.clm, 5).split(d.component)[0] ?? '',
            diagnoses: c.diagnoses,
            subscriber,
            payer,
            ...(filing === undefined ? {} : { claimFilingIndicator: filing }),
            ...(c.priorAuthorization === undefined ? {} : { priorAuthorization: c.priorAuthorization }),
            ...(c.renderingProvider === undefined ? {} : { renderingProvider: c.renderingProvider }),
            lines: c.lines,
          });
          claim = undefined;
        };
        for (const seg of t.segments) {
          switch (seg.tag) {
            case 'HL':
              flush();
              break;
            case 'SBR':
              filing = el(seg, 9) === '' ? undefined : el(seg, 9);
              break;
            case 'REF':
              if (
                el(seg, 1) === 'G1' &&
                claim !== undefined &&
                pendingLine === undefined &&
                claim.lines.length === 0
              )
                claim.priorAuthorization = el(seg, 2);
              break;
            case 'NM1':
              if (el(seg, 1) === 'IL')
                subscriber = { memberId: el(seg, 9), lastName: el(seg, 3), firstName: el(seg, 4) };
              if (el(seg, 1) === 'PR') payer = { id: el(seg, 9), name: el(seg, 3) };
              // 2310B (claim level, before the first service line); 2420A line-level providers are not kept.
              if (
                el(seg, 1) === '82' &&
                claim !== undefined &&
                pendingLine === undefined &&
                claim.lines.length === 0
              )
                claim.renderingProvider = { npi: el(seg, 9), lastName: el(seg, 3), firstName: el(seg, 4) };
              break;
            case 'CLM':
              flush();
              claim = { clm: seg, diagnoses: [], lines: [], date: '' };
              break;
            case 'HI':
              if (claim !== undefined)
                claim.diagnoses.push(
                  ...seg.elements.map((e) => e.split(d.component)[1] ?? '').filter((x) => x !== ''),
                );
              break;
            case 'SV1': {
              if (claim === undefined)
                throw new X12Error(
                  'invalid',
                  'a service line (SV1) outside a claim (CLM)',
                  loc(seg, undefined, undefined, d),
                );
              flushLine();
              const [qual = '', code = '', ...mods] = el(seg, 1).split(d.component);
              if (qual === '' || code === '')
                throw new X12Error(
                  'invalid',
                  'SV101 must be qualifier:procedure code',
                  loc(seg, 1, undefined, d),
                );
              const units = Number(el(seg, 4) || '1');
              if (!(Number.isFinite(units) && units > 0))
                throw new X12Error(
                  'invalid',
                  `"${el(seg, 4)}" is not a number of units`,
                  loc(seg, 4, undefined, d),
                );
              const pointers = el(seg, 7) === '' ? [] : el(seg, 7).split(d.component).map(Number);
              if (pointers.some((n) => !(Number.isInteger(n) && n >= 1 && n <= 12)))
                throw new X12Error(
                  'invalid',
                  `"${el(seg, 7)}" is not a list of diagnosis pointers (1–12)`,
                  loc(seg, 7, undefined, d),
                );
              pendingLine = {
                cptCode: code,
                ...(mods.some((m) => m !== '') ? { modifiers: mods.filter((m) => m !== '') } : {}),
                charge: cents(el(seg, 2), loc(seg, 2, undefined, d)),
                units,
                ...(pointers.length === 0 ? {} : { diagnosisPointers: pointers }),
                serviceDate: '',
              };
              break;
            }
            case 'DTP':
              if (el(seg, 1) === '472' && claim !== undefined) {
                const date = iso(el(seg, 3).split('-')[0] ?? '');
                if (pendingLine !== undefined) pendingLine.serviceDate = date;
                else claim.date = date;
              }
              break;
            case 'SE':
              flush();
              break;
          }
        }
      }
  }
  return out;
};
