import { accept, reject, type Decision, refuseStaffNotOnRecord } from '@praxis/core';
import { events, type ProgrammeEvent } from './events.js';
import { atMostAsLongAs, nextDueOn } from './recurrence.js';
import { knownRegulation, maxRegulationLength, standardRequirements } from './standards.js';
import type { Programme, Requirement } from './state.js';
import type {
  EstablishProgramme,
  AddRequirement,
  MeetRequirement,
  ReassignRequirement,
  WithdrawRequirement,
  ProgrammeCommand,
} from './commands.js';
export type {
  EstablishProgramme,
  AddRequirement,
  MeetRequirement,
  ReassignRequirement,
  WithdrawRequirement,
  ProgrammeCommand,
} from './commands.js';

type D = Decision<ProgrammeEvent>;

// Field shapes (real dates, a whole recurrence ≥ 1, the acting person) are guaranteed by the
// command codecs (./commands.ts), decoded by the handler before `decide`.

/**
 * A programme is established once, for any regulation: a known one takes its source from the
 * registry (`knownRegulations`) unless the practice cites a narrower one; any other must cite
 * where it is written (`RegulationSourceRequired`), so every duty in the calendar has a source.
 */
const establishProgramme = (c: EstablishProgramme, s: Programme): D => {
  if (s.exists)
    return reject('ProgrammeAlreadyExists', `programme ${c.programmeId} already exists`, 'programmeId');
  const regulation = c.regulation.trim();
  if (regulation.length > maxRegulationLength)
    return reject(
      'InvalidRegulation',
      `a regulation's name is at most ${maxRegulationLength} characters`,
      'regulation',
    );
  const known = knownRegulation(regulation);
  const legalSource = c.legalSource ?? known?.legalSource;
  if (legalSource === undefined)
    return reject(
      'RegulationSourceRequired',
      `${regulation} is not in the registry of known regulations: give its legalSource (e.g. 21 CFR Part 1301)`,
      'legalSource',
    );
  return accept(
    events.make('ComplianceProgrammeEstablished', {
      programmeId: c.programmeId,
      regulation,
      name: c.name,
      ownerId: c.ownerId,
      establishedOn: c.establishedOn,
      legalSource,
      known: known !== undefined,
      ...(c.jurisdiction === undefined ? {} : { jurisdiction: c.jurisdiction }),
    }),
  );
};

/**
 * A requirement id is new; a standard requirement belongs to its regulation's programme and
 * may recur more often than the law allows at most, never less often (e.g. spore tests at
 * least weekly, the CLIA certificate at most every 2 years). A first due date in the past is
 * allowed: a requirement found overdue on the day it is recorded shows as overdue.
 */
const addRequirement = (c: AddRequirement, s: Programme): D => {
  if (!s.exists) return reject('ProgrammeNotFound', 'establish the programme first');
  if (s.requirements[c.requirementId] !== undefined)
    return reject('RequirementAlreadyExists', `requirement ${c.requirementId} exists`, 'requirementId');
  const std = c.standard === undefined ? undefined : standardRequirements[c.standard];
  if (std !== undefined && std.regulation !== s.regulation)
    return reject(
      'StandardOfAnotherRegulation',
      `${c.standard} belongs to a ${std.regulation} programme`,
      'standard',
    );
  if (std !== undefined && !atMostAsLongAs(c.recurrence, std.maxInterval))
    return reject(
      'RecurrenceTooLong',
      `${c.standard} must recur at least every ${std.maxInterval.every} ${std.maxInterval.unit} (${std.legalSource})`,
      'recurrence',
    );
  return accept(
    events.make('ComplianceRequirementAdded', {
      programmeId: s.programmeId,
      requirementId: c.requirementId,
      title: c.title,
      recurrence: c.recurrence,
      ownerId: c.ownerId,
      firstDueOn: c.firstDueOn,
      legalSource: c.legalSource ?? std?.legalSource ?? s.legalSource ?? '',
      addedOn: c.addedOn,
      ...(c.standard === undefined ? {} : { standard: c.standard }),
      ...(c.evidenceRequired === true ? { evidenceRequired: true } : {}),
    }),
  );
};

const openRequirement = (s: Programme, id: string): Requirement | D => {
  const r = s.requirements[id];
  return r === undefined
    ? reject('RequirementNotFound', `no requirement ${id}`, 'requirementId')
    : r.withdrawn
      ? reject('RequirementWithdrawn', `requirement ${id} was withdrawn`, 'requirementId')
      : r;
};
const isDecision = (x: Requirement | D): x is D => '_tag' in x;

/**
 * Meeting a requirement discharges its open due date; the next falls one recurrence after
 * the day it was met (so "at least every N" holds however early it was done). Fulfilments
 * are recorded in order, and name their evidence when the requirement asks for it.
 */
const meetRequirement = (c: MeetRequirement, s: Programme): D => {
  const r = openRequirement(s, c.requirementId);
  if (isDecision(r)) return r;
  if (r.lastMetOn !== undefined && c.metOn < r.lastMetOn)
    return reject('MetOutOfOrder', `it was last met on ${r.lastMetOn}`, 'metOn');
  if (r.evidenceRequired === true && c.evidence === undefined)
    return reject('EvidenceRequired', `${r.title}: say what proves it was met`, 'evidence');
  return accept(
    events.make('ComplianceRequirementMet', {
      programmeId: s.programmeId,
      requirementId: c.requirementId,
      title: r.title,
      ownerId: r.ownerId,
      legalSource: r.legalSource,
      occurrence: r.occurrence,
      metBy: c.metBy,
      metOn: c.metOn,
      dueOn: r.dueOn,
      nextDueOn: nextDueOn(c.metOn, r.recurrence),
      ...(c.evidence === undefined ? {} : { evidence: c.evidence }),
    }),
  );
};

/** An open requirement can change owner (a no-op when the owner is the same). */
const reassignRequirement = (c: ReassignRequirement, s: Programme): D => {
  const r = openRequirement(s, c.requirementId);
  if (isDecision(r)) return r;
  return r.ownerId === c.ownerId
    ? accept()
    : accept(
        events.make('ComplianceRequirementReassigned', {
          programmeId: s.programmeId,
          requirementId: c.requirementId,
          ownerId: c.ownerId,
          occurrence: r.occurrence,
          dueOn: r.dueOn,
          reassignedOn: c.reassignedOn,
        }),
      );
};

/** An open requirement can be withdrawn once. */
const withdrawRequirement = (c: WithdrawRequirement, s: Programme): D => {
  const r = openRequirement(s, c.requirementId);
  if (isDecision(r)) return r;
  return accept(
    events.make('ComplianceRequirementWithdrawn', {
      programmeId: s.programmeId,
      requirementId: c.requirementId,
      reason: c.reason,
      occurrence: r.occurrence,
      dueOn: r.dueOn,
      withdrawnOn: c.withdrawnOn,
    }),
  );
};

/** Decides a Programme command. Pure. */
export const decide = (c: ProgrammeCommand, s: Programme): D => {
  switch (c.type) {
    case 'EstablishProgramme':
      return refuseStaffNotOnRecord(c.staffOnRecord) ?? establishProgramme(c, s);
    case 'AddRequirement':
      return refuseStaffNotOnRecord(c.staffOnRecord) ?? addRequirement(c, s);
    case 'MeetRequirement':
      return meetRequirement(c, s);
    case 'ReassignRequirement':
      return refuseStaffNotOnRecord(c.staffOnRecord) ?? reassignRequirement(c, s);
    case 'WithdrawRequirement':
      return withdrawRequirement(c, s);
  }
};
