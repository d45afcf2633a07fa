import { runEventStoreContract } from '@praxis/testing';
import { memoryEventStore } from './memory-event-store.js';

runEventStoreContract(
  'memory',
  async ({ registry, positionsFrom }) => {
    const store = memoryEventStore({
      registry,
      ...(positionsFrom === undefined ? {} : { firstPosition: positionsFrom + 1n }),
    });
    return {
      store,
      cleanup: () => store.close(),
      corruptStoredEvent: async (position, mutate) => store.corruptStoredEvent(position, mutate),
    };
  },
  {
    notApplicable: {
      crash: 'memory store: no process to kill',
      slowTransaction:
        'memory store: an append is one synchronous step, so no transaction can stay open while others commit',
      rollback:
        'memory store: no backend transaction to roll back (failed appends are covered by case 22 above)',
    },
  },
);
