import * as fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { memoryEventStore, memorySubjectKeyStore } from '@praxis/store-memory';
import { defineEvents } from '../codecs/registry.js';
import { ISODate, NonEmptyString, PositiveInt } from '../codecs/primitives.js';
import { EventDataInvalid } from '../errors/event-data-invalid.js';
import { InvalidArgument } from '../errors/invalid-argument.js';
import { PraxisError } from '../errors/praxis-error.js';
import { SubjectForgotten } from '../errors/subject-forgotten.js';
import { UnknownSubject } from '../errors/unknown-subject.js';
import { personal, subject } from './personal.js';
import { checkSubjectId, isSealedToken } from './token.js';
import { forgottenPlaceholder, makeVault } from './vault.js';

const events = defineEvents({
  PersonHired: t.type({
    personId: subject('staff', NonEmptyString),
    name: personal(NonEmptyString),
    hiredOn: ISODate,
  }),
  PersonReviewed: t.intersection([
    t.type({ personId: subject('staff', NonEmptyString), rating: personal(PositiveInt) }),
    t.partial({ notes: t.array(t.type({ by: NonEmptyString, text: personal(NonEmptyString) })) }),
  ]),
  PersonCounted: t.type({ personId: NonEmptyString }),
});

const validSubject = (s: string): boolean => {
  try {
    return checkSubjectId(s) === s;
  } catch {
    return false;
  }
};
const subjectId = fc.string({ minLength: 1, maxLength: 40 }).filter(validSubject);
const json = fc.jsonValue();

describe('vault', () => {
  it('opens what it sealed, for any subject and JSON value', async () => {
    const vault = makeVault(memorySubjectKeyStore());
    await fc.assert(
      fc.asyncProperty(subjectId, json, async (s, v) => {
        const token = await vault.seal(s, v);
        expect(isSealedToken(token)).toBe(true);
        const opened = await vault.open(token);
        expect(opened).toEqual({ state: 'open', value: JSON.parse(JSON.stringify(v)) });
      }),
    );
  });

  it('never opens a forgotten subject, and nothing new is sealed for it', async () => {
    await fc.assert(
      fc.asyncProperty(subjectId, fc.string({ minLength: 1 }), async (s, v) => {
        // A fresh vault per run: a subject id drawn twice (or replayed while shrinking) was
        // already forgotten, and sealing for it is rightly refused.
        const vault = makeVault(memorySubjectKeyStore());
        const token = await vault.seal(s, v);
        const report = await vault.forget(s, '2026-05-01T09:00:00Z');
        expect(['forgotten', 'already-forgotten']).toContain(report.outcome);
        expect(await vault.open(token)).toEqual({ state: 'forgotten', forgottenAt: '2026-05-01T09:00:00Z' });
        expect(await vault.reveal({ name: token, text: `about ${token}.` })).toEqual({
          name: forgottenPlaceholder,
          text: `about ${forgottenPlaceholder}.`,
        });
        await expect(vault.seal(s, v)).rejects.toSatisfy(SubjectForgotten.isInstance);
      }),
      { numRuns: 50 },
    );
  });

  it('a token opens only under its own subject: forgetting one leaves the others readable', async () => {
    const vault = makeVault(memorySubjectKeyStore());
    const a = await vault.seal('staff:A', 'Ann Example');
    const b = await vault.seal('staff:B', 'Bob Example');
    await vault.forget('staff:A', '2026-01-01T00:00:00Z');
    expect(await vault.reveal([a, b])).toEqual([forgottenPlaceholder, 'Bob Example']);
    // The payload of A's token re-labelled as B's does not open with B's key (subject is bound).
    const forged = b.replace(/:[A-Za-z0-9_-]+\]$/, a.slice(a.lastIndexOf(':')));
    expect(await vault.reveal(forged)).toBe('[unavailable]');
  });

  it('unknown subjects and malformed input are typed errors, never untyped throws', async () => {
    const vault = makeVault(memorySubjectKeyStore());
    await expect(vault.forget('staff:nobody', '2026-01-01T00:00:00Z')).rejects.toSatisfy(
      UnknownSubject.isInstance,
    );
    const other = makeVault(memorySubjectKeyStore());
    const token = await other.seal('staff:elsewhere', 'x');
    await expect(vault.open(token)).rejects.toSatisfy(UnknownSubject.isInstance);
    // A value with no JSON form is refused before any key is issued for its subject.
    await expect(vault.seal('staff:nothing', undefined)).rejects.toSatisfy(InvalidArgument.isInstance);
    expect(await vault.status('staff:nothing')).toBe('unknown');
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (s, v) => {
        for (const p of [
          vault.seal(s as string, v),
          vault.forget(s as string, 'x'),
          vault.open(s as string),
        ]) {
          await p.then(
            () => undefined,
            (e: unknown) => expect(PraxisError.isPraxisError(e)).toBe(true),
          );
        }
        await vault.reveal(v);
      }),
    );
  });

  it('seals exactly the personal fields of an event, nested ones included', async () => {
    const vault = makeVault(memorySubjectKeyStore());
    const hired = await vault.sealEvent(
      events,
      events.make('PersonHired', { personId: 'S-1', name: 'Jamie Ortiz', hiredOn: '2026-01-05' }),
    );
    expect(hired.data.personId).toBe('S-1');
    expect(hired.data.hiredOn).toBe('2026-01-05');
    expect(isSealedToken(hired.data.name)).toBe(true);
    expect(JSON.stringify(hired)).not.toContain('Jamie');
    const reviewed = await vault.sealEvent(
      events,
      events.make('PersonReviewed', {
        personId: 'S-1',
        rating: 4,
        notes: [{ by: 'S-2', text: 'late twice' }],
      }),
    );
    expect(JSON.stringify(reviewed)).not.toContain('late twice');
    expect(reviewed.data.notes?.[0]?.by).toBe('S-2');
    expect(await vault.reveal(reviewed.data)).toEqual({
      personId: 'S-1',
      rating: 4,
      notes: [{ by: 'S-2', text: 'late twice' }],
    });
    // Sealing again keeps the same tokens (a decider copying a sealed value from its state).
    expect(await vault.sealEvent(events, reviewed)).toEqual(reviewed);
    const plain = events.make('PersonCounted', { personId: 'S-1' });
    expect(await vault.sealEvent(events, plain)).toBe(plain);
  });

  it('a personal value its codec refuses is EventDataInvalid naming the field', async () => {
    const vault = makeVault(memorySubjectKeyStore());
    const bad = { type: 'PersonReviewed', data: { personId: 'S-1', rating: 0 } } as never;
    await expect(vault.sealEvent(events, bad)).rejects.toSatisfy(
      (e: unknown) => EventDataInvalid.isInstance(e) && e.field === 'rating',
    );
    const noSubject = { type: 'PersonHired', data: { name: 'x', hiredOn: '2026-01-01' } } as never;
    await expect(vault.sealEvent(events, noSubject)).rejects.toSatisfy(
      (e: unknown) => EventDataInvalid.isInstance(e) && e.field === 'personId',
    );
  });

  it('every store refuses personal data that was not sealed', async () => {
    const store = memoryEventStore({ registry: events });
    await expect(
      store.appendToStream('P-1', [
        {
          type: 'PersonHired',
          data: { personId: 'S-1', name: 'Jamie Ortiz', hiredOn: '2026-01-05' },
          metadata: { actor: { id: 'a', role: 'r' }, occurredAt: '2026-01-05T09:00:00Z' },
        },
      ]),
    ).rejects.toSatisfy((e: unknown) => EventDataInvalid.isInstance(e) && e.field === 'name');
  });

  it('an event with personal fields needs exactly one subject field; no personal field in a union', () => {
    expect(() => defineEvents({ X: t.type({ name: personal(t.string) }) })).toThrow(/subject/);
    expect(() =>
      defineEvents({ X: t.type({ id: subject('s', t.string), v: t.union([personal(t.string), t.number]) }) }),
    ).toThrow(/union/);
  });

  it('subject ids are checked', async () => {
    const vault = makeVault(memorySubjectKeyStore());
    for (const bad of ['', ' ', 'a\u0000b', 'x'.repeat(201), '\ud800']) {
      await expect(vault.seal(bad, 1)).rejects.toSatisfy(InvalidArgument.isInstance);
    }
  });
});
