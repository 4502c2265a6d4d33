import { describe, expect, it } from 'vitest';
import type { TraceSet } from '../../../src/core/model/trace';
import { LoadedTrace } from '../../../src/session/loadedTrace';
import { currentPriceOverrides, parsePriceOverrides, repriceTrace, watchPriceSettings } from '../../../src/session/priceSettings';
import { buildTrace } from '../semantics/buildTrace';
import { agent, chat } from '../timeline/fixtures';

describe('parsePriceOverrides', () => {
  it('keeps valid entries in USD per million tokens and drops bad ones with a warning each', () => {
    const { prices, warnings } = parsePriceOverrides({
      'my-model': { input: 3, output: 12, cachedInput: 0.3 },
      'no-cache': { input: 1, output: 2 },
      'string-price': { input: '3', output: 12 },
      negative: { input: -1, output: 1 },
      'bad-cache': { input: 1, output: 1, cachedInput: 'x' },
      'not-object': 5,
      '': { input: 1, output: 1 },
    });
    expect(prices).toEqual({ 'my-model': { input: 3, output: 12, cachedInput: 0.3 }, 'no-cache': { input: 1, output: 2 } });
    expect(warnings).toHaveLength(5);
    expect(warnings.join('\n')).toMatch(/"string-price" was ignored/);
    expect(warnings.join('\n')).toMatch(/"negative" was ignored/);
    expect(warnings.join('\n')).toMatch(/"bad-cache" was ignored: cachedInput/);
    expect(warnings.join('\n')).toMatch(/"not-object" was ignored/);
  });

  it('treats an empty or missing setting as no overrides, and a non-object as an error', () => {
    expect(parsePriceOverrides(undefined)).toEqual({ prices: undefined, warnings: [] });
    expect(parsePriceOverrides({})).toEqual({ prices: undefined, warnings: [] });
    const arr = parsePriceOverrides([1, 2]);
    expect(arr.prices).toBeUndefined();
    expect(arr.warnings).toHaveLength(1);
  });
});

/** A fake workspace whose `agentTrace.prices` value the test sets, and that fires changes. */
function fakeWorkspace(initial: unknown) {
  let value = initial;
  let listener: ((e: { affectsConfiguration(s: string): boolean }) => void) | undefined;
  const ws = {
    getConfiguration: () => ({ get: (k: string) => (k === 'prices' ? value : undefined) }),
    onDidChangeConfiguration: (l: typeof listener) => ((listener = l), { dispose: () => (listener = undefined) }),
  };
  return {
    ws: ws as never,
    set(v: unknown, section = 'agentTrace.prices') {
      value = v;
      listener?.({ affectsConfiguration: (s) => s === section });
    },
  };
}

const log = () => {
  const lines: string[] = [];
  return { lines, warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } as never as {
    lines: string[];
    warn(m: string): void;
    error(m: string): void;
  };
};

describe('price setting changes', () => {
  // One chat of 1,000,000 input and 1,000,000 output tokens of gpt-4o: $2.5 + $10 = $12.5 at the table price.
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent a', start: 0, end: 10, attrs: agent('a') },
    { id: 2, parent: 1, name: 'chat', start: 1, end: 5, attrs: chat({ model: 'gpt-4o', input: 1_000_000, output: 1_000_000, text: 'x' }) },
  ]);
  const set = { traces: [trace], diagnostics: [], formatLabel: 'test', inputSpanCount: 2 } as unknown as TraceSet;

  it('logs each warning once per distinct value and returns the same object while unchanged', () => {
    const f = fakeWorkspace({ 'gpt-4o': { input: 1, output: 'x' }, other: { input: 1, output: 1 } });
    const l = log();
    const a = currentPriceOverrides(f.ws, l);
    const b = currentPriceOverrides(f.ws, l);
    expect(a).toBe(b);
    expect(l.lines).toHaveLength(1);
    expect(l.lines[0]).toMatch(/"gpt-4o" was ignored/);
  });

  it('re-prices the open traces when agentTrace.prices changes, and only then', () => {
    const f = fakeWorkspace(undefined);
    const l = log();
    let shown = repriceTrace(
      new LoadedTrace('file:///t.json', 't.json', set, () => {
        throw new Error('unused');
      }),
      undefined,
      l,
    );
    // table price: 1M × $2.5/M + 1M × $10/M = $12.5
    expect(shown.cost().totalUsd).toBeCloseTo(12.5, 9);
    const entry = {
      uri: { toString: () => 'file:///t.json' },
      get trace() {
        return shown;
      },
      replaceTrace: (t: LoadedTrace) => (shown = t),
    };
    const sub = watchPriceSettings(f.ws, { loaded: () => [entry], showing: () => [entry] } as never, l);
    f.set({ 'gpt-4o': { input: 1, output: 2 } }, 'agentTrace.receiver.port');
    expect(shown.cost().totalUsd).toBeCloseTo(12.5, 9);
    f.set({ 'gpt-4o': { input: 1, output: 2 } });
    // settings price: 1M × $1/M + 1M × $2/M = $3
    expect(shown.cost().totalUsd).toBeCloseTo(3, 9);
    expect(shown.cost().prices[0]).toMatchObject({ source: 'settings', inputPerMTok: 1, outputPerMTok: 2 });
    expect(shown.summary().costUsd).toBeCloseTo(3, 9);
    sub.dispose();
  });
});
