import { resolve } from 'node:path';
import { agentFiguresAnalyzer } from '../receiver/server/analyzeAgentFigures';
import { startLocalReceiver, type LocalReceiver } from '../receiver/server/localReceiver';
import { NonLoopbackBindError, PortInUseError } from '../receiver/server/ports';
import { StoreLockedError } from '../receiver/server/storeFiles';
import type { StoredTraceSummary } from '../core/receiver/traceSummary';
import { inlineText } from '../core/text/visibleText';

/**
 * `agent-trace receive`: runs the OTLP/HTTP receiver in the foreground and stores what it gets.
 * The first line of stdout is always `listening on http://HOST:PORT` (scripts wait for it);
 * then one line per new trace and one when a trace's figures are computed. Ctrl-C / SIGTERM
 * flushes the store and exits 0.
 */
const USAGE = `usage: agent-trace receive [--host 127.0.0.1] [--port 4318] [--store DIR]
                           [--allow-non-loopback] [--allow-origin ORIGIN]... [--quiet]

  --host HOST             address to listen on (loopback only unless --allow-non-loopback)
  --port PORT             port (0 picks a free one); default 4318
  --store DIR             where traces are stored, one <traceId>.otlp.jsonl each; default ./agent-traces
  --allow-origin ORIGIN   accept browser requests from this origin (repeatable)
  --quiet                 print only the "listening on" line and errors
`;

interface ReceiveArgs {
  host: string;
  port: number;
  store: string;
  allowNonLoopback: boolean;
  allowedOrigins: string[];
  quiet: boolean;
}

function parseArgs(args: string[]): ReceiveArgs | string {
  const out: ReceiveArgs = { host: '127.0.0.1', port: 4318, store: 'agent-traces', allowNonLoopback: false, allowedOrigins: [], quiet: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args[++i]);
    switch (name) {
      case '--host': {
        const v = value();
        if (!v) return '--host needs a value';
        out.host = v;
        break;
      }
      case '--port': {
        const v = value();
        if (!v || !/^\d{1,5}$/.test(v) || Number(v) > 65535) return `--port needs a number from 0 to 65535${v ? ` (got ${v})` : ''}`;
        out.port = Number(v);
        break;
      }
      case '--store': {
        const v = value();
        if (!v) return '--store needs a directory';
        out.store = v;
        break;
      }
      case '--allow-origin': {
        const v = value();
        if (!v) return '--allow-origin needs an origin';
        out.allowedOrigins.push(v);
        break;
      }
      case '--allow-non-loopback':
        out.allowNonLoopback = true;
        break;
      case '--quiet':
        out.quiet = true;
        break;
      default:
        return `unknown option ${a}`;
    }
  }
  return out;
}

export async function runReceive(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`error: ${parsed}\n${USAGE}`);
    return 2;
  }
  const storeDir = resolve(parsed.store);
  let local: LocalReceiver;
  try {
    local = await startLocalReceiver({
      host: parsed.host,
      port: parsed.port,
      storeDir,
      allowNonLoopback: parsed.allowNonLoopback,
      allowedOrigins: parsed.allowedOrigins,
      store: { analyze: agentFiguresAnalyzer() },
      log: (level, message) => {
        if (level !== 'info') process.stderr.write(`${level}: ${message}\n`);
      },
    });
  } catch (e) {
    if (e instanceof PortInUseError) {
      const hint = e.suggestedPort !== undefined ? `; to use a free one: agent-trace receive --port ${e.suggestedPort}` : '';
      process.stderr.write(`error: ${e.message}${hint}\n`);
      return 2;
    }
    if (e instanceof NonLoopbackBindError) {
      process.stderr.write(`error: ${e.message} (--allow-non-loopback)\n`);
      return 2;
    }
    if (e instanceof StoreLockedError) {
      process.stderr.write(`error: ${e.message}; stop it or use another --store\n`);
      return 2;
    }
    throw e;
  }
  process.stdout.write(`listening on ${local.address.url}\n`);
  if (!parsed.quiet) {
    process.stdout.write(`traces endpoint ${local.tracesUrl} (OTLP/HTTP protobuf or JSON); storing in ${storeDir}\n`);
    local.store.onTraceUpdated((e) => {
      if (e.created) process.stdout.write(`new trace ${e.summary.traceId}${e.summary.serviceName ? ` from ${printable(e.summary.serviceName)}` : ''}\n`);
      else if (e.summary.agent && e.summary.agent.analyzedBytes === e.summary.bytes) process.stdout.write(describe(e.summary) + '\n');
    });
  }
  return new Promise<number>((done) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      if (!parsed.quiet) process.stdout.write(`${signal}: flushing and stopping\n`);
      local.stop().then(
        () => done(0),
        (e: unknown) => {
          process.stderr.write(`error: while stopping: ${e instanceof Error ? e.message : String(e)}\n`);
          done(1);
        },
      );
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

function describe(s: StoredTraceSummary): string {
  const a = s.agent!;
  const cost = a.costUsd === null ? 'cost unknown' : `$${a.costUsd.toFixed(4)}`;
  const dur = s.durationMs !== undefined ? `, ${s.durationMs.toFixed(0)} ms` : '';
  return `trace ${s.traceId} "${printable(s.rootName)}" [${s.status}] ${s.spanCount} spans${dur}, ${a.llmCalls} LLM calls, ${a.toolCalls} tool calls, tokens ${a.inputTokens} in / ${a.outputTokens} out, ${cost}`;
}

/** Trace text goes to a terminal on one line: control, bidi and zero-width characters shown as markers (⟦ESC⟧). */
function printable(text: string): string {
  return inlineText(text, 120);
}
