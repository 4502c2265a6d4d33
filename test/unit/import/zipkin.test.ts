import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { jaegerImporter } from '../../../src/core/import/jaeger';
import { deriveSpanId, zipkinImporter } from '../../../src/core/import/zipkin';
import { SpanKind, StatusCode, type Span } from '../../../src/core/model/span';
import type { Trace, TraceSet } from '../../../src/core/model/trace';

/** Input spans that reached no trace's tree (quarantined as duplicates or unreadable). */
function quarantinedCount(set: TraceSet): number {
  let n = set.inputSpanCount;
  for (const t of set.traces) n -= t.spans.length;
  return n;
}

// Expected values below were worked out from the files with python3 (json + collections), not
// read back from our output. Zipkin times are microseconds; the model's are nanoseconds.

const FIXTURES = join(__dirname, '../../fixtures');

function load(rel: string): TraceSet {
  return importTrace(new Uint8Array(readFileSync(join(FIXTURES, rel))));
}

function only(set: TraceSet): Trace {
  expect(set.traces).toHaveLength(1);
  return set.traces[0];
}

function parentOf(t: Trace, s: Span): Span | undefined {
  return s.parentIndex >= 0 ? t.spans[s.parentIndex] : undefined;
}

function named(t: Trace, name: string): Span[] {
  return t.spans.filter((s) => s.name === name);
}

function one(spans: Span[]): Span {
  expect(spans).toHaveLength(1);
  return spans[0];
}

const sharedId = (s: Span) => s.attributes.getString('zipkin.shared_span_id');
const count = (t: Trace, code: string) => t.diagnostics.filter((d) => d.code === code).length;

describe('Zipkin corpus', () => {
  it('smartthings-mobile-web-install: 1041 spans, 290 shared ids, all accounted for, a sane tree', () => {
    const set = load('corpus/zipkin/smartthings-mobile-web-install-1041-spans.json');
    expect(set.format).toBe('zipkin');
    expect(set.inputSpanCount).toBe(1041);
    const t = only(set);
    expect(t.spans.length + t.quarantined.length).toBe(1041);
    expect(quarantinedCount(set)).toBe(0); // no two records share id, endpoint and timestamp
    expect(t.traceId).toBe('0000000000000000' + '14b60fd9ae504820');
    expect(t.rootIndices.map((i) => t.spans[i].name)).toEqual(['get /login/tokenauth']);
    expect(count(t, 'orphan')).toBe(0);
    expect(count(t, 'duplicate-span-id')).toBe(0);
    expect(t.startNs).toBe(1543549524565942000n);
    expect(t.endNs).toBe(1543549830583187000n);
    expect(new Set(t.spans.map((s) => s.spanId)).size).toBe(1041);

    // 294 shared server halves + 84 kind-less, time-less pieces from a server half's endpoint.
    const halves = t.spans.filter((s) => sharedId(s) !== undefined);
    expect(halves).toHaveLength(294 + 84);
    for (const h of halves) {
      const p = parentOf(t, h)!;
      expect(p.spanId).toBe(sharedId(h));
      expect(p.kind).toBe(SpanKind.Client);
      expect(h.spanId).toMatch(/^[0-9a-f]{16}$/);
    }
    const pieces = halves.filter((h) => h.kind === SpanKind.Unspecified);
    expect(pieces).toHaveLength(84);
    for (const f of pieces) {
      expect(f.startNs).toBe(parentOf(t, f)!.startNs);
      expect(f.endNs).toBe(f.startNs);
    }
    expect(count(t, 'missing-start')).toBe(84);
    expect(count(t, 'missing-end')).toBe(175);

    // 535 children of a shared id run on exactly one server half's endpoint and belong under it.
    const underHalf = t.spans.filter((s) => s.parentIndex >= 0 && sharedId(t.spans[s.parentIndex]) !== undefined);
    expect(underHalf).toHaveLength(535);
    for (const c of underHalf) expect(c.resource).toBe(parentOf(t, c)!.resource);
    const archiver = t.spans.find((s) => s.spanId === '017bfc73a014d42c')!;
    expect(archiver.name).toBe('process.archiver');
    expect(parentOf(t, archiver)!.name).toBe('receive iot-events360');
    expect(parentOf(t, archiver)!.startNs).toBe(1543549826258568000n);
    const oreck = t.spans.find((s) => s.spanId === 'c1c06fd706fca9cb')!;
    expect(parentOf(t, oreck)!.startNs).toBe(1543549826239391000n); // starts after its child: skew
    // A client call made while serving a shared-id request sits under that server half (guardian
    // 10.5.20.164:8860), not under the calling client on execution.
    const nested = t.spans.find((s) => s.spanId === '98ffd568af9b79a0')!;
    expect([nested.name, nested.kind]).toEqual(['delete', SpanKind.Client]);
    expect(parentOf(t, nested)!.kind).toBe(SpanKind.Server);
    expect(sharedId(parentOf(t, nested)!)).toBe('407de1ef9ab01704');
    expect(parentOf(t, nested)!.resource.serviceName).toBe('guardian');
    expect(parentOf(t, parentOf(t, nested)!)!.resource.serviceName).toBe('execution');

    // One client answered by five servers.
    const send = t.spans.find((s) => s.spanId === 'cbab506b53f336fc')!;
    expect(send.name).toBe('send iot-events360');
    const servers = t.spans.filter((s) => s.parentIndex === send.index);
    expect(servers.map((s) => s.startNs).sort()).toEqual(
      [1543549826258568n, 1543549826257913n, 1543549826239391n, 1543549826238837n, 1543549826231758n].map((us) => us * 1000n).sort(),
    );
    expect(new Set(servers.map((s) => s.spanId)).size).toBe(5);

    // The one span without a name is the server half answering the root's "redirect" client.
    const unnamed = one(named(t, ''));
    expect(sharedId(unnamed)).toBe('9d73c7b6cfb4ed18');
    expect(unnamed.startNs).toBe(1543549524707831000n);
    expect(unnamed.resource.serviceName).toBe('strongman');
    const redirect = parentOf(t, unnamed)!;
    expect([redirect.name, redirect.spanId, redirect.startNs]).toEqual(['redirect', '9d73c7b6cfb4ed18', 1543549524602759000n]);
    expect(redirect.parentIndex).toBe(t.rootIndices[0]);

    const errors = t.spans.filter((s) => s.status.code === StatusCode.Error);
    expect(errors.map((s) => `${s.name}: ${s.status.message}`).sort()).toEqual(['get circuitbreakers/_entitytype_/_entityid_: 404', 'get: 404']);
    const notes = set.diagnostics.filter((d) => d.code === 'interpretation');
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toMatch(/^290 Zipkin span ids .* 294 server halves .* 84 kind-less records .* 535 spans/);
  });

  it('smartthings-oauth: 175 spans, 41 shared ids; pick the server half by endpoint, then time', () => {
    const set = load('corpus/zipkin/smartthings-oauth.json');
    const t = only(set);
    expect(t.spans.length + t.quarantined.length).toBe(175);
    expect(t.spans).toHaveLength(175);
    expect(t.rootIndices.map((i) => t.spans[i].name)).toEqual(['get /oauth/authorize']);
    expect(t.startNs).toBe(1543334626873100000n);
    expect(t.endNs).toBe(1543334727221545000n);
    expect(t.spans.filter((s) => sharedId(s) !== undefined)).toHaveLength(45);
    expect(t.spans.filter((s) => s.parentIndex >= 0 && sharedId(t.spans[s.parentIndex]) !== undefined)).toHaveLength(75);
    expect(count(t, 'missing-end')).toBe(19);
    expect(t.spans.filter((s) => s.name === '')).toHaveLength(6);
    // Three pusher hosts-worth of halves share 10.0.0.187 / 10.0.0.79: the latest half started before the child wins.
    const parentStart = (name: string) => parentOf(t, one(named(t, name)))!.startNs;
    expect(parentStart('process.archiver')).toBe(1543334725564455000n);
    expect(parentStart('process.paperboy')).toBe(1543334725553308000n);
    expect(parentStart('process.dove')).toBe(1543334725549997000n);
    const errors = t.spans.filter((s) => s.status.code === StatusCode.Error);
    expect(errors.map((s) => s.status.message)).toEqual(['401', '401']);
    expect(new Set(errors.map((s) => s.kind))).toEqual(new Set([SpanKind.Client, SpanKind.Server]));
    const annotated = t.spans.find((s) => s.spanId === '5f35e80a5a50fdca')!;
    expect(annotated.events.slice(0, 2).map((e) => [e.name, e.timeNs])).toEqual([
      ['Body Part Received', 1543334725567000000n],
      ['Headers Received', 1543334725567000000n],
    ]);
  });

  it('yelp: a shared root without its client, children on the server host under another service name', () => {
    const set = load('corpus/zipkin/yelp.json');
    const t = only(set);
    expect(t.traceId).toBe('0000000000000000a03ee8fff1dcd9b9');
    expect(t.spans).toHaveLength(16);
    const root = t.spans[t.rootIndices[0]];
    expect(t.rootIndices).toHaveLength(1);
    expect([root.spanId, root.name, root.kind]).toEqual(['2e8cfb154b59a41f', 'post /location/update/v4', SpanKind.Server]);
    expect(sharedId(root)).toBeUndefined(); // its id is unique in the file: nothing to split
    expect(root.startNs).toBe(1571896375237354000n);
    expect(root.endNs).toBe(1571896375237354000n + 131848000n);
    expect(root.resource.serviceName).toBe('routing');

    const proxy = one(named(t, 'post api proxy proxy'));
    expect(sharedId(proxy)).toBe('668ed78ad94b35a1');
    expect(parentOf(t, proxy)!.spanId).toBe('668ed78ad94b35a1');
    expect(parentOf(t, proxy)!.resource.serviceName).toBe('unknown');
    expect(proxy.events.map((e) => [e.name, e.timeNs])).toEqual([['py_zipkin.logging_end', 1571896375355436000n]]);
    // yelp-main:31523 shares the server half's port, not the client's (which has none).
    expect(parentOf(t, one(named(t, 'txn: user_get_basic_and_scout_info')))).toBe(proxy);
    expect(parentOf(t, one(named(t, 'get my_cache_name_v2')))).toBe(proxy);

    const mobileServer = t.spans.find((s) => sharedId(s) === 'f5f268651b2a2b34')!;
    expect(mobileServer.resource.serviceName).toBe('mobile_api');
    const underMobile = t.spans
      .filter((s) => s.parentIndex === mobileServer.index)
      .map((s) => s.spanId)
      .sort();
    expect(underMobile).toEqual(['15fc03927f0f68df', '6a65182ea4f684c3', '7a778764a0d0b594', 'cb4d73f31cd90cae']);
    const spectre = t.spans.find((s) => sharedId(s) === '7a778764a0d0b594')!;
    expect(spectre.resource.serviceName).toBe('spectre');
    expect(parentOf(t, spectre)!.spanId).toBe('7a778764a0d0b594');

    const get = t.spans.find((s) => s.spanId === '7a778764a0d0b594')!;
    expect(get.attributes.get('peer.service')).toBe('spectre');
    expect(get.attributes.get('network.peer.port')).toBe(31286);
    expect(t.spans.find((s) => s.spanId === '6a65182ea4f684c3')!.resource.attributes.get('network.local.port')).toBe(31049);
  });

  it('messaging-kafka: producers and consumers, error tags with and without a message', () => {
    const set = load('corpus/zipkin/messaging-kafka.json');
    expect(set.diagnostics.filter((d) => d.code === 'interpretation')).toEqual([]);
    const t = only(set);
    expect(t.spans).toHaveLength(28);
    const root = t.spans[t.rootIndices[0]];
    expect(t.rootIndices).toHaveLength(1);
    expect([root.name, root.kind]).toEqual(['poll', SpanKind.Consumer]);
    expect(root.startNs).toBe(1541405397200023000n);
    expect(root.endNs).toBe(1541405397200049000n);
    expect(root.attributes.get('kafka.topic')).toBe('messages');
    expect(root.attributes.get('peer.service')).toBe('kafka');
    expect(
      t.spans
        .filter((s) => s.parentIndex === root.index)
        .map((s) => s.spanId)
        .sort(),
    ).toEqual(['09fdf808ef0d60c0', 'd1b4806e7e9eed25', 'e73d7bc0194a76e0']);
    expect(Math.max(...t.spans.map((s) => s.depth))).toBe(4);
    const kinds = t.spans.map((s) => s.kind);
    expect(kinds.filter((k) => k === SpanKind.Producer)).toHaveLength(9);
    expect(kinds.filter((k) => k === SpanKind.Consumer)).toHaveLength(7);
    expect(kinds.filter((k) => k === SpanKind.Unspecified)).toHaveLength(12);
    const errors = t.spans.filter((s) => s.status.code === StatusCode.Error).map((s) => [s.spanId, s.status.message]);
    expect(errors.sort()).toEqual([
      ['2f77d5b0b8e0de35', 'some error'],
      ['4a64a63e4b58e665', 'some error'],
      ['568b33e6af8a225a', undefined],
    ]);
    const send = t.spans.find((s) => s.spanId === '2e22a0564764943a')!;
    expect(send.attributes.get('kafka.key')).toBe('e1b2f8b5-dd1e-11e8-93d1-0050568b53f5');
    expect(send.resource.serviceName).toBe('servicea');
  });
});

describe('Zipkin edge cases', () => {
  it('missing timestamps and durations are left for the builder to repair', () => {
    const set = load('zipkin/missing-timestamp-and-duration.json');
    expect(set.inputSpanCount).toBe(7);
    const t = only(set);
    expect(t.spans).toHaveLength(6);
    expect(t.quarantined.map((q) => q.raw.name)).toEqual(['timeless-root']);
    const span = (id: string) => t.spans.find((s) => s.spanId === id)!;
    // No timestamp: starts with its first child (µs 1000100) and ends with it (its duration cannot be placed).
    expect([span('0000000000000002').startNs, span('0000000000000002').endNs]).toEqual([1000100000n, 1000150000n]);
    expect([span('0000000000000004').startNs, span('0000000000000004').endNs]).toEqual([1000200000n, 1000200000n]);
    // timestamp 0 means "absent" in Zipkin: the parent's start is borrowed.
    expect([span('0000000000000005').startNs, span('0000000000000005').endNs]).toEqual([1000000000n, 1000000000n]);
    // duration 0 is a real zero-length span, no repair note.
    expect([span('0000000000000007').name, span('0000000000000007').startNs, span('0000000000000007').endNs]).toEqual(['', 1000300000n, 1000300000n]);
    const missingEnd = t.diagnostics
      .filter((d) => d.code === 'missing-end')
      .map((d) => d.spanId)
      .sort();
    expect(missingEnd).toEqual(['0000000000000002', '0000000000000004', '0000000000000005']);
    expect(t.spans.every((s) => s.kind === SpanKind.Unspecified || s.name === 'root')).toBe(true);
  });

  it('shared ids: each server half under its client, children by endpoint, copies to the builder', () => {
    const set = load('zipkin/shared-span-ids.json');
    expect(set.inputSpanCount).toBe(15);
    const t = only(set);
    expect(t.spans).toHaveLength(14);
    expect(t.quarantined.map((q) => q.raw.name)).toEqual(['backend local work']); // the identical copy
    const byName = (n: string) => one(named(t, n));
    const client = byName('call backend');
    expect(client.spanId).toBe('2000000000000002');
    const handles = named(t, 'handle');
    expect(handles).toHaveLength(2);
    const server = handles.find((h) => h.kind === SpanKind.Server)!;
    const piece = handles.find((h) => h.kind === SpanKind.Unspecified)!;
    expect(parentOf(t, server)).toBe(client);
    expect(parentOf(t, piece)).toBe(client);
    // Documented derivation: FNV-1a of "traceId/spanId/service|ipv4|ipv6|port/startNs" (computed with python3).
    expect(server.spanId).toBe('20c77bc92fda9df7');
    expect(deriveSpanId('a1b2c3d4e5f60718/2000000000000002/backend|10.0.0.2||8080/1700000000001500000')).toBe('20c77bc92fda9df7');
    expect(sharedId(server)).toBe('2000000000000002');
    expect(server.attributes.get('network.peer.address')).toBe('10.0.0.1');
    expect([piece.startNs, piece.endNs]).toEqual([client.startNs, client.startNs]);
    expect(piece.spanId).not.toBe(server.spanId);

    expect(parentOf(t, byName('backend local work'))).toBe(server);
    expect(parentOf(t, byName('edge dns lookup'))).toBe(client);

    const publish = byName('publish');
    const receivers = named(t, 'receive');
    expect(receivers.map((r) => parentOf(t, r))).toEqual([publish, publish]);
    const second = receivers.find((r) => r.resource.attributes.get('network.local.address') === '10.0.0.4')!;
    expect(parentOf(t, byName('process on second worker'))).toBe(second);

    // A SERVER answering a CLIENT with its id but no shared flag is a server half too.
    const legacy = byName('legacy handler');
    expect(parentOf(t, legacy)).toBe(byName('legacy call'));
    expect(legacy.spanId).toBe('bc3254f17ea852d3');

    // Two different non-shared spans with one id: the builder renames the second.
    expect(byName('first use of an id').spanId).toBe('8000000000000008');
    expect(byName('second use of an id').spanId).not.toBe('8000000000000008');
    expect(t.diagnostics.filter((d) => d.code === 'duplicate-span-id')).toHaveLength(2);

    const notes = set.diagnostics.filter((d) => d.code === 'interpretation').map((d) => d.message);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^3 Zipkin span ids .* 4 server halves .* 1 kind-less record /);

    // Same input, same ids.
    const again = only(load('zipkin/shared-span-ids.json'));
    expect(again.spans.map((s) => s.spanId)).toEqual(t.spans.map((s) => s.spanId));
  });

  it('several traces in one answer; 64-bit ids join their 128-bit trace; tags and endpoints', () => {
    const set = load('zipkin/several-traces-mixed-id-width.json');
    expect(set.traces.map((t) => [t.traceId, t.spans.length])).toEqual([
      ['463ac35c9f6413ad48485a3953bb6124', 2],
      ['00000000000000000000000000000bbb', 1],
    ]);
    const [first, second] = set.traces;
    const root = first.spans[0];
    expect(root.name).toBe('long-id root');
    expect(root.status).toEqual({ code: StatusCode.Error, message: 'timeout after 3s' });
    expect(root.scope.name).toBe('zipkin-scope');
    expect(root.scope.version).toBe('0.9');
    expect(root.attributes.get('http.method')).toBe('GET');
    const child = first.spans[1];
    expect(parentOf(first, child)).toBe(root);
    expect(child.status.code).toBe(StatusCode.Ok);
    expect(child.kind).toBe(SpanKind.Client);
    expect(child.attributes.get('zipkin.debug')).toBe(true);
    expect(child.events.map((e) => [e.name, e.timeNs])).toEqual([
      ['wire send', 1500000000000150000n],
      ['no time', 1500000000000100000n],
    ]);
    const producer = second.spans[0];
    expect(producer.kind).toBe(SpanKind.Producer);
    expect(producer.resource.serviceName).toBe('svc-b');
    expect(producer.resource.attributes.get('network.local.address')).toBe('::1');
    expect(producer.resource.attributes.get('network.local.port')).toBe(7000);
    expect(producer.attributes.get('peer.service')).toBe('kafka-from-tag'); // the tag wins over remoteEndpoint
    expect(producer.attributes.get('network.peer.address')).toBe('192.168.0.9');
    expect(producer.attributes.get('network.peer.port')).toBe(9092);
  });

  it('odd records are counted, not thrown', () => {
    const json = JSON.stringify([{ traceId: '00000000000000aa', id: '0000000000000001', name: 'ok', timestamp: 10, duration: 1 }, 'junk', null]);
    const set = importTrace(new TextEncoder().encode(json));
    expect(set.format).toBe('zipkin');
    expect(set.inputSpanCount).toBe(3);
    expect(set.diagnostics.filter((d) => d.code === 'unreadable-span')).toHaveLength(2);
  });
});

describe('Zipkin sniffing', () => {
  const parse = (rel: string): unknown => JSON.parse(readFileSync(join(FIXTURES, rel), 'utf8'));

  it('claims every Zipkin corpus file and no Jaeger one', () => {
    for (const f of readdirSync(join(FIXTURES, 'corpus/zipkin'))) {
      expect(zipkinImporter.sniff(parse(`corpus/zipkin/${f}`)), f).toBe(true);
      expect(jaegerImporter.sniff(parse(`corpus/zipkin/${f}`)), f).toBe(false);
    }
  });

  it('leaves other span arrays alone', () => {
    for (const dir of ['any-agent', 'otel-js-spans', 'langfuse', 'otlp-json', 'attribute-maps', 'jaeger']) {
      for (const f of readdirSync(join(FIXTURES, 'corpus', dir)).filter((x) => x.endsWith('.json'))) {
        expect(zipkinImporter.sniff(parse(`corpus/${dir}/${f}`)), `${dir}/${f}`).toBe(false);
      }
    }
    const langfuseObservations = [{ id: '231c43964b7e7e63', traceId: 'a287bb31e317433610d8827617471140', startTime: '2025-07-11T10:00:00Z', type: 'SPAN' }];
    expect(zipkinImporter.sniff(langfuseObservations)).toBe(false);
    const phoenixLike = [{ traceId: 'ab', id: 'cd', context: { trace_id: 'ab', span_id: 'cd' } }];
    expect(zipkinImporter.sniff(phoenixLike)).toBe(false);
    expect(zipkinImporter.sniff([[{ traceId: 'ab', id: 'cd' }]])).toBe(true);
    expect(zipkinImporter.sniff([])).toBe(false);
  });
});
