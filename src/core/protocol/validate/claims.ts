/**
 * Validator of the `getClaims` result (`ClaimsView`). Span indices are checked against the
 * shown trace's span count when it is known; action claim ids must name claims of the view.
 */
import { CLAIM_STATUSES, type ClaimsView } from '../claims';
import { checkedAs, everyRecord, fail, isOneOf, isRecord, isStrings, spanIndexCheck, type Checked } from './kit';

const CLAIM_STATUS_SET: ReadonlySet<string> = new Set(CLAIM_STATUSES);
const ACTION_STATUSES = new Set(['ok', 'error', 'unset']);
const SEVERITIES = new Set(['error', 'warning', 'info']);

export function validateClaimsView(v: unknown, spanCount?: number): Checked<ClaimsView> {
  const { isIndex, isIndices } = spanIndexCheck(spanCount);
  if (!isRecord(v)) return fail('claims view is not an object');
  const claimIds = new Set<string>();
  const bad =
    everyRecord(v.claims, 'claims.claims', (c) => {
      if (typeof c.id !== 'string' || c.id === '') return 'id must be a non-empty string';
      if (claimIds.has(c.id)) return `id ${JSON.stringify(c.id.slice(0, 80))} is repeated`;
      claimIds.add(c.id);
      if (typeof c.sentence !== 'string' || typeof c.verb !== 'string') return 'sentence and verb must be strings';
      if (c.object !== undefined && typeof c.object !== 'string') return 'object must be a string';
      if (!isIndex(c.spanIndex)) return 'spanIndex is not a span of the trace';
      if (!isOneOf(CLAIM_STATUS_SET, c.status)) return 'status is unknown';
      return isIndices(c.matchedSpanIndices) ? undefined : 'matchedSpanIndices must be span indices';
    }) ??
    everyRecord(v.actions, 'claims.actions', (a) => {
      if (!isIndex(a.spanIndex)) return 'spanIndex is not a span of the trace';
      if (typeof a.name !== 'string' || typeof a.summary !== 'string') return 'name and summary must be strings';
      if (!isOneOf(ACTION_STATUSES, a.status)) return 'status is unknown';
      if (!isStrings(a.claimIds)) return 'claimIds must be strings';
      return a.claimIds.every((id) => claimIds.has(id)) ? undefined : 'claimIds names an unknown claim';
    }) ??
    everyRecord(v.findings, 'claims.findings', (f) => {
      for (const k of ['key', 'kind', 'message'] as const) if (typeof f[k] !== 'string') return `${k} must be a string`;
      if (!isOneOf(SEVERITIES, f.severity)) return 'severity is unknown';
      if (!isStrings(f.spanIds)) return 'spanIds must be strings';
      if (!isIndices(f.spanIndices)) return 'spanIndices must be span indices';
      if (f.claim !== undefined && typeof f.claim !== 'string') return 'claim must be a string';
      return typeof f.dismissed === 'boolean' ? undefined : 'dismissed must be a boolean';
    });
  return checkedAs<ClaimsView>(bad, v);
}
