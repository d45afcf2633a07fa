import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { decider, events, nextDueOn } from './index.js';

const spec = deciderSpec(decider);
const cdc = events.make('ComplianceProgrammeEstablished', {
  programmeId: 'cdc',
  regulation: 'CDC-infection-control',
  name: 'Infection control',
  ownerId: 'ic-1',
  establishedOn: '2026-01-02',
  legalSource: 'CDC Guidelines for Infection Control in Dental Health-Care Settings (2003)',
  known: true,
});
const sporeAdded = events.make('ComplianceRequirementAdded', {
  programmeId: 'cdc',
  requirementId: 'spore',
  title: 'Spore test',
  recurrence: { every: 1, unit: 'weeks' },
  ownerId: 'da-1',
  firstDueOn: '2026-01-09',
  legalSource: 'CDC Guidelines for Infection Control in Dental Health-Care Settings (2003)',
  addedOn: '2026-01-02',
  standard: 'cdc-sterilizer-spore-test',
});

describe('Programme', () => {
  it('establishes a programme once', () => {
    const cmd = {
      type: 'EstablishProgramme',
      staffOnRecord: [],
      programmeId: 'cdc',
      regulation: 'CDC-infection-control',
      name: 'Infection control',
      ownerId: 'ic-1',
      establishedOn: '2026-01-02',
    } as const;
    spec.given([]).when(cmd).then([cdc]);
    spec.given([cdc]).when(cmd).thenRejects('ProgrammeAlreadyExists', 'programmeId');
  });

  it('adds a standard requirement with its legal source', () => {
    spec
      .given([cdc])
      .when({
        type: 'AddRequirement',
        staffOnRecord: [],
        requirementId: 'spore',
        title: 'Spore test',
        recurrence: { every: 1, unit: 'weeks' },
        ownerId: 'da-1',
        firstDueOn: '2026-01-09',
        standard: 'cdc-sterilizer-spore-test',
        addedOn: '2026-01-02',
      })
      .then([sporeAdded]);
  });

  it('rejects a standard requirement that recurs less often than the law allows', () => {
    spec
      .given([cdc])
      .when({
        type: 'AddRequirement',
        staffOnRecord: [],
        requirementId: 'spore',
        title: 'Spore test',
        recurrence: { every: 8, unit: 'days' },
        ownerId: 'da-1',
        firstDueOn: '2026-01-09',
        standard: 'cdc-sterilizer-spore-test',
        addedOn: '2026-01-02',
      })
      .thenRejects('RecurrenceTooLong', 'recurrence');
  });

  it('rejects a standard requirement in another regulation’s programme', () => {
    spec
      .given([cdc])
      .when({
        type: 'AddRequirement',
        staffOnRecord: [],
        requirementId: 'clia',
        title: 'CLIA renewal',
        recurrence: { every: 2, unit: 'years' },
        ownerId: 'lab-1',
        firstDueOn: '2027-01-01',
        standard: 'clia-certificate-renewal',
        addedOn: '2026-01-02',
      })
      .thenRejects('StandardOfAnotherRegulation', 'standard');
  });

  it('rejects a requirement on a programme that does not exist', () => {
    spec
      .given([])
      .when({
        type: 'AddRequirement',
        staffOnRecord: [],
        requirementId: 'x',
        title: 'x',
        recurrence: { every: 1, unit: 'years' },
        ownerId: 'a',
        firstDueOn: '2027-01-01',
        addedOn: '2026-01-02',
      })
      .thenRejects('ProgrammeNotFound');
  });

  it('meets a requirement and schedules the next one recurrence after the day it was met', () => {
    spec
      .given([cdc, sporeAdded])
      .when({ type: 'MeetRequirement', requirementId: 'spore', metBy: 'da-1', metOn: '2026-01-07' })
      .then([
        events.make('ComplianceRequirementMet', {
          programmeId: 'cdc',
          requirementId: 'spore',
          title: 'Spore test',
          ownerId: 'da-1',
          legalSource: 'CDC Guidelines for Infection Control in Dental Health-Care Settings (2003)',
          occurrence: 1,
          metBy: 'da-1',
          metOn: '2026-01-07',
          dueOn: '2026-01-09',
          nextDueOn: '2026-01-14',
        }),
      ]);
  });

  it('rejects meeting a withdrawn or unknown requirement', () => {
    const withdrawn = events.make('ComplianceRequirementWithdrawn', {
      programmeId: 'cdc',
      requirementId: 'spore',
      reason: 'autoclave sold',
      occurrence: 1,
      dueOn: '2026-01-09',
      withdrawnOn: '2026-01-05',
    });
    spec
      .given([cdc, sporeAdded, withdrawn])
      .when({ type: 'MeetRequirement', requirementId: 'spore', metBy: 'da-1', metOn: '2026-01-07' })
      .thenRejects('RequirementWithdrawn');
    spec
      .given([cdc])
      .when({ type: 'MeetRequirement', requirementId: 'spore', metBy: 'da-1', metOn: '2026-01-07' })
      .thenRejects('RequirementNotFound', 'requirementId');
  });

  it('reassigns an owner, and does nothing when the owner is unchanged', () => {
    spec
      .given([cdc, sporeAdded])
      .when({
        type: 'ReassignRequirement',
        staffOnRecord: [],
        requirementId: 'spore',
        ownerId: 'da-2',
        reassignedOn: '2026-01-03',
      })
      .then([
        events.make('ComplianceRequirementReassigned', {
          programmeId: 'cdc',
          requirementId: 'spore',
          ownerId: 'da-2',
          occurrence: 1,
          dueOn: '2026-01-09',
          reassignedOn: '2026-01-03',
        }),
      ]);
    spec
      .given([cdc, sporeAdded])
      .when({
        type: 'ReassignRequirement',
        staffOnRecord: [],
        requirementId: 'spore',
        ownerId: 'da-1',
        reassignedOn: '2026-01-03',
      })
      .then([]);
  });
});

describe('next due dates (luxon calendar arithmetic)', () => {
  it('handles month ends, leap days, year ends and daylight-saving days', () => {
    expect(nextDueOn('2026-01-31', { every: 1, unit: 'months' })).toBe('2026-02-28');
    expect(nextDueOn('2028-01-31', { every: 1, unit: 'months' })).toBe('2028-02-29');
    expect(nextDueOn('2024-02-29', { every: 1, unit: 'years' })).toBe('2025-02-28');
    expect(nextDueOn('2024-02-29', { every: 2, unit: 'years' })).toBe('2026-02-28');
    expect(nextDueOn('2026-12-28', { every: 1, unit: 'weeks' })).toBe('2027-01-04');
    expect(nextDueOn('2026-03-05', { every: 1, unit: 'weeks' })).toBe('2026-03-12'); // US DST starts 03-08
    expect(nextDueOn('2026-10-29', { every: 1, unit: 'weeks' })).toBe('2026-11-05'); // US DST ends 11-01
  });

  it('never schedules a weekly test more than 7 days after the previous one (property)', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => {
      const d = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
      return d.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(day, (d) => {
        const next = nextDueOn(d, { every: 1, unit: 'weeks' });
        expect((Date.parse(next) - Date.parse(d)) / 86_400_000).toBe(7);
        const monthly = nextDueOn(d, { every: 1, unit: 'months' });
        const gap = (Date.parse(monthly) - Date.parse(d)) / 86_400_000;
        expect(gap).toBeGreaterThanOrEqual(28);
        expect(gap).toBeLessThanOrEqual(31);
      }),
    );
  });
});

describe('standard requirements', () => {
  it('accepts each standard at its legal maximum interval in its own programme', async () => {
    const { standardRequirements } = await import('./index.js');
    for (const [key, std] of Object.entries(standardRequirements)) {
      const programme = events.make('ComplianceProgrammeEstablished', {
        programmeId: 'p',
        regulation: std.regulation,
        name: std.regulation,
        ownerId: 'o',
        establishedOn: '2026-01-01',
      });
      const s = spec
        .given([programme])
        .when({
          type: 'AddRequirement',
          staffOnRecord: [],
          requirementId: key,
          title: std.title,
          recurrence: std.maxInterval,
          ownerId: 'o',
          firstDueOn: '2025-12-01', // already overdue when recorded: allowed
          standard: key as keyof typeof standardRequirements,
          addedOn: '2026-01-01',
        })
        .thenState();
      expect(s.requirements[key]).toMatchObject({ dueOn: '2025-12-01', legalSource: std.legalSource });
    }
  });
});

describe('Programme: malformed commands', () => {
  it('rejects a recurrence of zero and a due date that does not exist', () => {
    const cmd = {
      type: 'AddRequirement',
      staffOnRecord: [],
      requirementId: 'x',
      title: 'x',
      recurrence: { every: 0, unit: 'days' },
      ownerId: 'a',
      firstDueOn: '2027-01-01',
      addedOn: '2026-01-02',
    } as const;
    spec.given([cdc]).when(cmd).thenRejects('InvalidNumber', 'recurrence.every');
    spec
      .given([cdc])
      .when({ ...cmd, recurrence: { every: 1, unit: 'days' }, firstDueOn: '2027-13-01' })
      .thenRejects('InvalidDate', 'firstDueOn');
  });
});
