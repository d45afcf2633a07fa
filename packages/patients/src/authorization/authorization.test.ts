import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldProjections, type RecordedEvent } from '@praxis/core';
import { authorizationsProjection, listAuthorizations, getAuthorization } from '../read-models/index.js';
import {
  consumeOnCheckout,
  decider,
  releaseOnCancel,
  remainingUnits,
  reserveOnBooking,
  type AuthorizationCommand,
  type AuthorizationEvent,
  type State,
} from './index.js';

const at = '2026-03-01T09:00:00-05:00';
const request: AuthorizationCommand = {
  type: 'RequestAuthorization',
  authorizationId: 'AU-1',
  patientId: 'P-1',
  payerId: 'aetna',
  services: { cptCodes: ['97110', '97140'] },
  unitKind: 'visits',
  requestedUnits: 12,
  requestedOn: '2026-02-20',
  requestedBy: 'S-2',
};
const approve = (units = 3): AuthorizationCommand => ({
  type: 'RecordAuthorizationDecision',
  decision: 'approved',
  number: 'AUTH-778',
  approvedUnits: units,
  validFrom: '2026-03-01',
  validTo: '2026-03-31',
  decidedOn: '2026-02-25',
  recordedBy: 'S-2',
});
const reserve = (appointmentId: string, serviceOn = '2026-03-10', units = 1): AuthorizationCommand => ({
  type: 'ReserveUnits',
  appointmentId,
  units,
  serviceOn,
  reservedAt: at,
});
const consume = (
  appointmentId: string | undefined,
  units = 1,
  serviceOn = '2026-03-10',
): AuthorizationCommand => ({
  type: 'ConsumeUnits',
  units,
  serviceOn,
  consumedAt: at,
  ...(appointmentId === undefined ? {} : { appointmentId }),
});

const run = (...commands: AuthorizationCommand[]) => {
  let state: State = decider.initialState;
  const events: AuthorizationEvent[] = [];
  let last: ReturnType<typeof decider.decide> | undefined;
  for (const c of commands) {
    last = decider.decide(c, state);
    if (last._tag === 'Right') {
      events.push(...last.right);
      state = last.right.reduce(decider.evolve, state);
    }
  }
  return { state, events, refusal: last?._tag === 'Left' ? last.left : undefined };
};

describe('Authorization units', () => {
  it('reserves on booking, consumes the reservation on checkout, releases on cancel', () => {
    const r = run(request, approve(3), reserve('A-1'), reserve('A-2'), consume('A-1'));
    expect(r.state.consumedUnits).toBe(1);
    expect(r.state.reservations).toEqual({ 'A-2': 1 });
    expect(remainingUnits(r.state)).toBe(1);
    const released = run(request, approve(3), reserve('A-1'), {
      type: 'ReleaseUnits',
      appointmentId: 'A-1',
      reason: 'cancelled',
      releasedAt: at,
    });
    expect(remainingUnits(released.state)).toBe(3);
  });

  it('refuses units beyond the authorization, outside its dates, out of scope, or before approval', () => {
    expect(run(request, approve(2), reserve('A-1'), reserve('A-2'), reserve('A-3')).refusal).toMatchObject({
      code: 'AuthorizationExhausted',
      field: 'units',
    });
    expect(run(request, approve(2), reserve('A-1'), reserve('A-2'), consume(undefined)).refusal?.code).toBe(
      'AuthorizationExhausted',
    );
    expect(run(request, approve(), reserve('A-1', '2026-04-01')).refusal).toMatchObject({
      code: 'AuthorizationExpired',
      field: 'serviceOn',
    });
    expect(run(request, approve(), reserve('A-1', '2026-02-27')).refusal?.code).toBe(
      'AuthorizationNotYetValid',
    );
    expect(run(request, reserve('A-1')).refusal?.code).toBe('AuthorizationNotApproved');
    expect(
      run(request, approve(), { ...consume(undefined), cptCode: '99213' } as AuthorizationCommand).refusal,
    ).toMatchObject({
      code: 'ServiceNotAuthorized',
      field: 'cptCode',
    });
    expect(run(request, approve(), reserve('A-1', '2026-03-10', 0)).refusal).toMatchObject({
      code: 'InvalidUnits',
      field: 'units',
    });
    expect(run(request, { ...approve(), approvedUnits: 0 } as AuthorizationCommand).refusal).toMatchObject({
      code: 'InvalidAuthorization',
      field: 'approvedUnits',
    });
    expect(
      run(request, { ...approve(), validTo: '2026-02-01' } as AuthorizationCommand).refusal,
    ).toMatchObject({
      code: 'InvalidAuthorization',
      field: 'validTo',
    });
  });

  it('extends without ever shrinking', () => {
    const ext = (validTo?: string, addedUnits?: number): AuthorizationCommand => ({
      type: 'ExtendAuthorization',
      payerRef: 'call-19',
      extendedOn: '2026-03-20',
      ...(validTo === undefined ? {} : { validTo }),
      ...(addedUnits === undefined ? {} : { addedUnits }),
    });
    expect(run(request, approve(), ext('2026-03-15')).refusal).toMatchObject({
      code: 'ExtensionShrinks',
      field: 'validTo',
    });
    const r = run(request, approve(2), ext('2026-04-30', 4), reserve('A-1', '2026-04-20'));
    expect(r.refusal).toBeUndefined();
    expect(r.state.approvedUnits).toBe(6);
  });

  it('property: consumed never exceeds approved, whatever the sequence of reservations, releases, consumptions and extensions', () => {
    const step = fc.oneof(
      fc.record({
        k: fc.constant('reserve' as const),
        a: fc.integer({ min: 1, max: 6 }),
        u: fc.integer({ min: -1, max: 4 }),
      }),
      fc.record({ k: fc.constant('release' as const), a: fc.integer({ min: 1, max: 6 }), u: fc.constant(0) }),
      fc.record({
        k: fc.constant('consume' as const),
        a: fc.integer({ min: 0, max: 6 }),
        u: fc.integer({ min: -1, max: 4 }),
      }),
      fc.record({ k: fc.constant('extend' as const), a: fc.constant(0), u: fc.integer({ min: 1, max: 3 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(step, { maxLength: 40 }), (approved, steps) => {
        const commands: AuthorizationCommand[] = [request, approve(approved)];
        for (const s of steps) {
          const id = `A-${s.a}`;
          if (s.k === 'reserve') commands.push(reserve(id, '2026-03-10', s.u));
          else if (s.k === 'release')
            commands.push({ type: 'ReleaseUnits', appointmentId: id, reason: 'cancelled', releasedAt: at });
          else if (s.k === 'consume') commands.push(consume(s.a === 0 ? undefined : id, s.u));
          else
            commands.push({
              type: 'ExtendAuthorization',
              payerRef: 'x',
              extendedOn: '2026-03-05',
              addedUnits: s.u,
            });
        }
        let state: State = decider.initialState;
        for (const c of commands) {
          const d = decider.decide(c, state);
          if (d._tag === 'Right') state = d.right.reduce(decider.evolve, state);
          if (state.consumedUnits > state.approvedUnits) return false;
          if (remainingUnits(state) < 0) return false;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

describe('authorization process managers', () => {
  const recorded = (type: string, data: object) => ({ type, data }) as unknown as RecordedEvent;
  it('reserve on booking, consume on checkout, release on cancel or no-show — only for appointments with an authorization', async () => {
    const d = { date: '2026-03-10', appointmentId: 'A-1', authorizationId: 'AU-1' };
    const ctx = { reader: foldProjections([], []) };
    expect(await reserveOnBooking.react(recorded('AppointmentBooked', d), ctx)).toEqual([
      {
        aggregate: 'Authorization',
        command: {
          authorizationId: 'AU-1',
          type: 'ReserveUnits',
          appointmentId: 'A-1',
          units: 1,
          serviceOn: '2026-03-10',
        },
      },
    ]);
    expect(await consumeOnCheckout.react(recorded('PatientCheckedOut', d), ctx)).toMatchObject([
      { command: { type: 'ConsumeUnits', appointmentId: 'A-1', units: 1 } },
    ]);
    expect(await releaseOnCancel.react(recorded('AppointmentNoShowRecorded', d), ctx)).toMatchObject([
      { command: { type: 'ReleaseUnits', reason: 'no-show' } },
    ]);
    expect(
      await releaseOnCancel.react(recorded('AppointmentCancelled', { ...d, rescheduledTo: 'A-2' }), ctx),
    ).toMatchObject([{ command: { type: 'ReleaseUnits', reason: 'moved' } }]);
    expect(
      await reserveOnBooking.react(
        recorded('AppointmentBooked', { date: '2026-03-10', appointmentId: 'A-9' }),
        ctx,
      ),
    ).toEqual([]);
  });
});

describe('patients-authorizations read model', () => {
  it('shows remaining units and days to expiry, and hides expired ones by default', async () => {
    const r = run(request, approve(4), reserve('A-1'), consume('A-1'), reserve('A-2'));
    const other = run(
      { ...request, authorizationId: 'AU-2' } as AuthorizationCommand,
      { ...approve(2), validTo: '2026-03-05' } as AuthorizationCommand,
    );
    const recorded = [...r.events, ...other.events].map((e) => e as unknown as RecordedEvent);
    const reader = foldProjections([authorizationsProjection], recorded);
    expect(await getAuthorization(reader, 'AU-1', '2026-03-11')).toMatchObject({
      approvedUnits: 4,
      consumedUnits: 1,
      reservedUnits: 1,
      remainingUnits: 2,
      percentRemaining: 50,
      daysToExpiry: 20,
      expired: false,
    });
    expect((await listAuthorizations(reader, '2026-03-11')).map((a) => a.authorizationId)).toEqual(['AU-1']);
    expect(
      (await listAuthorizations(reader, '2026-03-11', { includeExpired: true })).map(
        (a) => a.authorizationId,
      ),
    ).toEqual(['AU-1', 'AU-2']);
  });
});
