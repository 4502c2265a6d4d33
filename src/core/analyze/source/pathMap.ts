/**
 * Turning a path recorded in a trace (maybe in a container or on another machine) into paths
 * to try in the workspace. Pure string work; the host checks which candidate exists.
 */

/** Forward slashes, no trailing slash (except a bare root). */
export function normalizeSlashes(p: string): string {
  const s = p.replace(/\\/g, '/');
  return s.length > 1 ? s.replace(/\/+$/, '') : s;
}

/** True for `/x`, `\\x`, `C:\x`, `C:/x` and `file:` URIs. */
export function isAbsolutePath(p: string): boolean {
  return /^([/\\]|[A-Za-z]:[/\\]|file:)/.test(p);
}

/**
 * Resolves `.` and `..` in a relative path; undefined when it climbs above its start (it would
 * leave the folder it is relative to) or is absolute.
 */
export function normalizeRelative(p: string): string | undefined {
  if (isAbsolutePath(p)) return undefined;
  const out: string[] = [];
  for (const seg of normalizeSlashes(p).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.length > 0 ? out.join('/') : undefined;
}

/**
 * Candidate paths for `recorded`, best first: each `pathMap` prefix that matches (longest
 * prefix first, matched on whole path segments) with its replacement, then the recorded path
 * itself. Replacements may be absolute or relative to a workspace folder.
 */
export function mapRecordedPath(recorded: string, pathMap: Readonly<Record<string, string>>): string[] {
  const path = normalizeSlashes(recorded);
  const prefixes = Object.keys(pathMap)
    .map((k) => ({ from: normalizeSlashes(k), to: normalizeSlashes(pathMap[k]) }))
    .filter((m) => m.from !== '')
    .sort((a, b) => b.from.length - a.from.length);
  const out: string[] = [];
  for (const { from, to } of prefixes) {
    if (path === from || path.startsWith(from.endsWith('/') ? from : from + '/')) {
      const rest = path.slice(from.length).replace(/^\/+/, '');
      const mapped = to === '' || to === '.' ? rest : rest === '' ? to : `${to}/${rest}`;
      if (mapped !== '' && !out.includes(mapped)) out.push(mapped);
    }
  }
  if (!out.includes(path)) out.push(path);
  return out;
}

/**
 * Trailing parts of a path, longest first (`/app/src/tools.ts` → `src/tools.ts`, `tools.ts`),
 * to find a file recorded elsewhere by its position below some folder of the workspace.
 */
export function pathSuffixes(recorded: string): string[] {
  const segs = normalizeSlashes(recorded)
    .split('/')
    .filter((s) => s !== '' && !/^[A-Za-z]:$/.test(s));
  const out: string[] = [];
  for (let i = 1; i < segs.length; i++) out.push(segs.slice(i).join('/'));
  return out;
}
