import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deciderSpec, decideHandled } from '@praxis/testing';
import { decider, icd10, initialState, type ClaimCommand, type ClaimEvent } from './index.js';

const spec = deciderSpec(decider);
const zone = 'America/New_York';
const at = (date: string) => `${date}T10:00:00-05:00`;

const registration = {
  claimId: 'c1',
  encounterId: 'enc1',
  patientId: 'p1',
  payerId: 'aetna',
  payerKind: 'commercial' as const,
  dateOfService: '2026-01-10',
  timeZone: zone,
  charges: [
    { cptCode: '99214', units: 1, amount: 15_000, modifiers: ['25'], diagnosisPointers: [1, 2] },
    { cptCode: '36415', units: 1, amount: 5_000, diagnosisPointers: [2] },
  ],
  at: at('2026-01-10'),
};
const full = {
  ...registration,
  memberId: 'W123456789',
  subscriber: { lastName: 'ORTIZ', firstName: 'JAMIE' },
  diagnoses: ['e119', 'I10'],
  renderingProviderId: 'S-101',
  priorAuthorizationNumber: 'PA-7781',
  placeOfService: '11',
};
const register = (extra: object = {}, standing: 'on-staff' | 'separated' | 'unknown' = 'on-staff') =>
  ({
    type: 'RegisterCharges',
    ...full,
    staffOnRecord: [{ field: 'renderingProviderId', staffId: 'S-101', standing }],
    ...extra,
  }) as unknown as ClaimCommand;

const registered: ClaimEvent = {
  type: 'ClaimChargesRegistered',
  data: {
    ...registration,
    memberId: 'W123456789',
    subscriber: { lastName: 'ORTIZ', firstName: 'JAMIE' },
    diagnoses: ['E11.9', 'I10'],
    renderingProviderId: 'S-101',
    staffOnRecord: [{ field: 'renderingProviderId', staffId: 'S-101', standing: 'on-staff' }],
    priorAuthorizationNumber: 'PA-7781',
    placeOfService: '11',
  },
} as ClaimEvent;
const created: ClaimEvent = {
  type: 'ClaimCreated',
  data: { claimId: 'c1', totalCharges: 20_000, at: at('2026-01-11') },
};
const clean: ClaimEvent = {
  type: 'ClaimScrubbedClean',
  data: { claimId: 'c1', attempt: 1, at: at('2026-01-11') },
};
const submit = (eligibility: unknown, extra: object = {}) =>
  ({ type: 'SubmitClaim', eligibility, at: at('2026-01-12'), ...extra }) as unknown as ClaimCommand;

describe('Claim: what an 837P needs', () => {
  it('registers diagnoses (ICD-10-CM, stored dotted), pointers, modifiers, subscriber, provider and prior authorization', () => {
    spec.given([]).when(register()).then([registered]);
    const s = spec
      .given([registered])
      .when({ type: 'CreateClaim', at: at('2026-01-11') } as ClaimCommand)
      .thenState();
    expect(s.billing).toMatchObject({
      diagnoses: ['E11.9', 'I10'],
      renderingProviderId: 'S-101',
      placeOfService: '11',
    });
    expect(s.payerId).toBe('aetna');
    expect(s.charges[0]).toEqual({
      cptCode: '99214',
      units: 1,
      amount: 15_000,
      modifiers: ['25'],
      diagnosisPointers: [1, 2],
    });
  });

  it('normalises ICD-10-CM codes and refuses what is not one', () => {
    expect(icd10('e119')).toBe('E11.9');
    expect(icd10('Z00.00')).toBe('Z00.00');
    expect(icd10('I10')).toBe('I10');
    expect(icd10('S72.001A')).toBe('S72.001A');
    expect(icd10('250.00')).toBeUndefined(); // ICD-9
    expect(icd10('E11.91234')).toBeUndefined();
    spec
      .given([])
      .when(register({ diagnoses: ['I10', '250.00'] }))
      .thenRejects('InvalidIcd10Code', 'diagnoses.1');
    spec
      .given([])
      .when(register({ diagnoses: [] }))
      .thenRejects('InvalidDiagnosis', 'diagnoses');
    spec
      .given([])
      .when(register({ diagnoses: ['I10', 'i10'] }))
      .thenRejects('InvalidDiagnosis', 'diagnoses.1');
  });

  it('refuses a pointer past the diagnoses, a bad modifier, a bad place of service, delimiters in X12 text', () => {
    const line = (l: object) => register({ charges: [{ cptCode: '99213', units: 1, amount: 100, ...l }] });
    spec
      .given([])
      .when(line({ diagnosisPointers: [3] }))
      .thenRejects('InvalidDiagnosisPointer', 'charges.0.diagnosisPointers.0');
    spec
      .given([])
      .when(line({ diagnosisPointers: [1, 1] }))
      .thenRejects('InvalidDiagnosisPointer', 'charges.0.diagnosisPointers');
    spec
      .given([])
      .when(line({ modifiers: ['2'] }))
      .thenRejects('InvalidModifier', 'charges.0.modifiers.0');
    spec
      .given([])
      .when(register({ placeOfService: 'office' }))
      .thenRejects('InvalidPlaceOfService', 'placeOfService');
    spec
      .given([])
      .when(register({ subscriber: { lastName: 'O*RTIZ', firstName: 'J' } }))
      .thenRejects('InvalidCharacters', 'subscriber.lastName');
    spec
      .given([])
      .when(register({ priorAuthorizationNumber: 'x'.repeat(51) }))
      .thenRejects('TooLong', 'priorAuthorizationNumber');
  });

  it('refuses a rendering provider who is not on the staff record on the date of service', () => {
    spec.given([]).when(register({}, 'unknown')).thenRejects('UnknownStaffMember', 'renderingProviderId');
    spec.given([]).when(register({}, 'separated')).thenRejects('StaffMemberSeparated', 'renderingProviderId');
  });
});

describe('Claim: eligibility before submission (issue 20)', () => {
  const ready = [registered, created, clean];
  it('submits freely when the billing policy does not require a check', () => {
    spec
      .given(ready)
      .when(submit({ required: false, check: null }))
      .then([{ type: 'ClaimSubmitted', data: { claimId: 'c1', submission: 1, at: at('2026-01-12') } }]);
  });
  it('refuses EligibilityNotChecked without a check, CoverageInactive on an inactive one', () => {
    spec
      .given(ready)
      .when(submit({ required: true, check: null }))
      .thenRejects('EligibilityNotChecked', 'eligibility');
    spec
      .given(ready)
      .when(submit({ required: true, check: { checkId: 'e1', coverageActive: false } }))
      .thenRejects('CoverageInactive', 'eligibility');
  });
  it('freezes the check it relied on into ClaimSubmitted', () => {
    spec
      .given(ready)
      .when(submit({ required: true, check: { checkId: 'e1', coverageActive: true } }))
      .then([
        {
          type: 'ClaimSubmitted',
          data: { claimId: 'c1', submission: 1, at: at('2026-01-12'), eligibilityCheckId: 'e1' },
        },
      ]);
  });
  it('submits with an override reason, recording the override beside the submission', () => {
    spec
      .given(ready)
      .when(
        submit(
          { required: true, check: null },
          { eligibilityOverrideReason: 'payer portal down; card verified' },
        ),
      )
      .then([
        { type: 'ClaimSubmitted', data: { claimId: 'c1', submission: 1, at: at('2026-01-12') } },
        {
          type: 'ClaimEligibilityOverridden',
          data: {
            claimId: 'c1',
            patientId: 'p1',
            refusal: 'EligibilityNotChecked',
            reason: 'payer portal down; card verified',
            at: at('2026-01-12'),
          },
        },
      ]);
  });
  it('never asks a self-pay claim for a check', () => {
    const selfPay = { ...registered, data: { ...registered.data, payerKind: 'self-pay' } } as ClaimEvent;
    const d = spec.given([selfPay, created, clean]).when(submit({ required: true, check: null })).decision;
    expect(d._tag).toBe('Right');
  });
});

describe('Claim: any registration input is decided or refused with a code, never thrown', () => {
  it('holds for random diagnoses, pointers, modifiers and texts', () => {
    const text = fc.string({ maxLength: 70 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('E11.9', 'I10', 'Z00.00', 'e119'), text), { maxLength: 14 }),
        fc.array(fc.integer({ min: -2, max: 14 }), { maxLength: 5 }),
        fc.array(text, { maxLength: 5 }),
        text,
        text,
        (diagnoses, pointers, modifiers, lastName, auth) => {
          const c = register({
            diagnoses,
            subscriber: { lastName, firstName: 'A' },
            priorAuthorizationNumber: auth,
            charges: [{ cptCode: '99213', units: 1, amount: 100, diagnosisPointers: pointers, modifiers }],
          });
          const d = decideHandled(decider, c, initialState);
          if (d._tag === 'Left') expect(d.left.code).toMatch(/^[A-Z][A-Za-z0-9]+$/);
          else expect(d.right[0]!.type).toBe('ClaimChargesRegistered');
        },
      ),
    );
  });
});
