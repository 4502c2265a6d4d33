import { readFileSync, statSync } from 'node:fs';
import { importTrace } from '../core/import/index';
import { ImportError } from '../core/model/diagnostics';
import type { TraceSet } from '../core/model/trace';

export class CliError extends Error {}

/** Reads and imports a file; every failure becomes a CliError with `<file>: <reason>`. */
export function loadTraceFile(file: string): TraceSet {
  let bytes: Uint8Array;
  try {
    if (statSync(file).isDirectory()) throw new CliError(`${file}: is a directory`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
  try {
    return importTrace(bytes);
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(`${file}: ${e.format ? `${e.format}: ` : ''}${e.message}`);
    throw new CliError(`${file}: internal error while reading (${(e as Error).message})`);
  }
}
