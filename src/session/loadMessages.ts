import { ImportError } from '../core/model/diagnostics';
import type { TraceSet } from '../core/model/trace';
import { formatCount } from '../core/view/format';

/**
 * Plain-words messages for files that cannot be shown. Every message names the file and the
 * reason; none carries a stack trace (those go to the output channel only).
 */

/** Codes of vscode.FileSystemError (kept as strings so this file stays free of vscode). */
const FS_REASONS: Record<string, string> = {
  FileNotFound: 'the file does not exist',
  EntryNotFound: 'the file does not exist',
  FileIsADirectory: 'it is a folder, not a file',
  EntryIsADirectory: 'it is a folder, not a file',
  NoPermissions: 'permission denied',
  Unavailable: 'the file system is unavailable',
};

/** Why reading or importing `fileName` failed, from the error that was thrown. */
export function describeLoadError(fileName: string, error: unknown): string {
  return `Could not open ${fileName}: ${reasonOf(error)}`;
}

function reasonOf(error: unknown): string {
  if (error instanceof ImportError) {
    // "JSON: truncated JSON at byte 700" says JSON twice; the format is named once.
    return error.format && !error.message.includes(error.format) ? `${error.format}: ${error.message}` : error.message;
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  if (typeof code === 'string' && code in FS_REASONS) return FS_REASONS[code];
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (error instanceof RangeError) return `the file is too large to read here (${error.message})`;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error while reading the trace (${message.split('\n')[0]})`;
}

/**
 * The message for a file that was read but holds no span to show, or undefined when it has
 * at least one trace with spans.
 */
export function describeEmptySet(fileName: string, set: TraceSet): string | undefined {
  if (set.traces.some((t) => t.spans.length > 0)) return undefined;
  if (set.inputSpanCount === 0) return `Could not open ${fileName}: it holds no spans (${set.formatLabel})`;
  const first = set.diagnostics[0] ?? set.traces.flatMap((t) => t.diagnostics)[0];
  return `Could not open ${fileName}: none of its ${formatCount(set.inputSpanCount)} span records could be read${first ? ` (first problem: ${first.message})` : ''}`;
}

/** The last path segment of a URI path ("/a/b/run.json" → "run.json"). */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}
