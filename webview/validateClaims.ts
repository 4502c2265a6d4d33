/**
 * Validator of the `getClaims` result (`ClaimsView`). Pure (no DOM), like validate.ts.
 * Span indices are checked against the shown trace's span count when it is known.
 */
import { CLAIM_STATUSES, type ClaimsView } from '../src/core/protocol';

type Invalid = string;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ACTION_STATUSES = new Set(['ok', 'error', 'unset']);
const SEVERITIES = new Set(['error', 'warning', 'info']);

export function validateClaimsView(v: unknown, spanCount = Number.MAX_SAFE_INTEGER): ClaimsView | Invalid {
  const isIndex = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < spanCount;
  const indices = (x: unknown): boolean => Array.isArray(x) && x.every(isIndex);
  const strings = (x: unknown): boolean => Array.isArray(x) && x.every((s) => typeof s === 'string');
  const each = (x: unknown, field: string, check: (item: Record<string, unknown>) => string | undefined): string | undefined => {
    if (!Array.isArray(x)) return `claims.${field} must be an array`;
    for (let i = 0; i < x.length; i++) {
      const item: unknown = x[i];
      const bad = isRecord(item) ? check(item) : 'is not an object';
      if (bad !== undefined) return `claims.${field}[${i}]: ${bad}`;
    }
    return undefined;
  };
  if (!isRecord(v)) return 'claims view is not an object';
  const claimIds = new Set<string>();
  const bad =
    each(v.claims, 'claims', (c) => {
      if (typeof c.id !== 'string' || c.id === '') return 'id must be a non-empty string';
      if (claimIds.has(c.id)) return `id ${JSON.stringify(c.id.slice(0, 80))} is repeated`;
      claimIds.add(c.id);
      if (typeof c.sentence !== 'string' || typeof c.verb !== 'string') return 'sentence and verb must be strings';
      if (c.object !== undefined && typeof c.object !== 'string') return 'object must be a string';
      if (!isIndex(c.spanIndex)) return 'spanIndex is not a span of the trace';
      if (typeof c.status !== 'string' || !(CLAIM_STATUSES as readonly string[]).includes(c.status)) return 'status is unknown';
      return indices(c.matchedSpanIndices) ? undefined : 'matchedSpanIndices must be span indices';
    }) ??
    each(v.actions, 'actions', (a) => {
      if (!isIndex(a.spanIndex)) return 'spanIndex is not a span of the trace';
      if (typeof a.name !== 'string' || typeof a.summary !== 'string') return 'name and summary must be strings';
      if (typeof a.status !== 'string' || !ACTION_STATUSES.has(a.status)) return 'status is unknown';
      if (!strings(a.claimIds)) return 'claimIds must be strings';
      return (a.claimIds as string[]).every((id) => claimIds.has(id)) ? undefined : 'claimIds names an unknown claim';
    }) ??
    each(v.findings, 'findings', (f) => {
      for (const k of ['key', 'kind', 'message'] as const) if (typeof f[k] !== 'string') return `${k} must be a string`;
      if (typeof f.severity !== 'string' || !SEVERITIES.has(f.severity)) return 'severity is unknown';
      if (!strings(f.spanIds)) return 'spanIds must be strings';
      if (!indices(f.spanIndices)) return 'spanIndices must be span indices';
      if (f.claim !== undefined && typeof f.claim !== 'string') return 'claim must be a string';
      return typeof f.dismissed === 'boolean' ? undefined : 'dismissed must be a boolean';
    });
  return bad ?? (v as unknown as ClaimsView);
}
