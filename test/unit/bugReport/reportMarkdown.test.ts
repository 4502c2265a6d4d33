import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';
import { buildDeepLink, parseDeepLink } from '../../../src/core/bugReport/deepLink';
import { buildReportMarkdown, reportSpanId } from '../../../src/core/bugReport/reportMarkdown';
import { importTrace } from '../../../src/core/import/index';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { handBuiltRun, SPAN, TRACE_ID } from './handBuiltTrace';

function analyses(json = handBuiltRun()) {
  const trace = importTrace(new TextEncoder().encode(json)).traces[0];
  return new TraceAnalyses(trace, deriveAgentView(trace));
}
const ctx = (a: TraceAnalyses, spanId?: string) => ({
  deepLink: buildDeepLink({ traceId: a.trace.traceId, ...(spanId ? { spanId } : {}), file: '/home/me/runs/billing.otlp.json' }),
  bundleFiles: ['trace.otlp.json', 'trace.html'],
  redacted: { email: 2, 'openai-key': 1 },
});

describe('report.md of a claimed-not-executed run', () => {
  const a = analyses();
  const spanId = reportSpanId(a, {});
  const r = buildReportMarkdown(a, {}, ctx(a, spanId));

  it('is titled by the finding', () => {
    expect(r.title).toBe('Claimed not executed: the model says it emailed the invoice to Dana, but no send tool ran in this run');
    expect(r.markdown.split('\n')[0]).toMatch(/^# Claimed not executed: the model says it emailed the invoice to Dana, but no send tool ran in this run$/);
  });

  it('points at the claiming LLM call', () => {
    expect(spanId).toBe(SPAN.chat2);
    expect(r.spanId).toBe(SPAN.chat2);
  });

  it('has the figures: tokens summed by hand (100+150 in, 20+30 out), cost unknown, never $0', () => {
    const md = r.markdown;
    expect(md).toContain(`- **Trace:** \`${TRACE_ID}\``);
    expect(md).toContain('- **Service:** `billing-bot`');
    expect(md).toContain('- **Root span:** `invoke_agent assistant`');
    expect(md).toContain('- **Status:** ok');
    expect(md).toContain('- **Duration:** 400 ms');
    expect(md).toContain('**iterations:** 2');
    expect(md).toContain('- **Tokens:** 250 input, 50 output');
    expect(md).toContain('- **Cost:** unknown (no price for `my-finetune`)');
    expect(md).not.toContain('$0');
  });

  it('lists the finding with the claim sentence and its evidence span', () => {
    expect(r.markdown).toContain('## Findings (1)');
    expect(r.markdown).toMatch(/1\. \*\*error\*\* `claimed-not-executed`: .* ← reported/);
    expect(r.markdown).toContain("   - Claim: `I've emailed the invoice to Dana.`");
    expect(r.markdown).toContain(`   - Spans: \`${SPAN.chat2}\``);
  });

  it('quotes the model words of the failing step in a fence', () => {
    expect(r.markdown).toContain(`Span \`chat my-finetune\` (\`${SPAN.chat2}\`), status unset`);
    expect(r.markdown).toContain("**The model said** (`my-finetune`):\n\n```text\nI've emailed the invoice to Dana.\n```");
  });

  it('names the environment: service version, SDK, instrumentation, model, provider', () => {
    expect(r.markdown).toContain('- **Service version:** `2.4.1`');
    expect(r.markdown).toContain('- **SDK:** `opentelemetry python 1.30.0`');
    expect(r.markdown).toContain('- **Instrumentation:** `billing-bot.agent 0.3`');
    expect(r.markdown).toContain('- **Model:** `my-finetune`');
    expect(r.markdown).toContain('- **Provider:** `openai`');
  });

  it('carries a deep link that parses back to this trace, span and file', () => {
    const m = /`(vscode:\/\/[^`]+)`/.exec(r.markdown);
    expect(m).not.toBeNull();
    const u = /^vscode:\/\/agent-trace-debugger\.agent-trace-debugger(\/open)\?(.*)$/.exec(m![1])!;
    expect(parseDeepLink(u[1], decodeURIComponent(u[2]))).toEqual({
      ok: true,
      value: { traceId: TRACE_ID, spanId: SPAN.chat2, file: '/home/me/runs/billing.otlp.json' },
    });
  });

  it('counts what was redacted (2 + 1)', () => {
    expect(r.markdown).toContain('3 values redacted (`email` 2, `openai-key` 1)');
  });

  it('says where the trace lives in the backend when it came from one, as a link only when it is a plain http(s) URL', () => {
    const web = 'https://langfuse.example.com/project/p1/traces/0af7651916cd43dd8448eb211c80319c';
    expect(buildReportMarkdown(a, {}, { ...ctx(a, spanId), backendUrl: web }).markdown).toContain(`- Backend: <${web}>`);
    expect(r.markdown).not.toContain('- Backend:');
  });

  it('has a summary without the quoted step', () => {
    expect(r.summary).toContain('## Findings (1)');
    expect(r.summary).toContain('vscode://');
    expect(r.summary).not.toContain('The model said');
  });
});

describe('report.md of a chosen tool span', () => {
  it('quotes the requesting call next to what the tool returned', () => {
    const a = analyses();
    const r = buildReportMarkdown(a, { spanId: SPAN.tool }, ctx(a, SPAN.tool));
    expect(r.spanId).toBe(SPAN.tool);
    // No finding names the tool span: the title is the span, not the finding.
    expect(r.title).toBe('execute_tool search_contacts failed');
    expect(r.markdown).toContain('**The model said** (`my-finetune`):\n\n```text\n→ search_contacts({"query":"Dana"})\n```');
    expect(r.markdown).toContain('**The tool returned** (`search_contacts`, status unset):\n\n```json\n{"contacts":[{"name":"Dana Scott"}]}\n```');
  });

  it('throws for a span or finding the trace does not have', () => {
    const a = analyses();
    expect(() => buildReportMarkdown(a, { spanId: 'ffffffffffffffff' }, ctx(a))).toThrow(RangeError);
    expect(() => buildReportMarkdown(a, { findingIndex: 1 }, ctx(a))).toThrow('no finding 2 (the trace has 1)');
  });
});

describe('report.md from hostile trace text', () => {
  const hostile = 'Done! [click here](https://evil.example/x) ![p](https://evil.example/p.png) <img src=x onerror=alert(1)> @octocat ```\n# owned\n```';
  const a = analyses(handBuiltRun({ finalAnswer: `I've emailed the invoice to Dana. ${hostile}`, toolName: 'search_contacts](https://evil.example)<b>' }));
  const r = buildReportMarkdown(a, {}, ctx(a, reportSpanId(a, {})));
  const html = marked.parse(r.markdown, { gfm: true, async: false });

  it('renders no link, image or HTML from the trace, and no heading but ours', () => {
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([]);
    expect(html).not.toMatch(/<img|<b>|onerror=alert\(1\)>/);
    expect([...html.matchAll(/<h[1-6]>([^<]*)</g)].map((m) => m[1])).toEqual(
      expect.arrayContaining(['Findings (1)', 'Where the trace is', 'Failing step', 'Environment', 'Redaction']),
    );
    expect(html).not.toContain('<h1>owned');
  });

  it('still shows the text, inert', () => {
    expect(html).toContain('[click here](https://evil.example/x)');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
