import { formatDuration } from './format';

/** The lens title: count, errors (when any) and the total duration, e.g. "called 4× · 1 error · 820 ms total". */
export function toolLensTitle(stats: { readonly count: number; readonly errors: number; readonly totalMs: number }): string {
  const parts = [`called ${stats.count}×`];
  if (stats.errors > 0) parts.push(`${stats.errors} error${stats.errors === 1 ? '' : 's'}`);
  parts.push(`${formatDuration(stats.totalMs)} total`);
  return parts.join(' · ');
}
