import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './loadFile';

/** File names read from a folder: every format we import, gzip included; hidden files skipped. */
const TRACE_FILE = /\.(json|jsonl|ndjson|pb|protobuf|otlp|bin|gz)$/i;

/**
 * What `inspect`/`check` read for one path: the file itself, or — for a folder such as the
 * receiver's store or a collector's file-exporter folder — every trace file directly in it,
 * sorted by name (not recursive: a folder of runs is flat in both). `isFolder` tells the caller
 * to print one result per file.
 */
export function traceInputs(path: string): { isFolder: boolean; files: string[] } {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return { isFolder: false, files: [path] }; // loadTraceFile reports the reason
  }
  if (!isFolder) return { isFolder, files: [path] };
  let names: string[];
  try {
    names = readdirSync(path);
  } catch (e) {
    throw new CliError(`${path}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
  const files = names
    .filter((n) => !n.startsWith('.') && TRACE_FILE.test(n))
    .sort()
    .map((n) => join(path, n))
    .filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
  if (files.length === 0) throw new CliError(`${path}: no trace files in this folder (looked for ${TRACE_FILE.source})`);
  return { isFolder, files };
}
