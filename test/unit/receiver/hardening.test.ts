/**
 * Every hardening rule of the receiver, one request each, over real HTTP on loopback.
 * Bodies come from the OpenTelemetry serializers (requests.ts) or are built by hand.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtlpHttpReceiver, type SpanSink } from '../../../src/receiver/server/otlpHttpReceiver';
import { findFreePort, NonLoopbackBindError, PortInUseError } from '../../../src/receiver/server/ports';
import { send, startTestReceiver } from './helpers';
import { agentSpans, jsonBody, protoBody, readStatusProto, requestOf, spanMsg } from './requests';

const MiB = 1024 * 1024;
const PB = { 'Content-Type': 'application/x-protobuf' };
const JSONCT = { 'Content-Type': 'application/json' };
const TRACE = '0af7651916cd43dd8448eb211c80319c';

let local: Awaited<ReturnType<typeof startTestReceiver>>;
let url: string;
let port: number;
const validProto = protoBody(agentSpans(1, 5));
const validJson = jsonBody(agentSpans(1, 5, 11));

beforeAll(async () => {
  local = await startTestReceiver({ allowedOrigins: ['vscode-webview://trusted'] });
  url = local.tracesUrl;
  port = local.address.port;
});
afterAll(async () => {
  await local.dispose();
});

describe('accepts what it should', () => {
  it('protobuf → 200 with an empty ExportTraceServiceResponse', async () => {
    const r = await send(url, { headers: PB, body: validProto });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/x-protobuf');
    expect(r.body.length).toBe(0);
    expect(ProtobufTraceSerializer.deserializeResponse(r.body).partialSuccess).toBeUndefined();
  });

  it('JSON with a charset parameter → 200 with {}', async () => {
    const r = await send(url, { headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: validJson });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body.toString())).toEqual({});
  });

  it('gzip bodies', async () => {
    expect((await send(url, { headers: { ...PB, 'Content-Encoding': 'gzip' }, body: gzipSync(validProto) })).status).toBe(200);
    expect((await send(url, { headers: { ...JSONCT, 'Content-Encoding': 'gzip' }, body: gzipSync(validJson) })).status).toBe(200);
  });

  it('Expect: 100-continue (curl sends it for bodies over 1 KB): 100 Continue, then 200', async () => {
    const u = new URL(url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          agent: false,
          headers: { ...PB, 'Content-Length': validProto.length, Expect: '100-continue' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('continue', () => req.end(validProto));
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(200);
  });

  it('an empty protobuf request is a valid empty export', async () => {
    const r = await send(url, { headers: PB, body: new Uint8Array(0) });
    expect(r.status).toBe(200);
  });

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('Host %s with and without the port', async (h) => {
    expect((await send(url, { headers: { ...PB, Host: `${h}:${port}` }, body: validProto })).status).toBe(200);
    expect((await send(url, { headers: { ...PB, Host: h }, body: validProto })).status).toBe(200);
  });
});

describe('refuses what it should', () => {
  // PORT is replaced by the receiver's port at run time (it is not known when the cases are listed).
  it.each(['evil.example', 'evil.example:PORT', '192.168.1.10', '127.0.0.1.nip.io:PORT', '127.0.0.1:1', 'localhost@evil.example', '[::1', ''])(
    'Host "%s" → 421',
    async (h) => {
      const r = await send(url, { headers: { ...PB, Host: h.replace('PORT', String(port)) }, body: validProto });
      expect(r.status).toBe(421);
      expect(readStatusProto(r.body)).toMatchObject({ code: 7 });
    },
  );

  it('Host naming the receiver on another port → 421', async () => {
    const r = await send(url, { headers: { ...PB, Host: `127.0.0.1:${port + 1}` }, body: validProto });
    expect(r.status).toBe(421);
  });

  it('a browser Origin → 403; an allowed one → 200 with CORS headers, and its preflight → 204', async () => {
    const r = await send(url, { headers: { ...JSONCT, Origin: 'https://evil.example' }, body: validJson });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body.toString())).toMatchObject({ code: 7 });
    expect(r.body.toString()).toContain('https://evil.example');
    const ok = await send(url, { headers: { ...JSONCT, Origin: 'vscode-webview://trusted' }, body: validJson });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('vscode-webview://trusted');
    const pre = await send(url, { method: 'OPTIONS', headers: { Origin: 'vscode-webview://trusted', 'Access-Control-Request-Method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-methods']).toBe('POST');
    const badPre = await send(url, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(badPre.status).toBe(403);
  });

  it.each(['/v1/metrics', '/', '/v1/traces/../x', '/v1/tracesX'])('path %s → 404', async (p) => {
    const r = await send(url, { path: p, headers: PB, body: validProto });
    expect(r.status).toBe(404);
    expect(readStatusProto(r.body).code).toBe(5);
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('%s /v1/traces → 405 with Allow: POST', async (m) => {
    const r = await send(url, { method: m, headers: m === 'GET' ? {} : PB, body: m === 'GET' ? undefined : validProto });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
  });

  it.each([undefined, 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/grpc'])('Content-Type %s → 415', async (ct) => {
    const r = await send(url, { headers: ct ? { 'Content-Type': ct } : {}, body: validJson });
    expect(r.status).toBe(415);
    expect(JSON.parse(r.body.toString()).message).toMatch(/Content-Type/);
  });

  it.each(['br', 'deflate', 'zstd'])('Content-Encoding %s → 415', async (ce) => {
    const r = await send(url, { headers: { ...PB, 'Content-Encoding': ce }, body: validProto });
    expect(r.status).toBe(415);
    expect(readStatusProto(r.body).message).toMatch(/Content-Encoding/);
  });

  it('Content-Length over 20 MiB → 413 before any body byte is read', async () => {
    // Only the headers and a few bytes are sent: the answer cannot depend on reading the body.
    const r = await send(url, { headers: { ...PB, 'Content-Length': String(20 * MiB + 1) }, bodyChunks: [new Uint8Array(10)] });
    expect(r.status).toBe(413);
    expect(readStatusProto(r.body)).toMatchObject({ code: 8 });
    expect(r.headers.connection).toBe('close');
  });

  it('a chunked body that streams past 20 MiB → 413 (streamed bytes are counted)', async () => {
    const chunk = new Uint8Array(MiB);
    function* body() {
      for (let i = 0; i < 40; i++) yield chunk;
    }
    const r = await send(url, { headers: { ...PB, 'Transfer-Encoding': 'chunked' }, bodyChunks: body() });
    expect(r.status).toBe(413);
  });

  it('Expect: 100-continue with an oversized Content-Length → 413 without 100 Continue', async () => {
    const r = await send(url, { headers: { ...PB, 'Content-Length': String(30 * MiB), Expect: '100-continue' }, bodyChunks: [] });
    expect(r.status).toBe(413);
  });

  it('a gzip bomb (1 GiB of zeros in ~1 MB) → 413, decided while inflating', async () => {
    const member = gzipSync(Buffer.alloc(16 * MiB));
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member)); // 64 gzip members = 1 GiB inflated
    expect(bomb.length).toBeLessThan(2 * MiB);
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const r = await send(url, { headers: { ...PB, 'Content-Encoding': 'gzip' }, body: bomb });
    const ms = performance.now() - t0;
    expect(r.status).toBe(413);
    expect(readStatusProto(r.body).message).toMatch(/inflates to more than 64 MiB/);
    // Inflating 1 GiB would take seconds and hold a GiB; stopping at 64 MiB does neither.
    expect(process.memoryUsage().rss - rss0).toBeLessThan(256 * MiB);
    expect(ms).toBeLessThan(5000);
  });

  it('corrupt gzip → 400', async () => {
    const gz = gzipSync(validProto);
    gz[gz.length - 6] ^= 0xff; // break the CRC
    const r = await send(url, { headers: { ...PB, 'Content-Encoding': 'gzip' }, body: gz });
    expect(r.status).toBe(400);
    expect(readStatusProto(r.body).message).toMatch(/gzip/);
  });

  it.each([
    ['random bytes', Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) & 255)],
    ['text sent as protobuf', new TextEncoder().encode('hello, this is not protobuf')],
    ['a truncated request', validProto.subarray(0, Math.floor(validProto.length / 2))],
  ])('malformed protobuf (%s) → 400 with a google.rpc.Status', async (_name, body) => {
    const r = await send(url, { headers: PB, body });
    expect(r.status).toBe(400);
    const st = readStatusProto(r.body);
    expect(st.code).toBe(3);
    expect(st.message).toMatch(/^malformed protobuf ExportTraceServiceRequest: /);
  });

  it.each([
    ['invalid JSON', '{"resourceSpans": [', /^malformed JSON ExportTraceServiceRequest: /],
    ['a JSON array', '[{"traceId":"x"}]', /top level is an array/],
    ['a JSON string', '"hello"', /a string/],
    ['an empty body', '', /empty/],
  ])('malformed JSON (%s) → 400 with {code, message}', async (_name, body, msg) => {
    const r = await send(url, { headers: JSONCT, body });
    expect(r.status).toBe(400);
    const st = JSON.parse(r.body.toString());
    expect(st.code).toBe(3);
    expect(st.message).toMatch(msg);
  });

  it('garbage that is not HTTP → 400, and the receiver keeps serving', async () => {
    const text = await new Promise<string>((resolve) => {
      const sock = connect(port, '127.0.0.1', () => sock.write('\x16\x03\x01 not http at all\r\n\r\n'));
      let got = '';
      sock.on('data', (d) => (got += d.toString()));
      sock.on('close', () => resolve(got));
      sock.on('error', () => resolve(got));
    });
    expect(text).toMatch(/^HTTP\/1.1 400/);
    expect((await send(url, { headers: PB, body: validProto })).status).toBe(200);
  });
});

describe('partial success', () => {
  it('protobuf: unreadable spans and spans without a usable trace id are rejected, the rest stored', async () => {
    const good = spanMsg(TRACE, 'b7ad6b7169203331', 'kept');
    const zeroTrace = spanMsg('00000000000000000000000000000000', 'b7ad6b7169203332', 'zero trace id');
    const shortTrace = spanMsg('0af76519', 'b7ad6b7169203333', 'four-byte trace id');
    const broken = [...spanMsg(TRACE, 'b7ad6b7169203334', 'broken'), 0x4a, 0x05, 0x0a, 0x03]; // attribute field 9 whose length runs past the span
    const r = await send(url, { headers: PB, body: requestOf([good, zeroTrace, shortTrace, broken]) });
    expect(r.status).toBe(200);
    const resp = ProtobufTraceSerializer.deserializeResponse(r.body);
    expect(Number(resp.partialSuccess?.rejectedSpans)).toBe(3);
    expect(resp.partialSuccess?.errorMessage).toMatch(/^3 spans rejected: /);
    expect(resp.partialSuccess?.errorMessage).toMatch(/all zeros/);
    await local.store.flush();
    expect(local.store.get(TRACE)?.rootName).toBe('kept');
  });

  it('JSON: partialSuccess with rejectedSpans as a decimal string', async () => {
    const body = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                { traceId: 'not-hex', spanId: 'b7ad6b7169203331', name: 'x' },
                'not a span',
                { traceId: '1af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', name: 'fine' },
              ],
            },
          ],
        },
      ],
    });
    const r = await send(url, { headers: JSONCT, body });
    expect(r.status).toBe(200);
    const resp = JSON.parse(r.body.toString());
    expect(resp.partialSuccess.rejectedSpans).toBe('2');
    expect(resp.partialSuccess.errorMessage).toMatch(/not 16 bytes of hex/);
  });

  it('JSON with unknown fields only: 200, nothing stored, a warning in partialSuccess', async () => {
    const r = await send(url, { headers: JSONCT, body: '{"data":[{"spans":[]}]}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.toString())).toEqual({
      partialSuccess: { rejectedSpans: '0', errorMessage: 'no resourceSpans in the request; ignored the fields "data"' },
    });
    expect((await send(url, { headers: JSONCT, body: '{}' })).body.toString()).toBe('{}');
  });
});

describe('back-pressure and failures', () => {
  it('full in-flight queue → 503 with Retry-After, and service resumes', async () => {
    const busy = await startTestReceiver({ limits: { maxConcurrentRequests: 1 } });
    try {
      // A slow client holds the only slot: headers and half its body, then it waits.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const half = validProto.length >> 1;
      async function* slow() {
        yield validProto.subarray(0, half);
        await gate;
        yield validProto.subarray(half);
      }
      const first = send(busy.tracesUrl, { headers: { ...PB, 'Content-Length': String(validProto.length) }, bodyChunks: slow() });
      await until(() => busy.receiver.inFlightRequests === 1);
      const r = await send(busy.tracesUrl, { headers: PB, body: validProto });
      expect(r.status).toBe(503);
      expect(r.headers['retry-after']).toBe('1');
      release();
      expect((await first).status).toBe(200);
      expect((await send(busy.tracesUrl, { headers: PB, body: validProto })).status).toBe(200);
    } finally {
      await busy.dispose();
    }
  });

  it('store buffer over its limit (a slow disk) → 503 until it is flushed', async () => {
    const busy = await startTestReceiver({ limits: { maxPendingStoreBytes: 1 }, store: { flushIntervalMs: 200 } });
    try {
      expect((await send(busy.tracesUrl, { headers: PB, body: validProto })).status).toBe(200);
      const r = await send(busy.tracesUrl, { headers: PB, body: validProto });
      expect(r.status).toBe(503);
      expect(r.headers['retry-after']).toBe('1');
      await busy.store.flush();
      expect((await send(busy.tracesUrl, { headers: PB, body: validProto })).status).toBe(200);
    } finally {
      await busy.dispose();
    }
  });

  it('in-flight byte budget → 503 for a body that does not fit', async () => {
    const busy = await startTestReceiver({ limits: { maxInFlightBytes: 1000 } });
    try {
      expect(validProto.length).toBeGreaterThan(1000);
      const r = await send(busy.tracesUrl, { headers: PB, body: validProto });
      expect(r.status).toBe(503);
      const chunked = await send(busy.tracesUrl, { headers: { ...PB, 'Transfer-Encoding': 'chunked' }, bodyChunks: [validProto] });
      expect(chunked.status).toBe(503);
    } finally {
      await busy.dispose();
    }
  });

  it('a throwing handler → 500, logged, and the receiver keeps serving', async () => {
    let calls = 0;
    const sink: SpanSink = {
      pendingBytes: 0,
      append() {
        if (++calls === 1) throw new Error('disk on fire');
      },
    };
    const logs: string[] = [];
    const rcv = new OtlpHttpReceiver(sink, { port: 0, log: (l, m) => logs.push(`${l}: ${m}`) });
    const addr = await rcv.start();
    try {
      const r = await send(`${addr.url}/v1/traces`, { headers: PB, body: validProto });
      expect(r.status).toBe(500);
      expect(readStatusProto(r.body)).toEqual({ code: 13, message: 'internal error in the receiver (logged)' });
      expect(logs.some((l) => l.startsWith('error:') && l.includes('disk on fire'))).toBe(true);
      expect((await send(`${addr.url}/v1/traces`, { headers: PB, body: validProto })).status).toBe(200);
    } finally {
      await rcv.stop();
    }
  });
});

describe('binding', () => {
  const sink: SpanSink = { pendingBytes: 0, append() {} };

  it('refuses a non-loopback address unless allowed', async () => {
    await expect(new OtlpHttpReceiver(sink, { host: '0.0.0.0', port: 0 }).start()).rejects.toBeInstanceOf(NonLoopbackBindError);
    const allowed = new OtlpHttpReceiver(sink, { host: '0.0.0.0', port: 0, allowNonLoopback: true });
    await expect(allowed.start()).resolves.toMatchObject({ host: '0.0.0.0' });
    await allowed.stop();
  });

  it('a taken port → PortInUseError naming a free port', async () => {
    const err = await new OtlpHttpReceiver(sink, { port }).start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortInUseError);
    const e = err as PortInUseError;
    expect(e.message).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(e.suggestedPort).toBeGreaterThan(0);
    expect(e.suggestedPort).not.toBe(port);
    const other = new OtlpHttpReceiver(sink, { port: e.suggestedPort });
    await expect(other.start()).resolves.toMatchObject({ port: e.suggestedPort });
    await other.stop();
  });

  it('findFreePort returns the preferred port when it is free, and skips a taken one', async () => {
    const free = await findFreePort('127.0.0.1', 0 + (await findFreePort('127.0.0.1', 0)));
    expect(await findFreePort('127.0.0.1', free)).toBe(free);
    expect(await findFreePort('127.0.0.1', port)).not.toBe(port);
  });
});

async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
