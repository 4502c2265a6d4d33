import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cancelSource, NEVER_CANCELLED } from '../../../src/core/backends/cancel';
import { createBackendClient } from '../../../src/core/backends/index';
import { retryAfterMs } from '../../../src/core/backends/http';
import type { BackendError } from '../../../src/core/backends/types';
import { nodeTransport } from '../../../src/backendsNode/nodeTransport';
import { AGENT_TRACE_ID } from '../../standins/dataset';
import { startStandin, type RunningStandin } from '../../standins/index';
import { clientFor, lastHour } from './connect';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});
async function standin(...args: Parameters<typeof startStandin>): Promise<RunningStandin> {
  const s = await startStandin(...args);
  running.push(s);
  return s;
}
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as BackendError,
  );

describe('the shared request path (http.ts) through the Node transport', () => {
  it('never follows a redirect to another origin, and says where it pointed', async () => {
    const other = await standin('zipkin');
    const s = await standin('zipkin', { redirectTo: other.url });
    const err = await fail(clientFor('zipkin', s.url, { headers: { authorization: 'Bearer zipkin-proxy-token' } }).probe(NEVER_CANCELLED));
    expect(err?.kind).toBe('redirect');
    expect(err?.message).toContain(`redirected to another origin (${other.url})`);
    expect(other.requests).toHaveLength(0); // the credentials never reached the other origin
  });

  it('follows a same-origin redirect', async () => {
    const target = await standin('zipkin');
    // A proxy in front that moves everything under /zipkin-api to the same origin's root.
    const proxy = http.createServer((req, res) => {
      if (req.url?.startsWith('/old')) {
        res.writeHead(301, { location: req.url.slice(4) });
        res.end();
        return;
      }
      http.get(target.url + req.url, (up) => {
        res.writeHead(up.statusCode ?? 500, up.headers);
        up.pipe(res);
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    running.push({ close: () => new Promise<void>((r) => proxy.close(() => r())) });
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/old`;
    expect(await clientFor('zipkin', url).probe(NEVER_CANCELLED)).toEqual({ ok: true, api: 'api/v2' });
  });

  it('times out a slow answer', async () => {
    const s = await standin('jaeger', { delayMs: 2000 });
    const c = createBackendClient({ kind: 'jaeger', baseUrl: s.url }, {}, nodeTransport, { timeoutMs: 300 });
    const err = await fail(c.probe(NEVER_CANCELLED));
    expect(err?.kind).toBe('timeout');
    expect(err?.message).toBe('no complete answer within 0.3 s');
  });

  it('cancels a request in flight', async () => {
    const s = await standin('tempo', { delayMs: 2000 });
    const cancel = cancelSource();
    const t0 = Date.now();
    const pending = fail(clientFor('tempo', s.url).fetchTrace(AGENT_TRACE_ID, cancel.signal));
    setTimeout(() => cancel.cancel(), 100);
    const err = await pending;
    expect(err?.kind).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('checks cancellation between pages', async () => {
    const s = await standin('phoenix', { pageSize: 1 });
    const cancel = cancelSource();
    // A transport that fires Cancel as soon as the first page has arrived.
    const transport = {
      ...nodeTransport,
      request: (req: Parameters<typeof nodeTransport.request>[0], sig: Parameters<typeof nodeTransport.request>[1]) =>
        nodeTransport.request(req, sig).finally(() => cancel.cancel()),
    };
    const c = createBackendClient({ kind: 'phoenix', baseUrl: s.url }, {}, transport);
    expect((await fail(c.fetchTrace(AGENT_TRACE_ID, cancel.signal)))?.kind).toBe('cancelled');
    expect(s.requests).toHaveLength(1); // 4 spans in pages of 1: only the first page was asked for
  });

  it('does not start when already cancelled', async () => {
    const s = await standin('tempo');
    const cancel = cancelSource();
    cancel.cancel();
    expect((await fail(clientFor('tempo', s.url).search(lastHour(), cancel.signal)))?.kind).toBe('cancelled');
    expect(s.requests).toHaveLength(0);
  });

  it('does not wait for a Retry-After longer than 30 s: rate-limited, with the wait', async () => {
    const s = await standin('langfuse', { rateLimitOnce: { retryAfterS: 120 } });
    const err = await fail(clientFor('langfuse', s.url).probe(NEVER_CANCELLED));
    expect(err?.kind).toBe('rate-limited');
    expect(err?.details.retryAfterMs).toBe(120_000);
    expect(err?.message).toContain('it asks to wait 120 s');
  });

  it('maps a closed port to unreachable in plain words', async () => {
    const s = await standin('zipkin');
    await s.close();
    running.pop();
    const err = await fail(clientFor('zipkin', s.url).probe(NEVER_CANCELLED));
    expect(err?.kind).toBe('unreachable');
    expect(err?.message).toBe('connection refused (is the server running on that port?)');
  });

  it('refuses an answer over the size cap', async () => {
    const s = await standin('jaeger', { bigTraceSpans: 2000 });
    const err = await fail(clientFor('jaeger', s.url).fetchTrace('b16b16b16b16b16b16b16b16b16b16b1', NEVER_CANCELLED, { maxBytes: 64 * 1024 }));
    expect(err?.kind).toBe('too-large');
  });

  it('keeps a credential the server echoes out of the message', async () => {
    const echo = http.createServer((req, res) => {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end(`forbidden for ${req.headers.authorization}`);
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    running.push({ close: () => new Promise<void>((r) => echo.close(() => r())) });
    const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    const err = await fail(clientFor('phoenix', url, { bearer: 'px-very-secret' }).probe(NEVER_CANCELLED));
    expect(err?.kind).toBe('auth');
    expect(err?.message).toContain('forbidden for Bearer ***');
    expect(err?.message).not.toContain('px-very-secret');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Wed, 02 Dec 2026 00:00:10 GMT', Date.parse('2026-12-02T00:00:00Z'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('refuses base URLs that are not plain http(s)', () => {
    const make = (baseUrl: string) => () => createBackendClient({ kind: 'jaeger', baseUrl }, {}, nodeTransport);
    expect(make('file:///etc/passwd')).toThrow('only http and https URLs are accepted, not file');
    expect(make('https://user:pw@jaeger.example')).toThrow('must not contain a user name or password');
    expect(make('https://jaeger.example/?x=1')).toThrow('must not have a query');
    expect(make('javascript:alert(1)')).toThrow('only http and https');
  });
});
