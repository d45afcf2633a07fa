/** The module API lives in @praxis/core so module packages need not depend on the facade. */
export {
  bind,
  defineModule,
  reservedAreas,
  type AggregateBinding,
  type AnyBinding,
  type PracticeModule,
} from '@praxis/core';
