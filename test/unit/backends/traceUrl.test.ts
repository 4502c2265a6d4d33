import { describe, expect, it } from 'vitest';
import { parseTraceUrl } from '../../../src/core/backends/traceUrl';

const ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('parseTraceUrl', () => {
  it('reads each backend’s UI and API trace URLs, keeping path prefixes in the base', () => {
    expect(parseTraceUrl(`http://localhost:16686/trace/${ID}?uiFind=x`)).toEqual({ kind: 'jaeger', baseUrl: 'http://localhost:16686', traceId: ID });
    expect(parseTraceUrl(`https://ops.example/jaeger/trace/${ID.toUpperCase()}`)).toEqual({
      kind: 'jaeger',
      baseUrl: 'https://ops.example/jaeger',
      traceId: ID,
    });
    expect(parseTraceUrl(`http://h:16686/api/v3/traces/${ID}`)).toEqual({ kind: 'jaeger', baseUrl: 'http://h:16686', traceId: ID });
    expect(parseTraceUrl(`https://tempo-eu.grafana.net/tempo/api/v2/traces/${ID}`)).toEqual({
      kind: 'tempo',
      baseUrl: 'https://tempo-eu.grafana.net/tempo',
      traceId: ID,
    });
    expect(parseTraceUrl(`http://h:3200/api/traces/${ID}`)).toEqual({ baseUrl: 'http://h:3200', traceId: ID }); // Jaeger v1 or Tempo v1
    expect(parseTraceUrl(`https://cloud.langfuse.com/project/clproj1/traces/trace-abc.1`)).toEqual({
      kind: 'langfuse',
      baseUrl: 'https://cloud.langfuse.com',
      traceId: 'trace-abc.1',
      project: 'clproj1',
    });
    expect(parseTraceUrl(`https://cloud.langfuse.com/project/clproj1/traces?peek=${ID}&timestamp=x`)).toEqual({
      kind: 'langfuse',
      baseUrl: 'https://cloud.langfuse.com',
      traceId: ID,
      project: 'clproj1',
    });
    expect(parseTraceUrl(`http://localhost:6006/projects/UHJvamVjdDox/traces/${ID}`)).toEqual({
      kind: 'phoenix',
      baseUrl: 'http://localhost:6006',
      traceId: ID,
      project: 'UHJvamVjdDox',
    });
    expect(parseTraceUrl(`http://localhost:9411/zipkin/traces/463ac35c9f6413ad`)).toEqual({
      kind: 'zipkin',
      baseUrl: 'http://localhost:9411',
      traceId: '0000000000000000463ac35c9f6413ad',
    });
    expect(parseTraceUrl(`http://localhost:9411/api/v2/trace/463ac35c9f6413ad`)).toMatchObject({ kind: 'zipkin', baseUrl: 'http://localhost:9411' });
  });

  it('refuses hostile or foreign URLs with a reason', () => {
    expect(() => parseTraceUrl(`javascript:alert(1)//trace/${ID}`)).toThrow('only http and https');
    expect(() => parseTraceUrl(`file:///trace/${ID}`)).toThrow('only http and https');
    expect(() => parseTraceUrl(`https://user:secret@h/trace/${ID}`)).toThrow('must not contain a user name or password');
    expect(() => parseTraceUrl(`https://h/trace/${'a'.repeat(3000)}`)).toThrow('longer than 2048');
    expect(() => parseTraceUrl('https://h/trace/not-hex')).toThrow('not a trace id');
    expect(() => parseTraceUrl(`https://h/trace/${ID}00`)).toThrow('not a trace id'); // 34 digits
    expect(() => parseTraceUrl('https://h/project/p/traces/%3Cscript%3E')).toThrow('not a Langfuse trace id');
    expect(() => parseTraceUrl(`https://h/projects/%2E%2E%2Fx%2Fy/traces/${ID}`)).toThrow('project in the URL');
    expect(() => parseTraceUrl('https://h/trace/%E0%A4%A')).toThrow('malformed %-escape');
    expect(() => parseTraceUrl('https://example.com/some/page')).toThrow('not a trace URL of Jaeger, Tempo, Langfuse, Phoenix or Zipkin');
    expect(() => parseTraceUrl('not a url')).toThrow('not a URL');
  });
});
