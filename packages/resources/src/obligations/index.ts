import {
  obligationKey,
  type DocUpdate,
  type Json,
  type Obligation,
  type Projection,
  type RecordedEvent,
} from '@praxis/core';
import type { ControlledRegisterEvent } from '../controlled-register/index.js';
import type { VendorContractEvent } from '../vendor-contract/index.js';
import type { EquipmentEvent } from '../equipment/index.js';
import type { StockEvent } from '../stock/events.js';
import type { PurchaseOrderEvent } from '../purchase-order/events.js';
import type { StorageUnitEvent } from '../storage-unit/index.js';
import type { TechnologyAssetEvent } from '../technology-asset/index.js';

/** The name of the projection that writes resource obligations (on `practice.calendar()`). */
export const resourcesObligationsName = 'resources-obligations';

type Data<K extends ControlledRegisterEvent['type']> = Extract<ControlledRegisterEvent, { type: K }>['data'];

/** Obligation ids, one function per kind of duty. */
export const resourceObligationIds = {
  deaLoss: (registrationId: string, lossId: string) => `dea-loss:${registrationId}:${lossId}`,
  dea106: (registrationId: string, lossId: string) => `dea-106:${registrationId}:${lossId}`,
  maintenance: (assetId: string, taskId: string, dueOn: string) =>
    `maintenance:${assetId}:${taskId}:${dueOn}`,
  warrantyEnd: (assetId: string) => `warranty-end:${assetId}`,
  lotExpiry: (stockId: string, lotNo: string) => `lot-expiry:${stockId}:${lotNo}`,
  /** One per term: the term is named by its end date. */
  contractNotice: (contractId: string, endsOn: string) => `contract-notice:${contractId}:${endsOn}`,
  /** One at a time per stock: flagged again only once the previous one is met. */
  reorder: (itemId: string, locationId: string) => `reorder:${itemId}:${locationId}`,
  temperatureCheck: (unitId: string, dueOn: string) => `temperature-check:${unitId}:${dueOn}`,
  deaBiennial: (registrationId: string, dueOn: string) => `dea-biennial:${registrationId}:${dueOn}`,
  legacyRetention: (projectId: string) => `legacy-retention:${projectId}`,
  baa: (systemId: string) => `baa:${systemId}`,
  /** A BAA with an end date is renewed before it ends. */
  baaRenewal: (systemId: string, endsOn: string) => `baa:${systemId}:${endsOn}`,
  accessReview: (systemId: string, dueOn: string) => `access-review:${systemId}:${dueOn}`,
  restoreTest: (systemId: string, dueOn: string) => `restore-test:${systemId}:${dueOn}`,
};

const plusDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
type StockData<K extends StockEvent['type']> = Extract<StockEvent, { type: K }>['data'];
/** A lot that reached zero has met its expiry duty (used or disposed of before it expired, or late). */
const lotEmptied = (stockId: string, lotNo: string, left: number, on: string): DocUpdate[] =>
  left === 0 ? [done(resourceObligationIds.lotExpiry(stockId, lotNo), on)] : [];

/** A reorder obligation is met by an approved order line or a receipt of at least the suggested units. */
const reorderCovered = (itemId: string, locationId: string, qty: number, on: string): DocUpdate => ({
  key: obligationKey(resourceObligationIds.reorder(itemId, locationId)),
  update: (cur) => {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return cur;
    const o = cur as Record<string, Json>;
    return o['completedAt'] === undefined && typeof o['suggestedQty'] === 'number' && qty >= o['suggestedQty']
      ? { ...o, completedAt: on }
      : cur;
  },
});

/** The lot-expiry duty of a lot that arrived (received or transferred in); a re-stocked lot opens again. */
const lotExpiry = (
  e: RecordedEvent,
  d: { stockId: string; lotNo: string; itemId: string; locationId: string; expiresOn?: string },
): DocUpdate[] => {
  if (d.expiresOn === undefined) return [];
  const o: Obligation = {
    id: resourceObligationIds.lotExpiry(d.stockId, d.lotNo),
    module: 'resources',
    kind: 'lot-expiry',
    label: `Use or dispose of lot ${d.lotNo} of ${d.itemId} at ${d.locationId} before it expires`,
    streamId: e.streamId,
    arisesAt: plusDays(d.expiresOn, -30),
    dueAt: d.expiresOn,
    impact: 'patient-safety',
  };
  return [
    {
      key: obligationKey(o.id),
      update: (cur) => {
        if (cur === undefined || cur === null || typeof cur !== 'object' || Array.isArray(cur))
          return o as unknown as Json;
        const { completedAt: _reopened, ...open } = cur as Record<string, Json>;
        return open;
      },
    },
  ];
};

type UnitData<K extends StorageUnitEvent['type']> = Extract<StorageUnitEvent, { type: K }>['data'];
const temperatureCheck = (e: RecordedEvent, unitId: string, dueOn: string): Obligation => ({
  id: resourceObligationIds.temperatureCheck(unitId, dueOn),
  module: 'resources',
  kind: 'temperature-check',
  label: `Check and record the min/max temperatures of vaccine storage unit ${unitId}`,
  streamId: e.streamId,
  arisesAt: dueOn,
  dueAt: dueOn,
  legalSource: 'CDC Vaccine Storage and Handling Toolkit; VFC',
  impact: 'patient-safety',
});

type EquipmentData<K extends EquipmentEvent['type']> = Extract<EquipmentEvent, { type: K }>['data'];

/** Where an asset's out-of-service spells are kept (`downtime:<assetId>`): `[{ outOn, returnedOn }]`. */
export const downtimeKey = (assetId: string) => `downtime:${assetId}`;
export interface DowntimeSpell {
  readonly outOn: string;
  readonly returnedOn: string | null;
}

const maintenance = (
  e: RecordedEvent,
  assetId: string,
  taskId: string,
  title: string,
  arisesAt: string,
  dueOn: string,
): Obligation => ({
  id: resourceObligationIds.maintenance(assetId, taskId, dueOn),
  module: 'resources',
  kind: 'maintenance',
  label: `${title} (${assetId})`,
  streamId: e.streamId,
  arisesAt,
  dueAt: dueOn,
  impact: 'patient-safety',
});

type ContractData<K extends VendorContractEvent['type']> = Extract<VendorContractEvent, { type: K }>['data'];

/**
 * Renegotiate before the notice deadline (MODULES.md §3.3 R4, the seed's "favorable contracts"):
 * arises endsOn − noticeDays − 30 days, due endsOn − noticeDays.
 */
const contractNotice = (
  e: RecordedEvent,
  contractId: string,
  endsOn: string,
  noticeDays: number,
): Obligation => ({
  id: resourceObligationIds.contractNotice(contractId, endsOn),
  module: 'resources',
  kind: 'contract-notice',
  label: `Renegotiate or give notice on vendor contract ${contractId} (ends ${endsOn})`,
  streamId: e.streamId,
  arisesAt: plusDays(endsOn, -noticeDays - 30),
  dueAt: plusDays(endsOn, -noticeDays),
  impact: 'financial',
});

type TechData<K extends TechnologyAssetEvent['type']> = Extract<TechnologyAssetEvent, { type: K }>['data'];

/** An ePHI system's recurring access review (45 CFR 164.308(a)(4); (a)(1)(ii)(D) information system activity review). */
const accessReview = (e: RecordedEvent, systemId: string, arisesAt: string, dueOn: string): Obligation => ({
  id: resourceObligationIds.accessReview(systemId, dueOn),
  module: 'resources',
  kind: 'access-review',
  label: `Review who has access to system ${systemId}`,
  streamId: e.streamId,
  arisesAt,
  dueAt: dueOn,
  legalSource: '45 CFR 164.308(a)(4)',
  impact: 'legal',
});
/** An ePHI system's recurring backup restore test (contingency plan testing, 45 CFR 164.308(a)(7)(ii)(D)). */
const restoreTest = (e: RecordedEvent, systemId: string, arisesAt: string, dueOn: string): Obligation => ({
  id: resourceObligationIds.restoreTest(systemId, dueOn),
  module: 'resources',
  kind: 'restore-test',
  label: `Test restoring the backup of system ${systemId}`,
  streamId: e.streamId,
  arisesAt,
  dueAt: dueOn,
  legalSource: '45 CFR 164.308(a)(7)(ii)(D)',
  impact: 'legal',
});
/** An obligation that no longer applies (its cadence changed): removed unless already met. */
const drop = (id: string): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) =>
    cur !== null &&
    typeof cur === 'object' &&
    !Array.isArray(cur) &&
    (cur as Record<string, Json>)['completedAt'] !== undefined
      ? cur
      : undefined,
});

const put = (o: Obligation): DocUpdate => ({
  key: obligationKey(o.id),
  update: (cur) => cur ?? (o as unknown as Json),
});
const done = (id: string, at: string): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) =>
    cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? { ...cur, completedAt: at } : cur,
});

/**
 * Where this read model keeps the practice's business-day calendar (from `Practice-settings`), so
 * the loss notice's fact provider can count business days: a module's fact context cannot load the
 * settings aggregate (reported as a platform gap).
 */
export const businessCalendarKey = 'settings:business-calendar';

/** The calendar as kept under `businessCalendarKey`. */
export interface BusinessCalendarDoc {
  readonly timeZone: string;
  readonly openWeekdays: readonly number[];
  readonly holidays: readonly { readonly on: string; readonly name: string }[];
}

const handlers: Record<string, (e: RecordedEvent) => DocUpdate[]> = {
  PracticeEstablished: (e) => {
    const d = e.data as { timeZone: string };
    return [
      {
        key: businessCalendarKey,
        update: (cur) => ({
          openWeekdays: [1, 2, 3, 4, 5],
          holidays: [],
          ...((cur as object | undefined) ?? {}),
          timeZone: d.timeZone,
        }),
      },
    ];
  },
  BusinessCalendarSet: (e) => {
    const d = e.data as Omit<BusinessCalendarDoc, 'timeZone'>;
    return [
      {
        key: businessCalendarKey,
        update: (cur) => ({
          timeZone: 'UTC',
          ...((cur as object | undefined) ?? {}),
          openWeekdays: [...d.openWeekdays],
          holidays: d.holidays.map((h) => ({ on: h.on, name: h.name })),
        }),
      },
    ];
  },
  ControlledSubstanceLossRecorded: (e) => {
    const d = e.data as Data<'ControlledSubstanceLossRecorded'>;
    if (!d.reportable || d.noticeDueOn === undefined || d.form106DueOn === undefined) return [];
    return [
      put({
        id: resourceObligationIds.deaLoss(d.registrationId, d.lossId),
        module: 'resources',
        kind: 'dea-loss',
        label: `Notify the DEA field office in writing of the controlled-substance ${d.kind} ${d.lossId}`,
        streamId: e.streamId,
        arisesAt: d.discoveredOn,
        dueAt: d.noticeDueOn,
        legalSource: '21 CFR 1301.76(b)',
        impact: 'legal',
      }),
      put({
        id: resourceObligationIds.dea106(d.registrationId, d.lossId),
        module: 'resources',
        kind: 'dea-106',
        label: `File DEA Form 106 for the controlled-substance ${d.kind} ${d.lossId}`,
        streamId: e.streamId,
        arisesAt: d.discoveredOn,
        dueAt: d.form106DueOn,
        legalSource: '21 CFR 1301.76(b); 88 FR 40707 (2023)',
        impact: 'legal',
      }),
    ];
  },
  // Use or dispose of a lot before it expires (OpenEMR's 30-day alert, peer notes A40): arises 30
  // days before expiry, done when the lot is empty. More units of an emptied lot open it again.
  StockReceived: (e) => {
    const d = e.data as StockData<'StockReceived'>;
    return [...lotExpiry(e, d), reorderCovered(d.itemId, d.locationId, d.qty, d.receivedOn)];
  },
  StockTransferredIn: (e) => {
    const d = e.data as StockData<'StockTransferredIn'>;
    return [...lotExpiry(e, d), reorderCovered(d.itemId, d.locationId, d.qty, d.transferredOn)];
  },
  StockTransferredOut: (e) => {
    const d = e.data as StockData<'StockTransferredOut'>;
    return lotEmptied(d.stockId, d.lotNo, d.left, d.transferredOn);
  },
  // Reorder (MODULES.md §3.3): arises when the position reaches the reorder point, due when on-hand
  // units would reach the safety stock at d̄, done when an approved order (or a receipt) covers the
  // suggested quantity (max − position, whole packs).
  ReorderPointReached: (e) => {
    const d = e.data as StockData<'ReorderPointReached'>;
    const o: Obligation & { suggestedQty: number } = {
      id: resourceObligationIds.reorder(d.itemId, d.locationId),
      module: 'resources',
      kind: 'reorder',
      label: `Order ${d.suggestedQty} of ${d.itemId} for ${d.locationId} (position ${d.position} ≤ reorder point ${d.min})`,
      streamId: e.streamId,
      arisesAt: d.flaggedOn,
      dueAt: d.dueOn,
      impact: 'operational',
      suggestedQty: d.suggestedQty,
    };
    // A new flag replaces a met one (one open reorder per stock at a time).
    return [{ key: obligationKey(o.id), update: () => o as unknown as Json }];
  },
  POApproved: (e) => {
    const d = e.data as Extract<PurchaseOrderEvent, { type: 'POApproved' }>['data'];
    return d.lines.map((l) => reorderCovered(l.itemId, d.locationId, l.qty, d.approvedOn));
  },
  StockConsumed: (e) => {
    const d = e.data as StockData<'StockConsumed'>;
    return d.lots.flatMap((l) => lotEmptied(d.stockId, l.lotNo, l.left, d.consumedOn));
  },
  StockAdjusted: (e) => {
    const d = e.data as StockData<'StockAdjusted'>;
    return lotEmptied(d.stockId, d.lotNo, d.left, d.adjustedOn);
  },
  StockDisposed: (e) => {
    const d = e.data as StockData<'StockDisposed'>;
    return lotEmptied(d.stockId, d.lotNo, d.left, d.disposedOn);
  },
  StockCounted: (e) => {
    const d = e.data as StockData<'StockCounted'>;
    return d.variances.flatMap((v) => lotEmptied(d.stockId, v.lotNo, v.counted, d.countedOn));
  },
  EquipmentRegistered: (e) => {
    const d = e.data as EquipmentData<'EquipmentRegistered'>;
    if (d.warrantyUntil === undefined) return [];
    return [
      put({
        id: resourceObligationIds.warrantyEnd(d.assetId),
        module: 'resources',
        kind: 'warranty-end',
        label: `Warranty of ${d.kind} ${d.assetId} ends: service or claim before then`,
        streamId: e.streamId,
        arisesAt: plusDays(d.warrantyUntil, -60),
        dueAt: d.warrantyUntil,
        impact: 'financial',
      }),
    ];
  },
  MaintenancePlanned: (e) => {
    const d = e.data as EquipmentData<'MaintenancePlanned'>;
    return [put(maintenance(e, d.assetId, d.taskId, d.title, d.plannedOn, d.firstDueOn))];
  },
  MaintenancePerformed: (e) => {
    const d = e.data as EquipmentData<'MaintenancePerformed'>;
    if (d.result !== 'pass' || d.nextDueOn === undefined) return [];
    return [
      done(resourceObligationIds.maintenance(d.assetId, d.taskId, d.dueOn), d.performedOn),
      put(maintenance(e, d.assetId, d.taskId, d.title, d.performedOn, d.nextDueOn)),
    ];
  },
  // A disposed asset's open maintenance and warranty duties end with it (removed unless met).
  EquipmentDisposed: (e) => {
    const d = e.data as EquipmentData<'EquipmentDisposed'>;
    return [
      ...d.openTasks.map((t) => drop(resourceObligationIds.maintenance(d.assetId, t.taskId, t.dueOn))),
      drop(resourceObligationIds.warrantyEnd(d.assetId)),
      ...(d.outOn === undefined
        ? []
        : [
            {
              key: downtimeKey(d.assetId),
              update: (cur: Json | undefined) =>
                ((cur as DowntimeSpell[] | undefined) ?? []).map((x) =>
                  x.returnedOn === null ? { ...x, returnedOn: d.disposedOn } : x,
                ) as unknown as Json,
            },
          ]),
    ];
  },
  // Vaccine storage: a check each business day (CDC: at the start of each workday [IMMUNIZE]).
  StorageUnitRegistered: (e) => {
    const d = e.data as UnitData<'StorageUnitRegistered'>;
    return d.firstCheckDueOn === undefined ? [] : [put(temperatureCheck(e, d.unitId, d.firstCheckDueOn))];
  },
  TemperatureChecked: (e) => {
    const d = e.data as UnitData<'TemperatureChecked'>;
    if (d.dueOn === undefined || d.nextDueOn === undefined) return [];
    return [
      done(resourceObligationIds.temperatureCheck(d.unitId, d.dueOn), d.checkedOn),
      put(temperatureCheck(e, d.unitId, d.nextDueOn)),
    ];
  },
  EquipmentOutOfService: (e) => {
    const d = e.data as EquipmentData<'EquipmentOutOfService'>;
    return [
      {
        key: downtimeKey(d.assetId),
        update: (cur) =>
          [
            ...((cur as DowntimeSpell[] | undefined) ?? []),
            { outOn: d.outOn, returnedOn: null },
          ] as unknown as Json,
      },
    ];
  },
  EquipmentReturnedToService: (e) => {
    const d = e.data as EquipmentData<'EquipmentReturnedToService'>;
    return [
      {
        key: downtimeKey(d.assetId),
        update: (cur) =>
          ((cur as DowntimeSpell[] | undefined) ?? []).map((x) =>
            x.returnedOn === null ? { ...x, returnedOn: d.returnedOn } : x,
          ) as unknown as Json,
      },
    ];
  },
  VendorContractRegistered: (e) => {
    const d = e.data as ContractData<'VendorContractRegistered'>;
    return [put(contractNotice(e, d.contractId, d.endsOn, d.noticeDays))];
  },
  VendorContractRenewed: (e) => {
    const d = e.data as ContractData<'VendorContractRenewed'>;
    return [
      done(resourceObligationIds.contractNotice(d.contractId, d.previousEndsOn), d.renewedOn),
      put(contractNotice(e, d.contractId, d.endsOn, d.noticeDays)),
    ];
  },
  VendorContractTerminated: (e) => {
    const d = e.data as ContractData<'VendorContractTerminated'>;
    return [done(resourceObligationIds.contractNotice(d.contractId, d.endsOn), d.terminatedOn)];
  },
  // R8: an ePHI system needs a BAA from registration on (overdue until recorded, with the
  // return-or-destroy clause 164.504(e)(2)(ii)(J)), and recurring access reviews and restore tests.
  SystemRegistered: (e) => {
    const d = e.data as TechData<'SystemRegistered'>;
    if (!d.ePhi) return [];
    return [
      put({
        id: resourceObligationIds.baa(d.systemId),
        module: 'resources',
        kind: 'baa',
        label: `Sign a business associate agreement (with the return-or-destroy clause) with ${d.vendorId} for system ${d.systemId}`,
        streamId: e.streamId,
        arisesAt: d.registeredOn,
        dueAt: d.registeredOn,
        legalSource: '45 CFR 164.308(b)(1); 164.502(e); 164.504(e)',
        impact: 'legal',
      }),
      ...(d.accessReviewDueOn === undefined
        ? []
        : [put(accessReview(e, d.systemId, d.registeredOn, d.accessReviewDueOn))]),
      ...(d.restoreTestDueOn === undefined
        ? []
        : [put(restoreTest(e, d.systemId, d.registeredOn, d.restoreTestDueOn))]),
    ];
  },
  ReviewCadenceSet: (e) => {
    const d = e.data as TechData<'ReviewCadenceSet'>;
    const out: DocUpdate[] = [];
    if (d.previousAccessReviewDueOn !== undefined && d.accessReviewDueOn !== undefined)
      out.push(
        drop(resourceObligationIds.accessReview(d.systemId, d.previousAccessReviewDueOn)),
        put(accessReview(e, d.systemId, d.setOn, d.accessReviewDueOn)),
      );
    if (d.previousRestoreTestDueOn !== undefined && d.restoreTestDueOn !== undefined)
      out.push(
        drop(resourceObligationIds.restoreTest(d.systemId, d.previousRestoreTestDueOn)),
        put(restoreTest(e, d.systemId, d.setOn, d.restoreTestDueOn)),
      );
    return out;
  },
  BusinessAssociateAgreementRecorded: (e) => {
    const d = e.data as TechData<'BusinessAssociateAgreementRecorded'>;
    return [
      ...(d.returnOrDestroyClause ? [done(resourceObligationIds.baa(d.systemId), d.signedOn)] : []),
      // Renewal: the previous term's duty is met by this agreement; a term opens the next one.
      ...(d.previousEndsOn === undefined
        ? []
        : [done(resourceObligationIds.baaRenewal(d.systemId, d.previousEndsOn), d.signedOn)]),
      ...(d.endsOn === undefined
        ? []
        : [
            put({
              id: resourceObligationIds.baaRenewal(d.systemId, d.endsOn),
              module: 'resources',
              kind: 'baa',
              label: `Renew the business associate agreement with ${d.vendorId} for system ${d.systemId} (ends ${d.endsOn})`,
              streamId: e.streamId,
              arisesAt: plusDays(d.endsOn, -60),
              dueAt: d.endsOn,
              legalSource: '45 CFR 164.308(b)(1); 164.502(e)',
              impact: 'legal',
            }),
          ]),
    ];
  },
  AccessReviewRecorded: (e) => {
    const d = e.data as TechData<'AccessReviewRecorded'>;
    if (d.dueOn === undefined || d.nextDueOn === undefined) return [];
    return [
      done(resourceObligationIds.accessReview(d.systemId, d.dueOn), d.reviewedOn),
      put(accessReview(e, d.systemId, d.reviewedOn, d.nextDueOn)),
    ];
  },
  RestoreTestRecorded: (e) => {
    const d = e.data as TechData<'RestoreTestRecorded'>;
    if (d.dueOn === undefined || d.nextDueOn === undefined) return [];
    return [
      done(resourceObligationIds.restoreTest(d.systemId, d.dueOn), d.testedOn),
      put(restoreTest(e, d.systemId, d.testedOn, d.nextDueOn)),
    ];
  },
  // A retired system's recurring duties end (removed unless met); an unmet BAA duty stays on record.
  SystemRetired: (e) => {
    const d = e.data as TechData<'SystemRetired'>;
    return [
      ...(d.accessReviewDueOn === undefined
        ? []
        : [drop(resourceObligationIds.accessReview(d.systemId, d.accessReviewDueOn))]),
      ...(d.restoreTestDueOn === undefined
        ? []
        : [drop(resourceObligationIds.restoreTest(d.systemId, d.restoreTestDueOn))]),
    ];
  },
  // The biennial DEA inventory: due two years after the previous (21 CFR 1304.11(c)), on the
  // calendar from 90 days before; met by the next inventory.
  ControlledInventoryTaken: (e) => {
    const d = e.data as Data<'ControlledInventoryTaken'>;
    return [
      ...(d.previousDueOn === undefined
        ? []
        : [done(resourceObligationIds.deaBiennial(d.registrationId, d.previousDueOn), d.takenOn)]),
      put({
        id: resourceObligationIds.deaBiennial(d.registrationId, d.nextDueOn),
        module: 'resources',
        kind: 'dea-biennial',
        label: `Take the biennial inventory of controlled substances at ${d.registrationId}`,
        streamId: e.streamId,
        arisesAt: plusDays(d.nextDueOn, -90),
        dueAt: d.nextDueOn,
        legalSource: '21 CFR 1304.11(c)',
        impact: 'legal',
      }),
    ];
  },
  // R9: the archived legacy data are kept to the end of retention, then destroyed (or kept longer).
  LegacyArchived: (e) => {
    const d = e.data as { projectId: string; retainUntil: string; fromSystemId?: string };
    return [
      put({
        id: resourceObligationIds.legacyRetention(d.projectId),
        module: 'resources',
        kind: 'legacy-retention',
        label: `Retention of the legacy data of project ${d.projectId}${d.fromSystemId === undefined ? '' : ` (${d.fromSystemId})`} ends: destroy them (sanitise the media) or extend`,
        streamId: e.streamId,
        arisesAt: plusDays(d.retainUntil, -90),
        dueAt: d.retainUntil,
        legalSource: '45 CFR 164.316(b)(2); 164.310(d)(2)(i)',
        impact: 'legal',
      }),
    ];
  },
  DeaLossNoticeSent: (e) => {
    const d = e.data as Data<'DeaLossNoticeSent'>;
    return [done(resourceObligationIds.deaLoss(d.registrationId, d.lossId), d.notifiedOn)];
  },
  DeaForm106Filed: (e) => {
    const d = e.data as Data<'DeaForm106Filed'>;
    return [done(resourceObligationIds.dea106(d.registrationId, d.lossId), d.filedOn)];
  },
};

/**
 * The `resources-obligations` read model: the DEA theft-or-loss clocks — written notice within one
 * business day of discovery, Form 106 within 45 days (21 CFR 1301.76(b)).
 */
export const resourcesObligations: Projection = {
  name: resourcesObligationsName,
  version: 1,
  eventTypes: Object.keys(handlers),
  handle: (e) => handlers[e.type]?.(e) ?? [],
};
