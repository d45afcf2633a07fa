import type { Obligation, ReadModelReader } from '@praxis/core';
import { staffObligationsName } from './projection.js';

/**
 * Every staff obligation, in key order; with `owner`, only that staff member's.
 *
 * @example
 * const due = (await listStaffObligations(reader)).filter((o) => !o.completedAt && o.dueAt <= '2026-06-30');
 */
export const listStaffObligations = async (
  reader: ReadModelReader,
  owner?: string,
): Promise<Obligation[]> => {
  const out: Obligation[] = [];
  for await (const [, doc] of reader.list(staffObligationsName, 'obligation:')) {
    const o = doc as unknown as Obligation;
    if (owner === undefined || o.owner === owner) out.push(o);
  }
  return out;
};
