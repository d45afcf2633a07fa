import type { Recurrence } from './recurrence.js';

/** The regulations the practice runs a programme for. */
export const regulations = [
  'HIPAA',
  'OSHA',
  'CLIA',
  'CDC-infection-control',
  'Medicare-Medicaid-billing',
] as const;
/** A regulation the practice runs a programme for. */
export type Regulation = (typeof regulations)[number];

/** A recurring requirement the law (or authoritative guidance) sets, with its longest allowed interval. */
export interface StandardRequirement {
  readonly regulation: Regulation;
  readonly title: string;
  /** The longest interval allowed between two fulfilments. */
  readonly maxInterval: Recurrence;
  readonly legalSource: string;
}

/**
 * The standard recurring requirements. A requirement added with one of these keys may recur
 * more often than `maxInterval`, never less often (DOMAIN.md, "Dated rules").
 */
export const standardRequirements = {
  'hipaa-risk-analysis': {
    regulation: 'HIPAA',
    title: 'Security risk analysis',
    maxInterval: { every: 1, unit: 'years' },
    legalSource: '45 CFR 164.308(a)(1)(ii)(A); annual by practice policy',
  },
  'osha-exposure-control-plan-review': {
    regulation: 'OSHA',
    title: 'Review the exposure control plan',
    maxInterval: { every: 1, unit: 'years' },
    legalSource: '29 CFR 1910.1030(c)(1)(iv)',
  },
  'cdc-sterilizer-spore-test': {
    regulation: 'CDC-infection-control',
    title: 'Sterilizer spore (biological indicator) test',
    maxInterval: { every: 1, unit: 'weeks' },
    legalSource: 'CDC Guidelines for Infection Control in Dental Health-Care Settings (2003)',
  },
  'clia-certificate-renewal': {
    regulation: 'CLIA',
    title: 'Renew the CLIA certificate of waiver',
    maxInterval: { every: 2, unit: 'years' },
    legalSource: '42 CFR 493.37',
  },
  'oig-exclusion-screening': {
    regulation: 'Medicare-Medicaid-billing',
    title: 'Screen staff against the OIG exclusion list (LEIE)',
    maxInterval: { every: 1, unit: 'months' },
    legalSource: 'OIG Special Advisory Bulletin on the Effect of Exclusion (2013); 42 CFR 455.436',
  },
} as const satisfies Record<string, StandardRequirement>;

/** The key of a standard requirement. */
export type StandardRequirementKey = keyof typeof standardRequirements;
