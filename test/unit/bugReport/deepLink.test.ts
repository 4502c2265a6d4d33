import { describe, expect, it } from 'vitest';
import { buildDeepLink, parseDeepLink } from '../../../src/core/bugReport/deepLink';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const SPAN = 'b7ad6b7169203331';

/** What VS Code's URI handler receives for a link: `vscode.Uri.parse` percent-decodes path and query. */
function received(link: string): { authority: string; path: string; query: string } {
  const m = /^[a-z-]+:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/.exec(link);
  if (!m) throw new Error(`not a URI: ${link}`);
  return { authority: m[1], path: decodeURIComponent(m[2]), query: decodeURIComponent(m[3] ?? '') };
}
const parse = (link: string) => {
  const r = received(link);
  return parseDeepLink(r.path, r.query);
};

describe('buildDeepLink', () => {
  it('writes the extension id, /open and the parameters, the file path percent-encoded', () => {
    const link = buildDeepLink({ traceId: TRACE, spanId: SPAN, file: '/home/me/runs/a b#1.json' });
    expect(link).toBe(`vscode://agent-trace-debugger.agent-trace-debugger/open?trace=${TRACE}&span=${SPAN}&file=%2Fhome%2Fme%2Fruns%2Fa%20b%231.json`);
    expect(buildDeepLink({ traceId: TRACE, connection: 'tempo-prod' }, 'code-oss')).toBe(
      `code-oss://agent-trace-debugger.agent-trace-debugger/open?trace=${TRACE}&connection=tempo-prod`,
    );
  });

  it('round-trips through what the URI handler receives', () => {
    for (const link of [
      { traceId: TRACE, spanId: SPAN, file: '/home/me/runs/a b#1.json' },
      { traceId: TRACE, file: 'traces/run 100%.otlp.json' },
      { traceId: TRACE, spanId: SPAN, file: 'C:\\Users\\me\\run.json' },
      { traceId: TRACE, spanId: SPAN, connection: 'langfuse.cloud_eu-1' },
    ]) {
      expect(parse(buildDeepLink(link))).toEqual({ ok: true, value: link });
    }
  });
});

describe('parseDeepLink', () => {
  it('accepts upper-case hex ids and normalises them', () => {
    expect(parseDeepLink('/open', `trace=${TRACE.toUpperCase()}&span=${SPAN.toUpperCase()}&file=/t.json`)).toEqual({
      ok: true,
      value: { traceId: TRACE, spanId: SPAN, file: '/t.json' },
    });
  });

  it.each([
    ['another path', '/run', `trace=${TRACE}&file=/t.json`, 'unknown link path'],
    ['no trace', '/open', 'file=/t.json', 'trace='],
    ['a short trace id', '/open', `trace=${TRACE.slice(1)}&file=/t.json`, 'trace='],
    ['a non-hex trace id', '/open', `trace=${TRACE.slice(1)}g&file=/t.json`, 'trace='],
    ['a bad span id', '/open', `trace=${TRACE}&span=xyz&file=/t.json`, 'span='],
    ['a span id of 32 hex', '/open', `trace=${TRACE}&span=${TRACE}&file=/t.json`, 'span='],
    ['neither file nor connection', '/open', `trace=${TRACE}`, 'exactly one'],
    ['both file and connection', '/open', `trace=${TRACE}&file=/t.json&connection=x`, 'exactly one'],
    ['an unknown parameter', '/open', `trace=${TRACE}&file=/t.json&url=https://evil.example/t.json`, 'unknown link parameter'],
    ['a repeated parameter', '/open', `trace=${TRACE}&trace=${TRACE}&file=/t.json`, 'repeats'],
    ['a URL as file', '/open', `trace=${TRACE}&file=https://evil.example/t.json`, 'not a URL'],
    ['a file: URL', '/open', `trace=${TRACE}&file=file:///etc/passwd`, 'not a URL'],
    ['a command: URI', '/open', `trace=${TRACE}&file=command:workbench.action.terminal.new`, 'not a URL'],
    ['a network share', '/open', `trace=${TRACE}&file=\\\\server\\share\\t.json`, 'network share'],
    ['a NUL in the path', '/open', `trace=${TRACE}&file=/t.json\u0000.png`, 'control'],
    ['a newline in the path', '/open', `trace=${TRACE}&file=/t\n.json`, 'control'],
    ['a bidi override in the path', '/open', `trace=${TRACE}&file=/t\u202enosj.exe`, 'bidi'],
    ['an empty path', '/open', `trace=${TRACE}&file=`, 'empty'],
    ['a too long path', '/open', `trace=${TRACE}&file=/${'a'.repeat(4096)}`, 'longer than 4096'],
    ['a too long query', '/open', `trace=${TRACE}&file=/t.json&${'x'.repeat(9000)}`, 'longer than 8192'],
    ['a connection id with a slash', '/open', `trace=${TRACE}&connection=../x`, 'connection='],
    ['a connection id with a URL', '/open', `trace=${TRACE}&connection=https://evil.example`, 'connection='],
    ['a too long connection id', '/open', `trace=${TRACE}&connection=${'c'.repeat(65)}`, 'connection='],
  ])('rejects %s', (_what, path, query, why) => {
    const r = parseDeepLink(path, query);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(why);
  });

  it('rejects a path holding "&" (it splits into an unknown parameter once VS Code decoded the query)', () => {
    const link = buildDeepLink({ traceId: TRACE, file: '/runs/a&b.json' });
    expect(parse(link).ok).toBe(false);
  });
});
