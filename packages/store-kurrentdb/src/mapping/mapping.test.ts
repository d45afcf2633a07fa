import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  AccessDeniedError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import {
  EventDecodeFailed,
  InvalidArgument,
  Position,
  StoreUnavailable,
  StreamNotFound,
  WrongExpectedRevision,
  chainHash,
  type EventMetadata,
} from '@praxis/core';
import { testRegistry } from '@praxis/testing';
import { toRecorded } from '../decode.js';
import { toStoreError } from './errors.js';
import { fromCurrentState, toStreamState } from './expected-revision.js';
import { planFilter } from './filter.js';
import { decodeMetadata, encodeMetadata } from './metadata.js';
import { fromKurrentPosition, toKurrentPosition } from './position.js';

describe('expected revisions', () => {
  it('map one to one onto KurrentDB stream states', () => {
    expect(toStreamState('s', 'any')).toBe(ANY);
    expect(toStreamState('s', 'no_stream')).toBe(NO_STREAM);
    expect(toStreamState('s', 'stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState('s', 0n)).toBe(0n);
    expect(toStreamState('s', 2n ** 40n)).toBe(2n ** 40n);
  });

  it('refuse a negative or unknown expectation before anything is sent', () => {
    expect(() => toStreamState('s', -1n)).toThrow(InvalidArgument);
    expect(() => toStreamState('s', 'latest' as never)).toThrow(InvalidArgument);
  });

  it('read the actual state of a WrongExpectedVersion back as a revision or no_stream', () => {
    expect(fromCurrentState(NO_STREAM)).toBe('no_stream');
    expect(fromCurrentState(7n)).toBe(7n);
  });
});

describe('$all positions', () => {
  it('keep both parts and their order', () => {
    const a = fromKurrentPosition({ commit: 2n ** 40n, prepare: 2n ** 40n - 12n });
    const b = fromKurrentPosition({ commit: 2n ** 40n + 1n, prepare: 0n });
    expect(Position.compare(a, b)).toBe(-1);
    expect(toKurrentPosition(a)).toEqual({ commit: 2n ** 40n, prepare: 2n ** 40n - 12n });
    expect(Position.parse(Position.toString(a))).toEqual(a);
  });
});

describe('errors from the client', () => {
  it('WrongExpectedVersionError becomes WrongExpectedRevision with the actual revision and the caller’s expectation', () => {
    const raw = new WrongExpectedVersionError(undefined, {
      streamName: 'Budget-1',
      expected: 3n,
      current: 5n,
    });
    const e = toStoreError(raw, { streamId: 'Budget-1', expected: 'stream_exists' });
    expect(WrongExpectedRevision.isInstance(e)).toBe(true);
    expect(e).toMatchObject({ streamId: 'Budget-1', expected: 'stream_exists', actual: 5n });
    const missing = new WrongExpectedVersionError(undefined, {
      streamName: 'B-2',
      expected: 0n,
      current: NO_STREAM,
    });
    expect(toStoreError(missing)).toMatchObject({
      _tag: 'WrongExpectedRevision',
      streamId: 'B-2',
      expected: 0n,
      actual: 'no_stream',
    });
  });

  it('a missing or deleted stream becomes StreamNotFound', () => {
    const notFound = toStoreError(new StreamNotFoundError(undefined, 'Budget-9'));
    expect(StreamNotFound.isInstance(notFound) && notFound.streamId).toBe('Budget-9');
    const deleted = toStoreError(StreamDeletedError.fromStreamName('Budget-8'));
    expect(StreamNotFound.isInstance(deleted) && deleted.streamId).toBe('Budget-8');
  });

  it('a batch over the server’s size limit is an InvalidArgument naming the limit', () => {
    const e = toStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576));
    expect(InvalidArgument.isInstance(e)).toBe(true);
    expect(String(e)).toContain('1048576');
  });

  it('connection, leader and permission failures become StoreUnavailable keeping the cause', () => {
    for (const raw of [new UnavailableError(), new AccessDeniedError(), new Error('socket hang up')]) {
      const e = toStoreError(raw);
      expect(StoreUnavailable.isInstance(e)).toBe(true);
      expect((e as StoreUnavailable).cause).toBe(raw);
    }
    expect(NotLeaderError).toBeDefined();
  });

  it('Praxis errors pass through unchanged', () => {
    const own = new StreamNotFound('x');
    expect(toStoreError(own)).toBe(own);
  });
});

describe('readAll filters', () => {
  it('stream prefixes go to the server as a stream-name prefix filter', () => {
    const plan = planFilter({ streamPrefix: ['Budget-', 'Claim-'] });
    expect(plan.server).toMatchObject({ filterOn: 'streamName', prefixes: ['Budget-', 'Claim-'] });
    expect(plan.exact).toBe(true);
    expect(plan.matches('BudgetApproved', 'Claim-7')).toBe(true);
    expect(plan.matches('BudgetApproved', 'Staff-7')).toBe(false);
  });

  it('event types go to the server as an anchored regex of exact names (not prefixes)', () => {
    const plan = planFilter({ eventTypes: ['BudgetApproved', 'Claim.Denied'] });
    expect(plan.server).toMatchObject({ filterOn: 'eventType' });
    const regex = new RegExp((plan.server as { regex: string }).regex);
    expect(regex.test('BudgetApproved')).toBe(true);
    expect(regex.test('Claim.Denied')).toBe(true);
    expect(regex.test('ClaimXDenied')).toBe(false);
    expect(regex.test('BudgetApprovedAgain')).toBe(false);
  });

  it('both at once: streams filtered by the server, types checked on the client', () => {
    const plan = planFilter({ eventTypes: ['BudgetApproved'], streamPrefix: 'Budget-' });
    expect(plan.server).toMatchObject({ filterOn: 'streamName', prefixes: ['Budget-'] });
    expect(plan.exact).toBe(false);
    expect(plan.matches('BudgetApproved', 'Budget-1')).toBe(true);
    expect(plan.matches('BudgetDrafted', 'Budget-1')).toBe(false);
  });

  it('no filter excludes system events on the server and on the client', () => {
    const plan = planFilter(undefined);
    expect(new RegExp((plan.server as { regex: string }).regex).test('$metadata')).toBe(false);
    expect(plan.matches('$statsCollected', '$stats-1')).toBe(false);
    expect(plan.matches('BudgetApproved', 'Budget-1')).toBe(true);
  });

  it('an empty list of types matches nothing', () => {
    const plan = planFilter({ eventTypes: [] });
    expect(new RegExp((plan.server as { regex: string }).regex).test('BudgetApproved')).toBe(false);
    expect(plan.matches('BudgetApproved', 'Budget-1')).toBe(false);
  });
});

const metadata: EventMetadata = {
  actor: { id: 'dr-ü', role: 'owner' },
  occurredAt: '2026-03-02T09:30:00.000+01:00',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  recordedAt: '2026-03-02T08:30:01.000Z',
  commandId: 'cmd-1',
  ward: { floor: 3 },
};

/** An event as the client yields it from a read of $all. */
const resolved = (over: Record<string, unknown>, storedMetadata: unknown): AllStreamResolvedEvent =>
  ({
    event: {
      streamId: 'Note-1',
      id: '01890a5d-ac96-774b-bcce-b302099a8057',
      isJson: true,
      revision: 4n,
      type: 'ContractNoteTaken',
      created: new Date('2026-03-02T08:30:01.000Z'),
      data: { text: 'Zoë 🎉' },
      metadata: storedMetadata,
      position: { commit: 9_000_000_000n, prepare: 9_000_000_000n },
      ...over,
    },
    commitPosition: 9_000_000_000n,
  }) as unknown as AllStreamResolvedEvent;

describe('metadata encoding', () => {
  it('keeps the caller’s metadata, adds KurrentDB’s correlation keys, and carries schema version and chain', () => {
    const stored = encodeMetadata(metadata, { schemaVersion: 2, prevHash: 'p', hash: 'h' });
    expect(stored).toMatchObject({
      $correlationId: 'corr-1',
      $causationId: 'cause-1',
      $praxis: { schemaVersion: 2 },
    });
    const back = decodeMetadata(JSON.parse(JSON.stringify(stored)));
    expect(back.metadata).toEqual(metadata);
    expect(back.chain).toEqual({ schemaVersion: 2, prevHash: 'p', hash: 'h' });
  });

  it('a read event decodes into the envelope whose hash verifies against its content', () => {
    const content = {
      eventId: '01890a5d-ac96-774b-bcce-b302099a8057',
      streamId: 'Note-1',
      revision: 4n,
      type: 'ContractNoteTaken',
      schemaVersion: 1,
      data: { text: 'Zoë 🎉' },
      metadata,
    };
    const hash = chainHash('prev', content);
    const stored = JSON.parse(
      JSON.stringify(encodeMetadata(metadata, { schemaVersion: 1, prevHash: 'prev', hash })),
    );
    const e = toRecorded(resolved({}, stored), testRegistry);
    expect(e).toMatchObject({ ...content, prevHash: 'prev', hash, position: Position.make(9_000_000_000n) });
    expect(chainHash(e.prevHash, e)).toBe(e.hash);
  });

  it('an event not written by Praxis, or failing its codec, is EventDecodeFailed naming stream, revision and type', () => {
    const foreign = () => toRecorded(resolved({}, { $correlationId: 'x' }), testRegistry);
    expect(foreign).toThrow(EventDecodeFailed);
    expect(foreign).toThrow(/no Praxis fields/);
    const stored = encodeMetadata(metadata, { schemaVersion: 1, prevHash: '', hash: 'h' });
    try {
      toRecorded(resolved({ data: { text: 42 } }, stored), testRegistry);
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({
        _tag: 'EventDecodeFailed',
        streamId: 'Note-1',
        revision: 4n,
        eventType: 'ContractNoteTaken',
      });
    }
  });
});
