import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPractice, type Practice } from '@praxis/practice';
import { write835, type ClaimPaymentDraft } from '@praxis/x12';
import { praxis, tempDir } from '../test-support.js';

const tmp = tempDir();
const db = join(tmp.dir, 'demo.db');
afterAll(() => tmp.remove());
beforeAll(async () => {
  const r = await praxis(['demo', '--db', db, '--encounters', '150']);
  expect(r.code, r.err).toBe(0);
}, 600_000);

type Data = Record<string, unknown> & { claimId: string; at: string };
interface Line {
  readonly cptCode: string;
  readonly units: number;
  readonly amount: number;
}
const biller = { id: 'bea', role: 'biller' } as const;

/**
 * The finance commands a Claim event came from, as the demo issued them (without the 837P data,
 * which the KPIs do not read); payer payments and denials are left to the 835s.
 */
const commandOf = (type: string, d: Data): Record<string, unknown> | undefined => {
  const { claimId, at } = d;
  switch (type) {
    case 'ClaimChargesRegistered':
      return {
        type: 'RegisterCharges',
        claimId,
        encounterId: d['encounterId'],
        patientId: d['patientId'],
        payerId: d['payerId'],
        payerKind: d['payerKind'],
        dateOfService: d['dateOfService'],
        timeZone: d['timeZone'],
        charges: (d['charges'] as Line[]).map(({ cptCode, units, amount }) => ({ cptCode, units, amount })),
        ...(d['timelyFilingMonths'] === undefined ? {} : { timelyFilingMonths: d['timelyFilingMonths'] }),
        ...(d['appealWindowDays'] === undefined ? {} : { appealWindowDays: d['appealWindowDays'] }),
        at,
      };
    case 'ClaimChargesAdded':
      return { type: 'AddCharges', claimId, charges: d['charges'], at };
    case 'ClaimCreated':
      return { type: 'CreateClaim', claimId, at };
    case 'ClaimScrubbedClean':
      return { type: 'ScrubClaim', claimId, failedEdits: [], at };
    case 'ClaimHeld':
      return { type: 'ScrubClaim', claimId, failedEdits: d['reasons'], at };
    case 'ClaimCorrected':
      return {
        type: 'CorrectClaim',
        claimId,
        correction: d['correction'],
        ...(d['charges'] === undefined ? {} : { charges: d['charges'] }),
        at,
      };
    case 'ClaimSubmitted':
      return { type: 'SubmitClaim', claimId, at };
    case 'ClaimAcceptedByPayer':
      return { type: 'RecordPayerAcceptance', claimId, at };
    case 'ClaimRejectedByPayer':
      return { type: 'RecordPayerRejection', claimId, reasons: d['reasons'], at };
    case 'ClaimAppealed':
      return { type: 'AppealDenial', claimId, note: d['note'], at };
    case 'PatientResponsibilityBilled':
      return { type: 'BillPatient', claimId, statementId: d['statementId'], amount: d['amount'], at };
    case 'PatientPaymentCollected':
      return {
        type: 'CollectPatientPayment',
        claimId,
        paymentId: d['paymentId'],
        amount: d['amount'],
        pointOfService: d['pointOfService'],
        at,
      };
    case 'ClaimWrittenOff':
      return {
        type: 'WriteOffBalance',
        claimId,
        writeOffId: d['writeOffId'],
        amount: d['amount'],
        reason: d['reason'],
        at,
      };
    default:
      return undefined;
  }
};

describe("the demo's year of payer payments, replayed from 835 files", () => {
  it('a fresh practice with the same claims, posting 835s generated from the demo, reaches the same revenue-cycle KPIs', async () => {
    const demo = await createPractice({ store: `sqlite:${db}` });
    const fresh: Practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
    });
    try {
      // What each claim charges now (lines by CPT), and what its patient paid: the payer's 835 states both.
      const charges = new Map<string, Line[]>();
      let batch: { at: string; claims: ClaimPaymentDraft[] } | undefined;
      let files = 0;
      let posted = 0;
      const flush = async () => {
        if (batch === undefined) return;
        files++;
        const text = write835({
          payerName: 'DEMO PAYERS',
          payerId: '1999999999',
          payeeName: 'RIVERSIDE FAMILY MEDICINE',
          payeeNpi: '1234567893',
          traceNumber: `DEMO-${files}`,
          paymentDate: batch.at.slice(0, 10),
          controlNumber: files,
          claims: batch.claims,
        });
        const r = await fresh.as(biller).finance.importRemittance(text, { at: batch.at });
        if (!r.ok) throw new Error(`835 #${files} at ${batch.at}: ${JSON.stringify(r)}`);
        posted += batch.claims.length;
        batch = undefined;
      };
      const add = async (at: string, c: ClaimPaymentDraft) => {
        if (batch !== undefined && batch.at !== at) await flush();
        batch ??= { at, claims: [] };
        batch.claims.push(c);
      };
      for await (const e of demo.store.readAll()) {
        if (!e.streamId.startsWith('Claim-')) continue;
        const d = (await demo.vault.reveal(e.data)) as Data;
        if (
          e.type === 'ClaimChargesRegistered' ||
          e.type === 'ClaimChargesAdded' ||
          e.type === 'ClaimCorrected'
        ) {
          const lines = d['charges'] as Line[] | undefined;
          if (lines !== undefined)
            charges.set(
              d.claimId,
              e.type === 'ClaimChargesAdded' ? [...(charges.get(d.claimId) ?? []), ...lines] : lines,
            );
        }
        const lines = charges.get(d.claimId) ?? [];
        const total = lines.reduce((a, l) => a + l.amount, 0);
        if (e.type === 'ClaimPaidByPayer') {
          // The payer's view: per line charge, paid, CO-45; the rest of each line is the patient's (PR-2),
          // including the copay the practice took at the visit.
          const paid = d['lines'] as { cptCode: string; paid: number; contractualAdjustment: number }[];
          const svc = lines.map((l) => {
            const p = paid.find((x) => x.cptCode === l.cptCode) ?? { paid: 0, contractualAdjustment: 0 };
            const pr = l.amount - p.paid - p.contractualAdjustment;
            return {
              code: l.cptCode,
              charge: l.amount,
              paid: p.paid,
              adjustments: [
                ...(p.contractualAdjustment > 0
                  ? [{ group: 'CO' as const, carc: '45', amount: p.contractualAdjustment }]
                  : []),
                ...(pr > 0 ? [{ group: 'PR' as const, carc: '2', amount: pr }] : []),
              ],
            };
          });
          await add(d.at, {
            claimId: d.claimId,
            charge: total,
            paid: svc.reduce((a, l) => a + l.paid, 0),
            patientResponsibility: svc.reduce(
              (a, l) => a + l.adjustments.filter((x) => x.group === 'PR').reduce((b, x) => b + x.amount, 0),
              0,
            ),
            lines: svc,
          });
          continue;
        }
        if (e.type === 'ClaimDenied') {
          const amount = d['amount'] as number;
          const rest = total - amount;
          await add(d.at, {
            claimId: d.claimId,
            status: '4',
            charge: total,
            paid: 0,
            patientResponsibility: rest,
            adjustments: [
              { group: 'CO', carc: d['carcCode'] as string, amount },
              ...(rest > 0 ? [{ group: 'PR' as const, carc: '3', amount: rest }] : []),
            ],
            lines: [],
          });
          continue;
        }
        if (e.type === 'PayerPaymentReversed')
          throw new Error('the demo reverses no payment; this replay does not either');
        const cmd = commandOf(e.type, d);
        if (cmd === undefined) continue;
        await flush();
        const { at, type, ...input } = cmd as { at: string; type: string };
        const r = await fresh.execute('Claim', { type, ...input } as never, { actor: biller, at });
        if (!r.ok) throw new Error(`${e.streamId} ${type}: ${r.code} ${r.message}`);
      }
      await flush();
      expect(files).toBeGreaterThan(10);
      expect(posted).toBeGreaterThan(100);
      for (const period of ['2025', '2025-Q2', '2025-12']) {
        const a = await demo.kpis(period);
        const b = await fresh.kpis(period);
        expect(b.revenueCycle, period).toEqual(a.revenueCycle);
        expect(b.arAging, period).toEqual(a.arAging);
      }
    } finally {
      await fresh.close();
      await demo.close();
    }
  }, 600_000);
});
