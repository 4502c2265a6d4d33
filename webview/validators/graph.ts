/** Validator of `getPlanGraph`'s result. */
import type { PlanGraphView } from '../../src/core/protocol';

// PLACEHOLDER: replaced by the plan graph work with field-by-field checks.
export function validatePlanGraph(v: unknown): PlanGraphView | string {
  return typeof v === 'object' && v !== null ? (v as PlanGraphView) : 'plan graph is not an object';
}
