import type { FindingSeverity } from '../analyze/claims/types';
import type { TraceFinding } from '../analyze/traceAnalyses';
import { normaliseText } from './normalise';

/** A finding as the compare lists it (`findings.fixed/new/unchanged` in `agent-trace diff --json`). */
export interface ComparedFinding {
  readonly kind: string;
  readonly severity: FindingSeverity;
  readonly message: string;
}

/** Findings of A not in B (`fixed`), of B not in A (`new`) and in both (`unchanged`, B's wording). */
export interface FindingsDelta {
  readonly fixed: readonly ComparedFinding[];
  readonly new: readonly ComparedFinding[];
  readonly unchanged: readonly ComparedFinding[];
}

/**
 * Matches findings by kind and normalised subject, never by span ids (a re-run has new ones).
 * The subject is the message with ids and times normalised and every number replaced by '#',
 * so "called 3 times" and "called 4 times" are the same loop still there. Matching is by count:
 * two equal findings in A and one in B leave one fixed.
 */
export function compareFindings(a: readonly TraceFinding[], b: readonly TraceFinding[]): FindingsDelta {
  const pool = new Map<string, number>();
  for (const f of a) pool.set(findingKey(f), (pool.get(findingKey(f)) ?? 0) + 1);
  const fresh: ComparedFinding[] = [];
  const unchanged: ComparedFinding[] = [];
  for (const f of b) {
    const k = findingKey(f);
    const left = pool.get(k) ?? 0;
    if (left > 0) {
      pool.set(k, left - 1);
      unchanged.push(shown(f));
    } else fresh.push(shown(f));
  }
  const fixed: ComparedFinding[] = [];
  for (const f of a) {
    const k = findingKey(f);
    const left = pool.get(k) ?? 0;
    if (left > 0) {
      pool.set(k, left - 1);
      fixed.push(shown(f));
    }
  }
  return { fixed, new: fresh, unchanged };
}

function findingKey(f: TraceFinding): string {
  return f.kind + '\0' + normaliseText(f.message).replace(/\d+(?:\.\d+)?/g, '#');
}

function shown(f: TraceFinding): ComparedFinding {
  return { kind: f.kind, severity: f.severity, message: f.message };
}
