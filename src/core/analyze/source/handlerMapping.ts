/**
 * The user's tool → handler mapping setting (`agentTrace.source.toolHandlers`): each value is
 * `relative/path.ts:line`, `relative/path.ts#symbol` or `relative/path.ts`. Paths are relative to
 * a workspace folder; absolute ones are accepted only when the host finds them inside one.
 */
import { isAbsolutePath, normalizeRelative, normalizeSlashes } from './pathMap';

export interface HandlerMapping {
  /** Normalised: forward slashes; relative paths without `.`/`..`. */
  readonly path: string;
  readonly absolute: boolean;
  /** 1-based. */
  readonly line?: number;
  readonly symbol?: string;
}

/** The mapping for one tool, or a sentence saying why the value is unusable. */
export function parseHandlerMapping(value: unknown): HandlerMapping | string {
  if (typeof value !== 'string' || value.trim() === '') return 'the value must be a non-empty string such as "src/tools.ts:12" or "src/tools.ts#getWeather"';
  let rest = value.trim();
  let line: number | undefined;
  let symbol: string | undefined;
  const hash = rest.lastIndexOf('#');
  const lineMatch = /:(\d+)$/.exec(rest);
  if (hash > 0) {
    symbol = rest.slice(hash + 1).trim();
    rest = rest.slice(0, hash).trim();
    if (!/^[A-Za-z_$][\w$.]*$/.test(symbol)) return `"${symbol}" is not a symbol name`;
  } else if (lineMatch) {
    line = Number(lineMatch[1]);
    rest = rest.slice(0, lineMatch.index);
    if (line < 1) return 'line numbers start at 1';
  }
  if (rest === '') return 'the path is empty';
  if (isAbsolutePath(rest))
    return { path: normalizeSlashes(rest), absolute: true, ...(line !== undefined ? { line } : {}), ...(symbol !== undefined ? { symbol } : {}) };
  const rel = normalizeRelative(rest);
  if (rel === undefined) return `"${rest}" climbs out of the workspace folder`;
  return { path: rel, absolute: false, ...(line !== undefined ? { line } : {}), ...(symbol !== undefined ? { symbol } : {}) };
}

/**
 * Whether absolute `path` lies inside one of `folders` (absolute, forward slashes). Compared on
 * whole segments after resolving `..`, so `/ws/../etc` and `/ws-other` are outside `/ws`.
 */
export function isInsideFolders(path: string, folders: readonly string[]): boolean {
  const resolved = resolveAbsolute(normalizeSlashes(path));
  if (resolved === undefined) return false;
  return folders.some((f) => {
    const folder = resolveAbsolute(normalizeSlashes(f));
    if (folder === undefined) return false;
    const base = folder.endsWith('/') ? folder : folder + '/';
    return resolved === folder || resolved.startsWith(base);
  });
}

function resolveAbsolute(p: string): string | undefined {
  const m = /^([A-Za-z]:)?\//.exec(p);
  if (!m) return undefined;
  const root = m[0];
  const segs: string[] = [];
  for (const s of p.slice(root.length).split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (segs.length === 0) return undefined;
      segs.pop();
    } else segs.push(s);
  }
  return root + segs.join('/');
}
