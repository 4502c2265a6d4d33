import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { OFFLINE_TRACE_DATA_ID, OFFLINE_VIEWER_OPTIONS_ID } from '../../../src/core/protocol/offlineViewer';
import { dumpTrace } from '../../../src/core/report/dumpTrace';
import { buildOfflineViewerHtml } from '../../../src/offlineViewer/buildOfflineViewerHtml';
import { embeddableJsonText, renderOfflineViewerHtml } from '../../../src/offlineViewer/offlineViewerHtml';

const DEMO_TRACE = join(__dirname, '../../../demo/workspace/traces/travel-agent-run.otlp.json');

/** Trace text that would end the data element, open markup or break a JS string if embedded raw. */
const HOSTILE = [
  '</script><script>document.title="pwned"</script>',
  '</SCRIPT >',
  '<!--<script>',
  '<img src=x onerror=alert(1)>',
  '&lt;/script&gt; &amp;',
  'line\u2028separator\u2029paragraph',
  ']]></style>',
];

/** One span per hostile text: in its name, an attribute and an event; big-integer times written as JSON numbers. */
function hostileOtlp(): string {
  const spans = HOSTILE.map((text, i) => ({
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: `00f067aa0ba902b${i}`,
    ...(i > 0 && { parentSpanId: '00f067aa0ba902b0' }),
    name: text,
    kind: 1,
    startTimeUnixNano: `1700000000${String(i).padStart(9, '0')}`,
    endTimeUnixNano: `1700000001${String(i).padStart(9, '0')}`,
    attributes: [{ key: 'gen_ai.prompt', value: { stringValue: `say ${text}` } }],
    events: [{ name: text, timeUnixNano: `1700000000${String(i).padStart(9, '5')}`, attributes: [] }],
    status: { code: 2, message: text },
  }));
  return JSON.stringify({
    resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: '</script>svc' } }] }, scopeSpans: [{ spans }] }],
  });
}

/** The page's parts as the HTML tokenizer sees them: inline script/style bodies and the markup around them. */
function partsOf(html: string) {
  const element = (re: RegExp) => [...html.matchAll(re)].map((m) => ({ attrs: m[1], body: m[2] }));
  const scripts = element(/<script([^>]*)>([\s\S]*?)<\/script>/g);
  const styles = element(/<style([^>]*)>([\s\S]*?)<\/style>/g);
  const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '<script></script>').replace(/<style[^>]*>[\s\S]*?<\/style>/g, '<style></style>');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  return { scripts, styles, markup, csp };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const page = (traceJson: string, script = 'console.log("viewer")', css = 'body{color:red}') =>
  renderOfflineViewerHtml({ title: 'Report: <b>book_hotel</b> & "failed"', traceJson, options: { fileName: 'trace.otlp.json', select: {} }, script, css });

describe('renderOfflineViewerHtml', () => {
  it('has a CSP meta that allows exactly the inline script and style, by hash, and nothing else', () => {
    const html = page(hostileOtlp());
    const { csp, scripts, styles } = partsOf(html);
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe(sha256('console.log("viewer")'));
    expect(directives.get('style-src')).toBe(sha256('body{color:red}'));
    for (const d of ['img-src', 'font-src', 'connect-src', 'worker-src', 'base-uri', 'form-action']) expect(directives.get(d)).toBe("'none'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)|https?:|\*|data:|blob:/);
    // The hashed texts are the elements' bodies, byte for byte.
    expect(scripts.filter((s) => s.attrs === '').map((s) => s.body)).toEqual(['console.log("viewer")']);
    expect(styles.map((s) => s.body)).toEqual(['body{color:red}']);
    // The CSP meta comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('hashes the text the browser sees: CR LF in the bundle becomes LF before hashing', () => {
    const { csp, scripts } = partsOf(page('{}', 'a();\r\nb();'));
    expect(scripts.at(-1)?.body).toBe('a();\nb();');
    expect(csp).toContain(sha256('a();\nb();'));
  });

  it('loads nothing from anywhere: no src or href attributes, no http(s) URL in the markup', () => {
    const { markup } = partsOf(page(hostileOtlp()));
    expect(markup).not.toMatch(/\s(src|href|srcset|action|poster|data)\s*=/i);
    expect(markup).not.toMatch(/https?:\/\//i);
    expect(markup).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
  });

  it('embeds hostile trace text inertly: no "<" in the data, so exactly three script elements end where they should', () => {
    const html = page(hostileOtlp());
    const { scripts, markup } = partsOf(html);
    expect(scripts.map((s) => s.attrs)).toEqual([
      ` type="application/json" id="${OFFLINE_TRACE_DATA_ID}"`,
      ` type="application/json" id="${OFFLINE_VIEWER_OPTIONS_ID}"`,
      '',
    ]);
    const data = scripts[0].body;
    expect(data).not.toMatch(/[<>&\u2028\u2029]/);
    expect(data).toContain('\\u003c/script\\u003e\\u003cscript\\u003edocument.title');
    // Outside the script bodies, the hostile texts appear nowhere (not even escaped).
    for (const text of HOSTILE) expect(markup).not.toContain(text);
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    expect(html.match(/<script\b/gi)).toHaveLength(3);
  });

  it('escapes the title as text', () => {
    const html = page('{}');
    expect(html).toContain('<title>Report: &lt;b&gt;book_hotel&lt;/b&gt; &amp; &quot;failed&quot;</title>');
  });

  it('round-trips the data: the embedded text imports to the same trace as the original bytes', () => {
    const original = hostileOtlp();
    const data = partsOf(page(original)).scripts[0].body;
    const before = importTrace(new TextEncoder().encode(original));
    const after = importTrace(new TextEncoder().encode(data));
    expect(after.traces).toHaveLength(1);
    expect(after.traces[0].spans.map((s) => s.name)).toEqual(HOSTILE);
    expect(after.traces[0].spans[0].status.message).toBe(HOSTILE[0]);
    expect(after.traces[0].spans[3].attributes.get('gen_ai.prompt')).toBe(`say ${HOSTILE[3]}`);
    expect(after.traces[0].spans[0].resource.serviceName).toBe('</script>svc');
    expect(dumpTrace(after.traces[0], undefined, ['gen_ai.prompt'])).toBe(dumpTrace(before.traces[0], undefined, ['gen_ai.prompt']));
  });

  it('refuses a viewer bundle that would end its own element', () => {
    expect(() => page('{}', 'var s = "</script>"')).toThrow(/cannot be inlined/);
    expect(() => page('{}', 'var s = "<!--", t = "<script>"')).toThrow(/cannot be inlined/);
    expect(() => page('{}', 'ok()', 'a{}</style><script>')).toThrow(/cannot be inlined/);
  });
});

describe('embeddableJsonText', () => {
  it('keeps the JSON value, including integers beyond 2^53 written as numbers', () => {
    const json = '{"a":"</script>&<!-- \u2028\u2029","n":1700000000000000001,"nested":["<",">"]}';
    const out = embeddableJsonText(json);
    expect(out).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u003c!-- \\u2028\\u2029","n":1700000000000000001,"nested":["\\u003c","\\u003e"]}');
    expect(JSON.parse(out)).toEqual(JSON.parse(json));
  });

  it('keeps an escaped backslash before "<" meaning the same', () => {
    const json = JSON.stringify({ path: 'C:\\<dir>' });
    expect(JSON.parse(embeddableJsonText(json))).toEqual({ path: 'C:\\<dir>' });
  });
});

describe('buildOfflineViewerHtml', () => {
  const viewerDir = mkdtempSync(join(tmpdir(), 'atd-offline-'));
  writeFileSync(join(viewerDir, 'viewer.js'), 'boot()');
  writeFileSync(join(viewerDir, 'viewer.css'), 'html{margin:0}');

  it('inlines the bundle from viewerDir and embeds the demo trace and the options', async () => {
    const bytes = readFileSync(DEMO_TRACE);
    const html = await buildOfflineViewerHtml({
      otlpJson: bytes,
      title: 'Bug report',
      viewerDir,
      select: { traceId: 'a936d92e0e9a300165a22784fd673f2c', spanId: '9964cdd4a77d2ab3' },
    });
    const { scripts, styles, csp } = partsOf(html);
    expect(scripts.at(-1)?.body).toBe('boot()');
    expect(styles[0].body).toBe('html{margin:0}');
    expect(csp).toContain(sha256('boot()'));
    expect(JSON.parse(scripts[1].body)).toEqual({
      fileName: 'trace.otlp.json',
      select: { traceId: 'a936d92e0e9a300165a22784fd673f2c', spanId: '9964cdd4a77d2ab3' },
    });
    const embedded = importTrace(new TextEncoder().encode(scripts[0].body));
    // The demo run: one trace of 7 spans (root ai.generateText, 3 LLM steps, 3 tool calls).
    expect(embedded.traces.map((t) => [t.traceId, t.spans.length, t.spans[0].name])).toEqual([['a936d92e0e9a300165a22784fd673f2c', 7, 'ai.generateText']]);
  });

  it('says which file is missing when the bundle was not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'atd-offline-empty-'));
    await expect(buildOfflineViewerHtml({ otlpJson: new Uint8Array([123, 125]), title: 't', viewerDir: empty })).rejects.toThrow(
      `the offline viewer bundle is missing: ${join(empty, 'viewer.js')}`,
    );
  });

  it('refuses bytes that are not UTF-8 without quoting them', async () => {
    await expect(buildOfflineViewerHtml({ otlpJson: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), title: 't', viewerDir })).rejects.toThrow(/not UTF-8 text/);
  });
});
