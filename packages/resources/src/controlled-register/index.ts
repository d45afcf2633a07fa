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

/** Years between DEA inventories: "at least every two years" (21 CFR 1304.11(c)). */
export const biennialYears = 2;

/** One lot of a controlled substance on hand at the registered location (a fact, frozen in the event). */
export const InventoryLine = t.type({
  itemId: NonEmptyString,
  lotNo: NonEmptyString,
  qty: t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'NonNegativeInt'),
  schedule: NonEmptyString,
});
export type InventoryLine = t.TypeOf<typeof InventoryLine>;
const InventoryKind = t.keyof({ initial: null, biennial: null });
/** Whether the count was taken at the opening or the close of business (21 CFR 1304.11(a)). */
const InventoryTiming = t.keyof({ opening: null, closing: null });

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
  /**
   * An inventory of every controlled substance on hand (21 CFR 1304.11): `lines` from the stock,
   * the next biennial due `nextDueOn` (two years on); `previousDueOn` the one it answers.
   */
  ControlledInventoryTaken: struct(
    {
      registrationId: NonEmptyString,
      inventoryId: NonEmptyString,
      kind: InventoryKind,
      takenOn: ISODate,
      timing: InventoryTiming,
      takenBy: NonEmptyString,
      lines: t.readonlyArray(InventoryLine),
      nextDueOn: ISODate,
    },
    { previousDueOn: ISODate },
  ),
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
  /**
   * Take the initial (first day of activity) or biennial inventory (21 CFR 1304.11(b)–(c)); the
   * lines are the controlled lots on hand at the registered location (a fact from the stock).
   */
  TakeInventory: command(
    {
      registrationId: NonEmptyString,
      inventoryId: NonEmptyString,
      kind: InventoryKind,
      takenOn: ISODate,
      timing: InventoryTiming,
    },
    {},
    {
      businessTime: 'takenOn',
      stamps: { takenBy: 'actor' },
      facts: { lines: t.readonlyArray(InventoryLine) },
    },
  ),
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
  InventoryAlreadyRecorded: 'conflict',
  InitialInventoryRequired: 'rule',
  InitialAlreadyTaken: 'conflict',
  BeforePreviousInventory: 'rule',
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
  /** Inventories taken, by id. */
  readonly inventories?: Readonly<Record<string, string>>;
  readonly lastInventoryOn?: string;
  readonly nextInventoryDueOn?: string;
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
    case 'ControlledInventoryTaken':
      return {
        ...s,
        registrationId: e.data.registrationId,
        inventories: { ...s.inventories, [e.data.inventoryId]: e.data.takenOn },
        lastInventoryOn: e.data.takenOn,
        nextInventoryDueOn: e.data.nextDueOn,
      };
  }
};

const plusDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type D = Decision<ControlledRegisterEvent>;

const plusYears = (date: string, n: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (y + n > 9999) return '9999-12-31';
  const last = new Date(Date.UTC(y + n, m, 0)).getUTCDate();
  return `${String(y + n).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/**
 * An inventory: the initial one once, before any biennial (`InitialAlreadyTaken`,
 * `InitialInventoryRequired`), never dated before the previous (`BeforePreviousInventory`); the next
 * falls due two years after it (21 CFR 1304.11(b)–(c)).
 */
const takeInventory = (
  c: Extract<ControlledRegisterCommand, { type: 'TakeInventory' }>,
  s: ControlledRegister,
): D => {
  if (s.inventories?.[c.inventoryId] !== undefined)
    return reject('InventoryAlreadyRecorded', `inventory ${c.inventoryId} is recorded`, 'inventoryId');
  if (c.kind === 'initial' && s.lastInventoryOn !== undefined)
    return reject('InitialAlreadyTaken', `the initial inventory was taken; the next is biennial`, 'kind');
  if (c.kind === 'biennial' && s.lastInventoryOn === undefined)
    return reject('InitialInventoryRequired', 'take the initial inventory first', 'kind');
  if (s.lastInventoryOn !== undefined && c.takenOn < s.lastInventoryOn)
    return reject(
      'BeforePreviousInventory',
      `the previous inventory was taken on ${s.lastInventoryOn}`,
      'takenOn',
    );
  return accept(
    events.make('ControlledInventoryTaken', {
      registrationId: c.registrationId,
      inventoryId: c.inventoryId,
      kind: c.kind,
      takenOn: c.takenOn,
      timing: c.timing,
      takenBy: c.takenBy,
      lines: c.lines,
      nextDueOn: plusYears(c.takenOn, biennialYears),
      ...(s.nextInventoryDueOn === undefined ? {} : { previousDueOn: s.nextInventoryDueOn }),
    }),
  );
};

/** Decides a ControlledSubstanceRegister command. Pure. Rules: 21 CFR 1301.76(b), 1304.11. */
export const decide = (c: ControlledRegisterCommand, s: ControlledRegister): D => {
  if (c.type === 'TakeInventory') return takeInventory(c, s);
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
  // 2: inventories
  stateVersion: 2,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
