import type { Actor } from '@praxis/core';

/** A person of the demo practice. */
export interface Person {
  /**
   * Staff id and login: opaque (`S-101`), never built from the name — ids stay in the log
   * after a person is forgotten, while the name is sealed by the vault (docs/personal-data.md).
   */
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
    id: 'S-101',
    name: 'Maria Alvarez',
    role: 'practice_manager',
    title: 'Practice manager',
  },
  reyes: { id: 'S-102', name: 'Dr Lena Reyes', role: 'physician', title: 'Physician', provider: true },
  haddad: { id: 'S-103', name: 'Dr Omar Haddad', role: 'physician', title: 'Physician', provider: true },
  kim: { id: 'S-104', name: 'Dr Grace Kim', role: 'physician', title: 'Physician', provider: true },
  biller: { id: 'S-105', name: 'Ben Carter', role: 'biller', title: 'Billing specialist' },
  hr: { id: 'S-106', name: 'Hana Ito', role: 'hr', title: 'Office and HR coordinator' },
  compliance: {
    id: 'S-107',
    name: 'Cora Nwosu',
    role: 'compliance_officer',
    title: 'Compliance officer (RN)',
  },
  ma1: { id: 'S-108', name: 'Jamie Ortiz', role: 'staff', title: 'Medical assistant' },
  ma2: { id: 'S-109', name: 'Priya Shah', role: 'staff', title: 'Medical assistant' },
  ma3: {
    id: 'S-110',
    name: 'Luke Brennan',
    role: 'staff',
    title: 'Medical assistant',
    leaves: '02-28',
  },
  desk1: { id: 'S-111', name: 'Sofia Rossi', role: 'staff', title: 'Front desk' },
  desk2: { id: 'S-112', name: 'Tom Baker', role: 'staff', title: 'Front desk', leaves: '10-17' },
  ma4: { id: 'S-113', name: 'Nina Patel', role: 'staff', title: 'Medical assistant', starts: '03-17' },
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
