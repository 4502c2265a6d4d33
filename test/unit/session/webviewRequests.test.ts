import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../../../src/core/import/traceBuilder';
import { DETAIL_VALUE_LIMIT, type HostMessage, type TraceStructure } from '../../../src/core/protocol';
import { LoadedTrace } from '../../../src/session/loadedTrace';
import { FindingDismissals } from '../../../src/session/findingDismissals';
import { handleWebviewMessage, type RequestContext } from '../../../src/session/webviewRequests';
import { memento } from './memento';
import { agentTrace, agentView, attrs, id, ms, TRACE_ID } from '../view/buildFixture';

function harness(trace: LoadedTrace | { error: string }, state = memento()) {
  const posted: HostMessage[] = [];
  const logged: string[] = [];
  const copied: string[] = [];
  const ctx: RequestContext = {
    trace: () => Promise.resolve(trace),
    post: (m) => posted.push(m),
    copyText: async (t) => {
      copied.push(t);
    },
    log: (l) => logged.push(l),
    dismissals: new FindingDismissals(state),
  };
  return { posted, logged, copied, state, send: (raw: unknown) => handleWebviewMessage(raw, ctx) };
}

const loaded = () => new LoadedTrace('file:///w/run.json', 'run.json', agentTrace(), () => agentView());

describe('handleWebviewMessage', () => {
  it('answers ready with the summary, by request id', async () => {
    const h = harness(loaded());
    await h.send({ type: 'ready', requestId: 7 });
    expect(h.posted).toHaveLength(1);
    const r = h.posted[0] as { type: string; inReplyTo: number; result: { rootName: string; spanCount: number; fileUri: string } };
    expect(r.type).toBe('response');
    expect(r.inReplyTo).toBe(7);
    expect(r.result).toMatchObject({ rootName: 'agent run', spanCount: 3, fileUri: 'file:///w/run.json' });
  });

  it('answers structure, rows, span detail and the whole value of a clipped attribute', async () => {
    const b = new TraceBuilder();
    const long = 'z'.repeat(DETAIL_VALUE_LIMIT * 2);
    b.addSpan({ traceId: TRACE_ID, spanId: id(1), name: 'root', startNs: ms(0), endNs: ms(10), attributes: attrs({ prompt: long }) });
    const t = new LoadedTrace('file:///w/a.json', 'a.json', b.build('otlp-json', 'x'), () =>
      agentView({ spans: [{ category: 'agent', convention: 'none', fields: [] }], llmCalls: [], toolExecutions: [] }),
    );
    const h = harness(t);
    await h.send({ type: 'getStructure', requestId: 1 });
    await h.send({ type: 'getRows', requestId: 2, start: 0, count: 50 });
    await h.send({ type: 'getSpanDetail', requestId: 3, index: 0 });
    await h.send({ type: 'getAttributeValue', requestId: 4, index: 0, key: 'prompt', scope: 'span' });
    const results = h.posted.map((m) => (m.type === 'response' && 'result' in m ? m.result : m));
    expect(Array.from((results[0] as TraceStructure).durationMs)).toEqual([10]);
    expect(results[1]).toEqual([{ index: 0, name: 'root', service: '', kind: 'unspecified' }]);
    expect((results[2] as { attributes: { fullLength?: number }[] }).attributes[0].fullLength).toBe(long.length);
    expect(results[3]).toBe(long);
  });

  it('drops and logs invalid messages without answering them', async () => {
    const h = harness(loaded());
    for (const bad of [
      null,
      'ready',
      { type: 'ready' },
      { type: 'runCommand', requestId: 1, command: 'workbench.action.terminal.new' },
      { type: 'getRows', requestId: 1, start: 0, count: 1e9 },
      { type: 'ready', requestId: 1, extra: true },
    ]) {
      await h.send(bad);
    }
    expect(h.posted).toEqual([]);
    expect(h.logged).toHaveLength(6);
    expect(h.logged[3]).toContain('unknown message type "runCommand"');
  });

  it('answers out-of-range queries with an error, not a crash', async () => {
    const h = harness(loaded());
    await h.send({ type: 'getSpanDetail', requestId: 1, index: 99 });
    await h.send({ type: 'getAttributeValue', requestId: 2, index: 0, key: 'nope', scope: 'resource' });
    await h.send({ type: 'selectTrace', requestId: 3, traceIndex: 4 });
    expect(h.posted).toEqual([
      { type: 'response', inReplyTo: 1, error: 'no span 99 (the trace has 3)' },
      { type: 'response', inReplyTo: 2, error: 'span 0 has no resource attribute "nope"' },
      { type: 'response', inReplyTo: 3, error: 'no trace 4 (the file has 1)' },
    ]);
  });

  it('copies the summary text on copySummary', async () => {
    const h = harness(loaded());
    await h.send({ type: 'copySummary', requestId: 5 });
    expect(h.copied).toHaveLength(1);
    expect(h.copied[0]).toContain('Trace: agent run');
    expect(h.posted).toEqual([{ type: 'response', inReplyTo: 5, result: null }]);
  });

  it('switches the shown trace of a multi-trace file and tells the webview to pull again', async () => {
    const b = new TraceBuilder();
    b.addSpan({ traceId: TRACE_ID, spanId: id(1), name: 'first', startNs: ms(0), endNs: ms(1) });
    b.addSpan({ traceId: '2'.repeat(32), spanId: id(2), name: 'second', startNs: ms(5), endNs: ms(6) });
    const t = new LoadedTrace('file:///w/two.json', 'two.json', b.build('otlp-json', 'x'), () =>
      agentView({ spans: [{ category: 'other', convention: 'none', fields: [] }], llmCalls: [], toolExecutions: [] }),
    );
    const h = harness(t);
    await h.send({ type: 'selectTrace', requestId: 1, traceIndex: 1 });
    expect(h.posted).toEqual([{ type: 'response', inReplyTo: 1, result: null }, { type: 'traceChanged' }]);
    await h.send({ type: 'ready', requestId: 2 });
    expect((h.posted[2] as { result: { rootName: string; traceIndex: number } }).result).toMatchObject({ rootName: 'second', traceIndex: 1 });
  });

  it('on a failed load, answers ready with a loadError event and an error response', async () => {
    const h = harness({ error: 'Could not open broken.json: truncated JSON at byte 12' });
    await h.send({ type: 'ready', requestId: 1 });
    await h.send({ type: 'getStructure', requestId: 2 });
    expect(h.posted).toEqual([
      { type: 'loadError', message: 'Could not open broken.json: truncated JSON at byte 12' },
      { type: 'response', inReplyTo: 1, error: 'Could not open broken.json: truncated JSON at byte 12' },
      { type: 'response', inReplyTo: 2, error: 'Could not open broken.json: truncated JSON at byte 12' },
    ]);
  });

  it('answers a request whose builder throws with an internal error and logs the stack', async () => {
    const t = new LoadedTrace('file:///w/run.json', 'run.json', agentTrace(), () => agentView());
    t.rows = () => {
      throw new TypeError('boom');
    };
    const h = harness(t);
    await h.send({ type: 'getRows', requestId: 9, start: 0, count: 1 });
    expect(h.posted).toEqual([{ type: 'response', inReplyTo: 9, error: 'internal error: boom' }]);
    expect(h.logged[0]).toContain('TypeError: boom');
  });
});
