import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import type { CardFindings, CardView, HostMessage } from '../../../src/core/protocol';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { BackgroundWork, CancelledWork } from '../../../src/session/backgroundWork';
import { FindingDismissals } from '../../../src/session/findingDismissals';
import { LoadedTrace } from '../../../src/session/loadedTrace';
import { handleWebviewMessage, type RequestContext } from '../../../src/session/webviewRequests';
import { memento } from './memento';

/** A hand-driven event loop: `defer` and `after` queue callbacks that `pump` runs; the clock is `clock.now`. */
function manualLoop() {
  const clock = { now: 0 };
  const queue: { at: number; fn: () => void }[] = [];
  const work = new BackgroundWork({
    quietMs: 40,
    maxWaitMs: 1000,
    now: () => clock.now,
    defer: (fn) => queue.push({ at: clock.now, fn }),
    after: (fn, ms) => queue.push({ at: clock.now + ms, fn }),
  });
  work.firstScreenAnswered(); // these tests are about what comes after it (its own test below)
  /** Runs one callback due at the current time; false when none is. */
  const runOne = () => {
    const i = queue.findIndex((q) => q.at <= clock.now);
    if (i >= 0) queue.splice(i, 1)[0].fn();
    return i >= 0;
  };
  /** Runs the callbacks due at the current time (and those they queue for it). */
  const pump = () => {
    while (runOne());
  };
  return { clock, work, pump, runOne };
}

describe('BackgroundWork', () => {
  it('runs one step per macrotask, in order, once requests have been quiet for 40 ms, and resolves with the last', async () => {
    const { clock, work, pump } = manualLoop();
    const ran: string[] = [];
    const done = work.run([() => ran.push('a'), () => ran.push('b')], () => (ran.push('answer'), 42));
    expect(ran).toEqual([]); // nothing runs in the caller's task
    pump();
    expect(ran).toEqual([]); // nor before 40 ms without requests: the rest of its burst may be on the way
    clock.now = 40;
    pump();
    expect(ran).toEqual(['a', 'b', 'answer']);
    await expect(done).resolves.toBe(42);
  });

  it('holds a step back while cheap requests are being answered, at most maxWaitMs', () => {
    const { clock, work, pump } = manualLoop();
    const ran: number[] = [];
    void work.run([], () => ran.push(clock.now));
    work.noteForeground(); // at t = 0
    pump();
    expect(ran).toEqual([]); // 40 ms of quiet needed
    clock.now = 30;
    work.noteForeground(); // another cheap request: quiet until 70
    clock.now = 40;
    pump();
    expect(ran).toEqual([]);
    clock.now = 70;
    pump();
    expect(ran).toEqual([70]);

    // A cheap request every 20 ms for ever: the step gets its first turn at t = 100 and runs
    // once it has waited 1000 ms, at t = 1100.
    void work.run([], () => ran.push(clock.now));
    for (clock.now = 100; clock.now <= 1200; clock.now += 20) {
      work.noteForeground();
      pump();
    }
    expect(ran).toEqual([70, 1100]);
  });

  it('cancel rejects queued jobs and stops the running one before its next step', async () => {
    const { clock, work, pump, runOne } = manualLoop();
    const ran: string[] = [];
    const first = work.run([() => ran.push('first.1'), () => ran.push('first.2')], () => ran.push('first.answer'));
    const second = work.run([() => ran.push('second.1')], () => ran.push('second.answer'));
    clock.now = 40;
    runOne(); // one macrotask: first.1
    expect(ran).toEqual(['first.1']);
    work.cancel('the panel was closed');
    await expect(first).rejects.toThrow(new CancelledWork('the panel was closed'));
    await expect(second).rejects.toThrow('cancelled: the panel was closed');
    pump();
    expect(ran).toEqual(['first.1']); // nothing of theirs ran after the cancel
    expect(work.pending).toBe(0);
    // The queue still works for new jobs.
    const third = work.run([], () => 3);
    work.firstScreenAnswered(); // the cancel closed the gate again (its own test below)
    clock.now = 80;
    pump();
    await expect(third).resolves.toBe(3);
  });

  it('waits for the first screen (rows or cards answered), or 1500 ms after the first job, and again after a cancel', async () => {
    const { clock, work, pump } = manualLoop();
    work.cancel('the trace was reloaded'); // closes the gate the helper opened
    const ran: number[] = [];
    void work.run([], () => ran.push(clock.now));
    clock.now = 100;
    pump();
    expect(ran).toEqual([]); // quiet, but the first screen is not answered yet
    work.firstScreenAnswered();
    pump();
    expect(ran).toEqual([100]);
    // A new trace: nothing asks for rows (the plan graph is shown): the job runs 1500 ms after it came.
    work.cancel('the trace was reloaded');
    clock.now = 200;
    void work.run([], () => ran.push(clock.now));
    for (clock.now = 200; clock.now < 1700; clock.now += 100) pump();
    expect(ran).toEqual([100]);
    clock.now = 1700;
    pump();
    expect(ran).toEqual([100, 1700]);
  });

  it('a step that throws rejects its job and the next job still runs', async () => {
    const { clock, work, pump } = manualLoop();
    const bad = work.run(
      [
        () => {
          throw new Error('bug');
        },
      ],
      () => 1,
    );
    const good = work.run([], () => 2);
    clock.now = 40;
    pump();
    await expect(bad).rejects.toThrow('bug');
    await expect(good).resolves.toBe(2);
  });
});

/** Waits (real macrotasks) until `cond` holds. */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  expect(cond()).toBe(true);
}

const DEMO = join(resolve(__dirname, '../../..'), 'demo/workspace/traces/travel-agent-run.otlp.json');

/** The demo trace behind `handleWebviewMessage`, with a real BackgroundWork on real timers. */
function panel() {
  const set = importTrace(readFileSync(DEMO));
  const trace = new LoadedTrace('file:///w/run.otlp.json', 'run.otlp.json', set, (s, i) => deriveAgentView(s.traces[i]));
  const posted: HostMessage[] = [];
  const background = new BackgroundWork({ quietMs: 5 });
  const ctx: RequestContext = {
    trace: () => Promise.resolve(trace),
    post: (m) => posted.push(m),
    copyText: async () => {},
    log: () => {},
    dismissals: new FindingDismissals(memento()),
    background,
  };
  const answered = () => posted.flatMap((m) => (m.type === 'response' ? [m.inReplyTo] : []));
  const resultOf = (id: number) => {
    const m = posted.find((p) => p.type === 'response' && p.inReplyTo === id);
    return m && 'result' in m ? m.result : m;
  };
  return { trace, posted, background, answered, resultOf, send: (raw: unknown) => handleWebviewMessage(raw, ctx) };
}

describe('handleWebviewMessage with background work', () => {
  it('answers cheap window requests before whole-trace ones asked for earlier', async () => {
    const p = panel();
    const heavy = [
      p.send({ type: 'getClaims', requestId: 1 }),
      p.send({ type: 'getCardFindings', requestId: 2 }),
      p.send({ type: 'getPlanGraph', requestId: 3, expanded: [] }),
      p.send({ type: 'getCost', requestId: 4 }),
      p.send({ type: 'getCriticalPath', requestId: 5 }),
    ];
    await p.send({ type: 'getStructure', requestId: 6 });
    await p.send({ type: 'getRows', requestId: 7, start: 0, count: 10 });
    await p.send({ type: 'getTimelineIndex', requestId: 8 });
    await p.send({ type: 'getCards', requestId: 9, start: 0, count: 10 });
    // The four cheap ones are answered while all five whole-trace ones still wait.
    expect(p.answered()).toEqual([6, 7, 8, 9]);
    expect(p.background.pending).toBe(5);
    await Promise.all(heavy);
    expect(p.answered()).toEqual([6, 7, 8, 9, 1, 2, 3, 4, 5]);
  });

  it('answers card text without findings, then the findings separately', async () => {
    const p = panel();
    await p.send({ type: 'getTimelineIndex', requestId: 1 });
    await p.send({ type: 'getCards', requestId: 2, start: 0, count: 200 });
    const cards = p.resultOf(2) as CardView[];
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((c) => c.findings.length === 0)).toBe(true); // claims not analysed yet
    expect(cards[0].runName).not.toBe(''); // but the words are there
    await p.send({ type: 'getCardFindings', requestId: 3 });
    const found = p.resultOf(3) as CardFindings;
    // The demo run claims a booking whose book_hotel span failed: one card carries that finding.
    const kinds = found.cards.flatMap((c) => c.findings.map((f) => f.kind));
    expect(kinds).toContain('claimed-success-but-failed');
    // Card numbers ascend and are cards of the timeline.
    const nums = found.cards.map((c) => c.card);
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    expect(nums.every((c) => c < cards.length)).toBe(true);
    // Once known, card windows carry them too.
    await p.send({ type: 'getCards', requestId: 4, start: 0, count: 200 });
    const again = p.resultOf(4) as CardView[];
    for (const c of found.cards) expect(again[c.card].findings).toEqual(c.findings);
  });

  it('cancelling (panel closed, trace reloaded) answers pending whole-trace requests with an error and runs none of them', async () => {
    const p = panel();
    const pending = [p.send({ type: 'getClaims', requestId: 1 }), p.send({ type: 'getPlanGraph', requestId: 2, expanded: [] })];
    await until(() => p.background.pending === 2);
    p.background.cancel('the trace was reloaded');
    await Promise.all(pending);
    expect(p.posted).toEqual([
      { type: 'response', inReplyTo: 1, error: 'cancelled: the trace was reloaded' },
      { type: 'response', inReplyTo: 2, error: 'cancelled: the trace was reloaded' },
    ]);
    // No analysis ran for them: a cheap request afterwards still finds nothing computed.
    await p.send({ type: 'getCards', requestId: 3, start: 0, count: 200 });
    expect((p.resultOf(3) as CardView[]).every((c) => c.findings.length === 0)).toBe(true);
  });

  it('selectTrace cancels the whole-trace work of the trace shown before', async () => {
    const p = panel();
    const pending = p.send({ type: 'getClaims', requestId: 1 });
    await until(() => p.background.pending === 1);
    await p.send({ type: 'selectTrace', requestId: 2, traceIndex: 0 });
    await pending;
    expect(p.posted).toEqual([
      { type: 'response', inReplyTo: 2, result: null },
      { type: 'traceChanged' },
      { type: 'response', inReplyTo: 1, error: 'cancelled: another trace of the file is shown' },
    ]);
  });
});
