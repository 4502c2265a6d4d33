import { inlineText } from './visibleText';

/**
 * Text that may be handed to a VS Code surface that renders markup: notifications render
 * `[label](command:…)` / `https:` / `file:` links and run the command on click; quick picks,
 * CodeLens titles and the status bar render `$(name)` as codicons. A trace is untrusted input,
 * so anything of it shown there goes through `nativeText` (or an interpolation of the `nt` tag),
 * and the host's wrappers in `src/nativeUi/` accept nothing else. The brand makes "forgot to
 * neutralise" a type error; ESLint keeps the raw VS Code calls inside `src/nativeUi/`.
 */
export type NativeText = string & { readonly __nativeText: true };

/** Longest piece of trace text quoted in a native surface (notifications wrap, labels clip). */
export const NATIVE_TEXT_LIMIT = 120;

/**
 * Trace text made inert and visible for a native surface: control, bidi and zero-width
 * characters shown as markers (the webview's marks, see visibleText.ts), one line, clipped,
 * link syntax broken (the `]` of `](` becomes `］`: VS Code's link syntax needs `](` exactly,
 * so `[x](command:…)` is no link, while a name like `invoke_agent [any_agent]` stays as it is)
 * and codicon syntax broken (`$(` becomes `＄(`). The replacements are visible look-alikes, so
 * the reader still sees what the trace says.
 */
export function nativeText(text: string, limit = NATIVE_TEXT_LIMIT): NativeText {
  return inlineText(text, limit).replace(/\]\(/g, '］(').replace(/\$\(/g, '＄(') as NativeText;
}

/**
 * Template tag for native-surface text: the literal parts are ours and kept as written (they
 * may hold `$(icon)` on purpose); every interpolated value is trace text and goes through
 * `nativeText`. `nt\`Could not find the handler of "${name}"\``.
 */
export function nt(literals: TemplateStringsArray, ...values: readonly unknown[]): NativeText {
  let out = literals[0];
  for (let i = 0; i < values.length; i++) out += nativeText(String(values[i])) + literals[i + 1];
  return out as NativeText;
}

/** Joins native texts (e.g. lines of a tooltip). */
export function joinNative(parts: readonly NativeText[], separator: string): NativeText {
  return parts.join(separator) as NativeText;
}
