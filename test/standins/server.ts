/**
 * The loopback HTTP server every stand-in runs on, with the failure modes they share: required
 * credentials (wrong → 401/403 the backend's way), one 429 with Retry-After, a slow answer, a
 * redirect to another origin. Each backend module supplies `route`.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinRequest {
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface StandinAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

/** What a backend module sees of a request. */
export interface RouteRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  /** The stand-in's own origin, e.g. http://127.0.0.1:40123. */
  readonly origin: string;
}

export interface CommonOptions {
  /** Credentials the stand-in requires; others get 401 (the backend's own body). */
  readonly auth?: { readonly basic?: { readonly username: string; readonly password: string }; readonly bearer?: string };
  /** The first request gets 429 with this Retry-After (seconds). */
  readonly rateLimitOnce?: { readonly retryAfterS: number };
  /** Every answer waits this long. */
  readonly delayMs?: number;
  /** Every request is redirected (302) to this origin, same path. */
  readonly redirectTo?: string;
}

export interface RunningStandin {
  /** Base URL, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  /** Every request received, in order (headers included, for asserting what clients send). */
  readonly requests: StandinRequest[];
  close(): Promise<void>;
}

export type Route = (req: RouteRequest) => StandinAnswer;

export function json(status: number, value: unknown, headers: Record<string, string> = {}): StandinAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): StandinAnswer {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

/** True when the request carries the credentials `auth` asks for (or none are asked). */
export function authorized(auth: CommonOptions['auth'], headers: http.IncomingHttpHeaders): boolean {
  if (!auth) return true;
  const h = headers.authorization ?? '';
  if (auth.basic) return h === `Basic ${Buffer.from(`${auth.basic.username}:${auth.basic.password}`).toString('base64')}`;
  if (auth.bearer) return h === `Bearer ${auth.bearer}`;
  return true;
}

export function serve(route: Route, options: CommonOptions, unauthorized: (req: RouteRequest) => StandinAnswer | undefined): Promise<RunningStandin> {
  const requests: StandinRequest[] = [];
  let limited = false;
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } });
    const origin = `http://${req.headers.host}`;
    const u = new URL(req.url ?? '/', origin);
    const answer = (): StandinAnswer => {
      if (options.redirectTo) return { status: 302, headers: { location: options.redirectTo + u.pathname + u.search }, body: '' };
      if (options.rateLimitOnce && !limited) {
        limited = true;
        return json(429, { message: 'rate limit exceeded', error: 'TooManyRequests' }, { 'retry-after': String(options.rateLimitOnce.retryAfterS) });
      }
      const r: RouteRequest = { path: u.pathname, query: u.searchParams, headers: req.headers, origin };
      return unauthorized(r) ?? route(r);
    };
    const send = () => {
      let a: StandinAnswer;
      try {
        a = answer();
      } catch (e) {
        a = text(500, `stand-in failure: ${(e as Error).message}`);
      }
      res.writeHead(a.status, a.headers);
      res.end(a.body);
    };
    if (options.delayMs) setTimeout(send, options.delayMs);
    else send();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
