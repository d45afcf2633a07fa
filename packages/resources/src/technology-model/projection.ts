import type { DocUpdate, Json, Projection, RecordedEvent } from '@praxis/core';
import type { TechnologyAssetEvent } from '../technology-asset/index.js';

/** The name of the technology read model. */
export const resourcesTechnologyName = 'resources-technology';

/** One spell of downtime (instants) and whether it was planned. */
export interface DowntimeDoc {
  readonly fromAt: string;
  readonly toAt: string;
  readonly minutes: number;
  readonly planned: boolean;
}

/** One system (`system:<systemId>`), as the KPIs and the report read it. */
export interface SystemDoc {
  readonly systemId: string;
  readonly name: string;
  readonly vendorId: string;
  readonly category: string;
  readonly ePhi: boolean;
  readonly criticality: string;
  readonly registeredOn: string;
  readonly retiredOn: string | null;
  /** Every BAA recorded, oldest first. */
  readonly baas: readonly { readonly signedOn: string; readonly returnOrDestroyClause: boolean }[];
  readonly downtime: readonly DowntimeDoc[];
  readonly restoreTests: readonly {
    readonly testedOn: string;
    readonly result: string;
    readonly restoreMinutes: number;
  }[];
  readonly accessReviews: readonly { readonly reviewedOn: string; readonly usersRemoved: number }[];
}

/** The key of a system's document. */
export const systemKey = (systemId: string) => `system:${systemId}`;

type Data<K extends TechnologyAssetEvent['type']> = Extract<TechnologyAssetEvent, { type: K }>['data'];

const patch = (systemId: string, f: (d: SystemDoc) => SystemDoc): DocUpdate => ({
  key: systemKey(systemId),
  update: (cur) => (cur === undefined ? cur : (f(cur as unknown as SystemDoc) as unknown as Json)),
});

const handlers: Record<string, (e: RecordedEvent) => DocUpdate[]> = {
  SystemRegistered: (e) => {
    const d = e.data as Data<'SystemRegistered'>;
    const doc: SystemDoc = {
      systemId: d.systemId,
      name: d.name,
      vendorId: d.vendorId,
      category: d.category,
      ePhi: d.ePhi,
      criticality: d.criticality,
      registeredOn: d.registeredOn,
      retiredOn: null,
      baas: [],
      downtime: [],
      restoreTests: [],
      accessReviews: [],
    };
    return [{ key: systemKey(d.systemId), update: () => doc as unknown as Json }];
  },
  BusinessAssociateAgreementRecorded: (e) => {
    const d = e.data as Data<'BusinessAssociateAgreementRecorded'>;
    return [
      patch(d.systemId, (s) => ({
        ...s,
        baas: [...s.baas, { signedOn: d.signedOn, returnOrDestroyClause: d.returnOrDestroyClause }],
      })),
    ];
  },
  AccessReviewRecorded: (e) => {
    const d = e.data as Data<'AccessReviewRecorded'>;
    return [
      patch(d.systemId, (s) => ({
        ...s,
        accessReviews: [...s.accessReviews, { reviewedOn: d.reviewedOn, usersRemoved: d.usersRemoved }],
      })),
    ];
  },
  RestoreTestRecorded: (e) => {
    const d = e.data as Data<'RestoreTestRecorded'>;
    return [
      patch(d.systemId, (s) => ({
        ...s,
        restoreTests: [
          ...s.restoreTests,
          { testedOn: d.testedOn, result: d.result, restoreMinutes: d.restoreMinutes },
        ],
      })),
    ];
  },
  SystemDowntimeRecorded: (e) => {
    const d = e.data as Data<'SystemDowntimeRecorded'>;
    return [
      patch(d.systemId, (s) => ({
        ...s,
        downtime: [...s.downtime, { fromAt: d.fromAt, toAt: d.toAt, minutes: d.minutes, planned: d.planned }],
      })),
    ];
  },
  SystemRetired: (e) => {
    const d = e.data as Data<'SystemRetired'>;
    return [patch(d.systemId, (s) => ({ ...s, retiredOn: d.retiredOn }))];
  },
};

/**
 * The `resources-technology` read model: one document per system with its BAAs, access reviews,
 * restore tests and downtime — for BAA coverage and system availability as of any period.
 */
export const resourcesTechnology: Projection = {
  name: resourcesTechnologyName,
  version: 1,
  eventTypes: Object.keys(handlers),
  handle: (e) => handlers[e.type]?.(e) ?? [],
};

/** Whether a system is in service on `date` (registered by then, not yet retired). */
export const inServiceOn = (s: SystemDoc, date: string): boolean =>
  s.registeredOn <= date && (s.retiredOn === null || s.retiredOn > date);

/** Whether an ePHI system has a BAA signed on or before `date` with the return-or-destroy clause. */
export const hasBaaOn = (s: SystemDoc, date: string): boolean =>
  s.baas.some((b) => b.signedOn <= date && b.returnOrDestroyClause);
