import { runEventStoreContract } from '@praxis/testing';
import { sqliteContractFactory } from './testing/contract-subject.js';

// Every case runs against a real SQLite file; case 27 SIGKILLs a real child process writing to it.
runEventStoreContract('sqlite', sqliteContractFactory(), {
  notApplicable: {
    slowTransaction:
      'SQLite admits one writer at a time (BEGIN IMMEDIATE takes the write lock first): a transaction that began earlier commits before any later one can start, so positions are assigned in commit order and no slow transaction can be overtaken',
  },
});
