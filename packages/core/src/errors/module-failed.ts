import { PraxisError, isTagged } from './praxis-error.js';

/**
 * A module's own code failed: a fact provider, a KPI's `compute` or a process manager threw
 * (or returned what it may not). Names the module part (`fact SharpsContainer.PlaceSharpsContainer`,
 * `kpi daysInAR`) and keeps the original error as `cause`. A defect in the module, not in the
 * caller's input: the command or report it served did not complete.
 */
export class ModuleFailed extends PraxisError {
  readonly _tag = 'ModuleFailed' as const;
  constructor(
    readonly part: string,
    readonly reason: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`${part}: ${reason}`, options);
  }
  static isInstance = isTagged<ModuleFailed>('ModuleFailed');
}
