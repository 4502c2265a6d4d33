import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/core/protocol';
import { resultCheckerFor } from '../../../src/core/protocol/validate/results';

const source = { backendName: 'Tempo', connectionName: 'prod', traceId: 'ab', fetchedAt: 1, canOpenInBackend: true, notes: ['showing 10,000 of 42,000 spans'] };

describe('the remote-trace messages', () => {
  it('are requests without arguments: extra keys (a URL, a command) are refused', () => {
    for (const type of ['getTraceSource', 'openInBackend', 'refreshFromBackend'] as const) {
      expect(parseRequest({ type, requestId: 3 })).toEqual({ ok: true, value: { type, requestId: 3 } });
      expect(parseRequest({ type, requestId: 3, url: 'https://evil.example.net' }).ok).toBe(false);
    }
  });

  it('getTraceSource answers a checked source or null', () => {
    const check = resultCheckerFor({ type: 'getTraceSource', requestId: 1 });
    expect(check(null)).toEqual({ ok: true, value: null });
    expect(check({ ...source, extra: 'x' })).toEqual({ ok: true, value: source });
    expect(check({ ...source, canOpenInBackend: 'yes' }).ok).toBe(false);
    expect(check({ ...source, notes: Array.from({ length: 21 }, () => 'n') }).ok).toBe(false);
    expect(check({ ...source, fetchedAt: Number.NaN }).ok).toBe(false);
  });
});
