/**
 * The one request path every client takes: headers (config + credentials), retries, redirects,
 * caps, cancellation and the mapping of HTTP failures to `BackendError`s in plain words.
 *
 * Policy (docs/trace-backends.md §9):
 * - 429, 503 and 502/504 are retried up to `MAX_ATTEMPTS` times, waiting `Retry-After`
 *   (seconds or an HTTP date) or else 0.5 s, 1 s, 2 s. A `Retry-After` longer than
 *   `MAX_RETRY_WAIT_MS` is not waited for: the call fails with `rate-limited` and the wait.
 * - Redirects are followed only within the same origin (at most 3). A redirect to another
 *   origin is never followed (the request carries credentials, and a base URL that moved
 *   should be corrected, not silently chased): the error names the new origin.
 * - Every message goes through `redact`, which removes every credential value, so a server
 *   that echoes our headers cannot leak them into a message.
 */
import { throwIfCancelled } from './cancel';
import {
  BackendError,
  BACKEND_NAMES,
  type BackendKind,
  type CancelSignal,
  type ConnectionConfig,
  type Credentials,
  type HttpResponse,
  type Transport,
} from './types';
import { buildUrl, originOf, resolveUrl, urlForMessage } from './url';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Per-response cap; FetchOptions.maxBytes caps the sum over pages. */
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
export const MAX_ATTEMPTS = 4;
export const MAX_RETRY_WAIT_MS = 30_000;
const MAX_REDIRECTS = 3;
const RETRIED = new Set([429, 502, 503, 504]);

export type QueryParams = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** What a client holds for its connection: everything needed to send one request. */
export class HttpContext {
  private readonly headers: Readonly<Record<string, string>>;
  private readonly secrets: readonly string[];

  constructor(
    readonly kind: BackendKind,
    readonly baseUrl: string,
    config: Pick<ConnectionConfig, 'headers' | 'tenant'>,
    credentials: Credentials,
    readonly transport: Transport,
    readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    const h: Record<string, string> = { accept: 'application/json' };
    for (const [k, v] of Object.entries(config.headers ?? {})) h[k.toLowerCase()] = v;
    if (config.tenant) h['x-scope-orgid'] = config.tenant;
    const secrets: string[] = [];
    if (credentials.basic) {
      const token = base64Utf8(`${credentials.basic.username}:${credentials.basic.password}`);
      h.authorization = `Basic ${token}`;
      secrets.push(token, credentials.basic.password);
    }
    if (credentials.bearer) {
      h.authorization = `Bearer ${credentials.bearer}`;
      secrets.push(credentials.bearer);
    }
    for (const [k, v] of Object.entries(credentials.headers ?? {})) {
      h[k.toLowerCase()] = v;
      secrets.push(v);
      const m = /^\s*\S+\s+(.+)$/.exec(v); // "Bearer xyz" → also hide "xyz"
      if (m) secrets.push(m[1]);
    }
    this.headers = h;
    this.secrets = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  }

  get name(): string {
    return BACKEND_NAMES[this.kind];
  }

  /** True when requests carry an Authorization header or secret headers. */
  get hasCredentials(): boolean {
    return this.secrets.length > 0;
  }

  /** `text` with every credential value replaced by `***`. */
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('***');
    return out;
  }

  url(path: string, query?: QueryParams): string {
    return buildUrl(this.baseUrl, path, query);
  }

  /**
   * GETs `url`, retrying and following same-origin redirects as above. Returns whatever status
   * the server ends with; `expectOk` or the client's own checks judge it.
   */
  async get(url: string, signal: CancelSignal, maxBytes = DEFAULT_MAX_RESPONSE_BYTES): Promise<HttpResponse> {
    let current = url;
    let redirects = 0;
    for (let attempt = 1; ; attempt++) {
      throwIfCancelled(signal);
      const res = await this.transport.request({ method: 'GET', url: current, headers: this.headers, timeoutMs: this.timeoutMs, maxBytes }, signal);
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        current = this.redirectTarget(current, res);
        if (++redirects > MAX_REDIRECTS) throw new BackendError('redirect', `${this.name} redirected more than ${MAX_REDIRECTS} times`, { status: res.status });
        attempt--;
        continue;
      }
      if (!RETRIED.has(res.status) || attempt >= MAX_ATTEMPTS) return res;
      const wait = retryAfterMs(res.headers['retry-after']) ?? 500 * 2 ** (attempt - 1);
      if (wait > MAX_RETRY_WAIT_MS) return res;
      await this.transport.delay(wait, signal);
    }
  }

  private redirectTarget(from: string, res: HttpResponse): string {
    const location = res.headers.location;
    if (!location) throw new BackendError('redirect', `${this.name} answered with a redirect (HTTP ${res.status}) without a target`, { status: res.status });
    const target = resolveUrl(location, from);
    if (!target) throw new BackendError('redirect', `${this.name} redirected to an invalid URL`, { status: res.status });
    const to = originOf(target);
    if (to !== originOf(from))
      throw new BackendError(
        'redirect',
        this.redact(
          `${this.name} redirected to another origin (${to ?? 'unknown'}); not followed, since requests carry the connection's credentials: if the server moved, use that address as the base URL`,
        ),
        { status: res.status },
      );
    return target;
  }

  /** Throws the matching BackendError unless `res` is 2xx. `what` names the thing asked for ("trace 4bf9…"). */
  expectOk(res: HttpResponse, url: string, what: string): void {
    if (res.status >= 200 && res.status < 300) return;
    throw this.errorFor(res, url, what);
  }

  errorFor(res: HttpResponse, url: string, what: string): BackendError {
    const status = res.status;
    const server = serverMessage(res);
    const said = server ? `: ${server}` : '';
    const where = urlForMessage(url);
    let err: BackendError;
    if (status === 401 || status === 403)
      err = new BackendError('auth', `${this.name} refused the credentials (HTTP ${status})${said}: ${authHint(this.kind, status, this.hasCredentials)}`, {
        status,
      });
    else if (status === 404)
      err = new BackendError('not-found', `${what} not found on ${this.name} (HTTP 404${said}): wrong id, or past the backend's retention`, { status });
    else if (status === 429) {
      const retry = retryAfterMs(res.headers['retry-after']);
      err = new BackendError(
        'rate-limited',
        `${this.name} is rate-limiting requests (HTTP 429)${retry !== undefined ? `; it asks to wait ${Math.ceil(retry / 1000)} s` : ''}: try again later`,
        {
          status,
          ...(retry !== undefined ? { retryAfterMs: retry } : {}),
        },
      );
    } else if (status === 400 || status === 422)
      err = new BackendError('bad-request', `${this.name} rejected the request for ${where} (HTTP ${status})${said}`, { status });
    else if (status === 413) err = new BackendError('too-large', `${what} is too large for ${this.name} to return (HTTP 413)${said}`, { status });
    else if (status >= 500) err = new BackendError('server', `${this.name} failed to answer (HTTP ${status})${said}`, { status });
    else err = new BackendError('wrong-backend', `unexpected answer from ${where} (HTTP ${status})${said}: is this a ${this.name} server?`, { status });
    return new BackendError(err.kind, this.redact(err.message), err.details);
  }

  /** Parses a JSON body; a body that is not JSON means this is not the backend we think. */
  json(res: HttpResponse, url: string): unknown {
    try {
      return JSON.parse(decodeUtf8(res.body));
    } catch {
      const type = res.headers['content-type'] ?? '';
      const looksHtml = /html/i.test(type) || /^\s*</.test(decodeUtf8(res.body.subarray(0, 64)));
      throw new BackendError(
        looksHtml ? 'wrong-backend' : 'malformed',
        looksHtml
          ? `${urlForMessage(url)} answered with a web page, not ${this.name}'s API: check the base URL (it should be the API's root, not a login or UI page)`
          : `${urlForMessage(url)} did not answer with JSON: is this a ${this.name} server?`,
      );
    }
  }

  /** A `malformed` error for an answer of the wrong shape. */
  malformed(url: string, expected: string): BackendError {
    return new BackendError('malformed', `${urlForMessage(url)} answered, but not with ${expected}: is this a ${this.name} server of a supported version?`);
  }
}

function authHint(kind: BackendKind, status: number, hasCredentials: boolean): string {
  if (!hasCredentials)
    return kind === 'langfuse'
      ? 'Langfuse needs its public and secret key'
      : kind === 'phoenix'
        ? 'this Phoenix has auth on: it needs an API key'
        : 'this server needs credentials';
  if (kind === 'langfuse')
    return 'the Langfuse keys were refused: check the public and secret key (and the region: cloud.langfuse.com vs us.cloud.langfuse.com)';
  if (kind === 'phoenix') return status === 403 ? 'the Phoenix API key has no access to this (viewer role?)' : 'the Phoenix API key was refused: check it';
  if (kind === 'tempo') return 'check the token (Grafana Cloud: instance id and an access-policy token with traces:read) and the tenant';
  return 'check the credentials';
}

/** The server's own short error text: `{message}`, `{error:{message}}`, `{error}`, FastAPI `{detail}`, or plain text. */
export function serverMessage(res: HttpResponse): string | undefined {
  const text = decodeUtf8(res.body.subarray(0, 4096)).trim();
  if (!text) return undefined;
  let msg: string | undefined;
  try {
    const v: unknown = JSON.parse(text);
    msg = pickMessage(v);
  } catch {
    msg = /^\s*</.test(text) ? undefined : text;
  }
  if (!msg) return undefined;
  // eslint-disable-next-line no-control-regex
  const clean = msg.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return clean.length > 200 ? clean.slice(0, 199) + '…' : clean;
}

function pickMessage(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.message === 'string') return o.message;
  if (o.error && typeof o.error === 'object') return pickMessage(o.error);
  if (typeof o.error === 'string') return o.error;
  if (typeof o.detail === 'string') return o.detail;
  if (Array.isArray(o.detail)) {
    const first = o.detail[0] as Record<string, unknown> | undefined;
    if (first && typeof first.msg === 'string') return first.msg;
  }
  if (Array.isArray(o.errors) && o.errors[0] && typeof o.errors[0] === 'object') return pickMessage(o.errors[0]);
  if (typeof o.msg === 'string') return o.msg;
  return undefined;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - nowMs) : undefined;
}

export function decodeUtf8(b: Uint8Array): string {
  return new TextDecoder('utf-8').decode(b);
}

function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin);
}
