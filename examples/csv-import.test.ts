import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { importEncounters } from './csv-import.js';

const biller = { id: 'ben', role: 'biller' };
const at = '2025-03-04T18:00:00-06:00';
const header = 'claim_id,encounter_id,patient_id,payer_id,payer_kind,date_of_service,cpt_code,units,charge';
const open = () => createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD' });

describe('example: CSV import from an EHR export', () => {
  it('records one claim per encounter with its charge lines', async () => {
    const practice = await open();
    const csv = [
      header,
      'ehr-E1,E1,P1,aetna,commercial,2025-03-04,99213,1,140.00',
      'ehr-E1,E1,P1,aetna,commercial,2025-03-04,36415,1,18.00',
      'ehr-E2,E2,P2,medicare,medicare,2025-03-04,99214,1,205.00',
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
      [header, 'ehr-E1,E1,P1,aetna,commercial,2025-03-04,99213,1,140.00'].join('\n'),
      biller,
      at,
    );
    const csv = [
      header,
      'ehr-E5,E5,P5,aetna,commercial,2025-03-04,99213,1,140.00',
      'ehr-E6,E6,P6,aetna,commercial,2025-03-04,99213,1,lots',
      'ehr-E1,E1,P1,aetna,commercial,2025-03-04,99213,1,140.00',
      'ehr-E7,E7,P7,aetna,commercial,2025-02-30,99213,1,140.00',
    ].join('\n');
    const r = await importEncounters(practice, csv, biller, at);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      'line 3: charge "lots" is not an amount in dollars (like 140.00)',
      'line 4: claim ehr-E1 already has charges',
      'line 5: date_of_service "2025-02-30" is not a date (YYYY-MM-DD)',
    ]);
    expect(await practice.store.streamRevision('Claim-ehr-E5')).toBe('no_stream');
    await practice.close();
  });

  it('reads the sample file praxis import reads (one format for both)', async () => {
    const practice = await open();
    const csv = readFileSync(new URL('data/encounters.csv', import.meta.url), 'utf8');
    const r = await importEncounters(practice, csv, biller, '2025-12-05T18:00:00-06:00');
    expect(r).toEqual({ ok: true, claims: ['Claim-s-1001', 'Claim-s-1002', 'Claim-s-1003'] });
    await practice.close();
  });

  it('refuses the whole file when the actor may not register charges', async () => {
    const practice = await open();
    const r = await importEncounters(
      practice,
      [header, 'ehr-E1,E1,P1,aetna,commercial,2025-03-04,99213,1,140.00'].join('\n'),
      { id: 'sam', role: 'staff' },
      at,
    );
    expect(r).toEqual({ ok: false, errors: ['line 2: role staff may not Claim.RegisterCharges'] });
    await practice.close();
  });
});
