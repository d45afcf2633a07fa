import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collect, fixedClock } from '@praxis/core';
import { createPractice, type Practice } from '@praxis/practice';
import { importKinds } from './index.js';

const zone = 'America/Chicago';
let practice: Practice;
beforeAll(async () => {
  practice = await createPractice({
    store: 'memory:',
    timeZone: zone,
    currency: 'USD',
    clock: fixedClock('2026-03-01T08:00:00', zone),
  });
});
afterAll(() => practice.close());
const pm = () => practice.as({ id: 'maria', role: 'practice_manager' });
const rawLog = async () => {
  const texts: string[] = [];
  for await (const e of practice.store.readAll()) texts.push(JSON.stringify(e.data));
  return texts.join('\n');
};

describe('practice.goLive', () => {
  it('seals staff names and licence numbers through the vault; the practice reads them back', async () => {
    const r = await pm().goLive(
      [
        {
          name: 'staff.csv',
          text: 'staff_id,name,position,role,hired_on,last_oig_check_on\ns-ada,Ada Quinn,Nurse,staff,2020-01-06,2026-02-02\n',
        },
        {
          name: 'credentials.csv',
          text: 'staff_id,credential_id,kind,issuer,number,expires_on,verified_on\ns-ada,lic-ada,licence,Texas Board of Nursing,RN-998877,2027-01-31,2025-02-01\n',
        },
      ],
      { asOf: '2026-02-28' },
    );
    expect(r).toMatchObject({ ok: true, commands: 2 });
    const log = await rawLog();
    expect(log).toContain('s-ada');
    expect(log).not.toContain('Ada Quinn');
    expect(log).not.toContain('RN-998877');
    const now = await pm().audit.entityAsOf<{ name: string }>('StaffMember-s-ada', {
      at: '2026-03-01T09:00:00-06:00',
    });
    expect(now.state.name).toBe('Ada Quinn');
  });

  it('names the column of a rule the practice refuses (checked on a copy: nothing recorded)', async () => {
    const before = (await rawLog()).length;
    const r = await pm().goLive(
      [
        {
          name: 'policies.csv',
          text: 'policy_id,title,review_every_months,approved_on,published_on,effective_on,roles\nhr,Conduct,12,2025-01-02,2025-01-03,2025-01-03,staff\n',
        },
        {
          name: 'acks.csv',
          text: 'policy_id,staff_id,acknowledged_on,role\nhr,s-ada,2025-01-10,staff\nhr,s-ghost,2025-01-10,staff\n',
        },
      ],
      { asOf: '2026-02-28' },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'acks.csv', line: 3, column: 'staff_id' });
    expect((await rawLog()).length).toBe(before);
  });

  it('refuses an unknown column, a header that matches nothing, and dates after the opening date', async () => {
    const r = await pm().goLive(
      [
        { name: 'a.csv', text: 'staff_id,name,position,role,hired_on,last_oig_check_on,salary\n' },
        { name: 'b.csv', text: 'who,what\nx,y\n' },
        {
          name: 'c.csv',
          text: 'staff_id,name,position,role,hired_on,last_oig_check_on\ns-new,Bo Li,Nurse,staff,2026-03-02,2026-02-02\n',
        },
      ],
      { asOf: '2026-02-28' },
    );
    expect(r.ok ? [] : r.problems.map((p) => `${p.file}:${p.line}:${p.column ?? ''}`)).toEqual([
      'a.csv:1:salary',
      'b.csv:1:',
      'c.csv:2:hired_on',
    ]);
  });

  it('never throws on any cells in any kind of file: each problem names file and line (property)', async () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        '0',
        '1',
        '2026-02-30',
        '2025-01-01',
        'yes',
        'x;y',
        '99213',
        'submitted',
        'HIPAA',
        '140.00',
        'years',
      ),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...importKinds),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 24 }), { maxLength: 4 }),
        async (kind, rows) => {
          const header = [...kind.required, ...kind.optional];
          const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
          const text = [
            header.join(','),
            ...rows.map((r) => header.map((_, i) => quote(r[i % r.length]!)).join(',')),
          ].join('\n');
          const r = await pm().goLive([{ name: 'f.csv', text }], { asOf: '2026-02-28' });
          if (!r.ok)
            for (const p of r.problems)
              expect([p.file, typeof p.line, typeof p.message]).toEqual(['f.csv', 'number', 'string']);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('answers arguments that are not files with a problem naming them, never a throw (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.array(fc.record({ name: fc.anything(), text: fc.anything() }, { requiredKeys: [] })),
        ),
        fc.oneof(fc.anything(), fc.record({ asOf: fc.anything() }, { requiredKeys: [] })),
        async (files, options) => {
          const r = await pm().goLive(files as never, options as never);
          if (!r.ok) for (const p of r.problems) expect(typeof p.message).toBe('string');
        },
      ),
      { numRuns: 200 },
    );
    const none = await pm().goLive(null as never, { asOf: '2026-02-28' });
    expect(none).toMatchObject({
      ok: false,
      recorded: 0,
      problems: [{ file: '(arguments)', column: 'files' }],
    });
    const badText = await pm().goLive([{ name: 'x.csv', text: 42 }] as never, { asOf: '2026-02-28' });
    expect(badText).toMatchObject({ ok: false, problems: [{ column: 'files.0.text' }] });
  });

  it('does not post opening claims into a closed month (PeriodClosed, nothing recorded)', async () => {
    const closedPractice = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-03-06T08:00:00', zone),
    });
    try {
      const p = closedPractice.as({ id: 'maria', role: 'practice_manager' });
      const closed = await p.finance.closeFinancialPeriod(
        { booksId: 'practice', period: '2026-02' },
        { at: '2026-03-05T10:00:00-06:00' },
      );
      expect(closed.ok, closed.summary).toBe(true);
      const before = (await collect(closedPractice.store.readAll())).length;
      const text = readFileSync(
        new URL('../../../examples/data/go-live/open-claims.csv', import.meta.url),
        'utf8',
      );
      const r = await p.goLive([{ name: 'open-claims.csv', text }], { asOf: '2026-02-28' });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.recorded).toBe(0);
        expect(r.problems.some((x) => x.code === 'PeriodClosed')).toBe(true);
      }
      expect((await collect(closedPractice.store.readAll())).length).toBe(before);
    } finally {
      await closedPractice.close();
    }
  });

  it('an open claim keeps its rendering provider (provider_id), who must be on staff on the date of service', async () => {
    const fresh = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-03-01T08:00:00', zone),
    });
    try {
      const p = fresh.as({ id: 'maria', role: 'practice_manager' });
      const staff = {
        name: 'staff.csv',
        text: 'staff_id,name,position,role,hired_on,last_oig_check_on\ns-doc,Dana Doc,Physician,physician,2020-01-06,2026-02-02\n',
      };
      const claims = (provider: string) => ({
        name: 'open-claims.csv',
        text: `claim_id,encounter_id,patient_id,payer_id,payer_kind,date_of_service,cpt_code,units,charge,status,provider_id\no-1,e-1,p-1,aetna,commercial,2026-02-10,99213,1,150.00,submitted,${provider}\n`,
      });
      const ghost = await p.goLive([staff, claims('s-ghost')], { asOf: '2026-02-28' });
      expect(ghost).toMatchObject({
        ok: false,
        problems: [{ file: 'open-claims.csv', line: 2, column: 'provider_id' }],
      });
      const r = await p.goLive([staff, claims('s-doc')], { asOf: '2026-02-28' });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
      const s = await fresh.load<{ billing: { renderingProviderId?: string } }>('Claim', 'o-1');
      expect(s.found && s.state.billing.renderingProviderId).toBe('s-doc');
    } finally {
      await fresh.close();
    }
  });

  it('speaks the CSV: amounts in dollars, the column of the amount to blame (property over amounts)', async () => {
    const head =
      'claim_id,encounter_id,patient_id,payer_id,payer_kind,date_of_service,cpt_code,units,charge,status,payer_paid,contractual_adjustment,patient_responsibility,patient_paid,carc_code,denied_amount';
    const dollars = (cents: number) => (cents / 100).toFixed(2);
    const row = (cells: Record<string, string>) => ({
      name: 'open-claims.csv',
      text: `${head}\n${head
        .split(',')
        .map((h) => cells[h] ?? '')
        .join(',')}\n`,
    });
    const base = {
      claim_id: 'o-1',
      encounter_id: 'e-1',
      patient_id: 'p-1',
      payer_id: 'aetna',
      payer_kind: 'commercial',
      date_of_service: '2026-02-10',
      cpt_code: '99213',
      units: '1',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 100_000 }),
        fc.integer({ min: 1, max: 50_000 }),
        fc.constantFrom('denied_amount', 'patient_paid', 'payer_paid', 'patient_responsibility'),
        async (charge, over, column) => {
          const cells: Record<string, string> =
            column === 'denied_amount'
              ? { status: 'denied', carc_code: '45', denied_amount: dollars(charge + over) }
              : column === 'patient_paid'
                ? { status: 'submitted', patient_paid: dollars(charge + over) }
                : column === 'payer_paid'
                  ? { status: 'adjudicated', payer_paid: dollars(charge + over), contractual_adjustment: '0' }
                  : {
                      status: 'adjudicated',
                      payer_paid: dollars(charge),
                      contractual_adjustment: '0',
                      patient_responsibility: dollars(over),
                    };
          const r = await pm().goLive([row({ ...base, charge: dollars(charge), ...cells })], {
            asOf: '2026-02-28',
          });
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r.problems).toHaveLength(1);
          const [p] = r.problems;
          expect(p).toMatchObject({ file: 'open-claims.csv', line: 2, column, code: 'ExceedsBalance' });
          expect(p!.message).not.toMatch(/cents/);
          expect(p!.message).toMatch(/\$[\d,]+\.\d\d/);
        },
      ),
      { numRuns: 30 },
    );
  });
});
