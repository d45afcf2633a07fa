import type { DocUpdate, Json, Projection } from '@praxis/core';
import type { BusinessAssociateEvent } from './events.js';
import { inEffectOn, type Agreement } from './index.js';

/** Name of the business-associate register read model. */
export const businessAssociatesName = 'compliance-business-associates';

/** One business associate in the register (`associate:<associateId>`). */
export interface AssociateDoc {
  readonly associateId: string;
  readonly name: string;
  readonly services: string;
  readonly holdsPhi: boolean;
  readonly registeredOn: string;
  readonly systemIds: readonly string[];
  readonly agreements: readonly (Agreement & { readonly documentRef: string })[];
  readonly terminatedOn?: string;
  readonly phiDisposition?: string;
}

type Data<K extends BusinessAssociateEvent['type']> = Extract<BusinessAssociateEvent, { type: K }>['data'];
const key = (associateId: string) => `associate:${associateId}`;
const edit = (associateId: string, f: (d: AssociateDoc) => AssociateDoc): DocUpdate => ({
  key: key(associateId),
  update: (cur) => (cur === undefined ? undefined : (f(cur as unknown as AssociateDoc) as unknown as Json)),
});

/**
 * `compliance-business-associates`: the register, one document per vendor with every
 * agreement it signed (`associate:<associateId>`), for the KPIs and for an auditor's list.
 */
export const businessAssociatesProjection: Projection = {
  name: businessAssociatesName,
  version: 1,
  eventTypes: [
    'BusinessAssociateRegistered',
    'BusinessAssociateAgreementSigned',
    'BusinessAssociateTerminated',
  ],
  handle: (e) => {
    switch (e.type as BusinessAssociateEvent['type']) {
      case 'BusinessAssociateRegistered': {
        const d = e.data as Data<'BusinessAssociateRegistered'>;
        const doc: AssociateDoc = {
          associateId: d.associateId,
          name: d.name,
          services: d.services,
          holdsPhi: d.holdsPhi,
          registeredOn: d.registeredOn,
          systemIds: d.systemIds ?? [],
          agreements: [],
        };
        return [{ key: key(d.associateId), update: () => doc as unknown as Json }];
      }
      case 'BusinessAssociateAgreementSigned': {
        const d = e.data as Data<'BusinessAssociateAgreementSigned'>;
        return [
          edit(d.associateId, (a) => ({
            ...a,
            agreements: [
              ...a.agreements,
              {
                agreementId: d.agreementId,
                signedOn: d.signedOn,
                effectiveOn: d.effectiveOn,
                documentRef: d.documentRef,
                ...(d.expiresOn === undefined ? {} : { expiresOn: d.expiresOn }),
              },
            ],
          })),
        ];
      }
      case 'BusinessAssociateTerminated': {
        const d = e.data as Data<'BusinessAssociateTerminated'>;
        return [
          edit(d.associateId, (a) => ({
            ...a,
            terminatedOn: d.terminatedOn,
            phiDisposition: d.phiDisposition,
          })),
        ];
      }
      default:
        return [];
    }
  },
};

/**
 * Whether a business associate held the practice's PHI on `day` without an agreement in
 * effect: registered by then as holding PHI, not terminated by then, and no agreement signed,
 * effective and unexpired that day (45 CFR 164.502(e)(1)).
 */
export const uncoveredOn = (a: AssociateDoc, day: string): boolean =>
  a.holdsPhi &&
  a.registeredOn <= day &&
  (a.terminatedOn === undefined || a.terminatedOn > day) &&
  !a.agreements.some((x) => inEffectOn(x, day));
