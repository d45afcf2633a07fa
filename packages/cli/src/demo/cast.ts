import type { Actor } from '@praxis/core';

/** A person of the demo practice. */
export interface Person {
  readonly id: string;
  readonly name: string;
  /** Role in the practice's permission policy. */
  readonly role: string;
  /** Job title (what HR records). */
  readonly title: string;
  readonly provider?: boolean;
  /** Month and day of the demo year the person starts (absent: on staff since before the year). */
  readonly starts?: string;
  /** Month and day of the demo year that is their last day. */
  readonly leaves?: string;
}

/** The demo practice: Riverside Family Medicine, three physicians and their team. */
export const practiceName = 'Riverside Family Medicine (demo)';
export const practiceZone = 'America/Chicago';
export const practiceCurrency = 'USD';

export const people = {
  manager: {
    id: 'maria.alvarez',
    name: 'Maria Alvarez',
    role: 'practice_manager',
    title: 'Practice manager',
  },
  reyes: { id: 'dr.reyes', name: 'Dr Lena Reyes', role: 'physician', title: 'Physician', provider: true },
  haddad: { id: 'dr.haddad', name: 'Dr Omar Haddad', role: 'physician', title: 'Physician', provider: true },
  kim: { id: 'dr.kim', name: 'Dr Grace Kim', role: 'physician', title: 'Physician', provider: true },
  biller: { id: 'ben.carter', name: 'Ben Carter', role: 'biller', title: 'Billing specialist' },
  hr: { id: 'hana.ito', name: 'Hana Ito', role: 'hr', title: 'Office and HR coordinator' },
  compliance: {
    id: 'cora.nwosu',
    name: 'Cora Nwosu',
    role: 'compliance_officer',
    title: 'Compliance officer (RN)',
  },
  ma1: { id: 'jamie.ortiz', name: 'Jamie Ortiz', role: 'staff', title: 'Medical assistant' },
  ma2: { id: 'priya.shah', name: 'Priya Shah', role: 'staff', title: 'Medical assistant' },
  ma3: {
    id: 'luke.brennan',
    name: 'Luke Brennan',
    role: 'staff',
    title: 'Medical assistant',
    leaves: '02-28',
  },
  desk1: { id: 'sofia.rossi', name: 'Sofia Rossi', role: 'staff', title: 'Front desk' },
  desk2: { id: 'tom.baker', name: 'Tom Baker', role: 'staff', title: 'Front desk', leaves: '10-17' },
  ma4: { id: 'nina.patel', name: 'Nina Patel', role: 'staff', title: 'Medical assistant', starts: '03-17' },
} as const satisfies Record<string, Person>;

/** Everyone who works at the practice during the year (some join or leave during it). */
export const team: readonly Person[] = Object.values(people);

/** Whether a person is on staff on a date of the year `YYYY-MM-DD`. */
export const onStaff = (p: Person, date: string): boolean => {
  const md = date.slice(5);
  return (p.starts === undefined || md >= p.starts) && (p.leaves === undefined || md <= p.leaves);
};
/** The three providers who see patients. */
export const providers: readonly Person[] = team.filter((p) => p.provider === true);

/** The actor a person acts as. */
export const actorOf = (p: Person): Actor => ({ id: p.id, role: p.role });
