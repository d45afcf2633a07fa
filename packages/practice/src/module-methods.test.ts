import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineModule, fixedClock, type ModuleHost } from '@praxis/core';
import { createPractice } from './create.js';
import { builtinModules } from './modules/index.js';

const zone = 'America/Chicago';
const pm = { id: 'pm', role: 'practice_manager' };

/** A module offering one practice-level method over the host, as @praxis/operations does. */
const counting = defineModule({
  area: 'counting',
  aggregates: [],
  projections: [],
  methods: (host: ModuleHost) => ({
    /** Events in the log, and in a fork after one command runs there. */
    countWithFork: async () => {
      let real = 0;
      for await (const _ of host.store.readAll()) real++;
      const fork = await host.fork();
      try {
        const o = await fork.execute(
          'Claim',
          {
            type: 'RegisterCharges',
            claimId: 'c1',
            encounterId: 'e1',
            patientId: 'p1',
            payerId: 'aetna',
            payerKind: 'commercial',
            dateOfService: '2026-02-27',
            timeZone: zone,
            charges: [{ cptCode: '99213', units: 1, amount: 14_000 }],
          } as never,
          { at: '2026-02-27T10:00:00-06:00' },
        );
        let forked = 0;
        for await (const _ of fork.store.readAll()) forked++;
        return {
          real,
          forked,
          ok: o.ok,
          summary: o.summary,
          actor: host.actor?.id,
          forkActor: fork.actor?.id,
        };
      } finally {
        await fork.close();
      }
    },
  }),
});

describe('module methods (PracticeModule.methods over a ModuleHost)', () => {
  it('adds typed practice-level methods; the fork runs commands without touching the real log', async () => {
    const p = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-03-01T09:00:00', zone),
      actor: pm,
      modules: [...builtinModules, counting],
    });
    const head = await p.store.headPosition();
    const r = await p.countWithFork();
    expect(r.real).toBeGreaterThan(0);
    expect(r.forked).toBeGreaterThan(r.real);
    expect(r).toMatchObject({ ok: true, actor: 'pm', forkActor: 'pm' });
    expect(await p.store.headPosition()).toEqual(head);
    // Each session's methods act as that session.
    expect(await p.as({ id: 'ana', role: 'practice_manager' }).countWithFork()).toMatchObject({
      actor: 'ana',
      forkActor: 'ana',
    });
    // The built-in operations module offers whatIf and explain this way.
    expect(typeof p.whatIf).toBe('function');
    expect(typeof p.explain).toBe('function');
    await p.close();
  });

  it('refuses a method named like the facade, an area or another module’s method', async () => {
    for (const name of ['kpis', 'finance', 'whatIf']) {
      const clash = defineModule({
        area: 'clash',
        aggregates: [],
        projections: [],
        methods: () => ({ [name]: async () => 1 }),
      });
      await expect(
        createPractice({
          store: 'memory:',
          timeZone: zone,
          currency: 'USD',
          modules: [...builtinModules, clash],
        }),
      ).rejects.toMatchObject({ name: 'InvalidArgument', argument: 'clash.methods' });
    }
    await expect(
      createPractice({
        store: 'memory:',
        timeZone: zone,
        currency: 'USD',
        modules: [{ area: 'odd', aggregates: [], projections: [], methods: 42 } as never],
      }),
    ).rejects.toMatchObject({ name: 'InvalidArgument', argument: 'odd.methods' });
  });

  it('adds methods to an area, its own or another module’s, beside that area’s commands', async () => {
    const extra = defineModule({
      area: 'extra',
      aggregates: [],
      projections: [],
      areaMethods: (host: ModuleHost) => ({
        finance: {
          /** A claim's status as the host loads it, and what a command would decide. */
          claimStatus: async (claimId: string) => {
            const loaded = await host.load('Claim', claimId);
            const checked = await host.check('Claim', { type: 'SubmitClaim', claimId } as never);
            return { found: loaded.found, checkOk: checked.ok, actor: host.actor?.id };
          },
        },
      }),
    });
    const p = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-03-01T09:00:00', zone),
      actor: pm,
      modules: [...builtinModules, extra],
    });
    expect(await p.finance.claimStatus('nope')).toEqual({ found: false, checkOk: false, actor: 'pm' });
    expect(await p.as({ id: 'ana', role: 'practice_manager' }).finance.claimStatus('nope')).toMatchObject({
      actor: 'ana',
    });
    // The area keeps its commands and the built-in finance module's own area methods.
    expect(typeof p.finance.registerCharges).toBe('function');
    expect(typeof p.finance.importRemittance).toBe('function');
    await p.close();
  });

  it('refuses an area method named like a command or another method of that area, or for an unknown area', async () => {
    const cases: [string, string][] = [
      ['finance', 'registerCharges'],
      ['finance', 'importRemittance'],
      ['nosuch', 'anything'],
    ];
    for (const [area, name] of cases) {
      const clash = defineModule({
        area: 'clash',
        aggregates: [],
        projections: [],
        areaMethods: () => ({ [area]: { [name]: async () => 1 } }),
      });
      await expect(
        createPractice({
          store: 'memory:',
          timeZone: zone,
          currency: 'USD',
          modules: [...builtinModules, clash],
        }),
      ).rejects.toMatchObject({ name: 'InvalidArgument', argument: 'clash.areaMethods' });
    }
    await expect(
      createPractice({
        store: 'memory:',
        timeZone: zone,
        currency: 'USD',
        modules: [{ area: 'odd', aggregates: [], projections: [], areaMethods: 42 } as never],
      }),
    ).rejects.toMatchObject({ name: 'InvalidArgument', argument: 'odd.areaMethods' });
  });

  it('closes the store it opened when a module’s methods are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'praxis-clash-'));
    try {
      const path = join(dir, 'practice.db');
      const clash = defineModule({
        area: 'clash',
        aggregates: [],
        projections: [],
        areaMethods: () => ({ finance: { registerCharges: async () => 1 } }),
      });
      await expect(
        createPractice({
          store: `sqlite:${path}`,
          timeZone: zone,
          currency: 'USD',
          modules: [...builtinModules, clash],
        }),
      ).rejects.toMatchObject({ name: 'InvalidArgument' });
      // SQLite removes the WAL when its last connection closes: none is left open.
      expect(existsSync(`${path}-wal`)).toBe(false);
      expect(existsSync(path)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
