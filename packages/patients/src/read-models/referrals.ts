import type { Json, Projection, ReadModelReader, RecordedEvent } from '@praxis/core';
import { events as referralEvents, type ReferralEvent } from '../referral/index.js';

/** Name of the referrals read model. */
export const referralsName = 'patients-referrals';
const key = (id: string) => `referral:${id}`;

/** One referral's dates (no reason: that stays sealed in the log). Keyed `referral:<referralId>`. */
export interface ReferralView {
  readonly referralId: string;
  readonly patientId: string;
  readonly direction: 'outgoing' | 'incoming';
  readonly urgency: 'routine' | 'urgent';
  readonly inNetwork: boolean;
  /** createdOn (outgoing) or receivedOn (incoming). */
  readonly openedOn: string;
  readonly sentOn?: string;
  readonly appointmentOn?: string;
  readonly seenOn?: string;
  readonly reportReceivedOn?: string;
  readonly reportSentOn?: string;
  readonly closedOn?: string;
  readonly outcome?: string;
}

const change = (ev: ReferralEvent): ((cur: ReferralView | undefined) => ReferralView | undefined) => {
  switch (ev.type) {
    case 'ReferralCreated':
      return () => ({
        referralId: ev.data.referralId,
        patientId: ev.data.patientId,
        direction: 'outgoing',
        urgency: ev.data.urgency,
        inNetwork: ev.data.to.inNetwork,
        openedOn: ev.data.createdOn,
      });
    case 'ReferralReceived':
      return () => ({
        referralId: ev.data.referralId,
        patientId: ev.data.patientId,
        direction: 'incoming',
        urgency: ev.data.urgency,
        inNetwork: ev.data.from.inNetwork,
        openedOn: ev.data.receivedOn,
      });
    case 'ReferralSent':
      return (c) => c && { ...c, sentOn: ev.data.sentOn };
    case 'ReferralScheduled':
      return (c) => c && { ...c, appointmentOn: ev.data.appointmentOn };
    case 'ReferralSeen':
      return (c) => c && { ...c, seenOn: ev.data.seenOn };
    case 'ConsultReportReceived':
      return (c) => c && { ...c, reportReceivedOn: ev.data.receivedOn };
    case 'ConsultReportSent':
      return (c) => c && { ...c, reportSentOn: ev.data.sentOn };
    case 'ReferralClosed':
      return (c) => c && { ...c, closedOn: ev.data.closedOn, outcome: ev.data.outcome };
  }
};

/** The `patients-referrals` read model. */
export const referralsProjection: Projection = {
  name: referralsName,
  version: 1,
  eventTypes: referralEvents.types,
  handle: (e: RecordedEvent) => {
    const ev = e as unknown as ReferralEvent;
    const apply = change(ev);
    return [
      {
        key: key(ev.data.referralId),
        update: (cur) => apply(cur as unknown as ReferralView | undefined) as unknown as Json | undefined,
      },
    ];
  },
};

/** Every referral, by id. */
export const listReferrals = async (reader: ReadModelReader): Promise<ReferralView[]> => {
  const out: ReferralView[] = [];
  for await (const [, doc] of reader.list(referralsName, 'referral:'))
    out.push(doc as unknown as ReferralView);
  return out;
};
