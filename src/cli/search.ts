/**
 * `agent-trace search <base-url> [options]`: the traces a backend lists for a search (see
 * backendOptions.ts for the options), newest first where the backend can sort. `--json` prints
 * `{"traces": [{traceId, rootName, service, startTime (ISO), durationMs, spanCount?, errorCount?}]}`.
 * Exit 0 (also when nothing matched), 2 on bad usage or a failed request.
 */
import type { TraceSummary } from '../core/backends/types';
import { urlForMessage } from '../core/backends/url';
import { connect, parseBackendOptions, runWithBackend, searchWindow } from './backendOptions';
import { CliError } from './loadFile';
import { terminalText } from './terminalText';

const USAGE =
  'usage: agent-trace search <base-url> [--backend jaeger|tempo|langfuse|phoenix|zipkin] [--service S] [--name N] [--since 15m|1h|24h|7d | --from ISO --to ISO] [--errors] [--query Q] [--limit N] [--project P] [--header "K: V"]… [--json]';

export function runSearch(args: string[]): Promise<number> {
  let baseUrl = '';
  return runWithBackend(
    () => baseUrl || 'search',
    async (signal) => {
      let o;
      try {
        o = parseBackendOptions(args, false);
        if (o.positionals.length !== 1) throw new CliError('give one base URL');
      } catch (e) {
        if (e instanceof CliError) {
          process.stderr.write(`error: ${e.message}\n${USAGE}\n`);
          return 2;
        }
        throw e;
      }
      baseUrl = urlForMessage(o.positionals[0]);
      const window = searchWindow(o);
      const client = await connect(o.positionals[0], o, signal);
      const page = await client.search(
        {
          ...window,
          limit: o.limit,
          ...(o.service ? { service: o.service } : {}),
          ...(o.name ? { name: o.name } : {}),
          ...(o.errors ? { errorsOnly: true } : {}),
          ...(o.query ? { query: o.query } : {}),
        },
        signal,
      );
      if (o.json) process.stdout.write(JSON.stringify({ traces: page.traces.map(jsonRow) }, null, 2) + '\n');
      else process.stdout.write(terminalText(table(page.traces)) + '\n');
      return 0;
    },
  );
}

function jsonRow(t: TraceSummary) {
  return {
    traceId: t.traceId,
    rootName: t.rootName,
    service: t.service,
    startTime: new Date(t.startTime).toISOString(),
    durationMs: t.durationMs,
    ...(t.spanCount !== undefined ? { spanCount: t.spanCount } : {}),
    ...(t.errorCount !== undefined ? { errorCount: t.errorCount } : {}),
  };
}

function table(rows: readonly TraceSummary[]): string {
  if (!rows.length) return 'no traces found';
  const lines = rows.map((t) =>
    [
      new Date(t.startTime).toISOString().replace(/\.\d+Z$/, 'Z'),
      formatMs(t.durationMs).padStart(9),
      (t.spanCount === undefined ? '' : `${t.spanCount} spans`).padStart(11),
      (t.errorCount ? `${t.errorCount} err` : '').padStart(7),
      t.traceId,
      `${t.service || '-'}: ${t.rootName || '(no root name)'}`,
    ].join('  '),
  );
  return [`${rows.length} trace${rows.length === 1 ? '' : 's'}`, ...lines].join('\n');
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 2)} s` : `${Math.round(ms)} ms`;
}
