import { describe, expect, it } from 'vitest';
import type { HostEvent, Request } from '../../../src/core/protocol';
import { RpcClient, RpcError } from '../../../webview/rpc/rpcClient';

/** A client wired to an in-memory channel and manual timers. */
function setup(timeoutMs = 1000) {
  const posted: Request[] = [];
  const events: HostEvent[] = [];
  const dropped: string[] = [];
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let nextTimer = 1;
  const client = new RpcClient({
    post: (req) => posted.push(req),
    timers: {
      setTimeout: (fn, ms) => {
        timers.set(nextTimer, { at: now + ms, fn });
        return nextTimer++;
      },
      clearTimeout: (h) => timers.delete(h as number),
    },
    timeoutMs,
    onEvent: (ev) => events.push(ev),
    onDropped: (why) => dropped.push(why),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at <= now) {
        timers.delete(id);
        t.fn();
      }
    }
  };
  return { client, posted, events, dropped, advance, timers };
}

const summary = {
  fileName: 'f.json',
  fileUri: 'file:///f.json',
  formatLabel: 'OTLP JSON',
  traceIndex: 0,
  traceCount: 1,
  traceId: 'ab'.repeat(16),
  rootName: 'root',
  spanCount: 1,
  durationMs: 1,
  status: 'ok',
  iterations: 0,
  llmCalls: 0,
  toolCalls: 0,
  tokens: { input: 0, output: 0 },
  costUsd: null,
  diagnostics: [],
  quarantined: 0,
};

describe('RpcClient', () => {
  it('posts requests with increasing ids and resolves each with its validated result', async () => {
    const { client, posted, timers } = setup();
    const a = client.request({ type: 'ready' });
    const b = client.request({ type: 'getAttributeValue', index: 2, key: 'k', scope: 'span' });
    expect(posted).toEqual([
      { type: 'ready', requestId: 1 },
      { type: 'getAttributeValue', index: 2, key: 'k', scope: 'span', requestId: 2 },
    ]);
    client.handleMessage({ type: 'response', inReplyTo: 2, result: 'whole value' });
    client.handleMessage({ type: 'response', inReplyTo: 1, result: summary });
    await expect(a).resolves.toEqual(summary);
    await expect(b).resolves.toBe('whole value');
    expect(client.pendingCount).toBe(0);
    expect(timers.size).toBe(0); // timeouts cleared
  });

  it('rejects with invalid-result when the result fails validation (never resolves bad data)', async () => {
    const { client } = setup();
    const p = client.request({ type: 'ready' });
    client.handleMessage({ type: 'response', inReplyTo: 1, result: { ...summary, spanCount: -3 } });
    await expect(p).rejects.toMatchObject({ reason: 'invalid-result', requestType: 'ready' });
    await expect(p).rejects.toThrow(/summary.spanCount/);
  });

  it('rejects with the host error message', async () => {
    const { client } = setup();
    const p = client.request({ type: 'getSpanDetail', index: 9 });
    client.handleMessage({ type: 'response', inReplyTo: 1, error: 'no span 9 (the trace has 3)' });
    await expect(p).rejects.toBeInstanceOf(RpcError);
    await expect(p).rejects.toThrow('no span 9 (the trace has 3)');
  });

  it('times out, and a late answer is then dropped', async () => {
    const { client, advance, dropped } = setup(1000);
    const p = client.request({ type: 'getStructure' });
    advance(999);
    expect(client.pendingCount).toBe(1);
    advance(1);
    await expect(p).rejects.toMatchObject({ reason: 'timeout' });
    client.handleMessage({ type: 'response', inReplyTo: 1, result: null });
    expect(dropped).toEqual(['response to unknown request 1']);
  });

  it('drops messages that fail parseHostMessage and passes events through', () => {
    const { client, events, dropped } = setup();
    client.handleMessage('hello');
    client.handleMessage({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    client.handleMessage({ type: 'loadError', message: 42 });
    client.handleMessage({ type: 'traceChanged' });
    client.handleMessage({ type: 'loadError', message: 'cannot read x.json: not JSON' });
    expect(dropped).toHaveLength(3);
    expect(events).toEqual([{ type: 'traceChanged' }, { type: 'loadError', message: 'cannot read x.json: not JSON' }]);
  });

  it('a response with neither result nor error is dropped, and the request stays pending', () => {
    const { client, dropped } = setup();
    void client.request({ type: 'copySummary' });
    client.handleMessage({ type: 'response', inReplyTo: 1 });
    expect(dropped).toHaveLength(1);
    expect(client.pendingCount).toBe(1);
  });

  it('dispose rejects everything pending', async () => {
    const { client } = setup();
    const p = client.request({ type: 'getRows', start: 0, count: 10 });
    client.dispose();
    await expect(p).rejects.toMatchObject({ reason: 'disposed' });
    expect(client.pendingCount).toBe(0);
  });
});
