import { defineModule } from '@praxis/core';
import { goLive, type CsvFile, type GoLiveOptions } from './golive.js';

/**
 * Go-live: `practice.goLive(files, { asOf })` imports a practice's existing staff, credentials,
 * training history, policies and acknowledgments, met compliance requirements and open claims
 * from CSV files, all or nothing (see `goLive`). No aggregates of its own: each row becomes
 * commands of the staff, policies, compliance and finance modules.
 */
export const goLiveModule = defineModule({
  area: 'golive',
  aggregates: [],
  projections: [],
  methods: (host) => ({
    /** Imports CSV files all or nothing; problems name file, line and column. */
    goLive: (files: readonly CsvFile[], options?: GoLiveOptions) => goLive(host, files, options),
  }),
});
