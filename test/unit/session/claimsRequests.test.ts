import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { MAX_FINDING_KEY_LENGTH, parseRequest, type ClaimsView, type HostMessage } from '../../../src/core/protocol';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { DISMISSED_FINDINGS_KEY, FindingDismissals, MAX_DISMISSAL_TRACES } from '../../../src/session/findingDismissals';
import { LoadedTrace } from '../../../src/session/loadedTrace';
import { handleWebviewMessage } from '../../../src/session/webviewRequests';
import { memento } from './memento';
import { errorOf, valueOf } from '../protocol/checked';

const DEMO = join(resolve(__dirname, '../../..'), 'demo/workspace/traces/travel-agent-run.otlp.json');
const URI = 'file:///w/traces/travel-agent-run.otlp.json';
/** From the file: the final LLM call and the failed book_hotel span. */
const KEY = 'claimed-success-but-failed:cd4cca57965213a6,8ff34524e9d37b2b';

describe('parseRequest: getClaims and dismissFinding', () => {
  it('accepts the exact shapes', () => {
    expect(valueOf(parseRequest({ type: 'getClaims', requestId: 3 }))).toEqual({ type: 'getClaims', requestId: 3 });
    expect(valueOf(parseRequest({ type: 'dismissFinding', requestId: 4, key: KEY, dismissed: true }))).toEqual({
      type: 'dismissFinding',
      requestId: 4,
      key: KEY,
      dismissed: true,
    });
    expect(valueOf(parseRequest({ type: 'dismissFinding', requestId: 5, key: KEY, dismissed: false }))).toEqual({
      type: 'dismissFinding',
      requestId: 5,
      key: KEY,
      dismissed: false,
    });
  });

  it('rejects extra or missing keys and bad values, naming the problem', () => {
    expect(errorOf(parseRequest({ type: 'getClaims', requestId: 3, index: 1 }))).toMatch(/getClaims: unexpected keys/);
    expect(errorOf(parseRequest({ type: 'dismissFinding', requestId: 4, key: KEY }))).toMatch(/dismissFinding: unexpected keys/);
    expect(errorOf(parseRequest({ type: 'dismissFinding', requestId: 4, key: KEY, dismissed: true, extra: 1 }))).toMatch(/unexpected keys/);
    expect(errorOf(parseRequest({ type: 'dismissFinding', requestId: 4, key: KEY, dismissed: 'yes' }))).toBe('dismissFinding: dismissed must be a boolean');
    expect(errorOf(parseRequest({ type: 'dismissFinding', requestId: 4, key: '', dismissed: true }))).toMatch(/key must be a non-empty string/);
    expect(errorOf(parseRequest({ type: 'dismissFinding', requestId: 4, key: 7, dismissed: true }))).toMatch(/key must be a non-empty string/);
    expect(errorOf(parseRequest({ type: 'dismissFinding', requestId: 4, key: 'k'.repeat(MAX_FINDING_KEY_LENGTH + 1), dismissed: true }))).toMatch(/at most/);
  });
});

function harness(state = memento()) {
  const set = importTrace(readFileSync(DEMO));
  const trace = new LoadedTrace(URI, 'travel-agent-run.otlp.json', set, (s, i) => deriveAgentView(s.traces[i]));
  const posted: HostMessage[] = [];
  const ctx = {
    trace: () => Promise.resolve(trace),
    post: (m: HostMessage) => posted.push(m),
    copyText: async () => {},
    log: () => {},
    dismissals: new FindingDismissals(state),
  };
  const send = async (raw: unknown): Promise<HostMessage> => {
    posted.length = 0;
    await handleWebviewMessage(raw, ctx);
    expect(posted).toHaveLength(1);
    return posted[0];
  };
  const claims = async (requestId: number): Promise<ClaimsView> => {
    const r = await send({ type: 'getClaims', requestId });
    if (!('result' in r)) throw new Error(`no result: ${JSON.stringify(r)}`);
    return r.result as ClaimsView;
  };
  return { send, claims, state, traceId: set.traces[0].traceId };
}

describe('getClaims / dismissFinding over the protocol', () => {
  it("answers getClaims with the demo trace's one finding, not dismissed", async () => {
    const { claims } = harness();
    const v = await claims(1);
    expect(v.findings.map((f) => [f.key, f.dismissed])).toEqual([[KEY, false]]);
    expect(v.claims).toHaveLength(1);
  });

  it('remembers a dismissal per file and trace, in the workspace state, and undoes it', async () => {
    const { send, claims, state, traceId } = harness();
    expect(await send({ type: 'dismissFinding', requestId: 2, key: KEY, dismissed: true })).toEqual({ type: 'response', inReplyTo: 2, result: null });
    expect((await claims(3)).findings[0].dismissed).toBe(true);
    expect(state.data.get(DISMISSED_FINDINGS_KEY)).toEqual({ [`${URI}\n${traceId}`]: [KEY] });

    // A new host (window reload) over the same workspace state still knows.
    const reloaded = harness(state);
    expect((await reloaded.claims(4)).findings[0].dismissed).toBe(true);

    await send({ type: 'dismissFinding', requestId: 5, key: KEY, dismissed: false });
    expect((await claims(6)).findings[0].dismissed).toBe(false);
    expect(state.data.get(DISMISSED_FINDINGS_KEY)).toEqual({});
  });

  it('drops an invalid dismissFinding unanswered, without touching the state', async () => {
    const { state, traceId } = harness();
    const posted: HostMessage[] = [];
    const logged: string[] = [];
    const set = importTrace(readFileSync(DEMO));
    const trace = new LoadedTrace(URI, 'travel-agent-run.otlp.json', set, (s, i) => deriveAgentView(s.traces[i]));
    const ctx = {
      trace: () => Promise.resolve(trace),
      post: (m: HostMessage) => posted.push(m),
      copyText: async () => {},
      log: (l: string) => logged.push(l),
      dismissals: new FindingDismissals(state),
    };
    await handleWebviewMessage({ type: 'dismissFinding', requestId: 2, key: KEY, dismissed: 1 }, ctx);
    expect(posted).toEqual([]);
    expect(logged).toEqual(['dropped an invalid message from the webview: dismissFinding: dismissed must be a boolean']);
    expect(state.data.has(DISMISSED_FINDINGS_KEY)).toBe(false);
    expect(ctx.dismissals.get(URI, traceId).size).toBe(0);
  });
});

describe('FindingDismissals', () => {
  it('keeps traces apart and reads a malformed stored value as nothing dismissed', async () => {
    const state = memento({ [DISMISSED_FINDINGS_KEY]: { 'file:///a\nT1': ['k1', 7, null], junk: 'x' } });
    const d = new FindingDismissals(state);
    expect([...d.get('file:///a', 'T1')]).toEqual(['k1']);
    expect(d.get('file:///a', 'T2').size).toBe(0);
    expect(new FindingDismissals(memento({ [DISMISSED_FINDINGS_KEY]: ['k1'] })).get('file:///a', 'T1').size).toBe(0);
    await d.set('file:///a', 'T2', 'k2', true);
    expect([...d.get('file:///a', 'T2')]).toEqual(['k2']);
    expect([...d.get('file:///a', 'T1')]).toEqual(['k1']);
  });

  it('is not fooled by a trace key named __proto__', async () => {
    const d = new FindingDismissals(memento());
    await d.set('__proto__', '', 'k', true);
    expect([...new FindingDismissals(memento({ [DISMISSED_FINDINGS_KEY]: { '__proto__\n': ['k'] } })).get('__proto__', '')]).toEqual(['k']);
    expect([...d.get('__proto__', '')]).toEqual(['k']);
  });

  it(`forgets the least recently touched traces beyond ${MAX_DISMISSAL_TRACES}`, async () => {
    const state = memento();
    const d = new FindingDismissals(state);
    for (let i = 0; i <= MAX_DISMISSAL_TRACES; i++) await d.set(`file:///t${i}`, 'T', 'k', true);
    expect(d.get('file:///t0', 'T').size).toBe(0);
    expect(d.get('file:///t1', 'T').size).toBe(1);
    expect(d.get(`file:///t${MAX_DISMISSAL_TRACES}`, 'T').size).toBe(1);
  });
});
