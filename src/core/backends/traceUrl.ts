/**
 * A trace URL pasted by a user (Open Trace by ID or URL…, `agent-trace fetch <url>`), taken
 * apart into the backend's base URL, the trace id and the project. Untrusted input: http/https
 * only, no credentials in the URL, length and id shapes checked (url.ts, traceIds.ts).
 *
 * Paths read (any prefix before them is kept as part of the base URL):
 *   Jaeger UI         <base>/trace/<id>                     Jaeger api_v3  <base>/api/v3/traces/<id>
 *   Tempo v2 API      <base>/api/v2/traces/<id>             Jaeger v1 or Tempo v1 API  <base>/api/traces/<id> (kind unknown)
 *   Langfuse UI       <base>/project/<p>/traces/<id>        and <base>/project/<p>/traces?peek=<id>
 *   Langfuse API      <base>/api/public/traces/<id>
 *   Phoenix UI        <base>/projects/<p>/traces/<id>
 *   Zipkin UI         <base>/zipkin/traces/<id>             Zipkin API  <base>/api/v2/trace/<id>
 */
import { checkTraceId } from './traceIds';
import { BackendError, type BackendKind, type ParsedTraceUrl } from './types';
import { parseHttpUrl } from './url';

interface Pattern {
  readonly re: RegExp;
  readonly kind?: BackendKind;
  /** Which capture groups hold the project and the id. */
  readonly project?: number;
  readonly id: number;
}

// Each pattern matches the whole path after the prefix (group 1). Segments: no '/'.
const SEG = '([^/]+)';
const PATTERNS: readonly Pattern[] = [
  { re: new RegExp(`^(.*?)/api/v3/traces/${SEG}/?$`), kind: 'jaeger', id: 2 },
  { re: new RegExp(`^(.*?)/api/v2/traces/${SEG}/?$`), kind: 'tempo', id: 2 },
  { re: new RegExp(`^(.*?)/api/v2/trace/${SEG}/?$`), kind: 'zipkin', id: 2 },
  { re: new RegExp(`^(.*?)/api/public/traces/${SEG}/?$`), kind: 'langfuse', id: 2 },
  { re: new RegExp(`^(.*?)/api/traces/${SEG}/?$`), id: 2 },
  { re: new RegExp(`^(.*?)/project/${SEG}/traces/${SEG}/?$`), kind: 'langfuse', project: 2, id: 3 },
  { re: new RegExp(`^(.*?)/projects/${SEG}/traces/${SEG}/?$`), kind: 'phoenix', project: 2, id: 3 },
  { re: new RegExp(`^(.*?)/zipkin/traces/${SEG}/?$`), kind: 'zipkin', id: 2 },
  { re: new RegExp(`^(.*?)/trace/${SEG}/?$`), kind: 'jaeger', id: 2 },
];
const LANGFUSE_PEEK = new RegExp(`^(.*?)/project/${SEG}/traces/?$`);
const MAX_PROJECT_LENGTH = 200;

/** Throws a `bad-request` BackendError with the reason when `text` is not a trace URL we know. */
export function parseTraceUrl(text: string): ParsedTraceUrl {
  const u = parseHttpUrl(text);
  const path = u.pathname;
  for (const p of PATTERNS) {
    const m = p.re.exec(path);
    if (!m) continue;
    return build(u.origin + m[1], p.kind, decode(m[p.id]), p.project === undefined ? undefined : decode(m[p.project]));
  }
  const peek = LANGFUSE_PEEK.exec(path);
  const peekId = peek && /[?&]peek=([^&]+)/.exec(u.search);
  if (peek && peekId) return build(u.origin + peek[1], 'langfuse', decode(peekId[1]), decode(peek[2]));
  throw new BackendError(
    'bad-request',
    'not a trace URL of Jaeger, Tempo, Langfuse, Phoenix or Zipkin (expected …/trace/<id>, …/api/v2/traces/<id>, …/project/<p>/traces/<id>, …/projects/<p>/traces/<id> or …/zipkin/traces/<id>)',
  );
}

function build(baseUrl: string, kind: BackendKind | undefined, rawId: string, project: string | undefined): ParsedTraceUrl {
  const traceId = checkTraceId(kind, rawId);
  if (project !== undefined) {
    if (!project || project.length > MAX_PROJECT_LENGTH || /[/?#\p{Cc}]/u.test(project))
      throw new BackendError('bad-request', 'the project in the URL is not a valid project name or id');
  }
  return { ...(kind ? { kind } : {}), baseUrl, traceId, ...(project !== undefined ? { project } : {}) };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new BackendError('bad-request', 'the URL has a malformed %-escape');
  }
}
