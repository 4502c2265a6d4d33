/** Validator of the jump-to-source results. */
import type { SourceJumpResult } from '../../src/core/protocol';

const OUTCOMES = ['opened', 'cancelled', 'not-found'];

export function validateSourceJump(v: unknown): SourceJumpResult | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'source jump result is not an object';
  const r = v as Record<string, unknown>;
  if (!OUTCOMES.includes(r.outcome as string)) return `outcome must be one of ${OUTCOMES.join(', ')}`;
  if (typeof r.message !== 'string') return 'message must be a string';
  return { outcome: r.outcome as SourceJumpResult['outcome'], message: r.message };
}
