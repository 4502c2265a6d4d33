/**
 * A failed backend call in plain words, with the next step the notification offers as a
 * button. Pure (no vscode): unit-tested. Core's `BackendError` messages already say what went
 * wrong without credentials; this adds the connection's name, picks the action, and as a last
 * line of defence blanks out any credential value that might still appear in the text.
 */
import { BACKEND_NAMES, BackendError, type Credentials } from '../core/backends/types';
import type { Connection } from './connectionSettings';

/** What the notification's button does: Edit Connection, Test Connection, or nothing. */
export type FailureAction = 'edit' | 'test' | undefined;

export interface FailureText {
  readonly message: string;
  readonly action: FailureAction;
  /** True when the user cancelled: nothing to show. */
  readonly cancelled: boolean;
}

const MAX_DETAIL = 300;

/** `what` is the step that failed ("list traces", "fetch trace abc…"). */
export function describeFailure(error: unknown, connection: Connection, what: string, credentials?: Credentials): FailureText {
  const backend = BACKEND_NAMES[connection.kind];
  const head = `${connection.name}: could not ${what}`;
  if (!(error instanceof BackendError)) {
    const detail = error instanceof Error ? error.message : String(error);
    return { message: redactSecrets(`${head}: ${clip(detail)}`, credentials), action: 'test', cancelled: false };
  }
  const detail = clip(error.message);
  let message: string;
  let action: FailureAction;
  switch (error.kind) {
    case 'cancelled':
      return { message: `${head}: cancelled`, action: undefined, cancelled: true };
    case 'auth':
      // Core's words usually say it already ("the Langfuse keys were refused: check …").
      message = /refused/i.test(detail)
        ? `${head}: ${detail}. Fix them with Edit Connection.`
        : `${head}: ${authWords(connection)} (${detail}). Fix them with Edit Connection.`;
      action = 'edit';
      break;
    case 'not-found':
      message = `${head}: not found (${detail}). The id may be wrong, or the trace is older than ${backend}'s retention.`;
      action = undefined;
      break;
    case 'rate-limited': {
      const wait = error.details.retryAfterMs !== undefined ? ` Try again in ${Math.ceil(error.details.retryAfterMs / 1000)} s.` : ' Try again in a minute.';
      message = `${head}: ${backend} is limiting requests (${detail}).${wait}`;
      action = undefined;
      break;
    }
    case 'wrong-backend':
      message = `${head}: the server at ${connection.baseUrl} does not answer like ${backend} (${detail}). Check the kind and base URL with Edit Connection.`;
      action = 'edit';
      break;
    case 'redirect':
      message = `${head}: the server redirected the request (${detail}); redirects are not followed with credentials. Put the final address in the base URL with Edit Connection.`;
      action = 'edit';
      break;
    case 'tls':
      message = `${head}: the TLS connection failed (${detail}). Check the certificate, or the http/https in the base URL.`;
      action = 'edit';
      break;
    case 'timeout':
    case 'unreachable':
      message = `${head}: ${detail}. Is ${backend} running at ${connection.baseUrl}?`;
      action = 'test';
      break;
    case 'malformed':
    case 'too-large':
    case 'bad-request':
    case 'server':
      message = `${head}: ${detail}`;
      action = error.kind === 'server' ? 'test' : undefined;
      break;
  }
  return { message: redactSecrets(message, credentials), action, cancelled: false };
}

function authWords(c: Connection): string {
  switch (c.kind) {
    case 'langfuse':
      return 'the Langfuse keys were refused';
    case 'phoenix':
      return 'the Phoenix API key was refused';
    case 'tempo':
    case 'jaeger':
    case 'zipkin':
      return `the credentials for ${BACKEND_NAMES[c.kind]} were refused`;
  }
}

function clip(s: string): string {
  return s.length > MAX_DETAIL ? s.slice(0, MAX_DETAIL) + '…' : s;
}

/** `text` with every credential value (4+ characters) replaced by `•••`. */
export function redactSecrets(text: string, credentials: Credentials | undefined): string {
  if (!credentials) return text;
  const values = [credentials.basic?.username, credentials.basic?.password, credentials.bearer, ...Object.values(credentials.headers ?? {})];
  let out = text;
  for (const v of values) if (v && v.length >= 4) out = out.split(v).join('•••');
  return out;
}
