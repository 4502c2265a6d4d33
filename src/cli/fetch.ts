/**
 * `agent-trace fetch <base-url> <trace-id> -o FILE` or `agent-trace fetch <trace-url> -o FILE`:
 * fetches one whole trace from a backend and writes it as OTLP JSON (`-o -`: stdout), the
 * portable single-trace file, so `agent-trace fetch … -o run.json && agent-trace check run.json`
 * works in CI. A trace URL is a backend UI or API link (core/backends/traceUrl.ts): it gives the
 * base URL, the id and often the kind and project. What the span cap or the backend cut is
 * printed as `note:` lines on stderr. Exit 0 when written, 2 on bad usage or a failed request.
 */
import { writeFileSync } from 'node:fs';
import { parseTraceUrl } from '../core/backends/traceUrl';
import type { ParsedTraceUrl } from '../core/backends/types';
import { urlForMessage } from '../core/backends/url';
import { encodeOtlpJson } from '../core/export/otlpJson';
import { connect, parseBackendOptions, runWithBackend } from './backendOptions';
import { CliError } from './loadFile';
import { terminalText } from './terminalText';

const USAGE = 'usage: agent-trace fetch <base-url> <trace-id> -o FILE | agent-trace fetch <trace-url> -o FILE  [--backend K] [--project P] [--header "K: V"]…';

export function runFetch(args: string[]): Promise<number> {
  let where = '';
  return runWithBackend(
    () => where || 'fetch',
    async (signal) => {
      let o;
      try {
        o = parseBackendOptions(args, true);
        if (o.positionals.length < 1 || o.positionals.length > 2) throw new CliError('give a base URL and a trace id, or the URL of a trace');
        if (o.out === undefined) throw new CliError('-o FILE is required (-o - writes to stdout)');
      } catch (e) {
        if (e instanceof CliError) {
          process.stderr.write(`error: ${e.message}\n${USAGE}\n`);
          return 2;
        }
        throw e;
      }
      where = urlForMessage(o.positionals[0]);
      let target: ParsedTraceUrl;
      if (o.positionals.length === 2) target = { baseUrl: o.positionals[0], traceId: o.positionals[1] };
      else target = parseTraceUrl(o.positionals[0]);
      where = urlForMessage(target.baseUrl);
      const client = await connect(target.baseUrl, o, signal, target);
      const result = await client.fetchTrace(target.traceId, signal);
      const bytes = encodeOtlpJson(result.set.traces);
      for (const note of result.notes) process.stderr.write(terminalText(`note: ${note}`) + '\n');
      const spans = result.set.traces.reduce((n, t) => n + t.spans.length, 0);
      if (o.out === '-') process.stdout.write(bytes);
      else {
        try {
          writeFileSync(o.out!, bytes);
        } catch (e) {
          where = o.out!;
          throw new CliError(`cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
        process.stdout.write(terminalText(`${o.out}: ${spans} span${spans === 1 ? '' : 's'} of trace ${target.traceId} from ${client.kind}`) + '\n');
      }
      return 0;
    },
  );
}
