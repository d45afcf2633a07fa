import type { Recurrence } from './recurrence.js';

/** A regulation Praxis knows: its full name and where its duties are written. */
export interface KnownRegulation {
  readonly name: string;
  readonly legalSource: string;
}

/**
 * The regulations Praxis knows (DOMAIN.md, "Regulatory compliance"), with their sources. A
 * programme may be established for any other regulation — the DEA, the No Surprises Act, a
 * state rule — by giving its own `legalSource` (`RegulationSourceRequired` otherwise).
 */
export const knownRegulations = {
  HIPAA: {
    name: 'HIPAA Privacy, Security and Breach Notification Rules',
    legalSource: '45 CFR Parts 160 and 164',
  },
  OSHA: {
    name: 'OSHA bloodborne pathogens and injury recordkeeping',
    legalSource: '29 CFR 1910.1030; 29 CFR Part 1904',
  },
  CLIA: { name: 'Clinical Laboratory Improvement Amendments', legalSource: '42 CFR Part 493' },
  'CDC-infection-control': {
    name: 'CDC infection control guidelines',
    legalSource: 'CDC Guidelines for Infection Control in Dental Health-Care Settings (2003)',
  },
  'Medicare-Medicaid-billing': {
    name: 'Medicare and Medicaid billing and program integrity',
    legalSource: '42 CFR Parts 401, 424, 455; 42 U.S.C. 1320a-7k(d)',
  },
} as const satisfies Record<string, KnownRegulation>;

/** The regulations Praxis knows, by key. */
export const regulations = Object.keys(knownRegulations) as readonly (keyof typeof knownRegulations)[];
/** A regulation Praxis knows. */
export type KnownRegulationKey = keyof typeof knownRegulations;
/**
 * The regulation a programme is for: one of the known keys (`HIPAA`) or the practice's own
 * name for any other (`DEA`, `No-Surprises-Act`, `TX-HB-300`), at most 100 characters.
 */
export type Regulation = string;
/** Longest regulation name (characters). */
export const maxRegulationLength = 100;

/** The registry entry of a known regulation, or undefined for a practice's own. */
export const knownRegulation = (regulation: string): KnownRegulation | undefined =>
  Object.prototype.hasOwnProperty.call(knownRegulations, regulation)
    ? knownRegulations[regulation as KnownRegulationKey]
    : undefined;

/** A recurring requirement the law (or authoritative guidance) sets, with its longest allowed interval. */
export interface StandardRequirement {
  readonly regulation: KnownRegulationKey;
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
