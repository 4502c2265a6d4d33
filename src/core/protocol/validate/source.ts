/** Validator of the jump-to-source results (`goToHandler`, `goToPrompt`). */
import { type SourceJumpResult } from '../source';
import { fail, isRecord, ok, type Checked } from './kit';

const OUTCOMES = ['opened', 'cancelled', 'not-found'];

/** Returns a fresh object of exactly the two known fields (extra keys are dropped). */
export function validateSourceJump(v: unknown): Checked<SourceJumpResult> {
  if (!isRecord(v)) return fail('source jump result is not an object');
  if (!OUTCOMES.includes(v.outcome as string)) return fail(`outcome must be one of ${OUTCOMES.join(', ')}`);
  if (typeof v.message !== 'string') return fail('message must be a string');
  return ok({ outcome: v.outcome as SourceJumpResult['outcome'], message: v.message });
}
