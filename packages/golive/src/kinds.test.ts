import { describe, expect, it } from 'vitest';
import { encounters, readCsvFile } from './index.js';

const ctx = {
  zone: 'America/Chicago',
  asOf: '2026-02-28',
  openingAt: '2026-02-28T23:59:59-06:00',
  now: '2026-03-01T08:00:00-06:00',
  staffRoles: new Map<string, string>(),
};
const header =
  'claim_id,encounter_id,patient_id,payer_id,payer_kind,date_of_service,cpt_code,units,charge,provider_id';

describe('the encounters file', () => {
  it('carries provider_id to the claim as its rendering provider, never dropping it', () => {
    const read = readCsvFile({
      name: 'e.csv',
      text: `${header}\nc1,e1,p1,aetna,commercial,2026-02-27,99213,1,140.00,S-104\nc1,e1,p1,aetna,commercial,2026-02-27,36415,1,18.50,S-104\nc2,e2,p2,aetna,commercial,2026-02-27,99213,1,140.00,\n`,
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const built = encounters.build(read.read.rows, ctx);
    expect(built.problems).toEqual([]);
    expect(built.items.map((i) => i.command['renderingProviderId'])).toEqual(['S-104', undefined]);
    expect(built.items[0]!.command['charges']).toEqual([
      { cptCode: '99213', units: 1, amount: 14_000 },
      { cptCode: '36415', units: 1, amount: 1_850 },
    ]);
  });

  it('refuses two providers on one claim, naming the column', () => {
    const read = readCsvFile({
      name: 'e.csv',
      text: `${header}\nc1,e1,p1,aetna,commercial,2026-02-27,99213,1,140.00,S-104\nc1,e1,p1,aetna,commercial,2026-02-27,36415,1,18.50,S-105\n`,
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(encounters.build(read.read.rows, ctx).problems).toEqual([
      {
        line: 3,
        column: 'provider_id',
        message: 'provider_id "S-105" differs from line 2 of the same claim c1',
      },
    ]);
  });
});
