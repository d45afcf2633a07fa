import fc from 'fast-check';
import type { Claim } from '@praxis/finance';
import { history } from './test-support.js';

export { history };

/**
 * Random claim histories for property tests of the finance read models: up to a few claims,
 * each registered on its date of service and then put through random revenue-cycle commands
 * (refused ones skipped), dated in business-time order after the registration.
 */
export const zone = 'America/Denver';
const day = fc.integer({ min: 1, max: 120 }).map((n) => {
  const d = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  return `${d}T12:00:00-07:00`;
});
const money = fc.integer({ min: 1, max: 6_000 });
const id = fc.nat(1_000_000).map((n) => `x${n}`);
const step: fc.Arbitrary<Claim.ClaimCall> = fc.oneof(
  day.map((at): Claim.ClaimCall => ({ type: 'CreateClaim', at })),
  fc.tuple(fc.boolean(), day).map(([ok, at]): Claim.ClaimCall => ({
    type: 'ScrubClaim',
    failedEdits: ok ? [] : [{ code: 'E1', message: 'edit failed' }],
    at,
  })),
  day.map((at): Claim.ClaimCall => ({ type: 'CorrectClaim', correction: 'fixed', at })),
  fc.tuple(money, day).map(([amount, at]): Claim.ClaimCall => ({
    type: 'CorrectClaim',
    correction: 'recoded',
    charges: [{ cptCode: '99213', units: 1, amount: amount * 3 }],
    at,
  })),
  day.map((at): Claim.ClaimCall => ({ type: 'SubmitClaim', at })),
  fc
    .tuple(money, day)
    .map(([amount, at]): Claim.ClaimCall => ({ type: 'RecordDenial', carcCode: '16', amount, at })),
  fc.tuple(id, money, money, day).map(([paymentId, paid, adj, at]): Claim.ClaimCall => ({
    type: 'RecordPayerPayment',
    paymentId,
    lines: [{ cptCode: '99213', paid, contractualAdjustment: adj }],
    patientResponsibility: 0,
    at,
  })),
  fc.tuple(id, money, fc.boolean(), day).map(([paymentId, amount, pointOfService, at]): Claim.ClaimCall => ({
    type: 'CollectPatientPayment',
    paymentId,
    amount,
    pointOfService,
    at,
  })),
  fc.tuple(id, money, day).map(([writeOffId, amount, at]): Claim.ClaimCall => ({
    type: 'WriteOffBalance',
    writeOffId,
    amount,
    reason: 'bad-debt',
    at,
  })),
);
export const claimScript = fc.record({
  payer: fc.constantFrom('aetna', 'medicare', 'cigna'),
  dos: fc.integer({ min: 0, max: 60 }),
  amount: fc.integer({ min: 1_000, max: 30_000 }),
  steps: fc.array(step, { minLength: 5, maxLength: 25 }),
});

/** The script of one random claim. */
export type ClaimScript = typeof claimScript extends fc.Arbitrary<infer T> ? T : never;

/** Runs the scripts through the Claim decider into `h`: claim `c<i>` for script i. */
export const runScripts = (h: ReturnType<typeof history>, scripts: readonly ClaimScript[]): void => {
  scripts.forEach((s, i) => {
    const dos = new Date(Date.UTC(2026, 0, 1) + s.dos * 86_400_000).toISOString().slice(0, 10);
    const registeredAt = `${dos}T18:00:00-07:00`;
    h.claim(`c${i}`, {
      type: 'RegisterCharges',
      claimId: `c${i}`,
      encounterId: `e${i}`,
      patientId: `p${i}`,
      payerId: s.payer,
      payerKind: s.payer === 'medicare' ? 'medicare' : 'commercial',
      dateOfService: dos,
      timeZone: zone,
      charges: [{ cptCode: '99213', units: 1, amount: s.amount }],
      at: registeredAt,
    });
    // business time moves forward on a claim: its steps come after the registration, in date order
    const steps = s.steps
      .filter((c) => Date.parse(c.at) > Date.parse(registeredAt))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    for (const c of steps) h.tryClaim(`c${i}`, c);
  });
};
