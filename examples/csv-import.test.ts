import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { importEncounters } from './csv-import.js';

const biller = { id: 'ben', role: 'biller' };
const at = '2025-03-04T18:00:00-06:00';
const header = 'encounter,patient,payer,payer_kind,date,cpt,charge';
const open = () => createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD' });

describe('example: CSV import from an EHR export', () => {
  it('records one claim per encounter with its charge lines', async () => {
    const practice = await open();
    const csv = [
      header,
      'E1,P1,aetna,commercial,2025-03-04,99213,140.00',
      'E1,P1,aetna,commercial,2025-03-04,36415,18.00',
      'E2,P2,medicare,medicare,2025-03-04,99214,205.00',
    ].join('\n');
    const r = await importEncounters(practice, csv, biller, at);
    expect(r).toEqual({ ok: true, claims: ['Claim-ehr-E1', 'Claim-ehr-E2'] });
    const claim = await practice.load<{ totalCharges: number }>('Claim', 'ehr-E1');
    expect(claim.found && claim.state.totalCharges).toBe(15_800);
    await practice.close();
  });

  it('imports nothing when one row is bad, by format or by a business rule', async () => {
    const practice = await open();
    await importEncounters(
      practice,
      [header, 'E1,P1,aetna,commercial,2025-03-04,99213,140.00'].join('\n'),
      biller,
      at,
    );
    const csv = [
      header,
      'E5,P5,aetna,commercial,2025-03-04,99213,140.00',
      'E6,P6,aetna,commercial,2025-03-04,99213,lots',
      'E1,P1,aetna,commercial,2025-03-04,99213,140.00',
      'E7,P7,aetna,commercial,2025-02-30,99213,140.00',
    ].join('\n');
    const r = await importEncounters(practice, csv, biller, at);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      'line 3: charge "lots" is not an amount like 140.00',
      'line 4: claim ehr-E1 already has charges',
      expect.stringMatching(/^line 5: .*dateOfService/),
    ]);
    expect(await practice.store.streamRevision('Claim-ehr-E5')).toBe('no_stream');
    await practice.close();
  });

  it('refuses the whole file when the actor may not register charges', async () => {
    const practice = await open();
    const r = await importEncounters(
      practice,
      [header, 'E1,P1,aetna,commercial,2025-03-04,99213,140.00'].join('\n'),
      { id: 'sam', role: 'staff' },
      at,
    );
    expect(r).toEqual({ ok: false, errors: ['line 2: role staff may not Claim.RegisterCharges'] });
    await practice.close();
  });
});
