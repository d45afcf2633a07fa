/**
 * A dated obligation: something someone must do by a date (renew a licence, complete
 * training, review a policy, notify HHS of a breach, close a corrective action).
 *
 * Every module's obligations projection writes documents of this shape under keys
 * `obligation:<id>`, so one compliance calendar can show them all with due-soon and
 * overdue states as of any date.
 */
export interface Obligation {
  /** Stable id, unique within its projection (e.g. `credential:<staffId>:<credentialId>`). */
  readonly id: string;
  /** The module it comes from: `staff`, `policies`, `compliance`, `finance`, … */
  readonly module: string;
  /** What kind of duty: `credential-expiry`, `training-due`, `policy-review`, `breach-notify-hhs`, … */
  readonly kind: string;
  /** A sentence a person can read: "Renew DEA registration of Dr Reyes". */
  readonly label: string;
  /** The stream of the aggregate it belongs to. */
  readonly streamId: string;
  /** Who must act (staff id or role), when known. */
  readonly owner?: string;
  /** When the obligation arose (ISO date or instant): it is not shown before then. */
  readonly arisesAt: string;
  /** The deadline: ISO date (end of that day in the practice zone) or instant (exact). */
  readonly dueAt: string;
  /** When it was met, if it was. */
  readonly completedAt?: string;
  /** The rule it comes from, e.g. `45 CFR 164.404`. */
  readonly legalSource?: string;
  /** What missing it costs, for ranking by impact × urgency (absent: not yet classified). */
  readonly impact?: ObligationImpact;
}

/** What missing an obligation costs: a legal breach, harm to patients, money, or the practice's running. */
export type ObligationImpact = 'legal' | 'patient-safety' | 'financial' | 'operational';

/** The key under which a projection stores an obligation. */
export const obligationKey = (id: string): string => `obligation:${id}`;

/**
 * A kind of obligation the practice is exempt from, from a date on (e.g. the OSHA 300 log
 * for a physician's office, 29 CFR 1904.2). An obligations projection writes it under
 * `exemption:<kind>`; the compliance calendar leaves out obligations of that kind arising on
 * or after `from`.
 */
export interface ObligationExemption {
  readonly kind: string;
  /** First day the exemption applies (ISO date). */
  readonly from: string;
  /** A sentence a person can read: why the practice is exempt. */
  readonly reason: string;
  readonly legalSource: string;
}

/** The key under which a projection stores an exemption from one kind of obligation. */
export const exemptionKey = (kind: string): string => `exemption:${kind}`;
