import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Admission } from '../../../src/receiver/server/limits';
import { BodyError, readBody } from '../../../src/receiver/server/readBody';

const MiB = 1024 * 1024;
const limits = { maxWireBytes: 20 * MiB, maxDecodedBytes: 64 * MiB };

/** A request body stream that counts how many bytes the reader pulled from it. */
function countingBody(chunks: () => Iterable<Buffer>): { req: IncomingMessage; pulled: () => number } {
  let pulled = 0;
  function* gen() {
    for (const c of chunks()) {
      pulled += c.length;
      yield c;
    }
  }
  const req = Readable.from(gen(), { objectMode: false, highWaterMark: 64 * 1024 }) as unknown as IncomingMessage;
  return { req, pulled: () => pulled };
}

function ticket(maxInFlightBytes = 1024 * MiB) {
  return new Admission({ maxConcurrentRequests: 10, maxInFlightBytes }).tryEnter(0)!;
}

describe('readBody', () => {
  it('stops a gzip bomb after the decompressed limit, having read a small part of it', async () => {
    // 1024 gzip members of 16 MiB zeros: ~16 MB on the wire, 16 GiB inflated.
    const member = gzipSync(Buffer.alloc(16 * MiB));
    const members = 1024;
    const { req, pulled } = countingBody(function* () {
      for (let i = 0; i < members; i++) yield member;
    });
    const t0 = performance.now();
    const err = await readBody(req, true, { maxWireBytes: 1024 * MiB, maxDecodedBytes: 64 * MiB }, ticket()).catch((e: unknown) => e);
    const ms = performance.now() - t0;
    expect(err).toBeInstanceOf(BodyError);
    expect((err as BodyError).status).toBe(413);
    // 64 MiB inflated needs 4 members (~64 KB); allow for stream read-ahead, but far from all 16 MB.
    expect(pulled()).toBeLessThan(members * member.length * 0.05);
    expect(ms).toBeLessThan(3000);
  });

  it('counts wire bytes without trusting Content-Length', async () => {
    const { req, pulled } = countingBody(function* () {
      for (let i = 0; i < 100; i++) yield Buffer.alloc(MiB);
    });
    const err = await readBody(req, false, limits, ticket()).catch((e: unknown) => e);
    expect((err as BodyError).status).toBe(413);
    expect(pulled()).toBeLessThan(30 * MiB);
  });

  it('charges the admission budget and fails with 503 when it is spent, releasing it after', async () => {
    const adm = new Admission({ maxConcurrentRequests: 10, maxInFlightBytes: 3 * MiB });
    const t = adm.tryEnter(0)!;
    const { req } = countingBody(function* () {
      for (let i = 0; i < 5; i++) yield Buffer.alloc(MiB);
    });
    const err = await readBody(req, false, limits, t).catch((e: unknown) => e);
    expect((err as BodyError).status).toBe(503);
    expect(adm.inFlightBytes).toBe(3 * MiB);
    t.release();
    t.release();
    expect(adm.inFlightBytes).toBe(0);
    expect(adm.inFlightRequests).toBe(0);
  });

  it('returns the inflated body for valid gzip, and 400 for corrupt gzip', async () => {
    const text = Buffer.from('{"resourceSpans":[]}'.repeat(1000));
    const ok = await readBody(countingBody(() => [gzipSync(text)]).req, true, limits, ticket());
    expect(ok.equals(text)).toBe(true);
    const bad = Buffer.from(gzipSync(text));
    bad[20] ^= 0xff;
    const err = await readBody(countingBody(() => [bad]).req, true, limits, ticket()).catch((e: unknown) => e);
    expect((err as BodyError).status).toBe(400);
  });
});
