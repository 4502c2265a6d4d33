import { afterEach, describe, expect, it } from 'vitest';
import { NEVER_CANCELLED } from '../../../src/core/backends/cancel';
import { detectBackendKind } from '../../../src/core/backends/detect';
import type { BackendKind } from '../../../src/core/backends/types';
import { nodeTransport } from '../../../src/backendsNode/nodeTransport';
import { startStandin, type RunningStandin } from '../../standins/index';

let s: RunningStandin | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('detectBackendKind', () => {
  // Probe order: Jaeger, Tempo, Langfuse, Phoenix, Zipkin; requests expected = position in that order.
  const cases: [BackendKind, number][] = [
    ['jaeger', 1],
    ['tempo', 2],
    ['langfuse', 3],
    ['phoenix', 4],
    ['zipkin', 5],
  ];
  for (const [kind, requests] of cases)
    it(`finds ${kind} with one cheap request per kind tried`, async () => {
      s = await startStandin(kind);
      expect(await detectBackendKind(s.url, {}, nodeTransport, NEVER_CANCELLED)).toBe(kind);
      expect(s.requests).toHaveLength(requests);
    });

  it('finds a Phoenix with auth on by its WWW-Authenticate challenge', async () => {
    s = await startStandin('phoenix', { auth: { bearer: 'k' } });
    expect(await detectBackendKind(s.url, {}, nodeTransport, NEVER_CANCELLED)).toBe('phoenix');
  });

  it('says so when nothing answers as a known backend', async () => {
    s = await startStandin('tempo', { tenant: 'x' }); // every request 401 without the tenant
    await expect(detectBackendKind(s.url, {}, nodeTransport, NEVER_CANCELLED)).rejects.toThrow('not as Jaeger, Tempo, Langfuse, Phoenix or Zipkin');
  });
});
