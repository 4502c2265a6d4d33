import * as vscode from 'vscode';
import { importTrace } from '../core/import/index';
import { ImportError } from '../core/model/diagnostics';
import type { TraceSet } from '../core/model/trace';
import { baseName, describeEmptySet, describeLoadError } from './loadMessages';
import { LoadedTrace } from './loadedTrace';
import { currentPriceOverrides, deriveWithPrices } from './priceSettings';
import { nt } from '../core/text/nativeText';
import { withNativeProgress } from '../nativeUi/surfaces';

/** Files from this size on load behind a cancellable progress notification. */
export const LARGE_FILE_BYTES = 5 * 1024 * 1024;

export type LoadOutcome =
  { readonly kind: 'loaded'; readonly trace: LoadedTrace } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'cancelled' };

export interface LoadOptions {
  readonly log: vscode.LogOutputChannel;
  /** Trace of the file to show first (restored panels); the first non-empty one otherwise. */
  readonly traceIndex?: number;
}

/**
 * Reads a trace file (read-only, through vscode.workspace.fs so remote and virtual file
 * systems work), imports it and derives the agent view of the trace shown first.
 *
 * Large files load behind a cancellable notification; small ones show in the status bar.
 * Import is synchronous, so cancellation is checked between the stages (read, import,
 * derive), with a turn of the event loop before each so a click on Cancel is seen.
 * Never throws: failures come back as a plain-words message naming the file.
 */
export async function loadTrace(uri: vscode.Uri, opts: LoadOptions): Promise<LoadOutcome> {
  const fileName = baseName(uri.path) || uri.toString();
  let size = 0;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { kind: 'failed', message: `Could not open ${fileName}: it is a folder, not a file` };
    size = stat.size;
  } catch (e) {
    return fail(fileName, e, opts.log);
  }
  const large = size >= LARGE_FILE_BYTES;
  return withNativeProgress(
    { location: large ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: nt`Opening ${fileName}`, cancellable: large },
    async (progress, token) => {
      const started = Date.now();
      try {
        progress.report({ message: `reading ${formatMiB(size)}` });
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (await cancelled(token)) return { kind: 'cancelled' } as const;
        progress.report({ message: 'importing' });
        const set = importTrace(bytes);
        const empty = describeEmptySet(fileName, set);
        if (empty) return { kind: 'failed', message: empty } as const;
        if (await cancelled(token)) return { kind: 'cancelled' } as const;
        progress.report({ message: 'deriving the agent view' });
        const trace = loadedTraceFromSet(set, uri.toString(), fileName, opts);
        if (await cancelled(token)) return { kind: 'cancelled' } as const;
        opts.log.info(
          `${fileName}: ${set.formatLabel}, ${set.traces.length} trace(s), ${set.inputSpanCount} span record(s), ${size} bytes, loaded in ${Date.now() - started} ms`,
        );
        return { kind: 'loaded', trace } as const;
      } catch (e) {
        return fail(fileName, e, opts.log);
      }
    },
  );
}

/**
 * A LoadedTrace of an imported (or fetched) TraceSet: prices from the settings, the wanted trace
 * (else the first non-empty one) selected and its agent view derived. `set` must hold a trace.
 * Used by `loadTrace` and by traces fetched from a backend (src/connections), which arrive as a
 * TraceSet with `fileUri` naming where they came from.
 */
export function loadedTraceFromSet(set: TraceSet, fileUri: string, fileName: string, opts: LoadOptions): LoadedTrace {
  const prices = currentPriceOverrides(vscode.workspace, opts.log);
  const onDeriveError = (i: number, e: unknown) => {
    opts.log.error(
      `${fileName}: the agent view of trace ${i} could not be derived; showing plain spans. ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
  };
  const trace = new LoadedTrace(fileUri, fileName, set, deriveWithPrices(prices), onDeriveError, prices);
  const wanted = opts.traceIndex ?? -1;
  if (!(wanted >= 0 && wanted < set.traces.length && set.traces[wanted].spans.length > 0 && trace.select(wanted))) {
    trace.select(set.traces.findIndex((t) => t.spans.length > 0));
  }
  trace.view();
  return trace;
}

function fail(fileName: string, e: unknown, log: vscode.LogOutputChannel): LoadOutcome {
  const message = describeLoadError(fileName, e);
  log.error(message);
  // Plain-words failures need no stack; anything else is a bug worth one in the log.
  if (e instanceof Error && e.stack && !(e instanceof ImportError) && !(e instanceof vscode.FileSystemError)) log.error(e.stack);
  return { kind: 'failed', message };
}

async function cancelled(token: vscode.CancellationToken): Promise<boolean> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return token.isCancellationRequested;
}

function formatMiB(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
