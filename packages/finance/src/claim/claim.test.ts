import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideHandled, deciderSpec } from '@praxis/testing';
import { decider, noEligibilityRule, noStaffCheck, type ClaimCommand, type ClaimEvent } from './index.js';

const spec = deciderSpec(decider);
const zone = 'America/New_York';
const at = (date: string) => `${date}T10:00:00-05:00`;

const registration = {
  claimId: 'c1',
  encounterId: 'enc1',
  patientId: 'p1',
  payerId: 'medicare',
  payerKind: 'medicare' as const,
  dateOfService: '2026-01-10',
  timeZone: zone,
  charges: [
    { cptCode: '99213', units: 1, amount: 15_000 },
    { cptCode: '36415', units: 1, amount: 5_000 },
  ],
  at: at('2026-01-10'),
};
const register: ClaimCommand = { type: 'RegisterCharges', ...noStaffCheck, ...registration };
const registered: ClaimEvent = { type: 'ClaimChargesRegistered', data: registration };
// 15,000 + 5,000 = 20,000 cents; deadline = 2026-01-10 + 12 months = 2027-01-10
const created: ClaimEvent = {
  type: 'ClaimCreated',
  data: { claimId: 'c1', totalCharges: 20_000, filingDeadline: '2027-01-10', at: at('2026-01-11') },
};
const clean: ClaimEvent = {
  type: 'ClaimScrubbedClean',
  data: { claimId: 'c1', attempt: 1, at: at('2026-01-11') },
};
const submitted: ClaimEvent = {
  type: 'ClaimSubmitted',
  data: { claimId: 'c1', submission: 1, at: at('2026-01-12') },
};
const acceptedByPayer: ClaimEvent = {
  type: 'ClaimAcceptedByPayer',
  data: { claimId: 'c1', at: at('2026-01-13') },
};
// 2026-02-01 + 120 days = 2026-06-01 (Feb 27 + Mar 31 + Apr 30 + May 31 = 119 → 1 June is day 120)
const denied: ClaimEvent = {
  type: 'ClaimDenied',
  data: {
    claimId: 'c1',
    carcCode: '50',
    amount: 20_000,
    firstAdjudication: true,
    appealDeadline: '2026-06-01',
    appealRule: '42 CFR 405.942 (Medicare redetermination, 120 days)',
    at: at('2026-02-01'),
  },
};
const paid = (
  paymentId: string,
  paidCents: number,
  adj: number,
  patientResponsibility = 0,
  firstAdjudication = true,
): ClaimEvent => ({
  type: 'ClaimPaidByPayer',
  data: {
    claimId: 'c1',
    paymentId,
    lines: [{ cptCode: '99213', paid: paidCents, contractualAdjustment: adj }],
    paid: paidCents,
    contractualAdjustment: adj,
    patientResponsibility,
    outcome: 20_000 - paidCents - adj - patientResponsibility === 0 ? 'paid-in-full' : 'paid-in-part',
    firstAdjudication,
    at: at('2026-02-01'),
  },
});
const pay = (paymentId: string, paidCents: number, adj: number, patientResponsibility = 0): ClaimCommand => ({
  type: 'RecordPayerPayment',
  paymentId,
  lines: [{ cptCode: '99213', paid: paidCents, contractualAdjustment: adj }],
  patientResponsibility,
  at: at('2026-02-01'),
});
const sent = [registered, created, clean, submitted];

describe('Claim: charges and creation', () => {
  it('registers an encounter’s charges', () => {
    spec.given([]).when(register).then([registered]);
  });
  it('refuses a code that is not CPT/HCPCS, naming the line', () => {
    spec
      .given([])
      .when({ ...register, charges: [{ cptCode: '9921', units: 1, amount: 100 }] } as ClaimCommand)
      .thenRejects('InvalidCptCode', 'charges.0.cptCode');
  });
  it('refuses charges dated after the day they are registered, and a second registration', () => {
    spec
      .given([])
      .when({ ...register, dateOfService: '2026-01-11' } as ClaimCommand)
      .thenRejects('DateOfServiceInFuture', 'dateOfService');
    spec.given([registered]).when(register).thenRejects('ClaimAlreadyExists', 'claimId');
  });
  it('creates the claim with a timely-filing deadline 12 months after the date of service (42 CFR 424.44)', () => {
    spec
      .given([registered])
      .when({ type: 'CreateClaim', at: at('2026-01-11') })
      .then([created]);
  });
  it('uses a Medicaid or commercial payer’s own filing limit when it is given', () => {
    for (const payerKind of ['medicaid', 'commercial'] as const) {
      const threeMonths = {
        ...registered,
        data: { ...registered.data, payerId: 'state', payerKind, timelyFilingMonths: 3 },
      } as ClaimEvent;
      // 2026-01-10 + 3 months = 2026-04-10
      const s = spec
        .given([threeMonths])
        .when({ type: 'CreateClaim', at: at('2026-01-11') })
        .thenState();
      expect(s.filingDeadline).toBe('2026-04-10');
    }
  });
  it('sets no filing deadline for self-pay, nor for a commercial payer whose limit is not given', () => {
    for (const payerKind of ['self-pay', 'commercial'] as const) {
      const s = spec
        .given([{ ...registered, data: { ...registered.data, payerKind } } as ClaimEvent])
        .when({ type: 'CreateClaim', at: at('2026-01-11') })
        .thenState();
      expect(s.filingDeadline).toBeUndefined();
    }
    // a self-pay claim is never too late: no payer's limit applies
    const selfPay = { ...registered, data: { ...registered.data, payerKind: 'self-pay' } } as ClaimEvent;
    const made = {
      type: 'ClaimCreated',
      data: { claimId: 'c1', totalCharges: 20_000, at: at('2026-01-11') },
    } as ClaimEvent;
    spec
      .given([selfPay, made, clean])
      .when({ type: 'SubmitClaim', ...noEligibilityRule, at: at('2028-06-01') })
      .then([{ type: 'ClaimSubmitted', data: { claimId: 'c1', submission: 1, at: at('2028-06-01') } }]);
  });
  it('keeps Medicare at 12 months (42 CFR 424.44) and gives self-pay no limit: other values are refused', () => {
    spec
      .given([])
      .when({ ...register, timelyFilingMonths: 3 } as ClaimCommand)
      .thenRejects('FilingLimitSetByRegulation', 'timelyFilingMonths');
    spec
      .given([])
      .when({ ...register, payerKind: 'self-pay', timelyFilingMonths: 3 } as ClaimCommand)
      .thenRejects('NoFilingLimit', 'timelyFilingMonths');
  });
  it('adds charges until the claim is created, not after', () => {
    const more = [{ cptCode: '81002', units: 1, amount: 1_000 }];
    spec
      .given([registered])
      .when({ type: 'AddCharges', charges: more, at: at('2026-01-10') })
      .then([{ type: 'ClaimChargesAdded', data: { claimId: 'c1', charges: more, at: at('2026-01-10') } }]);
    spec
      .given([registered, created])
      .when({ type: 'AddCharges', charges: more, at: at('2026-01-10') })
      .thenRejects('ClaimAlreadyCreated', 'status');
  });
});

describe('Claim: scrubbing, correction and submission', () => {
  it('scrubs a claim with no failed edits as clean on the first attempt', () => {
    spec
      .given([registered, created])
      .when({ type: 'ScrubClaim', failedEdits: [], at: at('2026-01-11') })
      .then([clean]);
  });
  it('holds a claim whose edits fail, with the reasons; corrects it; the next scrub is attempt 2', () => {
    const reasons = [{ code: 'NCCI', message: '36415 bundled' }];
    const held: ClaimEvent = {
      type: 'ClaimHeld',
      data: { claimId: 'c1', patientId: 'p1', attempt: 1, reasons, at: at('2026-01-11') },
    };
    spec
      .given([registered, created])
      .when({ type: 'ScrubClaim', failedEdits: reasons, at: at('2026-01-11') })
      .then([held]);
    const corrected: ClaimEvent = {
      type: 'ClaimCorrected',
      data: {
        claimId: 'c1',
        patientId: 'p1',
        correction: 'modifier 25',
        totalCharges: 20_000,
        at: at('2026-01-12'),
      },
    };
    spec
      .given([registered, created, held])
      .when({ type: 'CorrectClaim', correction: 'modifier 25', at: at('2026-01-12') })
      .then([corrected]);
    spec
      .given([registered, created, held, corrected])
      .when({ type: 'ScrubClaim', failedEdits: [], at: at('2026-01-12') })
      .then([{ type: 'ClaimScrubbedClean', data: { claimId: 'c1', attempt: 2, at: at('2026-01-12') } }]);
  });
  it('refuses to submit a claim that has not passed scrubbing', () => {
    spec
      .given([registered, created])
      .when({ type: 'SubmitClaim', ...noEligibilityRule, at: at('2026-01-12') })
      .thenRejects('ClaimNotClean', 'status');
  });
  it('submits on the deadline day but refuses after it', () => {
    spec
      .given([registered, created, clean])
      .when({ type: 'SubmitClaim', ...noEligibilityRule, at: at('2027-01-10') })
      .then([{ type: 'ClaimSubmitted', data: { claimId: 'c1', submission: 1, at: at('2027-01-10') } }]);
    spec
      .given([registered, created, clean])
      .when({ type: 'SubmitClaim', ...noEligibilityRule, at: at('2027-01-11') })
      .thenRejects('TimelyFilingExpired', 'at');
  });
  it('records the payer’s acceptance or front-end rejection of a submitted claim', () => {
    spec
      .given(sent)
      .when({ type: 'RecordPayerAcceptance', at: at('2026-01-13') })
      .then([acceptedByPayer]);
    spec
      .given(sent)
      .when({
        type: 'RecordPayerRejection',
        reasons: [{ code: 'A7', message: 'member id invalid' }],
        at: at('2026-01-13'),
      })
      .then([
        {
          type: 'ClaimRejectedByPayer',
          data: {
            claimId: 'c1',
            patientId: 'p1',
            reasons: [{ code: 'A7', message: 'member id invalid' }],
            at: at('2026-01-13'),
          },
        },
      ]);
    spec
      .given([registered, created, clean])
      .when({ type: 'RecordPayerAcceptance', at: at('2026-01-13') })
      .thenRejects('ClaimNotSubmitted');
  });
});

describe('Claim: denial, appeal, resubmission', () => {
  it('records a denial with its CARC code; a Medicare denial can be appealed within 120 days', () => {
    spec
      .given([...sent, acceptedByPayer])
      .when({ type: 'RecordDenial', carcCode: '50', amount: 20_000, at: at('2026-02-01') })
      .then([denied]);
  });
  it('refuses a denial without a valid CARC code, naming the field', () => {
    spec
      .given(sent)
      .when({ type: 'RecordDenial', carcCode: 'bad code', amount: 1, at: at('2026-02-01') })
      .thenRejects('InvalidCarcCode', 'carcCode');
  });
  it('accepts an appeal on day 120 and refuses it on day 121', () => {
    spec
      .given([...sent, denied])
      .when({ type: 'AppealDenial', note: 'records attached', at: at('2026-06-01') })
      .then([
        {
          type: 'ClaimAppealed',
          data: { claimId: 'c1', patientId: 'p1', level: 1, note: 'records attached', at: at('2026-06-01') },
        },
      ]);
    spec
      .given([...sent, denied])
      .when({ type: 'AppealDenial', note: 'late', at: at('2026-06-02') })
      .thenRejects('AppealWindowClosed', 'at');
  });
  it('pays an appealed claim; the payment is not a first adjudication', () => {
    const appealed: ClaimEvent = {
      type: 'ClaimAppealed',
      data: { claimId: 'c1', patientId: 'p1', level: 1, note: 'n', at: at('2026-03-01') },
    };
    spec
      .given([...sent, denied, appealed])
      .when(pay('r1', 12_000, 8_000))
      .then([paid('r1', 12_000, 8_000, 0, false)]);
  });
  it('corrects a denied claim and resubmits it as submission 2', () => {
    const corrected: ClaimEvent = {
      type: 'ClaimCorrected',
      data: {
        claimId: 'c1',
        patientId: 'p1',
        correction: 'dx code',
        totalCharges: 20_000,
        at: at('2026-02-02'),
      },
    };
    const clean2: ClaimEvent = {
      type: 'ClaimScrubbedClean',
      data: { claimId: 'c1', attempt: 2, at: at('2026-02-02') },
    };
    spec
      .given([...sent, denied])
      .when({ type: 'CorrectClaim', correction: 'dx code', at: at('2026-02-02') })
      .then([corrected]);
    spec
      .given([...sent, denied, corrected, clean2])
      .when({ type: 'SubmitClaim', ...noEligibilityRule, at: at('2026-02-03') })
      .then([{ type: 'ClaimSubmitted', data: { claimId: 'c1', submission: 2, at: at('2026-02-03') } }]);
  });
  it('refuses payment on a denied claim until it is appealed or resubmitted', () => {
    spec
      .given([...sent, denied])
      .when(pay('r1', 1, 0))
      .thenRejects('ClaimNotPayable', 'status');
  });
});

describe('Claim: payment, patient balance, collection, write-off', () => {
  it('refuses any payer payment before submission', () => {
    spec
      .given([registered, created, clean])
      .when(pay('r1', 100, 0))
      .thenRejects('ClaimNotSubmitted', 'status');
  });
  it('posts a payment in full with a contractual adjustment', () => {
    // 20,000 charged − 9,000 paid − 11,000 adjusted = 0 left → paid in full
    spec
      .given(sent)
      .when(pay('r1', 9_000, 11_000))
      .then([paid('r1', 9_000, 11_000)]);
  });
  it('posts a partial payment leaving patient responsibility', () => {
    // 20,000 − 7,000 − 11,000 = 2,000 left; patient owes 2,000 → nothing left for the payer: paid in full
    spec
      .given(sent)
      .when(pay('r1', 7_000, 11_000, 2_000))
      .then([paid('r1', 7_000, 11_000, 2_000)]);
    // 20,000 − 5,000 − 11,000 = 4,000 left; patient owes 2,000 → paid in part
    const e = spec.given(sent).when(pay('r1', 5_000, 11_000, 2_000)).decision;
    expect(e._tag === 'Right' && e.right[0]!.type === 'ClaimPaidByPayer' && e.right[0]!.data.outcome).toBe(
      'paid-in-part',
    );
  });
  it('refuses a remittance beyond the balance or for a code not charged', () => {
    spec
      .given(sent)
      .when(pay('r1', 15_000, 5_001))
      .thenRejects('ExceedsBalance', 'lines');
    spec
      .given(sent)
      .when({
        ...pay('r1', 1, 0),
        lines: [{ cptCode: '99214', paid: 1, contractualAdjustment: 0 }],
      } as ClaimCommand)
      .thenRejects('UnknownCptCode', 'lines.0.cptCode');
    spec
      .given([...sent, paid('r1', 1_000, 0, 0)])
      .when(pay('r1', 1_000, 0))
      .thenRejects('DuplicateEntry', 'paymentId');
  });
  it('bills the patient, then collects against the statement', () => {
    const state = [...sent, paid('r1', 7_000, 11_000, 2_000)];
    const billed: ClaimEvent = {
      type: 'PatientResponsibilityBilled',
      data: { claimId: 'c1', statementId: 's1', amount: 2_000, at: at('2026-02-05') },
    };
    spec
      .given(state)
      .when({ type: 'BillPatient', statementId: 's1', amount: 2_000, at: at('2026-02-05') })
      .then([billed]);
    spec
      .given(state)
      .when({ type: 'BillPatient', statementId: 's1', amount: 2_001, at: at('2026-02-05') })
      .thenRejects('ExceedsBalance', 'amount');
    spec
      .given([...state, billed])
      .when({
        type: 'CollectPatientPayment',
        paymentId: 'pp1',
        amount: 2_000,
        pointOfService: false,
        at: at('2026-02-20'),
      })
      .then([
        {
          type: 'PatientPaymentCollected',
          data: {
            claimId: 'c1',
            paymentId: 'pp1',
            amount: 2_000,
            pointOfService: false,
            at: at('2026-02-20'),
          },
        },
      ]);
  });
  it('takes a copay at the point of service, but no other patient payment before a statement', () => {
    spec
      .given([registered])
      .when({
        type: 'CollectPatientPayment',
        paymentId: 'pp1',
        amount: 2_500,
        pointOfService: true,
        at: at('2026-01-10'),
      })
      .then([
        {
          type: 'PatientPaymentCollected',
          data: {
            claimId: 'c1',
            paymentId: 'pp1',
            amount: 2_500,
            pointOfService: true,
            at: at('2026-01-10'),
          },
        },
      ]);
    spec
      .given(sent)
      .when({
        type: 'CollectPatientPayment',
        paymentId: 'pp1',
        amount: 2_500,
        pointOfService: false,
        at: at('2026-01-20'),
      })
      .thenRejects('PatientNotBilled', 'pointOfService');
  });
  it('writes off a balance as bad debt; a denial write-off needs a denial', () => {
    spec
      .given(sent)
      .when({
        type: 'WriteOffBalance',
        writeOffId: 'w1',
        amount: 500,
        reason: 'bad-debt',
        at: at('2026-05-01'),
      })
      .then([
        {
          type: 'ClaimWrittenOff',
          data: { claimId: 'c1', writeOffId: 'w1', amount: 500, reason: 'bad-debt', at: at('2026-05-01') },
        },
      ]);
    spec
      .given(sent)
      .when({
        type: 'WriteOffBalance',
        writeOffId: 'w1',
        amount: 500,
        reason: 'denial',
        at: at('2026-05-01'),
      })
      .thenRejects('ClaimNotDenied', 'reason');
    spec
      .given([...sent, denied])
      .when({
        type: 'WriteOffBalance',
        writeOffId: 'w1',
        amount: 20_001,
        reason: 'denial',
        at: at('2026-05-01'),
      })
      .thenRejects('ExceedsBalance', 'amount');
  });
  it('every event in these specs passes its codec', () => {
    for (const e of [registered, created, clean, submitted, acceptedByPayer, denied, paid('r', 1, 1)])
      expect(decider.events.encode(e.type, e.data)).toMatchObject({ _tag: 'Right' });
  });
});

describe('Claim invariants over random command sequences', () => {
  const day = fc.integer({ min: 10, max: 28 }).map((d) => at(`2026-03-${d}`));
  const money = fc.integer({ min: -10, max: 9_000 });
  const id = fc.nat(8).map((n) => `id${n}`);
  // Most sequences should get past submission, so that payments are actually tried after it.
  const cmd: fc.Arbitrary<ClaimCommand> = fc.oneof(
    day.map((a): ClaimCommand => ({ type: 'CreateClaim', at: a })),
    fc.tuple(fc.boolean(), day).map(([ok, a]): ClaimCommand => ({
      type: 'ScrubClaim',
      failedEdits: ok ? [] : [{ code: 'E', message: 'm' }],
      at: a,
    })),
    day.map((a): ClaimCommand => ({ type: 'CorrectClaim', correction: 'fix', at: a })),
    day.map((a): ClaimCommand => ({ type: 'SubmitClaim', ...noEligibilityRule, at: a })),
    day.map((a): ClaimCommand => ({ type: 'RecordPayerAcceptance', at: a })),
    fc
      .tuple(money, day)
      .map(([amount, a]): ClaimCommand => ({ type: 'RecordDenial', carcCode: '45', amount, at: a })),
    day.map((a): ClaimCommand => ({ type: 'AppealDenial', note: 'n', at: a })),
    fc.tuple(id, money, money, money, day).map(([paymentId, p, adj, pr, a]): ClaimCommand => ({
      type: 'RecordPayerPayment',
      paymentId,
      lines: [{ cptCode: '99213', paid: p, contractualAdjustment: adj }],
      patientResponsibility: pr,
      at: a,
    })),
    fc
      .tuple(id, money, day)
      .map(([statementId, amount, a]): ClaimCommand => ({ type: 'BillPatient', statementId, amount, at: a })),
    fc.tuple(id, money, fc.boolean(), day).map(([paymentId, amount, pointOfService, a]): ClaimCommand => ({
      type: 'CollectPatientPayment',
      paymentId,
      amount,
      pointOfService,
      at: a,
    })),
    fc
      .tuple(
        id,
        money,
        fc.constantFrom('bad-debt', 'denial', 'small-balance') as fc.Arbitrary<
          'bad-debt' | 'denial' | 'small-balance'
        >,
        day,
      )
      .map(([writeOffId, amount, reason, a]): ClaimCommand => ({
        type: 'WriteOffBalance',
        writeOffId,
        amount,
        reason,
        at: a,
      })),
  );

  it('payments + adjustments + write-offs never exceed charges, and nothing is paid by a payer before submission', () => {
    let paymentsSeen = 0;
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 10, maxLength: 60 }), (cmds) => {
        let state = decider.evolve(decider.initialState, registered);
        let submittedYet = false;
        let applied = 0;
        for (const c of cmds) {
          const d = decideHandled(decider, c, state);
          if (d._tag === 'Left') continue;
          for (const e of d.right) {
            if (e.type === 'ClaimSubmitted') submittedYet = true;
            if (e.type === 'ClaimPaidByPayer') {
              expect(submittedYet).toBe(true);
              applied += e.data.paid + e.data.contractualAdjustment;
              paymentsSeen += 1;
            }
            if (e.type === 'PatientPaymentCollected' || e.type === 'ClaimWrittenOff')
              applied += e.data.amount;
            state = decider.evolve(state, e);
          }
          // 15,000 + 5,000 charged
          expect(applied).toBeLessThanOrEqual(20_000);
          expect(applied).toBeLessThanOrEqual(state.totalCharges);
        }
      }),
      { numRuns: 400 },
    );
    // the property is not vacuous: payer payments were actually accepted in some runs
    expect(paymentsSeen).toBeGreaterThan(0);
  });
});

describe('Claim: commands from JSON with missing parts are refused, never thrown', () => {
  it('names the missing field', () => {
    const bad = (c: object) => c as unknown as ClaimCommand;
    spec
      .given([])
      .when(bad({ ...register, charges: undefined }))
      .thenRejects('Required', 'charges');
    spec
      .given([])
      .when(bad({ ...register, charges: [null] }))
      // null is there but not a charge line: the codec's InvalidField, not Required
      .thenRejects('InvalidField', 'charges.0');
    spec
      .given([])
      .when(bad({ ...register, at: 'yesterday' }))
      .thenRejects('InvalidInstant', 'at');
    spec
      .given([registered, created])
      .when(bad({ type: 'ScrubClaim', at: at('2026-01-11') }))
      .thenRejects('Required', 'failedEdits');
    spec
      .given(sent)
      .when(
        bad({ type: 'RecordPayerPayment', paymentId: 'r', patientResponsibility: 0, at: at('2026-02-01') }),
      )
      .thenRejects('Required', 'lines');
  });
});

describe('Claim: totals stay exact (never beyond Number.MAX_SAFE_INTEGER cents)', () => {
  const line = (amount: number, cptCode = '99213') => ({ cptCode, units: 1, amount });
  it('refuses charges of 9007199254740991 and 2 cents with InvalidAmount, naming the charges', () => {
    spec
      .given([])
      .when({ ...register, charges: [line(Number.MAX_SAFE_INTEGER), line(2, '36415')] } as ClaimCommand)
      .thenRejects('InvalidAmount', 'charges');
  });
  const big = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
  it('refuses any set of charge lines, added lines or corrected lines whose total leaves the safe range, and accepts the rest', () => {
    fc.assert(
      fc.property(
        fc.array(big, { minLength: 1, maxLength: 4 }),
        fc.array(big, { minLength: 1, maxLength: 3 }),
        (first, more) => {
          const exact = (xs: number[]) =>
            xs.reduce((a, b) => a + BigInt(b), 0n) <= BigInt(Number.MAX_SAFE_INTEGER);
          const charges = first.map((a) => line(a));
          const registering = decideHandled(
            decider,
            { ...register, charges } as ClaimCommand,
            decider.initialState,
          );
          expect(registering._tag === 'Right').toBe(exact(first));
          if (registering._tag === 'Left') {
            expect(registering.left).toMatchObject({ code: 'InvalidAmount', field: 'charges' });
            return;
          }
          const state = registering.right.reduce(decider.evolve, decider.initialState);
          const adding = decideHandled(
            decider,
            { type: 'AddCharges', charges: more.map((a) => line(a)), at: at('2026-01-10') },
            state,
          );
          expect(adding._tag === 'Right').toBe(exact([...first, ...more]));
          if (adding._tag === 'Left')
            expect(adding.left).toMatchObject({ code: 'InvalidAmount', field: 'charges' });
          // a correction replaces the lines: only the new lines' total counts
          const held = [
            ...registering.right,
            { type: 'ClaimCreated', data: { claimId: 'c1', totalCharges: 1, at: at('2026-01-11') } },
            {
              type: 'ClaimHeld',
              data: {
                claimId: 'c1',
                patientId: 'p1',
                attempt: 1,
                reasons: [{ code: 'X', message: 'x' }],
                at: at('2026-01-11'),
              },
            },
          ] as ClaimEvent[];
          const correcting = decideHandled(
            decider,
            {
              type: 'CorrectClaim',
              correction: 'fix',
              charges: more.map((a) => line(a)),
              at: at('2026-01-12'),
            },
            held.reduce(decider.evolve, decider.initialState),
          );
          expect(correcting._tag === 'Right').toBe(exact(more));
        },
      ),
    );
  });
  it('refuses a remittance whose lines add up beyond the safe range', () => {
    spec
      .given([...sent])
      .when({
        type: 'RecordPayerPayment',
        paymentId: 'r1',
        lines: [{ cptCode: '99213', paid: Number.MAX_SAFE_INTEGER, contractualAdjustment: 5 }],
        patientResponsibility: 0,
        at: at('2026-02-01'),
      })
      .thenRejects('InvalidAmount', 'lines');
  });
});
