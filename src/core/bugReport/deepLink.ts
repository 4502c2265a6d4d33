/**
 * The deep link of a bug report: `vscode://agent-trace-debugger.agent-trace-debugger/open?trace=…&span=…&file=…`
 * (or `&connection=…`), which opens the same trace at the same span in VS Code for anyone who
 * has the file or the same configured connection. Built here for report.md and Copy Link to
 * Span; parsed here for the URI handler, where the link is untrusted input: every parameter is
 * validated and anything unexpected (an unknown or repeated key, a bad id, a URL where a path
 * belongs, a control character) rejects the whole link.
 */
import { fail, ok, type Checked } from '../protocol/validate/kit';

/** `<publisher>.<name>` from package.json: the authority VS Code routes the link by. */
export const EXTENSION_ID = 'agent-trace-debugger.agent-trace-debugger';
/** The link's path. */
export const DEEP_LINK_PATH = '/open';

/** Longest `file=` path and whole query accepted (a link is pasted into trackers, not a transport). */
export const MAX_LINK_PATH_LENGTH = 4096;
export const MAX_LINK_QUERY_LENGTH = 8192;
/** Connection ids (src/connections): letters, digits, `.`, `_`, `-`, at most 64. */
const CONNECTION_ID = /^[A-Za-z0-9._-]{1,64}$/;
const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
/** C0/C1 controls, DEL, bidi overrides and isolates, zero-width characters, line/paragraph separators. */
// eslint-disable-next-line no-control-regex
const BAD_PATH_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
/** A URL scheme (`http:`, `file:`, `command:`); a Windows drive (`C:\`, `C:/`) is not one. */
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const DRIVE = /^[A-Za-z]:[\\/]/;

/** Where the linked trace is: a file path (absolute, or relative to the workspace) or a configured connection. */
export type DeepLinkSource = { readonly file: string } | { readonly connection: string };

export type DeepLink = {
  /** 32 lower-case hex characters. */
  readonly traceId: string;
  /** 16 lower-case hex characters; absent: open the trace without selecting a span. */
  readonly spanId?: string;
} & DeepLinkSource;

/** The link text. `scheme` is VS Code's (`vscode.env.uriScheme`: `vscode`, `vscode-insiders`, `code-oss`…). */
export function buildDeepLink(link: DeepLink, scheme = 'vscode'): string {
  const params = [`trace=${link.traceId}`];
  if (link.spanId) params.push(`span=${link.spanId}`);
  if ('file' in link) params.push(`file=${encodeURIComponent(link.file)}`);
  else params.push(`connection=${encodeURIComponent(link.connection)}`);
  return `${scheme}://${EXTENSION_ID}${DEEP_LINK_PATH}?${params.join('&')}`;
}

/**
 * Validates a link's path and query as VS Code's URI handler receives them (`uri.path`,
 * `uri.query`): `vscode.Uri.parse` has already percent-decoded both, so values are taken as
 * they are (decoding again would garble a path holding `%`). A path holding `&` therefore
 * cannot travel in a link: it splits into an unknown parameter and the link is rejected. Exactly: `trace` (32 hex, either case), optional `span` (16
 * hex), and one of `file` (a path: no URL scheme, no control/bidi/zero-width characters, no NUL,
 * at most 4096 characters) or `connection` (an id of `[A-Za-z0-9._-]`, at most 64).
 */
export function parseDeepLink(path: string, query: string): Checked<DeepLink> {
  if (path !== DEEP_LINK_PATH) return fail(`unknown link path ${JSON.stringify(path.slice(0, 60))} (expected ${DEEP_LINK_PATH})`);
  if (query.length > MAX_LINK_QUERY_LENGTH) return fail(`the link is longer than ${MAX_LINK_QUERY_LENGTH} characters`);
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (key !== 'trace' && key !== 'span' && key !== 'file' && key !== 'connection') return fail(`unknown link parameter ${JSON.stringify(key.slice(0, 40))}`);
    if (params.has(key)) return fail(`the link repeats ${key}=`);
    params.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  const traceId = params.get('trace')?.toLowerCase();
  if (traceId === undefined || !TRACE_ID.test(traceId)) return fail('trace= must be a trace id of 32 hex characters');
  const spanParam = params.get('span');
  const spanId = spanParam?.toLowerCase();
  if (spanId !== undefined && !SPAN_ID.test(spanId)) return fail('span= must be a span id of 16 hex characters');
  const file = params.get('file');
  const connection = params.get('connection');
  if ((file === undefined) === (connection === undefined)) return fail('the link needs exactly one of file= and connection=');
  const ids = spanId === undefined ? { traceId } : { traceId, spanId };
  if (file !== undefined) {
    const bad = checkPath(file);
    return bad ? fail(`file= ${bad}`) : ok({ ...ids, file });
  }
  if (!CONNECTION_ID.test(connection!)) return fail('connection= must be a connection id of letters, digits, ".", "_" and "-" (at most 64)');
  return ok({ ...ids, connection: connection! });
}

/** Why `path` is not acceptable as a `file=` value, or undefined. */
function checkPath(path: string): string | undefined {
  if (path === '') return 'is empty';
  if (path.length > MAX_LINK_PATH_LENGTH) return `is longer than ${MAX_LINK_PATH_LENGTH} characters`;
  if (BAD_PATH_CHARS.test(path)) return 'holds control, bidi or zero-width characters';
  if (URL_SCHEME.test(path) && !DRIVE.test(path)) return 'must be a file path, not a URL';
  if (path.startsWith('\\\\') || path.startsWith('//')) return 'must be a local path, not a network share';
  return undefined;
}
