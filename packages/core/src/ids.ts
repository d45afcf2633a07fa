import { v7, v5 } from 'uuid';

/** A new event id: uuid v7, so ids sort by creation time. */
export const newEventId = (): string => v7();

/** A new id for an entity or a command (uuid v7). */
export const newId = (): string => v7();

const praxisNamespace = '8f6a3c1e-5b7d-4e2a-9c0f-1d2b3a4c5e6f';

/** A stable uuid derived from a name (v5): the same name always gives the same id. */
export const stableId = (name: string): string => v5(name, praxisNamespace);
