import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { decider, events, mayHandleControlledSubstances } from './index.js';
import { applied, deaVerified, interviewed, onStaff } from '../test-fixtures.js';

const spec = deciderSpec(decider);
const ev = events.make;

describe('StaffMember credentials and OIG exclusion screening', () => {
  it('verifies a credential with issuer, number and expiry', () => {
    spec
      .given([applied, interviewed])
      .when({
        type: 'VerifyCredential',
        credentialId: 'board',
        kind: 'board-certification',
        issuer: 'American Board of Family Medicine',
        number: 'ABFM-55102',
        expiresOn: '2030-12-31',
        verifiedOn: '2026-01-15',
      })
      .then([
        ev('StaffCredentialVerified', {
          staffId: 's-1',
          credentialId: 'board',
          kind: 'board-certification',
          issuer: 'American Board of Family Medicine',
          number: 'ABFM-55102',
          expiresOn: '2030-12-31',
          verifiedOn: '2026-01-15',
        }),
      ]);
  });

  it('rejects an expired credential, a duplicate id, or a missing issuer', () => {
    const base = {
      type: 'VerifyCredential' as const,
      credentialId: 'lic2',
      kind: 'licence' as const,
      issuer: 'NJ Board',
      number: '25MA1',
      expiresOn: '2026-01-15',
      verifiedOn: '2026-01-15',
    };
    spec.given([applied]).when(base).thenRejects('CredentialExpired', 'expiresOn');
    spec
      .given(onStaff)
      .when({ ...base, credentialId: 'dea', expiresOn: '2027-01-01' })
      .thenRejects('CredentialAlreadyVerified');
    spec
      .given([applied])
      .when({ ...base, issuer: '', expiresOn: '2027-01-01' })
      .thenRejects('Required', 'issuer');
    spec
      .given([])
      .when({ ...base, expiresOn: '2027-01-01' })
      .thenRejects('NotActive');
  });

  describe('DEA registration: renew up to 60 days before expiry, never after', () => {
    // DEA expires 2026-09-30; 60 days before is 2026-08-01.
    const renew = (renewedOn: string) => ({
      type: 'RenewCredential' as const,
      credentialId: 'dea',
      renewedOn,
      expiresOn: '2029-09-30',
    });

    it('accepts a renewal on the first day of the window (2026-08-01) and on the expiry day', () => {
      spec
        .given(onStaff)
        .when(renew('2026-08-01'))
        .then([
          ev('StaffCredentialRenewed', {
            staffId: 's-1',
            credentialId: 'dea',
            renewedOn: '2026-08-01',
            previousExpiresOn: '2026-09-30',
            expiresOn: '2029-09-30',
          }),
        ]);
      spec.given(onStaff).when(renew('2026-09-30')).thenState();
    });

    it('rejects a renewal 61 days before expiry', () => {
      spec.given(onStaff).when(renew('2026-07-31')).thenRejects('DeaRenewalTooEarly', 'renewedOn');
    });

    it('rejects renewing an expired registration', () => {
      spec.given(onStaff).when(renew('2026-10-01')).thenRejects('DeaRegistrationExpired', 'renewedOn');
    });

    it('counts the window across a leap day: expiry 2028-03-01 opens on 2028-01-01', () => {
      const leap = ev('StaffCredentialVerified', {
        ...deaVerified.data,
        credentialId: 'dea2',
        expiresOn: '2028-03-01',
      });
      const r = (renewedOn: string) => ({
        type: 'RenewCredential' as const,
        credentialId: 'dea2',
        renewedOn,
        expiresOn: '2031-03-01',
      });
      spec
        .given([...onStaff, leap])
        .when(r('2028-01-01'))
        .thenState();
      spec
        .given([...onStaff, leap])
        .when(r('2027-12-31'))
        .thenRejects('DeaRenewalTooEarly');
    });

    it('no handling of controlled substances while the registration is expired', () => {
      const s = spec.given(onStaff).state;
      expect(mayHandleControlledSubstances(s, '2026-09-30')).toBe(true);
      expect(mayHandleControlledSubstances(s, '2026-10-01')).toBe(false);
      const renewed = spec.given(onStaff).when(renew('2026-09-01')).thenState();
      expect(mayHandleControlledSubstances(renewed, '2026-10-01')).toBe(true);
    });
  });

  it('a renewal must extend the expiry; a licence may be renewed at any time', () => {
    const r = { type: 'RenewCredential' as const, credentialId: 'lic', renewedOn: '2026-03-01' };
    spec
      .given(onStaff)
      .when({ ...r, expiresOn: '2027-12-31' })
      .thenRejects('RenewalDoesNotExtend', 'expiresOn');
    spec
      .given(onStaff)
      .when({ ...r, expiresOn: '2029-12-31' })
      .thenState();
    spec
      .given(onStaff)
      .when({ ...r, credentialId: 'nope', expiresOn: '2029-12-31' })
      .thenRejects('CredentialNotFound');
  });

  it('refuses a renewal dated before the credential was verified (2026-01-15), naming renewedOn (property)', () => {
    const day = (n: number) => new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (n) => {
        const renewedOn = day(n);
        const w = spec
          .given(onStaff)
          .when({ type: 'RenewCredential', credentialId: 'lic', renewedOn, expiresOn: '2029-12-31' });
        if (renewedOn < '2026-01-15')
          expect(w.decision).toMatchObject({
            _tag: 'Left',
            left: { code: 'RenewalBeforeVerification', field: 'renewedOn' },
          });
        else expect(w.decision._tag).toBe('Right');
      }),
    );
  });

  it('records monthly OIG screenings in date order, with their result', () => {
    spec
      .given(onStaff)
      .when({ type: 'RecordExclusionScreening', screenedOn: '2026-02-16', result: 'clear' })
      .then([
        ev('OigExclusionScreened', {
          staffId: 's-1',
          screenedOn: '2026-02-16',
          result: 'clear',
          source: 'OIG LEIE',
        }),
      ]);
    spec
      .given(onStaff)
      .when({ type: 'RecordExclusionScreening', screenedOn: '2026-01-10', result: 'clear' })
      .thenRejects('ScreeningOutOfOrder', 'screenedOn');
  });

  it('recredentials a person on staff with current credentials and a clear check', () => {
    spec
      .given(onStaff)
      .when({ type: 'Recredential', recredentialedOn: '2026-06-01' })
      .then([ev('StaffRecredentialed', { staffId: 's-1', recredentialedOn: '2026-06-01' })]);
    spec
      .given(onStaff)
      .when({ type: 'Recredential', recredentialedOn: '2026-10-01' })
      .thenRejects('CredentialExpired', 'dea');
    const excluded = ev('OigExclusionScreened', {
      staffId: 's-1',
      screenedOn: '2026-02-16',
      result: 'excluded',
      source: 'OIG LEIE',
    });
    spec
      .given([...onStaff, excluded])
      .when({ type: 'Recredential', recredentialedOn: '2026-06-01' })
      .thenRejects('PersonExcluded');
    spec
      .given([applied])
      .when({ type: 'Recredential', recredentialedOn: '2026-06-01' })
      .thenRejects('NotOnStaff');
  });
});
