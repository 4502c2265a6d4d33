/**
 * Runs an (async) job at most once per `intervalMs`, however often it is triggered: the first
 * trigger runs it at once, later ones within the interval are folded into one trailing run.
 * A run never overlaps the previous one; a trigger during a run schedules one more run after
 * it, and never sooner than the previous run took (so a slow job gets at most half the time).
 * So a flood of events costs at most one run per interval and the last event is never lost.
 * Errors of the job go to `onError`; the throttle keeps working.
 */
export class Throttle {
  private lastStart = -Infinity;
  private lastEnd = -Infinity;
  private lastDuration = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private pending = false;
  private disposed = false;

  constructor(
    private readonly job: () => unknown,
    private readonly intervalMs: number,
    private readonly onError: (e: unknown) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  trigger(): void {
    if (this.disposed) return;
    this.pending = true;
    this.schedule();
  }

  /** True while a run is queued or in progress. */
  get busy(): boolean {
    return this.pending || this.running || this.timer !== undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.pending = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.running || this.timer !== undefined || !this.pending) return;
    const now = this.now();
    const wait = Math.max(0, this.lastStart + this.intervalMs - now, this.lastEnd + this.lastDuration - now);
    if (wait === 0) {
      void this.run();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, wait);
  }

  private async run(): Promise<void> {
    if (this.disposed || !this.pending) return;
    this.pending = false;
    this.running = true;
    this.lastStart = this.now();
    try {
      await this.job();
    } catch (e) {
      this.onError(e);
    } finally {
      this.running = false;
      this.lastEnd = this.now();
      this.lastDuration = this.lastEnd - this.lastStart;
      this.schedule();
    }
  }
}
