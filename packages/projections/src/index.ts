/**
 * @praxis/projections — the projection engine (checkpointed, batched, exactly once per
 * event, blue/green versions, parked events, lag and progress) and aggregate snapshots.
 */
export * from './engine.js';
export type { ProjectionPhase, ProjectionProgress, ProjectionStatus } from './runner.js';
export { eventsBehind, positionAfter } from './positions.js';
export * from './snapshots.js';
