import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodeOtlpJson } from '../core/export/otlpJson';
import { findLeaks, redactTraces } from '../core/redact/redactTraces';
import { CliError, loadTraceFile } from './loadFile';
import { terminalText } from './terminalText';

const USAGE = 'usage: agent-trace redact <file> -o <out> [--json] [--dry-run]';

/**
 * `agent-trace redact <file> -o <out>`: writes the traces of any supported file as OTLP JSON
 * with every secret and personal datum replaced by a `[REDACTED:<type>#<n>]` marker, and
 * prints how many of each type. Only counts are printed, never a value. The input file is
 * never written (an output path equal to it is refused); `--dry-run` counts without writing.
 * Before writing, the second pass (`findLeaks`) runs over the exact bytes: if any rule still
 * matches, nothing is written and the exit code is 2.
 */
export function runRedact(args: string[]): number {
  let out: string | undefined;
  let json = false;
  let dryRun = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--out') {
      out = args[++i];
      if (out === undefined) return usage('-o needs a path');
    } else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a === '--json') json = true;
    else if (a === '--dry-run') dryRun = true;
    else if (a.startsWith('-')) return usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) return usage();
  if (out === undefined && !dryRun) return usage('-o <out> is required (or --dry-run)');
  const file = files[0];
  try {
    if (out !== undefined && resolve(out) === resolve(file)) throw new CliError(`${out}: is the input file; the input is never modified`);
    const set = loadTraceFile(file);
    const result = redactTraces(set.traces);
    const bytes = encodeOtlpJson(result.traces);
    const leaks = findLeaks(new TextDecoder().decode(bytes));
    if (leaks.length > 0) {
      const types = [...new Set(leaks.map((l) => l.type))].sort().join(', ');
      throw new CliError(
        `${file}: the check of the redacted output still finds ${leaks.length} secret${leaks.length === 1 ? '' : 's'} (${types}); nothing written`,
      );
    }
    if (!dryRun) writeOutput(out!, bytes);
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    if (json) process.stdout.write(JSON.stringify({ total, byType: result.counts }) + '\n');
    else {
      const byType = Object.entries(result.counts).map(([t, n]) => `  ${t.padEnd(24)} ${n}`);
      const where = dryRun ? '(dry run, nothing written)' : `→ ${out}`;
      process.stdout.write(
        terminalText(
          [
            `${file}: ${total} value${total === 1 ? '' : 's'} redacted in ${set.traces.length} trace${set.traces.length === 1 ? '' : 's'} ${where}`,
            ...byType,
          ].join('\n'),
        ) + '\n',
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(terminalText(`error: ${e.message}`) + '\n');
      return 2;
    }
    throw e;
  }
}

function writeOutput(out: string, bytes: Uint8Array): void {
  try {
    writeFileSync(out, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      `${out}: ${code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`,
    );
  }
}

function usage(problem?: string): number {
  process.stderr.write(`error: ${problem === undefined ? '' : `${problem}\n`}${USAGE}\n`);
  return 2;
}
