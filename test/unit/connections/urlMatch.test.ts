import { describe, expect, it } from 'vitest';
import { parseConnections } from '../../../src/connections/connectionSettings';
import { looksLikeUrl, matchTraceUrl } from '../../../src/connections/urlMatch';
import { parseTraceUrl } from '../../../src/core/backends/index';

const { connections } = parseConnections([
  { id: 'jaeger', name: 'Jaeger', kind: 'jaeger', baseUrl: 'http://localhost:16686' },
  { id: 'jaeger-prefixed', name: 'Jaeger behind a proxy', kind: 'jaeger', baseUrl: 'https://obs.example.com/jaeger' },
  { id: 'tempo', name: 'Tempo', kind: 'tempo', baseUrl: 'https://obs.example.com/tempo' },
  { id: 'lf-a', name: 'Langfuse A', kind: 'langfuse', baseUrl: 'https://cloud.langfuse.com', project: 'proj-a' },
  { id: 'lf-b', name: 'Langfuse B', kind: 'langfuse', baseUrl: 'https://cloud.langfuse.com', project: 'proj-b' },
  { id: 'phoenix', name: 'Phoenix', kind: 'phoenix', baseUrl: 'http://localhost:6006', project: 'default' },
]);
const ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const match = (url: string) => matchTraceUrl(parseTraceUrl(url), connections);

describe('matching a pasted trace URL to a connection', () => {
  it('finds the connection by origin and kind', () => {
    expect(match(`http://localhost:16686/trace/${ID}`)).toMatchObject({ ok: true, connection: { id: 'jaeger' }, traceId: ID });
    expect(match(`http://localhost:6006/projects/default/traces/${ID}`)).toMatchObject({ ok: true, connection: { id: 'phoenix' } });
  });

  it('tells connections on one origin apart by path prefix and by project', () => {
    expect(match(`https://obs.example.com/jaeger/trace/${ID}`)).toMatchObject({ ok: true, connection: { id: 'jaeger-prefixed' } });
    expect(match(`https://obs.example.com/tempo/api/v2/traces/${ID}`)).toMatchObject({ ok: true, connection: { id: 'tempo' } });
    expect(match(`https://cloud.langfuse.com/project/proj-b/traces/abc-123`)).toMatchObject({ ok: true, connection: { id: 'lf-b' }, traceId: 'abc-123' });
  });

  it('never matches another origin, even one that only differs in port or scheme', () => {
    for (const url of [`http://localhost:16687/trace/${ID}`, `https://localhost:16686/trace/${ID}`, `http://evil.example.net/trace/${ID}`]) {
      const m = match(url);
      expect(m.ok).toBe(false);
      if (!m.ok) expect(m).toMatchObject({ reason: 'no-connection', candidates: [] });
    }
  });

  it('does not hand a Tempo URL to a Jaeger connection on the same origin', () => {
    expect(match(`http://localhost:16686/api/v2/traces/${ID}`)).toMatchObject({ ok: false, reason: 'no-connection' });
  });

  it('asks when two connections fit equally', () => {
    const m = matchTraceUrl({ baseUrl: 'https://cloud.langfuse.com', kind: 'langfuse', traceId: 'x' }, connections);
    expect(m).toMatchObject({ ok: false, reason: 'ambiguous' });
    if (!m.ok) expect(m.candidates.map((c) => c.id)).toEqual(['lf-a', 'lf-b']);
  });

  it('tells URLs from ids', () => {
    expect(looksLikeUrl(` https://x/trace/${ID}`)).toBe(true);
    expect(looksLikeUrl(ID)).toBe(false);
  });
});
