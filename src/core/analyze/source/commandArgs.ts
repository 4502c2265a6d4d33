/**
 * The argument VS Code passes to a `webview/context` menu command: the right-clicked element's
 * `data-vscode-context` JSON (set by the span tree rows). It is data from the webview, so every
 * field is checked before use.
 */

/**
 * The span index the argument names; undefined when there is no argument (palette, keybinding);
 * 'invalid' for anything that is not `{ webviewSection: 'span', spanIndex: <non-negative integer> }`.
 */
export function spanIndexFromArg(arg: unknown): number | undefined | 'invalid' {
  if (arg === undefined || arg === null) return undefined;
  if (typeof arg !== 'object' || Array.isArray(arg)) return 'invalid';
  const a = arg as Record<string, unknown>;
  if (a.webviewSection !== 'span') return 'invalid';
  const i = a.spanIndex;
  return typeof i === 'number' && Number.isSafeInteger(i) && i >= 0 ? i : 'invalid';
}
