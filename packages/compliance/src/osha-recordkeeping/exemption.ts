/**
 * Who keeps the OSHA 300 log (29 CFR 1904 Subpart B). An employer is exempt from keeping
 * the 300/300A/301 records when it had no more than 10 employees at any time during the last
 * calendar year (29 CFR 1904.1(a)), or when the establishment's industry is listed as
 * partially exempt in Appendix A to Subpart B (29 CFR 1904.2). Exempt or not, every employer
 * still reports a fatality within 8 hours and an in-patient hospitalization, amputation or
 * loss of an eye within 24 hours (29 CFR 1904.39; 1904.1(b), 1904.2(b)).
 */

/** The most employees a company may have had at any time last year and still be exempt (1904.1). */
export const SMALL_EMPLOYER_MAX = 10;

/**
 * The health-care industries of Appendix A to Subpart B of 29 CFR 1904 (NAICS 2012 codes,
 * four digits): an establishment whose six-digit NAICS code starts with one of them is
 * partially exempt. Physicians' offices (6211) are among them; hospitals (622) are not.
 */
export const PARTIALLY_EXEMPT_HEALTH_CARE: Readonly<Record<string, string>> = {
  '6211': 'Offices of Physicians',
  '6212': 'Offices of Dentists',
  '6213': 'Offices of Other Health Practitioners',
  '6214': 'Outpatient Care Centers',
  '6215': 'Medical and Diagnostic Laboratories',
};

/** Why the 300 log is or is not kept. */
export type Exemption = 'none' | 'small-employer' | 'partially-exempt-industry';

/** The exemption that applies and the rule it comes from. */
export interface ExemptionRuling {
  readonly exemption: Exemption;
  readonly legalSource: string;
  /** A sentence a person can read. */
  readonly reason: string;
}

/**
 * The 300-log exemption for a company's peak headcount last year and the establishment's
 * NAICS code: the size exemption first (it covers every establishment), then the industry.
 *
 * @example
 * exemptionOf(25, '621111').exemption; // 'partially-exempt-industry' (Offices of Physicians)
 * exemptionOf(8, '622110').exemption;  // 'small-employer'
 * exemptionOf(40, '622110').exemption; // 'none' (general hospital)
 */
export const exemptionOf = (peakEmployees: number, naicsCode: string): ExemptionRuling => {
  if (peakEmployees <= SMALL_EMPLOYER_MAX)
    return {
      exemption: 'small-employer',
      legalSource: '29 CFR 1904.1',
      reason: `no more than ${SMALL_EMPLOYER_MAX} employees at any time last calendar year (${peakEmployees})`,
    };
  const industry = PARTIALLY_EXEMPT_HEALTH_CARE[naicsCode.slice(0, 4)];
  if (industry !== undefined)
    return {
      exemption: 'partially-exempt-industry',
      legalSource: '29 CFR 1904.2, Appendix A to Subpart B',
      reason: `NAICS ${naicsCode} (${industry}) is a partially exempt industry`,
    };
  return {
    exemption: 'none',
    legalSource: '29 CFR 1904.4',
    reason: `NAICS ${naicsCode} with ${peakEmployees} employees keeps the OSHA 300 log`,
  };
};
