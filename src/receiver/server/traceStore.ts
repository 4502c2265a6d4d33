import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { importTrace } from '../../core/import/index';
import type { TraceSet } from '../../core/model/trace';
import type { TraceBatch } from '../../core/receiver/decodeExport';
import { compareNewestFirst, mergeBatch, newSummary, type AgentFigures, type StoredTraceSummary } from '../../core/receiver/traceSummary';
import { Emitter, type Event } from './events';
import { loadStore, lockStore, traceFileName, writeIndex, type Log } from './storeFiles';

/**
 * The local store of received traces: one OTLP JSON Lines file per trace plus an index
 * (layout and recovery in storeFiles.ts).
 *
 * Flush policy: `append` only buffers in memory and returns; a flush runs `flushIntervalMs`
 * (default 50 ms, at most 200 ms) after the first buffered append, and on `flush()`/`close()`.
 * Each flush appends every buffered line of a trace with one write, then fires
 * `onTraceUpdated`. **A crash loses at most the spans buffered since the last flush**, i.e.
 * those of the last flush interval; a line cut by a crash mid-write is trimmed on the next
 * open. Flushes never overlap, so appends to one file stay in order.
 *
 * Retention: after each flush, while there are more than `maxTraces` traces or their files
 * exceed `maxTotalBytes`, the trace least recently written is deleted (never the one written
 * last, so a single huge trace is kept).
 *
 * Events (shaped like `vscode.Event`):
 * - `onSpans`: spans of a trace were accepted (buffered; on disk after the next flush);
 * - `onTraceUpdated`: the file of a trace has grown (or its agent figures were computed): a
 *   view showing it can re-read it, or read only from `appendedFrom`;
 * - `onTraceRemoved`: deleted by retention or by `deleteTrace`/`clear`.
 */

export interface TraceStoreOptions {
  /** Delay from the first buffered append to the flush, ms. Default 50; clamped to [0, 200]. */
  flushIntervalMs?: number;
  /** Retention: number of traces kept. Default 500. */
  maxTraces?: number;
  /** Retention: total size of the trace files, bytes. Default 256 MiB. */
  maxTotalBytes?: number;
  /** The index is rewritten at most this often (it is only a cache of the files). Default 1000 ms. */
  indexIntervalMs?: number;
  /**
   * Computes agent figures (tokens, cost, LLM and tool calls) from a stored trace, e.g. with
   * `deriveAgentView` (see analyzeAgentFigures.ts). Runs `analyzeDelayMs` after the trace's last
   * update, off the request path, for files up to `analyzeMaxBytes`.
   */
  analyze?: (set: TraceSet, traceId: string) => Omit<AgentFigures, 'analyzedBytes'> | undefined;
  analyzeDelayMs?: number;
  analyzeMaxBytes?: number;
  log?: Log;
  /** Clock for received times (tests). */
  now?: () => number;
}

export interface SpansEvent {
  readonly traceId: string;
  /** Spans accepted in this request. */
  readonly count: number;
  /** Spans accepted for the trace so far. */
  readonly total: number;
}

export interface TraceUpdatedEvent {
  readonly summary: Readonly<StoredTraceSummary>;
  /** Absolute path of the trace file. */
  readonly path: string;
  /** True on the first write of the trace's file. */
  readonly created: boolean;
  /** Byte offset in the file where this update's lines start (= previous size). */
  readonly appendedFrom: number;
}

export interface TraceRemovedEvent {
  readonly traceId: string;
  readonly reason: 'retention' | 'deleted';
}

interface Entry {
  summary: StoredTraceSummary;
  /** Lines waiting for the next flush, each with its newline. */
  pending: Uint8Array[];
  pendingBytes: number;
  analyzeTimer?: ReturnType<typeof setTimeout>;
}

const DEFAULTS = {
  flushIntervalMs: 50,
  maxTraces: 500,
  maxTotalBytes: 256 * 1024 * 1024,
  indexIntervalMs: 1000,
  analyzeDelayMs: 1000,
  analyzeMaxBytes: 32 * 1024 * 1024,
};

export class TraceStore {
  private readonly entries: Map<string, Entry>;
  private readonly opts: typeof DEFAULTS;
  private readonly log: Log;
  private readonly now: () => number;
  private readonly analyzeHook: TraceStoreOptions['analyze'];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private flushChain: Promise<void> = Promise.resolve();
  private indexChain: Promise<void> = Promise.resolve();
  private dirty = new Set<string>();
  private readonly unlinking = new Map<string, Promise<void>>();
  private bufferedBytes = 0;
  private indexDirty = false;
  private lastIndexWrite = 0;
  private indexTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  private readonly spansEmitter: Emitter<SpansEvent>;
  private readonly updatedEmitter: Emitter<TraceUpdatedEvent>;
  private readonly removedEmitter: Emitter<TraceRemovedEvent>;
  readonly onSpans: Event<SpansEvent>;
  readonly onTraceUpdated: Event<TraceUpdatedEvent>;
  readonly onTraceRemoved: Event<TraceRemovedEvent>;

  /** Opens (creating if needed) and locks the store directory, and reconciles its index. */
  static async open(dir: string, options: TraceStoreOptions = {}): Promise<TraceStore> {
    const log = options.log ?? (() => {});
    await fsp.mkdir(dir, { recursive: true });
    const unlock = await lockStore(dir);
    try {
      const loaded = await loadStore(dir, log);
      return new TraceStore(dir, loaded, unlock, options);
    } catch (e) {
      await unlock();
      throw e;
    }
  }

  private constructor(
    readonly dir: string,
    loaded: Map<string, StoredTraceSummary>,
    private readonly unlock: () => Promise<void>,
    options: TraceStoreOptions,
  ) {
    this.opts = { ...DEFAULTS };
    for (const k of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
      const v = options[k];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) this.opts[k] = v;
    }
    this.opts.flushIntervalMs = Math.min(this.opts.flushIntervalMs, 200);
    this.log = options.log ?? (() => {});
    this.now = options.now ?? Date.now;
    this.analyzeHook = options.analyze;
    this.entries = new Map([...loaded].map(([id, summary]) => [id, { summary, pending: [], pendingBytes: 0 }]));
    const onListenerError = (e: unknown) => this.log('error', `store: an event listener threw: ${e instanceof Error ? e.stack : String(e)}`);
    this.spansEmitter = new Emitter(onListenerError);
    this.updatedEmitter = new Emitter(onListenerError);
    this.removedEmitter = new Emitter(onListenerError);
    this.onSpans = this.spansEmitter.event;
    this.onTraceUpdated = this.updatedEmitter.event;
    this.onTraceRemoved = this.removedEmitter.event;
    if (loaded.size) this.indexDirty = true; // the reconciled index may differ from the file
  }

  /** Bytes accepted but not yet written (the receiver answers 503 above its limit). */
  get pendingBytes(): number {
    return this.bufferedBytes;
  }

  get traceCount(): number {
    return this.entries.size;
  }

  /** Summaries, newest first (by the time the receiver first saw each trace). */
  list(): StoredTraceSummary[] {
    return [...this.entries.values()].map((e) => e.summary).sort(compareNewestFirst);
  }

  get(traceId: string): StoredTraceSummary | undefined {
    return this.entries.get(traceId)?.summary;
  }

  /** Absolute path of a trace's file (which exists once the trace has been flushed). */
  pathOf(traceId: string): string {
    return join(this.dir, traceFileName(traceId));
  }

  /** Buffers the lines of one request and schedules a flush. Synchronous and cheap. */
  append(batches: readonly TraceBatch[]): void {
    if (this.closed) throw new Error('the trace store is closed');
    const now = this.now();
    for (const b of batches) {
      const file = traceFileName(b.traceId); // validates the id before it names a file
      let e = this.entries.get(b.traceId);
      if (!e) this.entries.set(b.traceId, (e = { summary: newSummary(b.traceId, file, now), pending: [], pendingBytes: 0 }));
      e.pending.push(b.line, NEWLINE);
      e.pendingBytes += b.line.length + 1;
      this.bufferedBytes += b.line.length + 1;
      mergeBatch(e.summary, b.summary, now);
      this.dirty.add(b.traceId);
    }
    for (const b of batches) {
      const e = this.entries.get(b.traceId);
      if (e) this.spansEmitter.fire({ traceId: b.traceId, count: b.summary.spanCount, total: e.summary.spanCount });
    }
    if (!this.flushTimer && this.dirty.size) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        this.flush().catch((err: unknown) => this.log('error', `store: flush failed: ${(err as Error).message}`));
      }, this.opts.flushIntervalMs);
    }
  }

  /** Writes everything buffered so far; resolves when it is on disk (and events have fired). */
  flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    const run = this.flushChain.then(() => this.writePending());
    this.flushChain = run.catch(() => {});
    return run;
  }

  private async writePending(): Promise<void> {
    if (!this.dirty.size) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    const updated: TraceUpdatedEvent[] = [];
    // A few files at a time: enough to overlap I/O, few enough not to run out of descriptors.
    for (let i = 0; i < ids.length; i += 16) {
      await Promise.all(
        ids.slice(i, i + 16).map(async (id) => {
          const ev = await this.writeTrace(id);
          if (ev) updated.push(ev);
        }),
      );
    }
    this.enforceRetention();
    for (const ev of updated) {
      if (this.entries.has(ev.summary.traceId)) this.updatedEmitter.fire(ev);
      this.scheduleAnalyze(ev.summary.traceId);
    }
    this.indexDirty = true;
    this.scheduleIndexWrite();
    if (this.dirty.size && !this.flushTimer && !this.closed) {
      // Some writes failed: retry, slower than the normal interval so a full disk is not hammered.
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        this.flush().catch((err: unknown) => this.log('error', `store: flush failed: ${(err as Error).message}`));
      }, 1000);
    }
  }

  private async writeTrace(id: string): Promise<TraceUpdatedEvent | undefined> {
    const e = this.entries.get(id);
    if (!e || !e.pending.length) return undefined;
    const data = e.pending;
    const size = e.pendingBytes;
    e.pending = [];
    e.pendingBytes = 0;
    const path = this.pathOf(id);
    const appendedFrom = e.summary.bytes;
    const unlinking = this.unlinking.get(id);
    if (unlinking) await unlinking;
    try {
      await appendCreatingDir(path, this.dir, data);
    } catch (err) {
      // Keep the lines for the next flush; the receiver answers 503 while the buffer is full.
      e.pending.unshift(...data);
      e.pendingBytes += size;
      this.dirty.add(id);
      this.log('error', `store: could not write ${path}: ${(err as Error).message}`);
      return undefined;
    }
    this.bufferedBytes -= size;
    e.summary.bytes = appendedFrom + size;
    return { summary: { ...e.summary }, path, created: appendedFrom === 0, appendedFrom };
  }

  private enforceRetention(): void {
    let total = 0;
    for (const e of this.entries.values()) total += e.summary.bytes;
    if (this.entries.size <= this.opts.maxTraces && total <= this.opts.maxTotalBytes) return;
    const oldestFirst = [...this.entries.values()].sort((a, b) => a.summary.lastReceivedMs - b.summary.lastReceivedMs);
    const newest = oldestFirst[oldestFirst.length - 1];
    for (const e of oldestFirst) {
      if (this.entries.size <= this.opts.maxTraces && total <= this.opts.maxTotalBytes) break;
      const id = e.summary.traceId;
      if (e === newest || e.pending.length) continue;
      total -= e.summary.bytes;
      this.removeEntry(id, 'retention');
    }
  }

  private removeEntry(id: string, reason: TraceRemovedEvent['reason']): void {
    const e = this.entries.get(id);
    if (!e) return;
    if (e.analyzeTimer) clearTimeout(e.analyzeTimer);
    this.bufferedBytes -= e.pendingBytes;
    this.entries.delete(id);
    this.dirty.delete(id);
    // A new span of this trace may arrive before the unlink is done: its write waits for it.
    const unlinked = fsp.unlink(this.pathOf(id)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') this.log('warn', `store: could not delete ${this.pathOf(id)}: ${err.message}`);
    });
    this.unlinking.set(id, unlinked);
    void unlinked.then(() => {
      if (this.unlinking.get(id) === unlinked) this.unlinking.delete(id);
    });
    this.indexDirty = true;
    this.removedEmitter.fire({ traceId: id, reason });
  }

  /** Deletes one trace (its buffered spans too). */
  async deleteTrace(traceId: string): Promise<void> {
    await this.flushChain;
    this.removeEntry(traceId, 'deleted');
    await Promise.all(this.unlinking.values());
    await this.writeIndexNow();
  }

  /** Deletes every trace. */
  async clear(): Promise<void> {
    await this.flushChain;
    for (const id of [...this.entries.keys()]) this.removeEntry(id, 'deleted');
    await Promise.all(this.unlinking.values());
    await this.writeIndexNow();
  }

  /** The stored file of a trace (what has been flushed). */
  async readTrace(traceId: string): Promise<Uint8Array> {
    return fsp.readFile(this.pathOf(traceId));
  }

  /** Bytes appended to a trace's file from `from` on: for views that follow a trace live. */
  async readAppended(traceId: string, from: number): Promise<Uint8Array> {
    const fh = await fsp.open(this.pathOf(traceId), 'r');
    try {
      const size = (await fh.stat()).size;
      const buf = Buffer.alloc(Math.max(0, size - from));
      if (buf.length) await fh.read(buf, 0, buf.length, from);
      return buf;
    } finally {
      await fh.close();
    }
  }

  private scheduleIndexWrite(): void {
    if (this.indexTimer || this.closed) return;
    const wait = Math.max(0, this.lastIndexWrite + this.opts.indexIntervalMs - this.now());
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      this.writeIndexNow().catch((err: unknown) => this.log('warn', `store: could not write the index: ${(err as Error).message}`));
    }, wait);
  }

  /** Index writes are serialised: two renames of one temporary file must not race. */
  private writeIndexNow(): Promise<void> {
    const run = this.indexChain.then(async () => {
      if (!this.indexDirty) return;
      this.indexDirty = false;
      this.lastIndexWrite = this.now();
      await writeIndex(this.dir, this.list());
    });
    this.indexChain = run.catch(() => {});
    return run;
  }

  private scheduleAnalyze(id: string): void {
    const hook = this.analyzeHook;
    const e = this.entries.get(id);
    if (!hook || !e || this.closed) return;
    if (e.analyzeTimer) clearTimeout(e.analyzeTimer);
    e.analyzeTimer = setTimeout(() => {
      e.analyzeTimer = undefined;
      this.analyze(id, hook).catch((err: unknown) => this.log('warn', `store: analysing trace ${id} failed: ${(err as Error).message}`));
    }, this.opts.analyzeDelayMs);
  }

  private async analyze(id: string, hook: NonNullable<TraceStoreOptions['analyze']>): Promise<void> {
    const e = this.entries.get(id);
    if (!e || e.summary.bytes > this.opts.analyzeMaxBytes || e.summary.bytes === 0) return;
    const bytes = await this.readTrace(id);
    if (this.entries.get(id) !== e || this.closed) return;
    const figures = hook(importTrace(bytes), id);
    if (!figures) return;
    e.summary.agent = { ...figures, analyzedBytes: bytes.length };
    this.indexDirty = true;
    this.scheduleIndexWrite();
    this.updatedEmitter.fire({ summary: { ...e.summary }, path: this.pathOf(id), created: false, appendedFrom: e.summary.bytes });
  }

  /** Flushes, writes the index, releases the directory. Appends after this throw. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = undefined;
    for (const e of this.entries.values()) if (e.analyzeTimer) clearTimeout(e.analyzeTimer);
    this.indexDirty = true;
    await this.writeIndexNow().catch((err: unknown) => this.log('warn', `store: could not write the index: ${(err as Error).message}`));
    await this.unlock();
    this.spansEmitter.dispose();
    this.updatedEmitter.dispose();
    this.removedEmitter.dispose();
  }
}

const NEWLINE = Uint8Array.of(0x0a);

/** Appends the chunks with one gathered write (no concatenation), creating the directory if it went away. */
async function appendCreatingDir(path: string, dir: string, chunks: Uint8Array[]): Promise<void> {
  let fh;
  try {
    fh = await fsp.open(path, 'a');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // The directory was removed under us (a user cleaning up): make it again, once.
    await fsp.mkdir(dir, { recursive: true });
    fh = await fsp.open(path, 'a');
  }
  try {
    const { bytesWritten } = await fh.writev(chunks);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    // A short write (rare: a full disk, a signal): write the rest; a failure there is reported.
    if (bytesWritten < total) await fh.appendFile(Buffer.concat(chunks).subarray(bytesWritten));
  } finally {
    await fh.close();
  }
}
