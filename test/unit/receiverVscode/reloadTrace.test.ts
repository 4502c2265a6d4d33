import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { parseRequest } from '../../../src/core/protocol';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { LoadedTrace } from '../../../src/session/loadedTrace';
import { reloadTrace } from '../../../src/session/reloadTrace';
import { FindingDismissals } from '../../../src/session/findingDismissals';
import { handleWebviewMessage } from '../../../src/session/webviewRequests';
import { memento } from '../session/memento';
import { errorOf } from '../protocol/checked';

/**
 * A received trace growing on disk: the Vercel AI SDK run stored by the receiver, one span per
 * line in the order the spans ended (the root `ai.generateText` last, line 6). Read by hand:
 * line 3 is span d366d8af6b0c951e (the second doGenerate); all five children have parent
 * a4f5274f9108257d (the root). With the root, pre-order is root then the children by start:
 * 7402…, b3b4…, d366…, 7c67…, 08e1… — so d366… is at index 3.
 */
const LINES = readFileSync(join(__dirname, '../../fixtures/receiver/vercel-ai-agent-run.otlp.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l !== '');
const bytes = (n: number) => new TextEncoder().encode(LINES.slice(0, n).join('\n') + '\n');
const derive = (s: ReturnType<typeof importTrace>, i: number) => deriveAgentView(s.traces[i]);
const SECOND_LLM = 'd366d8af6b0c951e';

function loaded(n: number): LoadedTrace {
  return new LoadedTrace(
    'file:///store/a591c120eb77c5bf00cbcc9c8b722ec1.otlp.jsonl',
    'a591c120eb77c5bf00cbcc9c8b722ec1.otlp.jsonl',
    importTrace(bytes(n)),
    derive,
  );
}

describe('reloading a live trace that grew', () => {
  it('re-imports the grown file into a new LoadedTrace of the same trace with more spans', () => {
    const before = loaded(3);
    expect(before.trace.spans).toHaveLength(3);
    const after = reloadTrace(bytes(6), before, derive)!;
    expect(after.trace.traceId).toBe('a591c120eb77c5bf00cbcc9c8b722ec1');
    expect(after.summary().spanCount).toBe(6);
    expect(after.summary().rootName).toBe('ai.generateText');
    expect(after.fileUri).toBe(before.fileUri);
  });

  it('finds a span by id after the rows moved', () => {
    // Before the root arrives the three spans are orphans, i.e. roots ordered by start: d366… is third.
    const before = loaded(3);
    expect(before.indexOfSpan(SECOND_LLM)).toBe(2);
    const after = reloadTrace(bytes(6), before, derive)!;
    expect(after.indexOfSpan(SECOND_LLM)).toBe(3);
    expect(after.indexOfSpan('ffffffffffffffff')).toBe(-1);
  });

  it('answers findSpan over the protocol, and validates it', async () => {
    const t = reloadTrace(bytes(6), loaded(3), derive)!;
    const posted: unknown[] = [];
    await handleWebviewMessage(
      { type: 'findSpan', requestId: 7, spanId: SECOND_LLM },
      { trace: async () => t, post: (m) => posted.push(m), copyText: async () => {}, log: () => {}, dismissals: new FindingDismissals(memento()) },
    );
    expect(posted).toEqual([{ type: 'response', inReplyTo: 7, result: 3 }]);
    expect(errorOf(parseRequest({ type: 'findSpan', requestId: 1 }))).toMatch(/unexpected keys/);
    expect(errorOf(parseRequest({ type: 'findSpan', requestId: 1, spanId: 5 }))).toMatch(/spanId must be a string/);
    expect(errorOf(parseRequest({ type: 'findSpan', requestId: 1, spanId: 'a'.repeat(65) }))).toMatch(/at most 64/);
  });

  it('gives undefined (keep the old trace) when the file holds no trace any more', () => {
    expect(reloadTrace(new TextEncoder().encode('{"resourceSpans":[]}\n'), loaded(6), derive)).toBeUndefined();
  });
});
