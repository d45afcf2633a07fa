import { runSubjectKeyStoreContract } from '@praxis/testing';
import { memorySubjectKeyStore } from './subject-keys-memory.js';

runSubjectKeyStoreContract('memory', async () => ({
  keys: memorySubjectKeyStore(),
  cleanup: async () => {},
}));
