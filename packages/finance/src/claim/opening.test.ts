import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decider, remittanceLines, type ClaimCommand, type State } from './index.js';
import { balanceOf } from './state.js';

const at = '2026-02-28T23:59:59-06:00';
const opening = (o: Record<string, unknown> = {}): ClaimCommand =>
  ({
    type: 'RecordOpeningClaim',
    claimId: 'o1',
    encounterId: 'e1',
    patientId: 'p1',
    payerId: 'bluecross',
    payerKind: 'commercial',
    dateOfService: '2026-01-15',
    timeZone: 'America/Chicago',
    charges: [
      { cptCode: '99214', units: 1, amount: 20_000 },
      { cptCode: '36415', units: 1, amount: 2_000 },
    ],
    status: 'submitted',
    at,
    staffOnRecord: [],
    ...o,
  }) as ClaimCommand;

const run = (c: ClaimCommand, s: State = decider.initialState) => {
  const d = decider.decide(c, s);
  if (E.isLeft(d)) return { refused: d.left.code, field: d.left.field };
  const state = d.right.reduce(decider.evolve, s);
  return { types: d.right.map((e) => e.type), state };
};

describe('Claim.RecordOpeningClaim (go-live opening balance)', () => {
  it('records a submitted claim as the ordinary events, all at the opening instant', () => {
    const r = run(opening());
    expect(r.types).toEqual([
      'ClaimChargesRegistered',
      'ClaimCreated',
      'ClaimScrubbedClean',
      'ClaimSubmitted',
    ]);
    expect([r.state?.status, r.state && balanceOf(r.state)]).toEqual(['submitted', 22_000]);
  });

  it('records an adjudicated claim with what the payer paid and adjusted, and the patient’s share and payment', () => {
    const r = run(
      opening({
        status: 'adjudicated',
        payerPaid: 12_000,
        contractualAdjustment: 4_000,
        patientResponsibility: 6_000,
        patientPaid: 1_000,
      }),
    );
    expect(r.types?.slice(4)).toEqual([
      'ClaimPaidByPayer',
      'PatientResponsibilityBilled',
      'PatientPaymentCollected',
    ]);
    // 220.00 − 120.00 paid − 40.00 adjusted − 10.00 from the patient = 50.00 still owed.
    expect(r.state && balanceOf(r.state)).toBe(5_000);
  });

  it('records a denial with its CARC code, for the whole balance unless told', () => {
    const r = run(opening({ status: 'denied', carcCode: '197' }));
    expect(r.types?.at(-1)).toBe('ClaimDenied');
    expect(r.state?.status).toBe('denied');
    expect(run(opening({ status: 'denied' }))).toEqual({ refused: 'InvalidCarcCode', field: 'carcCode' });
  });

  it('takes no filing limit for a claim already filed, but refuses what the claim rules refuse', () => {
    // Medicare: 12 months from the date of service, long passed; the claim was filed in the old system.
    expect(run(opening({ payerKind: 'medicare', dateOfService: '2024-06-01' })).types).toHaveLength(4);
    expect(run(opening({ status: 'adjudicated', payerPaid: 30_000 }))).toMatchObject({
      refused: 'ExceedsBalance',
    });
    expect(run(opening({ dateOfService: '2026-03-01' }))).toMatchObject({ refused: 'DateOfServiceInFuture' });
    // A step's refusal names the opening command's field, not the step's.
    expect(run(opening({ status: 'denied', carcCode: '45', deniedAmount: 30_000 }))).toEqual({
      refused: 'ExceedsBalance',
      field: 'deniedAmount',
    });
    expect(run(opening({ patientPaid: 30_000 }))).toEqual({
      refused: 'ExceedsBalance',
      field: 'patientPaid',
    });
    expect(run(opening({ status: 'adjudicated', payerPaid: 30_000 }))).toEqual({
      refused: 'ExceedsBalance',
      field: 'payerPaid',
    });
    const once = run(opening()).state!;
    expect(run(opening(), once)).toMatchObject({ refused: 'ClaimAlreadyExists' });
  });

  it('carries the claim data an 837P gives (diagnoses, subscriber, rendering provider on record), by the same rules as RegisterCharges', () => {
    const data = {
      memberId: 'W1',
      subscriber: { lastName: 'DOE', firstName: 'JAN' },
      diagnoses: ['E119'],
      renderingProviderId: 'S-1',
      priorAuthorizationNumber: 'PA-1',
      placeOfService: '11',
      staffOnRecord: [{ field: 'renderingProviderId', staffId: 'S-1', standing: 'on-staff' }],
    };
    const r = run(opening(data));
    expect(r.state?.billing).toMatchObject({
      diagnoses: ['E11.9'],
      renderingProviderId: 'S-1',
      memberId: 'W1',
      priorAuthorizationNumber: 'PA-1',
    });
    expect(run(opening({ ...data, diagnoses: ['25000'] }))).toMatchObject({
      refused: 'InvalidIcd10Code',
      field: 'diagnoses.0',
    });
    expect(
      run(
        opening({
          ...data,
          staffOnRecord: [{ field: 'renderingProviderId', staffId: 'S-1', standing: 'not-on-staff' }],
        }),
      ),
    ).toMatchObject({ field: 'renderingProviderId' });
  });

  it('spreads a payment over the lines without losing a cent (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cptCode: fc.constantFrom('99213', '99214', '36415'),
            amount: fc.integer({ min: 1, max: 100_000 }),
          }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        fc.nat(300_000),
        fc.nat(300_000),
        (lines, paid, adj) => {
          const charges = lines.map((l) => ({ ...l, units: 1 }));
          const r = remittanceLines(charges, paid, adj);
          expect(r.reduce((a, l) => a + l.paid, 0)).toBe(paid);
          expect(r.reduce((a, l) => a + l.contractualAdjustment, 0)).toBe(adj);
          expect(r.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
