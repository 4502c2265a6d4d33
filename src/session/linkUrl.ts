/**
 * The host's own check of a URL the webview asks it to open (`openLink`). The webview already
 * links only vetted URLs (webview/text/markdown.ts `safeHref`), but the host trusts nothing the
 * webview sends: a compromised or buggy page must not make VS Code open `command:`, `file:`,
 * `vscode:` or any other scheme, nor a URL that smuggles credentials (`https://user:pw@host`,
 * a classic way to disguise the real host in a prompt).
 */
import { MAX_LINK_URL_LENGTH } from '../core/protocol';

const SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export type LinkCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

/** The normalised URL when it may be opened (http, https or mailto; no credentials; bounded length), else why not. */
export function checkLinkUrl(raw: string): LinkCheck {
  if (raw.length === 0 || raw.length > MAX_LINK_URL_LENGTH) return { ok: false, reason: `a link must be 1..${MAX_LINK_URL_LENGTH} characters` };
  // Whitespace and control characters are what browsers strip or reinterpret before the scheme.
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(raw)) return { ok: false, reason: 'a link must not contain spaces or control characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (!SCHEMES.has(url.protocol)) return { ok: false, reason: `only http, https and mailto links are opened, not ${url.protocol.slice(0, 40)}` };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'links with a user name or password are not opened' };
  if (url.protocol !== 'mailto:' && url.hostname === '') return { ok: false, reason: 'a web link needs a host' };
  if (url.href.length > MAX_LINK_URL_LENGTH) return { ok: false, reason: `a link must be 1..${MAX_LINK_URL_LENGTH} characters` };
  return { ok: true, url: url.href };
}
