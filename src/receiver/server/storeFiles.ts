import { promises as fsp } from 'node:fs';
import { join, resolve } from 'node:path';
import { importTrace } from '../../core/import/index';
import { summaryFromTrace, type StoredTraceSummary } from '../../core/receiver/traceSummary';

/**
 * The store's on-disk layout, and recovery:
 *
 *   <dir>/<traceId>.otlp.jsonl   one trace per file, OTLP JSON Lines (one TracesData a line,
 *                                the collector file-exporter format): opens with importTrace
 *                                and "Open Trace File…" like any other file
 *   <dir>/index.json             {version: 1, traces: StoredTraceSummary[]}, newest first;
 *                                a cache: rebuilt from the files whenever it disagrees
 *   <dir>/receiver.lock          pid of the process that owns the store
 */

export const INDEX_FILE = 'index.json';
export const LOCK_FILE = 'receiver.lock';
const INDEX_VERSION = 1;
const TRACE_FILE = /^([0-9a-f]{32})\.otlp\.jsonl$/;

export function traceFileName(traceId: string): string {
  if (!/^[0-9a-f]{32}$/.test(traceId)) throw new Error(`not a trace id: ${JSON.stringify(traceId).slice(0, 60)}`);
  return `${traceId}.otlp.jsonl`;
}

export type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

export async function writeIndex(dir: string, summaries: readonly StoredTraceSummary[]): Promise<void> {
  const path = join(dir, INDEX_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  await fsp.writeFile(tmp, JSON.stringify({ version: INDEX_VERSION, traces: summaries }) + '\n');
  await fsp.rename(tmp, path);
}

/**
 * Reads the index and reconciles it with the files: entries without a file are dropped, files
 * without an entry (or whose size differs from the entry's, i.e. appended after the last index
 * write, before a crash) are summarised again from their content. A file whose last line was
 * cut by a crash is truncated to its last complete line first, so the next append starts clean.
 */
export async function loadStore(dir: string, log: Log): Promise<Map<string, StoredTraceSummary>> {
  const indexed = await readIndexEntries(dir, log);
  const out = new Map<string, StoredTraceSummary>();
  for (const name of await fsp.readdir(dir)) {
    const m = TRACE_FILE.exec(name);
    if (!m) continue;
    const traceId = m[1];
    const path = join(dir, name);
    try {
      const size = (await fsp.stat(path)).size;
      const known = indexed.get(traceId);
      if (known && known.bytes === size) {
        out.set(traceId, known);
        continue;
      }
      const summary = await rebuildSummary(path, traceId, name, known, log);
      if (summary) out.set(traceId, summary);
    } catch (e) {
      log('warn', `store: could not read ${name}: ${(e as Error).message}`);
    }
  }
  return out;
}

async function rebuildSummary(
  path: string,
  traceId: string,
  name: string,
  known: StoredTraceSummary | undefined,
  log: Log,
): Promise<StoredTraceSummary | undefined> {
  let bytes: Uint8Array = await fsp.readFile(path);
  const lastNl = bytes.lastIndexOf(0x0a);
  if (bytes.length && lastNl !== bytes.length - 1) {
    await fsp.truncate(path, lastNl + 1);
    log('warn', `store: ${name} ended in a partial line (interrupted write); cut ${bytes.length - lastNl - 1} bytes`);
    bytes = bytes.subarray(0, lastNl + 1);
  }
  if (bytes.length === 0) {
    await fsp.unlink(path);
    return undefined;
  }
  const set = importTrace(bytes);
  const trace = set.traces.find((t) => t.traceId === traceId) ?? set.traces[0];
  if (!trace) return undefined;
  const stat = await fsp.stat(path);
  const s = summaryFromTrace(trace, name, bytes.length, known?.firstReceivedMs ?? stat.birthtimeMs ?? stat.mtimeMs);
  s.lastReceivedMs = Math.max(s.firstReceivedMs, stat.mtimeMs);
  return s;
}

async function readIndexEntries(dir: string, log: Log): Promise<Map<string, StoredTraceSummary>> {
  const out = new Map<string, StoredTraceSummary>();
  let text: string;
  try {
    text = await fsp.readFile(join(dir, INDEX_FILE), 'utf8');
  } catch {
    return out;
  }
  try {
    const root: unknown = JSON.parse(text);
    const traces =
      root && typeof root === 'object' && (root as { version?: unknown }).version === INDEX_VERSION ? (root as { traces?: unknown }).traces : undefined;
    if (!Array.isArray(traces)) throw new Error('no traces list');
    for (const t of traces) if (isSummary(t)) out.set(t.traceId, t);
  } catch (e) {
    log('warn', `store: index.json is unreadable (${(e as Error).message}); rebuilding it from the trace files`);
  }
  return out;
}

/** The index is our own file, but it is read back across versions and crashes: check its shape. */
function isSummary(v: unknown): v is StoredTraceSummary {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.traceId === 'string' &&
    /^[0-9a-f]{32}$/.test(o.traceId) &&
    o.file === `${o.traceId}.otlp.jsonl` &&
    typeof o.rootName === 'string' &&
    (o.status === 'unset' || o.status === 'ok' || o.status === 'error') &&
    typeof o.spanCount === 'number' &&
    typeof o.errorCount === 'number' &&
    typeof o.firstReceivedMs === 'number' &&
    typeof o.lastReceivedMs === 'number' &&
    typeof o.bytes === 'number' &&
    (o.startNs === undefined || (typeof o.startNs === 'string' && /^\d+$/.test(o.startNs))) &&
    (o.endNs === undefined || (typeof o.endNs === 'string' && /^\d+$/.test(o.endNs))) &&
    (o.rootStartNs === undefined || (typeof o.rootStartNs === 'string' && /^\d+$/.test(o.rootStartNs)))
  );
}

/**
 * One receiver per store directory: two writing one index would lose entries. The lock holds
 * the owner's pid; a lock whose process is gone (a crash) is taken over.
 */
export async function lockStore(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const key = resolve(path);
  if (heldLocks.has(key)) throw new StoreLockedError(dir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fsp.writeFile(path, String(process.pid), { flag: 'wx' });
      heldLocks.add(key);
      return async () => {
        heldLocks.delete(key);
        await fsp.unlink(path).catch(() => {});
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number((await fsp.readFile(path, 'utf8').catch(() => '')).trim());
      // Our own pid without an entry in `heldLocks`: left by an earlier process that had the same pid.
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new StoreLockedError(dir, owner);
      }
      await fsp.unlink(path).catch(() => {});
    }
  }
  throw new StoreLockedError(dir, undefined);
}

/** Locks held by stores of this process (the pid in the file cannot tell them apart). */
const heldLocks = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class StoreLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly ownerPid: number | undefined,
  ) {
    super(`the trace store ${dir} is in use by another receiver${ownerPid ? ` (process ${ownerPid})` : ''}`);
    this.name = 'StoreLockedError';
  }
}
