/**
 * Makes hostile trace text safe to *show*, the same way in the webview (where it is always
 * inserted with textContent, so it can never become markup), in VS Code's own surfaces (through
 * `nativeText.ts`) and in the CLI's text output. This module is about what a reader sees.
 *
 * - Bidirectional controls (embeddings, overrides, isolates, and the LRM/RLM/ALM marks) can make
 *   text read differently from what it is ("Trojan Source"). Each is replaced by a visible
 *   marker such as ⟦RLO⟧, so the reader sees that it is there and the text after it is not
 *   reordered.
 * - Other C0/C1 control characters are replaced by a marker with their name (⟦NUL⟧, ⟦ESC⟧, ⟦DEL⟧)
 *   or code point (⟦U+0085⟧). Tab and line feed are kept in block text; in inline text (names, labels,
 *   one-line cells) line breaks become ⏎ and tabs a space.
 * - Zero-width characters (ZWSP, WJ, BOM/ZWNBSP, soft hyphen, and in inline text also ZWJ and
 *   ZWNJ) make two names that differ look the same: they get a marker too (⟦ZWSP⟧). Block text
 *   keeps ZWJ/ZWNJ, which emoji sequences and several scripts need.
 * - Inline text is clipped to a length a row can show.
 */

const BIDI_NAMES: Readonly<Record<number, string>> = {
  0x061c: 'ALM',
  0x200e: 'LRM',
  0x200f: 'RLM',
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
};

const ZERO_WIDTH_NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'SHY',
  0x200b: 'ZWSP',
  0x200c: 'ZWNJ',
  0x200d: 'ZWJ',
  0x2060: 'WJ',
  0xfeff: 'ZWNBSP',
};

// Abbreviations of the C0 controls (the Unicode "control pictures" ␇ ␛ … are missing from many UI fonts).
const C0_NAMES = [
  'NUL',
  'SOH',
  'STX',
  'ETX',
  'EOT',
  'ENQ',
  'ACK',
  'BEL',
  'BS',
  'HT',
  'LF',
  'VT',
  'FF',
  'CR',
  'SO',
  'SI',
  'DLE',
  'DC1',
  'DC2',
  'DC3',
  'DC4',
  'NAK',
  'SYN',
  'ETB',
  'CAN',
  'EM',
  'SUB',
  'ESC',
  'FS',
  'GS',
  'RS',
  'US',
];

// Bidi controls, C0 controls (except what each mode keeps), DEL and C1 controls, zero-width characters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPECT_BLOCK = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0000-\u001f\u007f-\u009f\u00ad\u200b\u2060\ufeff]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPECT_INLINE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/g;

function replacement(ch: string, keepLayout: boolean): string {
  const code = ch.charCodeAt(0);
  const bidi = BIDI_NAMES[code];
  if (bidi !== undefined) return `⟦${bidi}⟧`;
  const zw = ZERO_WIDTH_NAMES[code];
  if (zw !== undefined) return `⟦${zw}⟧`;
  if (code === 0x0a) return keepLayout ? '\n' : ' ⏎ ';
  if (code === 0x09) return keepLayout ? '\t' : ' ';
  if (code === 0x0d) return ''; // CR LF shows as one break; a lone CR as none
  if (code < 0x20) return `⟦${C0_NAMES[code]}⟧`;
  if (code === 0x7f) return '⟦DEL⟧';
  return `⟦U+${code.toString(16).toUpperCase().padStart(4, '0')}⟧`;
}

/** Text for multi-line blocks (messages, attribute values): keeps newlines and tabs; CR dropped. */
export function blockText(text: string): string {
  return text.replace(SUSPECT_BLOCK, (ch) => replacement(ch, true));
}

export const INLINE_LIMIT = 400;

/** Text for one line (names, labels): no line breaks, clipped to `limit` characters with an ellipsis. */
export function inlineText(text: string, limit = INLINE_LIMIT): string {
  let head = text.length > limit ? text.slice(0, limit) : text;
  if (head.length < text.length && /[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1); // do not split a surrogate pair
  const safe = head.replace(SUSPECT_INLINE, (ch) => replacement(ch, false));
  return text.length > limit ? `${safe}…` : safe;
}
