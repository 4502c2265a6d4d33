/**
 * Text formatting shared by the host (summaries, tree view, clipboard), the webview and the
 * CLI, so a number reads the same everywhere. Pure functions of their argument; no locale
 * dependence except the en-US digit grouping in `formatCount`.
 */

/** `n` with three significant digits, without exponent notation ("1.23", "45.6", "789", "1000"). */
function threeDigits(n: number): string {
  const r = Number(n.toPrecision(3));
  return r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2);
}

/** Scales `value` by each unit in turn and uses the first whose three-digit rounding is below 1000. */
function withUnit(value: number, units: readonly (readonly [factor: number, suffix: string])[]): string {
  for (let i = 0; i < units.length; i++) {
    const [factor, suffix] = units[i];
    const scaled = value * factor;
    if (i === units.length - 1 || Number(scaled.toPrecision(3)) < 1000) return threeDigits(scaled) + suffix;
  }
  return '–';
}

const DURATION_UNITS = [
  [1e3, ' µs'],
  [1, ' ms'],
  [1e-3, ' s'],
] as const;

/**
 * A duration in milliseconds: "2 min 05 s", "1.23 s", "456 ms", "4.56 ms", "789 µs", "120 ns".
 * Three significant digits below a minute. Negative or non-finite input reads "–".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms === 0) return '0 ms';
  if (ms >= 60_000) {
    const totalS = Math.round(ms / 1000);
    const h = Math.floor(totalS / 3600);
    const m = Math.floor((totalS % 3600) / 60);
    const s = totalS % 60;
    return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min ${String(s).padStart(2, '0')} s`;
  }
  if (ms < 0.001 && Math.round(ms * 1e6) < 1000) return `${Math.round(ms * 1e6)} ns`;
  return withUnit(ms, DURATION_UNITS);
}

const TOKEN_UNITS = [
  [1e-3, 'k'],
  [1e-6, 'M'],
  [1e-9, 'B'],
] as const;

/** A token count: "845", "12.3k", "123k", "1.23M". */
export function formatTokens(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '–';
  if (Math.round(n) < 1000) return Math.round(n).toString();
  return withUnit(n, TOKEN_UNITS);
}

/**
 * A cost in US dollars: "$1,234.50", "$0.0123" (three significant digits under a dollar),
 * "<$0.0001", "$0.00"; null (no price known) reads "unpriced", never "$0".
 */
export function formatCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return 'unpriced';
  if (!Number.isFinite(usd) || usd < 0) return '–';
  if (usd === 0) return '$0.00';
  if (usd >= 0.995) return '$' + usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (usd < 0.0001) return '<$0.0001';
  return `$${Number(usd.toPrecision(3)).toString()}`;
}

/** A cost, or "unknown (<reason>)" when it is unknown and the reason is known. */
export function formatCostOrReason(usd: number | null | undefined, reason: string | undefined): string {
  return (usd === null || usd === undefined) && reason !== undefined ? `unknown (${reason})` : formatCost(usd);
}

/** An integer with en-US digit grouping: "1,234,567". */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

/** "1 span", "2 spans". */
export function plural(n: number, word: string, many = word + 's'): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`;
}
