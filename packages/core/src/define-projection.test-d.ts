// Type tests of defineProjection: checked by `npm run typecheck`; each `@ts-expect-error` must be an error.
import * as t from 'io-ts';
import { NonEmptyString, PositiveInt, defineEvents } from './codecs/index.js';
import { defineProjection } from './define-projection.js';

const events = defineEvents({
  LotReceived: t.type({ lotId: NonEmptyString, quantity: PositiveInt }),
  LotLabelPrinted: t.type({ lotId: NonEmptyString }),
});

defineProjection({
  name: 'incomplete',
  version: 1,
  events: [events],
  // @ts-expect-error LotLabelPrinted is missing: a new event type must be handled or marked 'ignored'
  handlers: { LotReceived: () => [] },
});

defineProjection({
  name: 'typed',
  version: 1,
  events: [events],
  handlers: {
    // @ts-expect-error data is typed from the codec: quantity is a number, not text
    LotReceived: (e) => [{ key: e.data.quantity.toUpperCase(), update: () => null }],
    LotLabelPrinted: 'ignored',
  },
});
