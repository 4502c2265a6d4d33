import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import type { ClaimsView, HostMessage, Request, TraceSummary } from '../../../src/core/protocol';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { LoadedTrace } from '../../../src/core/view/loadedTrace';
import { answerOffline, type OfflineSession } from '../../../webview/offline/offlineRequests';

const DEMO_TRACE = join(__dirname, '../../../demo/workspace/traces/travel-agent-run.otlp.json');

function demoSession(copied: string[] = []): OfflineSession {
  const set = importTrace(readFileSync(DEMO_TRACE));
  const trace = new LoadedTrace('offline:trace.otlp.json', 'trace.otlp.json', set, (s, i) => deriveAgentView(s.traces[i]));
  return { trace, dismissed: new Map(), copyText: async (text) => void copied.push(text) };
}

let nextId = 1;
const ask = (s: OfflineSession, body: Record<string, unknown>) => answerOffline({ ...body, requestId: nextId++ } as Request, s);

function resultOf<T>(messages: HostMessage[]): T {
  expect(messages).toHaveLength(1);
  const [m] = messages;
  if (m.type !== 'response' || !('result' in m)) throw new Error(`expected a result, got ${JSON.stringify(m)}`);
  return m.result as T;
}

describe('answerOffline (the offline viewer answering from the embedded trace)', () => {
  it('answers the pull sequence from the trace: the demo run has 7 spans, root ai.generateText', async () => {
    const s = demoSession();
    const summary = resultOf<TraceSummary>(await ask(s, { type: 'ready' }));
    expect([summary.spanCount, summary.rootName, summary.fileName]).toEqual([7, 'ai.generateText', 'trace.otlp.json']);
    const rows = resultOf<{ name: string }[]>(await ask(s, { type: 'getRows', start: 0, count: 7 }));
    // Root, then the three LLM steps and three tool calls in time order.
    expect(rows.map((r) => r.name)).toEqual([
      'ai.generateText',
      'ai.generateText.doGenerate',
      'ai.toolCall',
      'ai.toolCall',
      'ai.generateText.doGenerate',
      'ai.toolCall',
      'ai.generateText.doGenerate',
    ]);
  });

  it('finds the demo bug and remembers a dismissal for the page', async () => {
    const s = demoSession();
    const claims = resultOf<ClaimsView>(await ask(s, { type: 'getClaims' }));
    // The model says the hotel is booked; book_hotel failed: one finding, one failed claim.
    expect(claims.findings.map((f) => [f.severity, f.dismissed])).toEqual([['error', false]]);
    expect(claims.claims.map((c) => [c.verb, c.status])).toEqual([['book', 'failed']]);
    expect(claims.actions.map((a) => [a.name, a.status])).toEqual([
      ['get_weather', 'unset'],
      ['search_flights', 'unset'],
      ['book_hotel', 'error'],
    ]);
    expect(resultOf(await ask(s, { type: 'dismissFinding', key: claims.findings[0].key, dismissed: true }))).toBeNull();
    expect(resultOf<ClaimsView>(await ask(s, { type: 'getClaims' })).findings[0].dismissed).toBe(true);
    await ask(s, { type: 'dismissFinding', key: claims.findings[0].key, dismissed: false });
    expect(resultOf<ClaimsView>(await ask(s, { type: 'getClaims' })).findings[0].dismissed).toBe(false);
  });

  it('copies the summary through the page', async () => {
    const copied: string[] = [];
    const s = demoSession(copied);
    expect(resultOf(await ask(s, { type: 'copySummary' }))).toBeNull();
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain('ai.generateText');
  });

  it('says what needs VS Code instead of pretending', async () => {
    const s = demoSession();
    for (const body of [
      { type: 'goToHandler', index: 5 },
      { type: 'goToPrompt', index: 1 },
      { type: 'openLink', url: 'https://example.com/' },
    ]) {
      const [m] = await ask(s, body);
      expect(m).toMatchObject({ type: 'response', error: `${body.type}: not available in the offline viewer (open the trace in VS Code)` });
    }
  });

  it('answers selectTrace with the result, then traceChanged; a bad index with an error', async () => {
    const s = demoSession();
    const ok = await ask(s, { type: 'selectTrace', traceIndex: 0 });
    expect(ok.map((m) => m.type)).toEqual(['response', 'traceChanged']);
    const [bad] = await ask(s, { type: 'selectTrace', traceIndex: 3 });
    expect(bad).toMatchObject({ type: 'response', error: 'no trace 3 (the file has 1)' });
  });

  it('drops an invalid request without answering, and reports an unreadable trace on ready', async () => {
    expect(await answerOffline({ type: 'getRows', requestId: 1, start: -1, count: 5 }, demoSession())).toEqual([]);
    const broken: OfflineSession = { trace: { error: 'not a trace' }, dismissed: new Map(), copyText: async () => undefined };
    expect(await answerOffline({ type: 'ready', requestId: 7 }, broken)).toEqual([
      { type: 'loadError', message: 'not a trace' },
      { type: 'response', inReplyTo: 7, error: 'not a trace' },
    ]);
  });
});
