import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  NonNegativeInt,
  reject,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';

/** A contracted price for one item (cents per unit). */
export const ContractItem = t.type({ itemId: NonEmptyString, priceCents: NonNegativeCents });

/** Every event of a VendorContract (MODULES.md §3.3 R4). */
export const events = defineEvents({
  VendorContractRegistered: t.type({
    contractId: NonEmptyString,
    vendorId: NonEmptyString,
    items: t.readonlyArray(ContractItem),
    startsOn: ISODate,
    endsOn: ISODate,
    autoRenew: t.boolean,
    /** Days before `endsOn` by which notice of non-renewal must be given. */
    noticeDays: NonNegativeInt,
    registeredOn: ISODate,
  }),
  /** The contract runs to a new end date (a new term). */
  VendorContractRenewed: t.type({
    contractId: NonEmptyString,
    renewedOn: ISODate,
    previousEndsOn: ISODate,
    endsOn: ISODate,
    noticeDays: NonNegativeInt,
  }),
  VendorContractTerminated: t.type({
    contractId: NonEmptyString,
    terminatedOn: ISODate,
    endsOn: ISODate,
    reason: NonEmptyString,
  }),
});
export type VendorContractEvent = EventOf<typeof events>;

/** Every command of a VendorContract, as exact codecs. */
export const commands = defineCommands('contractId', {
  RegisterContract: command(
    {
      contractId: NonEmptyString,
      vendorId: NonEmptyString,
      items: t.readonlyArray(ContractItem),
      startsOn: ISODate,
      endsOn: ISODate,
      autoRenew: t.boolean,
      noticeDays: NonNegativeInt,
      registeredOn: ISODate,
    },
    {},
    { businessTime: 'registeredOn' },
  ),
  /** Extend the contract to `endsOn` (later than the current end). */
  RenewContract: command({ renewedOn: ISODate, endsOn: ISODate }, {}, { businessTime: 'renewedOn' }),
  TerminateContract: command(
    { terminatedOn: ISODate, reason: NonEmptyString },
    {},
    { businessTime: 'terminatedOn' },
  ),
});
export type VendorContractCommand = CommandOf<typeof commands>;

export const refusals = defineRefusals({
  ContractAlreadyRegistered: 'conflict',
  ContractNotFound: 'not-found',
  ContractTerminated: 'conflict',
  EndsBeforeStart: 'invalid',
  RenewalNotLater: 'rule',
  DuplicateLine: 'invalid',
});
export type VendorContractRefusal = keyof typeof refusals;

/** A contract as its events left it. */
export interface VendorContract {
  readonly status: 'none' | 'active' | 'terminated';
  readonly contractId: string;
  readonly endsOn: string;
  readonly noticeDays: number;
}
export const initialState: VendorContract = { status: 'none', contractId: '', endsOn: '', noticeDays: 0 };

export const evolve = (s: VendorContract, e: VendorContractEvent): VendorContract => {
  switch (e.type) {
    case 'VendorContractRegistered':
      return {
        status: 'active',
        contractId: e.data.contractId,
        endsOn: e.data.endsOn,
        noticeDays: e.data.noticeDays,
      };
    case 'VendorContractRenewed':
      return { ...s, endsOn: e.data.endsOn };
    case 'VendorContractTerminated':
      return { ...s, status: 'terminated' };
  }
};

type D = Decision<VendorContractEvent>;

/** Decides a VendorContract command. Pure. */
export const decide = (c: VendorContractCommand, s: VendorContract): D => {
  if (c.type === 'RegisterContract') {
    if (s.status !== 'none')
      return reject('ContractAlreadyRegistered', `contract ${c.contractId} exists`, 'contractId');
    if (c.endsOn <= c.startsOn)
      return reject('EndsBeforeStart', 'the contract must end after it starts', 'endsOn');
    const seen = new Set<string>();
    for (const [i, item] of c.items.entries()) {
      if (seen.has(item.itemId))
        return reject('DuplicateLine', `${item.itemId} is listed twice`, `items.${i}.itemId`);
      seen.add(item.itemId);
    }
    return accept(
      events.make('VendorContractRegistered', {
        contractId: c.contractId,
        vendorId: c.vendorId,
        items: c.items,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        autoRenew: c.autoRenew,
        noticeDays: c.noticeDays,
        registeredOn: c.registeredOn,
      }),
    );
  }
  if (s.status === 'none') return reject('ContractNotFound', 'register the contract first', 'contractId');
  if (s.status === 'terminated')
    return reject('ContractTerminated', `contract ${s.contractId} is terminated`);
  if (c.type === 'RenewContract')
    return c.endsOn <= s.endsOn
      ? reject('RenewalNotLater', `the contract already runs to ${s.endsOn}`, 'endsOn')
      : accept(
          events.make('VendorContractRenewed', {
            contractId: s.contractId,
            renewedOn: c.renewedOn,
            previousEndsOn: s.endsOn,
            endsOn: c.endsOn,
            noticeDays: s.noticeDays,
          }),
        );
  return accept(
    events.make('VendorContractTerminated', {
      contractId: s.contractId,
      terminatedOn: c.terminatedOn,
      endsOn: s.endsOn,
      reason: c.reason,
    }),
  );
};

/**
 * The VendorContract aggregate (MODULES.md §3.3 R4): prices agreed with a vendor for a term, with
 * the notice period that the renewal obligation counts back from. Streams `VendorContract-<id>`.
 */
export const decider: Decider<
  VendorContractCommand,
  VendorContractEvent,
  VendorContract,
  VendorContractRefusal
> = {
  name: 'VendorContract',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
