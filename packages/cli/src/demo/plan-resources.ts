import { actorOf, people } from './cast.js';
import type { Step } from './plan.js';
import type { Rng } from './random.js';
import type { DemoTime } from './time.js';

/**
 * Resources: three supplies in two locations (gloves and lidocaine in the supply room, flu
 * vaccine in the vaccine refrigerator) with reorder policies; monthly deliveries; consumption on
 * working days, first-expired-first-out; one consumption refused for want of vaccine (a stock-out);
 * Monday temperature checks, the year's last one an excursion that quarantines the refrigerator;
 * the EHR with its BAA, access review and restore test; two critical skills for cross-training.
 */
export const planResources = (rng: Rng, time: DemoTime, year: number): Step[] => {
  const steps: Step[] = [];
  const pm = actorOf(people.manager);
  const ma = actorOf(people.ma1);
  const co = actorOf(people.compliance);
  const add = (label: string, on: string, hour: number, run: Step['run'], expectRefusal?: string) =>
    steps.push({
      at: time.at(on, hour, rng.int(0, 59)),
      label: `stock ${label}`,
      run,
      ...(expectRefusal ? { expectRefusal } : {}),
    });
  const start = `${year - 1}-12-01`;
  const items = [
    {
      itemId: 'gloves-m',
      name: 'Nitrile gloves M',
      unit: 'glove',
      packSize: 100,
      perishable: false,
      cost: 9,
      location: 'supply-room',
      monthly: 1400,
      daily: [20, 90],
    },
    {
      itemId: 'lidocaine-1',
      name: 'Lidocaine 1% 10 mL',
      unit: 'vial',
      packSize: 25,
      perishable: true,
      cost: 240,
      location: 'supply-room',
      monthly: 40,
      daily: [0, 3],
    },
    {
      itemId: 'flu-vax',
      name: 'Influenza vaccine',
      unit: 'dose',
      packSize: 10,
      perishable: true,
      cost: 1850,
      location: 'vaccine-fridge',
      monthly: 60,
      daily: [0, 5],
    },
  ] as const;
  for (const i of items) {
    add(`${i.itemId}: registered`, start, 10, (p) =>
      p.resources.registerSupplyItem(
        {
          itemId: i.itemId,
          name: i.name,
          category: 'clinical',
          unit: i.unit,
          packSize: i.packSize,
          perishable: i.perishable,
          storage: i.location === 'vaccine-fridge' ? 'refrigerated' : 'ambient',
          unitCostCents: i.cost,
          registeredOn: start,
        },
        { actor: pm },
      ),
    );
    add(`${i.itemId}: reorder policy`, start, 11, (p) =>
      p.resources.setReorderPolicy(
        {
          itemId: i.itemId,
          mode: 'computed',
          reviewPeriodDays: 14,
          leadTimeDays: 5,
          serviceLevel: 0.95,
          setOn: start,
        },
        { actor: pm },
      ),
    );
  }
  add('vaccine refrigerator: registered', start, 12, (p) =>
    p.resources.registerStorageUnit(
      {
        unitId: 'vaccine-fridge',
        kind: 'refrigerator',
        locationId: 'vaccine-fridge',
        rangeMinC: 2,
        rangeMaxC: 8,
        registeredOn: start,
      },
      { actor: co },
    ),
  );
  const days = time.workingDays(year);
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const firstDay = days.find((d) => d.startsWith(month))!;
    for (const i of items) {
      // Flu vaccine runs short in October (the season's first rush): no delivery that month.
      if (i.itemId === 'flu-vax' && m === 10) continue;
      const expiresOn = time.addDays(firstDay, i.itemId === 'lidocaine-1' ? 75 : 240);
      add(`${i.itemId}: delivery ${month}`, firstDay, 8, (p) =>
        p.resources.receiveStock(
          {
            stockId: `${i.itemId}-${i.location}`,
            itemId: i.itemId,
            locationId: i.location,
            receiptId: `r-${month}`,
            lotNo: `${i.itemId.slice(0, 3).toUpperCase()}-${month}`,
            qty: i.monthly,
            unitCostCents: i.cost,
            receivedOn: firstDay,
            ...(i.perishable ? { expiresOn } : {}),
          },
          { actor: pm },
        ),
      );
    }
  }
  // The year's last Monday check finds the refrigerator too cold: its lots are quarantined.
  const excursionDay = [...days].reverse().find((d) => DateTimeWeekday(d) === 1)!;
  const used = new Map<string, number>();
  // Use is recorded once a month (the month's last working day, about 20 days' worth), so the demo
  // stays small — the reorder computation then sees monthly spikes, as a practice recording
  // monthly would.
  for (const [n, day] of days.entries()) {
    const monthEnd = days[n + 1] === undefined || days[n + 1]!.slice(0, 7) !== day.slice(0, 7);
    for (const i of monthEnd ? items : []) {
      const qty = rng.int(i.daily[0] * 20, i.daily[1] * 20);
      if (qty === 0 || (i.itemId === 'flu-vax' && day >= excursionDay)) continue;
      // Each item's use stays within what was delivered (the demo refuses only on purpose).
      const month = Number(day.slice(5, 7));
      const delivered = (i.itemId === 'flu-vax' && month >= 10 ? month - 1 : month) * i.monthly;
      const so = (used.get(i.itemId) ?? 0) + qty;
      if (so > delivered * 0.8) continue;
      used.set(i.itemId, so);
      add(`${i.itemId}: used ${day}`, day, 12, (p) =>
        p.resources.consumeStock(
          {
            stockId: `${i.itemId}-${i.location}`,
            consumptionId: `u-${n}`,
            qty,
            consumedOn: day,
            purpose: 'procedure',
          },
          { actor: ma },
        ),
      );
    }
    // The refrigerator's log (the first Monday of each month in the demo; the CDC asks for every workday).
    if (DateTimeWeekday(day) === 1 && (Number(day.slice(8, 10)) <= 7 || day === excursionDay)) {
      const cold = day === excursionDay;
      add(`vaccine refrigerator: check ${day}`, day, 8, (p) =>
        p.resources.recordTemperatureCheck(
          { unitId: 'vaccine-fridge', checkedOn: day, minC: cold ? 0.5 : 3.2, maxC: 6.8, currentC: 4.5 },
          { actor: ma },
        ),
      );
    }
  }
  // Technology: the EHR holds ePHI — its BAA (with the return-or-destroy clause), a spring access
  // review and a summer restore test; the phone system holds none.
  for (const [systemId, name, category, ePhi] of [
    ['ehr', 'Clinic EHR', 'ehr', true],
    ['phones', 'Phone system', 'phone', false],
  ] as const)
    add(`${systemId}: registered`, start, 13, (p) =>
      p.resources.registerSystem(
        {
          systemId,
          name,
          vendorId: `${systemId}-vendor`,
          category,
          ePhi,
          criticality: 'high',
          registeredOn: start,
        },
        { actor: pm },
      ),
    );
  const firstWorkingDay = days[0]!;
  add('ehr: business associate agreement', firstWorkingDay, 14, (p) =>
    p.resources.recordBusinessAssociateAgreement(
      { systemId: 'ehr', signedOn: firstWorkingDay, documentRef: 'baa-ehr.pdf', returnOrDestroyClause: true },
      { actor: co },
    ),
  );
  const inMonth = (m: string) => days.find((d) => d.startsWith(`${year}-${m}`))!;
  add('ehr: access review', inMonth('03'), 15, (p) =>
    p.resources.recordAccessReview(
      { systemId: 'ehr', reviewedOn: inMonth('03'), usersRemoved: 1 },
      { actor: co },
    ),
  );
  add('ehr: restore test', inMonth('07'), 15, (p) =>
    p.resources.recordRestoreTest(
      { systemId: 'ehr', testedOn: inMonth('07'), result: 'pass', restoreMinutes: 85 },
      { actor: co },
    ),
  );
  // Skills: phlebotomy and ECG are critical; two medical assistants draw blood, one reads ECGs (a
  // one-person skill the report shows).
  for (const skill of ['phlebotomy', 'ecg'])
    add(`critical skill ${skill}`, inMonth('02'), 9, (p) =>
      p.resources.requireSkill({ policyId: 'practice', skill, requiredOn: inMonth('02') }, { actor: pm }),
    );
  for (const [person, skill] of [
    [people.ma1, 'phlebotomy'],
    [people.ma2, 'phlebotomy'],
    [people.ma1, 'ecg'],
  ] as const)
    add(`${person.id}: certified in ${skill}`, inMonth('02'), 10, (p) =>
      p.resources.certifySkill(
        { staffId: person.id, skill, level: 'competent', certifiedOn: inMonth('02') },
        { actor: pm },
      ),
    );
  // A rush of flu shots in October, with no October delivery: the vaccine runs out, and the
  // refusal is counted as a stock-out.
  const rush = days.find((d) => d.startsWith(`${year}-10-2`))!;
  add(
    'flu-vax: October rush',
    rush,
    16,
    (p) =>
      p.resources.consumeStock(
        {
          stockId: 'flu-vax-vaccine-fridge',
          consumptionId: 'rush',
          qty: 5000,
          consumedOn: rush,
          purpose: 'procedure',
        },
        { actor: ma },
      ),
    'InsufficientStock',
  );
  return steps;
};

/** ISO weekday (1 = Monday) of a date. */
const DateTimeWeekday = (date: string): number => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};
