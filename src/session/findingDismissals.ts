/**
 * Which claim findings the user dismissed, per trace: kept in the workspace state (a Memento)
 * under one key, as `{ "<fileUri>\n<traceId>": [findingKey, …] }`. The stored value is parsed
 * like any untrusted input. Only the type of `vscode.Memento` is used, so this is unit-tested
 * with a plain object.
 */
import type * as vscode from 'vscode';

export const DISMISSED_FINDINGS_KEY = 'agentTrace.dismissedFindings';
/** Oldest traces are forgotten beyond this many. */
export const MAX_DISMISSAL_TRACES = 200;
/** Per trace. */
export const MAX_DISMISSALS_PER_TRACE = 500;

type Stored = Record<string, string[]>;

export class FindingDismissals {
  constructor(private readonly state: Pick<vscode.Memento, 'get' | 'update'>) {}

  /** Dismissed finding keys of trace `traceId` of the file `fileUri`. */
  get(fileUri: string, traceId: string): Set<string> {
    return new Set(this.read()[traceKey(fileUri, traceId)] ?? []);
  }

  async set(fileUri: string, traceId: string, findingKey: string, dismissed: boolean): Promise<void> {
    const all = this.read();
    const k = traceKey(fileUri, traceId);
    const keys = new Set(all[k] ?? []);
    if (dismissed) keys.add(findingKey);
    else keys.delete(findingKey);
    delete all[k];
    // Re-inserted last: the most recently touched trace is kept longest.
    if (keys.size > 0) all[k] = [...keys].slice(-MAX_DISMISSALS_PER_TRACE);
    const entries = Object.keys(all);
    for (const old of entries.slice(0, Math.max(0, entries.length - MAX_DISMISSAL_TRACES))) delete all[old];
    await this.state.update(DISMISSED_FINDINGS_KEY, all);
  }

  private read(): Stored {
    const raw = this.state.get<unknown>(DISMISSED_FINDINGS_KEY);
    const out: Stored = Object.create(null) as Stored;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
    for (const [k, v] of Object.entries(raw)) {
      if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    }
    return out;
  }
}

function traceKey(fileUri: string, traceId: string): string {
  return `${fileUri}\n${traceId}`;
}
