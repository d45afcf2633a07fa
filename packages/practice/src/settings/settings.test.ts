import { describe, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { decider, events } from './index.js';

const spec = deciderSpec(decider);
const establish = {
  type: 'EstablishPractice' as const,
  name: 'Riverside Family Medicine',
  timeZone: 'America/Chicago',
  currency: 'USD',
  at: '2026-01-01T08:00:00-06:00',
};
const established = events.make('PracticeEstablished', {
  name: establish.name,
  timeZone: establish.timeZone,
  currency: establish.currency,
  establishedAt: establish.at,
});

describe('practice settings', () => {
  it('records the name, time zone and currency once', () => {
    spec.given([]).when(establish).then([established]);
  });

  it('refuses to establish the practice a second time', () => {
    spec
      .given([established])
      .when({ ...establish, timeZone: 'UTC' })
      .thenRejects('PracticeAlreadyEstablished');
  });
});
