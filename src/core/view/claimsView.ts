import type { TraceAnalyses } from '../analyze/traceAnalyses';
import { executedTools, knownTools, scopeClaims } from '../analyze/claims/analyzeClaims';
import { claimedTools, matchClaim } from '../analyze/claims/matchClaim';
import { runScopes } from '../analyze/claims/runScope';
import { toolDescriptions } from '../analyze/claims/toolDescriptions';
import type { ActionItem, ClaimItem, ClaimStatus, ClaimsView, FindingItem } from '../protocol';

/** Longest `ActionItem.summary`, in characters (the full arguments are in the detail panel). */
export const ACTION_SUMMARY_LIMIT = 120;

/** The stable key of a finding: its kind and evidence span ids. Dismissals are stored by it. */
export function findingKey(f: { readonly kind: string; readonly spanIds: readonly string[] }): string {
  return `${f.kind}:${f.spanIds.join(',')}`;
}

/**
 * The Claims panel's view of a trace: every completed claim with its verdict and the
 * executions it is about, every tool execution with the claims linked to it, and the findings
 * of `analyzeClaims` with `dismissed` set from `dismissedKeys`. Pure and deterministic: the same
 * trace gives the same ids and keys.
 */
export function buildClaimsView(a: TraceAnalyses, dismissedKeys: ReadonlySet<string> = new Set()): ClaimsView {
  const { trace, view } = a;
  const descriptions = toolDescriptions(trace, view);
  const claims: ClaimItem[] = [];
  const actionsByIndex = new Map<number, { name: string; status: ActionItem['status']; summary: string; claimIds: string[] }>();
  const ordinal = new Map<number, number>();

  for (const scope of runScopes(view)) {
    const executed = executedTools(scope, descriptions);
    const known = knownTools(scope, descriptions);
    for (const t of executed) {
      if (actionsByIndex.has(t.exec.spanIndex)) continue;
      actionsByIndex.set(t.exec.spanIndex, {
        name: t.exec.name,
        status: t.failure !== undefined ? 'error' : t.exec.status,
        summary: argumentSummary(t.exec.arguments),
        claimIds: [],
      });
    }
    for (const claim of scopeClaims(scope)) {
      if (claim.polarity !== 'done') continue;
      const n = ordinal.get(claim.spanIndex) ?? 0;
      ordinal.set(claim.spanIndex, n + 1);
      const id = `${trace.spans[claim.spanIndex].spanId}#${n}`;
      const verdict = matchClaim(claim, executed, known);
      let status: ClaimStatus;
      let linked: readonly number[];
      if (verdict === undefined) {
        linked = claimedTools(claim, executed).map((t) => t.exec.spanIndex);
        status = linked.length > 0 ? 'matched' : 'unmatched';
      } else {
        linked = verdict.toolSpans;
        status = verdict.kind === 'claimed-success-but-failed' ? 'failed' : verdict.kind === 'argument-mismatch' ? 'mismatch' : 'unmatched';
      }
      const matchedSpanIndices = [...new Set(linked)].sort((a, b) => a - b);
      for (const i of matchedSpanIndices) actionsByIndex.get(i)?.claimIds.push(id);
      const item: ClaimItem = { id, sentence: claim.sentence, spanIndex: claim.spanIndex, verb: claim.verb, status, matchedSpanIndices };
      claims.push(claim.object !== '' ? { ...item, object: claim.object } : item);
    }
  }

  const actions: ActionItem[] = [...actionsByIndex.entries()].sort((a, b) => a[0] - b[0]).map(([spanIndex, a]) => ({ spanIndex, ...a }));
  const indexOfId = new Map<string, number>();
  trace.spans.forEach((s, i) => indexOfId.set(s.spanId, i));
  const findings = a.claims().map((f): FindingItem => {
    const key = findingKey(f);
    const spanIndices = f.spanIds.map((id) => indexOfId.get(id)).filter((i): i is number => i !== undefined);
    const item: FindingItem = {
      key,
      kind: f.kind,
      severity: f.severity,
      message: f.message,
      spanIds: [...f.spanIds],
      spanIndices,
      dismissed: dismissedKeys.has(key),
    };
    return f.claim !== undefined ? { ...item, claim: f.claim } : item;
  });
  return { claims, actions, findings };
}

/** `city: "Lisbon", nights: 3` — the arguments on one line, clipped to ACTION_SUMMARY_LIMIT. */
export function argumentSummary(args: unknown): string {
  let text: string;
  if (args === undefined) text = '';
  else if (typeof args === 'string') text = args;
  else if (args !== null && typeof args === 'object' && !Array.isArray(args)) {
    const r = args as Record<string, unknown>;
    text = Object.keys(r)
      .map((k) => `${k}: ${compact(r[k])}`)
      .join(', ');
  } else text = compact(args);
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > ACTION_SUMMARY_LIMIT ? `${text.slice(0, ACTION_SUMMARY_LIMIT - 1)}…` : text;
}

function compact(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
