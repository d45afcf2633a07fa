import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  NonEmptyString,
  PositiveInt,
  reject,
  struct,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';

/** Calendar days to file DEA Form 106 after discovery (21 CFR 1301.76(b), 88 FR 40707, 2023). */
export const form106Days = 45;

const LossKind = t.keyof({ theft: null, loss: null });
const LossItem = t.type({ itemId: NonEmptyString, qty: PositiveInt });

/** Every event of a ControlledSubstanceRegister (MODULES.md §3.3 R6). */
export const events = defineEvents({
  /**
   * A theft or loss of controlled substances was discovered. When reportable (a theft, or a
   * significant loss) the two DEA clocks run: written notice to the field office by `noticeDueOn`
   * (one business day), DEA Form 106 by `form106DueOn` (45 days).
   */
  ControlledSubstanceLossRecorded: struct(
    {
      registrationId: NonEmptyString,
      lossId: NonEmptyString,
      kind: LossKind,
      discoveredOn: ISODate,
      items: t.readonlyArray(LossItem),
      significant: t.boolean,
      reportable: t.boolean,
      recordedBy: NonEmptyString,
    },
    { noticeDueOn: ISODate, form106DueOn: ISODate },
  ),
  /** The DEA field office was notified in writing. */
  DeaLossNoticeSent: t.type({ registrationId: NonEmptyString, lossId: NonEmptyString, notifiedOn: ISODate }),
  /** DEA Form 106 was filed. */
  DeaForm106Filed: t.type({ registrationId: NonEmptyString, lossId: NonEmptyString, filedOn: ISODate }),
});
export type ControlledRegisterEvent = EventOf<typeof events>;

/** Every command of a ControlledSubstanceRegister, as exact codecs. */
export const commands = defineCommands('registrationId', {
  /**
   * Record a theft or loss on its discovery day. `significant` is the practice's judgement of a
   * loss (21 CFR 1301.76(b) lists the factors); a theft is always reportable. The notice due date
   * is one business day after discovery on the practice's business calendar (a fact).
   */
  RecordTheftOrLoss: command(
    {
      registrationId: NonEmptyString,
      lossId: NonEmptyString,
      kind: LossKind,
      discoveredOn: ISODate,
      items: t.readonlyArray(LossItem),
      significant: t.boolean,
    },
    {},
    { businessTime: 'discoveredOn', stamps: { recordedBy: 'actor' }, facts: { noticeDueOn: ISODate } },
  ),
  RecordDeaNotice: command(
    { lossId: NonEmptyString, notifiedOn: ISODate },
    {},
    { businessTime: 'notifiedOn' },
  ),
  FileDeaForm106: command({ lossId: NonEmptyString, filedOn: ISODate }, {}, { businessTime: 'filedOn' }),
});
export type ControlledRegisterCommand = CommandOf<typeof commands>;

export const refusals = defineRefusals({
  LossAlreadyRecorded: 'conflict',
  LossNotFound: 'not-found',
  LossNotReportable: 'rule',
  NoItems: 'invalid',
  AlreadyNotified: 'conflict',
  AlreadyFiled: 'conflict',
  BeforeDiscovery: 'rule',
});
export type ControlledRegisterRefusal = keyof typeof refusals;

interface Loss {
  readonly discoveredOn: string;
  readonly reportable: boolean;
  readonly notifiedOn?: string;
  readonly filedOn?: string;
}
/** A register (one per DEA registration, i.e. per location) as its events left it. */
export interface ControlledRegister {
  readonly registrationId: string;
  readonly losses: Readonly<Record<string, Loss>>;
}
export const initialState: ControlledRegister = { registrationId: '', losses: {} };

const patch = (s: ControlledRegister, id: string, p: Partial<Loss>): ControlledRegister => {
  const l = s.losses[id];
  return l === undefined ? s : { ...s, losses: { ...s.losses, [id]: { ...l, ...p } } };
};
export const evolve = (s: ControlledRegister, e: ControlledRegisterEvent): ControlledRegister => {
  switch (e.type) {
    case 'ControlledSubstanceLossRecorded':
      return {
        registrationId: e.data.registrationId,
        losses: {
          ...s.losses,
          [e.data.lossId]: { discoveredOn: e.data.discoveredOn, reportable: e.data.reportable },
        },
      };
    case 'DeaLossNoticeSent':
      return patch(s, e.data.lossId, { notifiedOn: e.data.notifiedOn });
    case 'DeaForm106Filed':
      return patch(s, e.data.lossId, { filedOn: e.data.filedOn });
  }
};

const plusDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type D = Decision<ControlledRegisterEvent>;

/** Decides a ControlledSubstanceRegister command. Pure. Rules: 21 CFR 1301.76(b). */
export const decide = (c: ControlledRegisterCommand, s: ControlledRegister): D => {
  if (c.type === 'RecordTheftOrLoss') {
    if (s.losses[c.lossId] !== undefined)
      return reject('LossAlreadyRecorded', `loss ${c.lossId} is recorded`, 'lossId');
    if (c.items.length === 0) return reject('NoItems', 'name what was stolen or lost', 'items');
    const reportable = c.kind === 'theft' || c.significant;
    return accept(
      events.make('ControlledSubstanceLossRecorded', {
        registrationId: c.registrationId,
        lossId: c.lossId,
        kind: c.kind,
        discoveredOn: c.discoveredOn,
        items: c.items,
        significant: reportable,
        reportable,
        recordedBy: c.recordedBy,
        ...(reportable
          ? { noticeDueOn: c.noticeDueOn, form106DueOn: plusDays(c.discoveredOn, form106Days) }
          : {}),
      }),
    );
  }
  const loss = s.losses[c.lossId];
  if (loss === undefined) return reject('LossNotFound', `no loss ${c.lossId}`, 'lossId');
  if (!loss.reportable)
    return reject('LossNotReportable', 'an insignificant loss is recorded, not reported', 'lossId');
  if (c.type === 'RecordDeaNotice')
    return loss.notifiedOn !== undefined
      ? reject('AlreadyNotified', `notified on ${loss.notifiedOn}`, 'lossId')
      : c.notifiedOn < loss.discoveredOn
        ? reject('BeforeDiscovery', `discovered on ${loss.discoveredOn}`, 'notifiedOn')
        : accept(
            events.make('DeaLossNoticeSent', {
              registrationId: s.registrationId,
              lossId: c.lossId,
              notifiedOn: c.notifiedOn,
            }),
          );
  return loss.filedOn !== undefined
    ? reject('AlreadyFiled', `filed on ${loss.filedOn}`, 'lossId')
    : c.filedOn < loss.discoveredOn
      ? reject('BeforeDiscovery', `discovered on ${loss.discoveredOn}`, 'filedOn')
      : accept(
          events.make('DeaForm106Filed', {
            registrationId: s.registrationId,
            lossId: c.lossId,
            filedOn: c.filedOn,
          }),
        );
};

/**
 * The ControlledSubstanceRegister aggregate (MODULES.md §3.3 R6): thefts and losses of controlled
 * substances under one DEA registration — one per location where they are stored (21 CFR 1301.12),
 * so `registrationId` is the stock's `locationId`. Streams `ControlledSubstanceRegister-<id>`.
 */
export const decider: Decider<
  ControlledRegisterCommand,
  ControlledRegisterEvent,
  ControlledRegister,
  ControlledRegisterRefusal
> = {
  name: 'ControlledSubstanceRegister',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
