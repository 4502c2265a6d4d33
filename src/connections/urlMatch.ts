/**
 * Matching a pasted trace URL (taken apart by core's `parseTraceUrl`) or a typed trace id to a
 * configured connection. Pure: unit-tested. The rule that matters: a URL is only ever fetched
 * through a connection whose origin it shares: we never send a request (let alone credentials)
 * to an address the user did not configure.
 */
import type { ParsedTraceUrl } from '../core/backends/types';
import type { Connection } from './connectionSettings';

export type UrlMatch =
  | { readonly ok: true; readonly connection: Connection; readonly traceId: string }
  | { readonly ok: false; readonly reason: 'no-connection' | 'ambiguous'; readonly origin: string; readonly candidates: readonly Connection[] };

/**
 * The connection a parsed URL belongs to: same origin, then (when the URL says) the same kind,
 * then the longest base path that prefixes the URL's, then the same project.
 */
export function matchTraceUrl(parsed: ParsedTraceUrl, connections: readonly Connection[]): UrlMatch {
  const target = splitUrl(parsed.baseUrl);
  const origin = target?.origin ?? parsed.baseUrl;
  let candidates = connections.filter((c) => target && splitUrl(c.baseUrl)?.origin === target.origin);
  if (parsed.kind) candidates = candidates.filter((c) => c.kind === parsed.kind);
  if (candidates.length === 0) return { ok: false, reason: 'no-connection', origin, candidates: [] };
  const path = target?.path ?? '';
  const prefixed = candidates.filter((c) => isPathPrefix(splitUrl(c.baseUrl)?.path ?? '', path));
  if (prefixed.length) {
    const longest = Math.max(...prefixed.map((c) => (splitUrl(c.baseUrl)?.path ?? '').length));
    candidates = prefixed.filter((c) => (splitUrl(c.baseUrl)?.path ?? '').length === longest);
  }
  if (parsed.project && candidates.length > 1) {
    const same = candidates.filter((c) => c.project === parsed.project);
    if (same.length) candidates = same;
  }
  if (candidates.length === 1) return { ok: true, connection: candidates[0], traceId: parsed.traceId };
  return { ok: false, reason: 'ambiguous', origin, candidates };
}

/** Whether `text` is a pasted URL rather than a trace id. */
export function looksLikeUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim());
}

function splitUrl(u: string): { origin: string; path: string } | undefined {
  try {
    const url = new URL(u);
    return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
  } catch {
    return undefined;
  }
}

function isPathPrefix(prefix: string, path: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(prefix + '/');
}
