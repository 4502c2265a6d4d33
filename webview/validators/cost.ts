/** Validator of `getCost`'s result. */
import type { CostView } from '../../src/core/protocol';

// PLACEHOLDER: replaced by the cost panel work with field-by-field checks.
export function validateCostView(v: unknown): CostView | string {
  return typeof v === 'object' && v !== null ? (v as CostView) : 'cost view is not an object';
}
