/**
 * Base URLs and request URLs. A base URL is untrusted (settings, a pasted link, the command line):
 * http/https only, no user name or password in it (credentials go in `Credentials`), no query or
 * fragment, at most 2,048 characters. Request URLs are built by appending the backend's path to
 * the base's path, so a prefix such as `/jaeger` or Grafana Cloud's `/tempo` is kept.
 */
import { BackendError } from './types';

/** The WHATWG URL parts core reads. Declared here, not in platform.d.ts, so host code keeps Node's full URL type. */
interface UrlParts {
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly href: string;
}
// The global URL (Node ≥ 18, browsers, VS Code's extension host), typed for this module only.
declare const URL: new (url: string, base?: string) => UrlParts;

export const MAX_URL_LENGTH = 2048;

/** The base URL normalised: no trailing slash. Throws a `bad-request` BackendError saying what is wrong. */
export function normalizeBaseUrl(input: string): string {
  const u = parseHttpUrl(input);
  if (u.search || u.hash) throw new BackendError('bad-request', 'the base URL must not have a query (?…) or fragment (#…)');
  return u.origin + u.pathname.replace(/\/+$/, '');
}

/** Parses an http(s) URL with the checks every untrusted URL gets. */
export function parseHttpUrl(input: string): UrlParts {
  const text = input.trim();
  if (text.length > MAX_URL_LENGTH) throw new BackendError('bad-request', `the URL is longer than ${MAX_URL_LENGTH} characters`);
  let u: UrlParts;
  try {
    u = new URL(text);
  } catch {
    throw new BackendError('bad-request', 'not a URL (expected http://… or https://…)');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new BackendError('bad-request', `only http and https URLs are accepted, not ${u.protocol.replace(/:$/, '')}`);
  if (u.username || u.password) throw new BackendError('bad-request', 'the URL must not contain a user name or password: give credentials separately');
  return u;
}

/** `base` + `path` + query. Values are percent-encoded here; undefined values are left out; arrays repeat the key. */
export function buildUrl(base: string, path: string, query: Readonly<Record<string, string | number | boolean | readonly string[] | undefined>> = {}): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [String(v)];
    for (const one of values) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(one)}`);
  }
  return base + path + (parts.length ? '?' + parts.join('&') : '');
}

/** A path segment from untrusted text (a trace id, a project name), percent-encoded. */
export function segment(s: string): string {
  return encodeURIComponent(s);
}

/** The origin of an absolute URL, or undefined when it is not one. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * `url` for messages: no user info, query or fragment (queries can carry filters users consider
 * private; credentials are only ever in headers, but a pasted URL may carry `user:pw@`).
 */
export function urlForMessage(url: string): string {
  try {
    const u = new URL(url.trim());
    const origin = u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
    return origin + (u.pathname === '/' ? '' : u.pathname);
  } catch {
    return '(invalid URL)';
  }
}

/** `location` resolved against `base` (a redirect target), or undefined when it is not a URL. */
export function resolveUrl(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}
