/**
 * `agent-trace`: the headless face of core, for CI and scripting. Thin by design: argument
 * parsing and I/O here, everything else in src/core.
 *
 * Exit codes: 0 success; 1 findings at or above the threshold (`check`) or a regression
 * (`diff --fail-on regression`); 2 unreadable input or
 * bad usage, with `error: <file>: <reason>` on stderr and never a stack trace.
 */
import { runCheck } from './check';
import { runDiff } from './diff';
import { runFetch } from './fetch';
import { runInspect } from './inspect';
import { runReceive } from './receive';
import { runRedact } from './redact';
import { runReport } from './report';
import { runSearch } from './search';
import { terminalText } from './terminalText';

const USAGE = `usage: agent-trace <command> [options]

commands:
  inspect <file|folder> [--json] [--tree] [--steps]
                                     summarise the traces in a file (any supported format), or in every trace file of a folder
  check <file|folder> [--fail-on warning|error]
                                     report claimed-vs-executed findings; exit 1 at or above the threshold
  diff <a> <b> [--json] [--fail-on regression] [--max-token-increase P] [--max-cost-increase P]
                                     compare run b with the baseline run a step by step; exit 1 on a regression with --fail-on
  receive [--host H] [--port P] [--store DIR]
                                     run a local OTLP/HTTP receiver and store what it receives
  report <file> [--span ID] [--finding N] -o <dir>
                                     write a redacted bug-report bundle (report.md, trace.otlp.json, trace.html); prints the report.md path
  redact <file> -o <out> [--json] [--dry-run]
                                     write the traces as OTLP JSON with secrets and personal data replaced by markers
  search <base-url> [--backend K] [--service S] [--name N] [--since 1h | --from ISO --to ISO] [--errors] [--query Q] [--limit N] [--project P] [--header "K: V"]… [--json]
                                     list traces in Jaeger, Tempo, Langfuse, Phoenix or Zipkin (kind probed unless --backend)
  fetch <base-url> <trace-id> -o FILE | fetch <trace-url> -o FILE
                                     write one trace from a backend as OTLP JSON (-o - for stdout); same options as search
  help                               show this text
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'inspect':
      return runInspect(rest);
    case 'check':
      return runCheck(rest);
    case 'diff':
      return runDiff(rest);
    case 'receive':
      return runReceive(rest);
    case 'redact':
      return runRedact(rest);
    case 'report':
      return runReport(rest);
    case 'search':
      return runSearch(rest);
    case 'fetch':
      return runFetch(rest);
    case 'help':
    case '--help':
    case '-h':
    case undefined:
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`error: unknown command '${command}'\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(terminalText(`error: ${e instanceof Error ? e.message : String(e)}`) + '\n');
      process.exitCode = 2;
    },
  );
}
