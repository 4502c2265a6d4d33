/**
 * Whole-trace work for one webview (claims, findings on cards, plan graph, cost, critical path),
 * kept off the path of the requests the first screen needs (`getRows`, `getStructure`, card
 * windows, the timeline index).
 *
 * The extension host is one thread, and a whole-trace analysis of a 100k-span trace takes
 * seconds. So a job is a list of steps (each one analysis, memoised by `TraceAnalyses`), run one
 * step per macrotask: between two steps every message that arrived is handled, so a cheap
 * request waits at most for the step in progress, never for a whole job or a queue of them. A
 * step starts only once no request has arrived or been answered for `quietMs` (the first
 * screen's burst of requests, whole-trace ones among them, is all in and its cheap ones answered
 * first: a timer may fire before messages that were already sent), or after `maxWaitMs` of
 * waiting (scrolling cannot starve the findings). Before the first step of a trace, the first
 * screen's windows must have been answered (`firstScreenAnswered`: rows or cards), or
 * `firstScreenMs` have passed since the first job was queued (a view that shows no rows, such as
 * the plan graph, is not kept waiting long): a webview busy building its views sends its first
 * requests with gaps longer than any quiet time. Jobs run one at a time, in the order asked.
 *
 * `cancel` (the panel closed, the trace was reloaded or switched) rejects every queued job and
 * the running one at its next step with `CancelledWork`; nothing of theirs runs after it.
 */

export class CancelledWork extends Error {
  constructor(reason: string) {
    super(`cancelled: ${reason}`);
    this.name = 'CancelledWork';
  }
}

export interface BackgroundWorkOptions {
  /** Quiet time after the last request before a step starts (default 40 ms). */
  readonly quietMs?: number;
  /** Longest a step waits for quiet (default 1000 ms). */
  readonly maxWaitMs?: number;
  /** Longest the first step waits for the first screen's answers (default 1500 ms). */
  readonly firstScreenMs?: number;
  readonly now?: () => number;
  /** Runs `fn` in a later macrotask (default `setImmediate`, `setTimeout(0)` where there is none). */
  readonly defer?: (fn: () => void) => void;
  /** Runs `fn` after `ms` (default `setTimeout`). */
  readonly after?: (fn: () => void, ms: number) => void;
}

type Step = () => unknown;

interface Job {
  readonly steps: readonly Step[];
  next: number;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
}

const defaultDefer = (fn: () => void): void => {
  if (typeof setImmediate === 'function') setImmediate(fn);
  else setTimeout(fn, 0);
};

export class BackgroundWork {
  private readonly jobs: Job[] = [];
  /** Invalidates the pending wake-up when a newer one is scheduled (one chain of ticks at a time). */
  private token = 0;
  private firstScreen = false;
  private firstJobAt = Number.NaN;
  private lastRequest = Number.NEGATIVE_INFINITY;
  private waitingSince = Number.NaN;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly firstScreenMs: number;
  private readonly now: () => number;
  private readonly defer: (fn: () => void) => void;
  private readonly after: (fn: () => void, ms: number) => void;

  constructor(opts: BackgroundWorkOptions = {}) {
    this.quietMs = opts.quietMs ?? 40;
    this.maxWaitMs = opts.maxWaitMs ?? 1000;
    this.firstScreenMs = opts.firstScreenMs ?? 1500;
    this.now = opts.now ?? (() => performance.now());
    this.defer = opts.defer ?? defaultDefer;
    this.after = opts.after ?? ((fn, ms) => void setTimeout(fn, ms));
  }

  /** A cheap request arrived or was answered: background steps hold off for `quietMs`. */
  noteForeground(): void {
    this.lastRequest = this.now();
  }

  /** The first screen's windows (rows or cards) are answered: whole-trace work may start. */
  firstScreenAnswered(): void {
    if (this.firstScreen) return;
    this.firstScreen = true;
    if (this.jobs.length > 0) this.wake();
  }

  /** Jobs queued or running. */
  get pending(): number {
    return this.jobs.length;
  }

  /**
   * Queues a job: its steps run in order, one per macrotask; resolves with the last step's value
   * (awaited, if it is a promise). A step that throws rejects the job; the next job goes on.
   */
  run<T>(steps: readonly Step[], last: () => T | Promise<T>): Promise<T> {
    this.lastRequest = this.now(); // more of its burst may still be on the way
    if (Number.isNaN(this.firstJobAt)) this.firstJobAt = this.lastRequest;
    return new Promise<T>((resolve, reject) => {
      this.jobs.push({ steps: [...steps, last], next: 0, resolve: resolve as (v: unknown) => void, reject });
      if (this.jobs.length === 1) this.wake();
    });
  }

  /**
   * Rejects every queued and running job with `CancelledWork(reason)`. The next trace's first
   * screen is waited for again.
   */
  cancel(reason: string): void {
    this.token++;
    this.firstScreen = false;
    this.firstJobAt = Number.NaN;
    this.waitingSince = Number.NaN;
    for (const job of this.jobs.splice(0)) job.reject(new CancelledWork(reason));
  }

  /** Schedules the next tick (now, or after `ms`), replacing any pending one. */
  private wake(ms?: number): void {
    const token = ++this.token;
    const fn = () => {
      if (token === this.token) this.tick();
    };
    if (ms === undefined) this.defer(fn);
    else this.after(fn, ms);
  }

  private tick(): void {
    const job = this.jobs[0];
    if (!job) return;
    const now = this.now();
    if (!this.firstScreen) {
      const left = this.firstJobAt + this.firstScreenMs - now;
      if (left > 0) return this.wake(left);
      this.firstScreen = true;
    }
    if (Number.isNaN(this.waitingSince)) this.waitingSince = now;
    const quietIn = this.lastRequest + this.quietMs - now;
    const waited = now - this.waitingSince;
    if (quietIn > 0 && waited < this.maxWaitMs) return this.wake(Math.min(quietIn, this.maxWaitMs - waited));
    this.waitingSince = Number.NaN;
    let value: unknown;
    try {
      value = job.steps[job.next++]();
    } catch (e) {
      this.finish(job, () => job.reject(e));
      return;
    }
    if (job.next < job.steps.length) {
      this.wake();
      return;
    }
    // The last step's value may be a promise (an answer that awaits storage): the queue goes on.
    this.finish(job, () => Promise.resolve(value).then(job.resolve, job.reject));
  }

  private finish(job: Job, settle: () => void): void {
    if (this.jobs[0] === job) this.jobs.shift();
    settle();
    if (this.jobs.length > 0) this.wake();
  }
}
