/**
 * The options `agent-trace search` and `agent-trace fetch` share, and the connection they make:
 *
 *   --backend jaeger|tempo|langfuse|phoenix|zipkin   (else found by probing)
 *   --service S  --name N  --since 15m|1h|24h|7d | --from ISO --to ISO  --errors  --query Q
 *   --limit N  --project P  --header "K: V" (repeatable)  --json
 *
 * Credentials come from the environment variables the backends' own SDKs use —
 * LANGFUSE_PUBLIC_KEY / LANGFUSE_SECRET_KEY (Basic), PHOENIX_API_KEY (Bearer) — and are sent
 * only to a connection of that kind (never while probing which kind a server is). `--header`
 * values are treated as secrets too (they often carry Authorization): never printed.
 */
import { cancelSource } from '../core/backends/cancel';
import { createBackendClient, detectBackendKind } from '../core/backends/index';
import { BACKEND_KINDS, BackendError, type BackendClient, type BackendKind, type CancelSignal, type Credentials } from '../core/backends/types';
import { nodeTransport } from '../backendsNode/nodeTransport';
import { CliError } from './loadFile';
import { terminalText } from './terminalText';

export interface BackendOptions {
  backend?: BackendKind;
  service?: string;
  name?: string;
  sinceMs?: number;
  fromMs?: number;
  toMs?: number;
  errors: boolean;
  query?: string;
  limit: number;
  project?: string;
  headers: Record<string, string>;
  json: boolean;
  out?: string;
  positionals: string[];
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
const VALUE_OPTIONS = new Set(['--backend', '--service', '--name', '--since', '--from', '--to', '--query', '--limit', '--project', '--header', '-o', '--out']);
const SINCE_UNITS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 };
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Parses argv after the command; throws CliError with a usage reason. */
export function parseBackendOptions(args: readonly string[], allowOut: boolean): BackendOptions {
  const o: BackendOptions = { errors: false, limit: DEFAULT_LIMIT, headers: {}, json: false, positionals: [] };
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    let value: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (VALUE_OPTIONS.has(a)) {
      if (value === undefined) value = args[++i];
      if (value === undefined) throw new CliError(`${a} needs a value`);
    } else if (value !== undefined) throw new CliError(`${a} takes no value`);
    switch (a) {
      case '--backend':
        if (!(BACKEND_KINDS as readonly string[]).includes(value!)) throw new CliError(`--backend must be one of ${BACKEND_KINDS.join(', ')}`);
        o.backend = value as BackendKind;
        break;
      case '--service':
        o.service = value;
        break;
      case '--name':
        o.name = value;
        break;
      case '--since': {
        const m = /^(\d{1,6})([smhd])$/.exec(value!);
        if (!m) throw new CliError('--since takes a duration such as 15m, 1h, 24h or 7d');
        o.sinceMs = Number(m[1]) * SINCE_UNITS[m[2]];
        break;
      }
      case '--from':
      case '--to': {
        const t = Date.parse(value!);
        if (!Number.isFinite(t)) throw new CliError(`${a} takes an ISO 8601 time such as 2026-12-01T09:00:00Z`);
        if (a === '--from') o.fromMs = t;
        else o.toMs = t;
        break;
      }
      case '--errors':
        o.errors = true;
        break;
      case '--json':
        o.json = true;
        break;
      case '--query':
        o.query = value;
        break;
      case '--limit': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw new CliError(`--limit takes a whole number from 1 to ${MAX_LIMIT}`);
        o.limit = n;
        break;
      }
      case '--project':
        o.project = value;
        break;
      case '--header': {
        const m = /^([^:]+):(.*)$/.exec(value!);
        const name = m?.[1].trim() ?? '';
        if (!m || !HEADER_NAME.test(name) || /[\r\n\0]/.test(m[2])) throw new CliError('--header takes "Name: value"');
        o.headers[name.toLowerCase()] = m[2].trim();
        break;
      }
      case '-o':
      case '--out':
        if (!allowOut) throw new CliError(`unknown option ${a}`);
        o.out = value;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new CliError(`unknown option ${a}`);
        o.positionals.push(a);
    }
  }
  if (o.sinceMs !== undefined && (o.fromMs !== undefined || o.toMs !== undefined)) throw new CliError('use either --since or --from/--to');
  return o;
}

/** The search window: --since (default 1h) back from now, or --from … --to (default now). */
export function searchWindow(o: BackendOptions, now = Date.now()): { fromMs: number; toMs: number } {
  const toMs = o.toMs ?? now;
  const fromMs = o.fromMs ?? toMs - (o.sinceMs ?? 3600_000);
  if (!(fromMs < toMs)) throw new CliError('--from must be before --to');
  return { fromMs, toMs };
}

/** The client for `baseUrl`: the kind from --backend, `hint` (a parsed trace URL) or probing; credentials from the environment. */
export async function connect(
  baseUrl: string,
  o: BackendOptions,
  signal: CancelSignal,
  hint?: { kind?: BackendKind; project?: string },
): Promise<BackendClient> {
  const kind = o.backend ?? hint?.kind ?? (await detectBackendKind(baseUrl, { headers: o.headers }, nodeTransport, signal));
  return createBackendClient(
    { kind, baseUrl, ...(o.project || hint?.project ? { project: o.project || hint?.project } : {}) },
    credentialsFor(kind, o.headers),
    nodeTransport,
  );
}

function credentialsFor(kind: BackendKind, headers: Record<string, string>): Credentials {
  const env = process.env;
  if (kind === 'langfuse' && env.LANGFUSE_PUBLIC_KEY && env.LANGFUSE_SECRET_KEY)
    return { basic: { username: env.LANGFUSE_PUBLIC_KEY, password: env.LANGFUSE_SECRET_KEY }, headers };
  if (kind === 'phoenix' && env.PHOENIX_API_KEY) return { bearer: env.PHOENIX_API_KEY, headers };
  return { headers };
}

/** Runs `body` with Ctrl-C wired to cancellation; every failure becomes `error: <where>: <reason>` and exit 2. */
export async function runWithBackend(where: () => string, body: (signal: CancelSignal) => Promise<number>): Promise<number> {
  const cancel = cancelSource();
  const onInt = () => cancel.cancel();
  process.once('SIGINT', onInt);
  try {
    return await body(cancel.signal);
  } catch (e) {
    if (e instanceof BackendError || e instanceof CliError) {
      process.stderr.write(terminalText(`error: ${where()}: ${e.message}`) + '\n');
      return e instanceof BackendError && e.kind === 'cancelled' ? 130 : 2;
    }
    throw e;
  } finally {
    process.off('SIGINT', onInt);
  }
}
