/**
 * The contract between trace-backend clients (core, pure) and the hosts that use them (the VS Code
 * side, the CLI). Core builds requests, parses answers, pages, caps and maps errors; the host
 * supplies a `Transport` that moves bytes and a place to keep credentials (SecretStorage, env).
 *
 * The HTTP contracts each client follows are in docs/trace-backends.md (search, fetch one
 * trace, auth, paging, errors, version traps). Nothing here knows about Node or VS Code.
 */
import type { TraceSet } from '../model/trace';

/** The backends a connection can point at. */
export type BackendKind = 'jaeger' | 'tempo' | 'langfuse' | 'phoenix' | 'zipkin';

/** Every kind, in the order `detectBackendKind` probes them. */
export const BACKEND_KINDS: readonly BackendKind[] = ['jaeger', 'tempo', 'langfuse', 'phoenix', 'zipkin'];

/** Display names for messages ("the Langfuse keys were refused"). */
export const BACKEND_NAMES: Readonly<Record<BackendKind, string>> = {
  jaeger: 'Jaeger',
  tempo: 'Tempo',
  langfuse: 'Langfuse',
  phoenix: 'Phoenix',
  zipkin: 'Zipkin',
};

/**
 * What a connection is, without secrets: safe to keep in user settings. `baseUrl` is the
 * backend's HTTP root as the user gave it (with any path prefix, e.g. `https://host/jaeger` or
 * Grafana Cloud's `…/tempo`), http or https only.
 */
export interface ConnectionConfig {
  readonly kind: BackendKind;
  readonly baseUrl: string;
  /** Tempo multi-tenancy: sent as `X-Scope-OrgID` on every request. */
  readonly tenant?: string;
  /** Phoenix project (name or id; defaults to `default`); Langfuse project id (only for UI links). */
  readonly project?: string;
  /** Extra non-secret headers sent on every request (e.g. `x-tenant` for Jaeger). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Secrets, kept apart from `ConnectionConfig` so a host can store them in SecretStorage.
 * Langfuse: `basic` = public key : secret key. Phoenix: `bearer` = API key. Grafana Cloud Tempo:
 * `basic` = instance id : token. `headers` carries anything else that is secret (an
 * `Authorization` or `api_key` header); they win over `basic`/`bearer` on a clash.
 * Never put into a message, a log or an error.
 */
export interface Credentials {
  readonly basic?: { readonly username: string; readonly password: string };
  readonly bearer?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Core's own cancellation signal (core has no AbortSignal type). Hosts adapt theirs:
 * VS Code's CancellationToken or an AbortSignal map onto it in a few lines; `cancelSource()`
 * in cancel.ts makes one.
 */
export interface CancelSignal {
  readonly cancelled: boolean;
  /** Calls `listener` once when cancelled (at once if already). Returns an unsubscribe function. */
  onCancel(listener: () => void): () => void;
}

/** One HTTP request as core builds it. Header names are lower-case. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  /** Absolute http(s) URL. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  /** The whole exchange (connect, headers, body) must finish within this. */
  readonly timeoutMs: number;
  /** Body bytes past this abort the exchange with a `too-large` BackendError. */
  readonly maxBytes: number;
}

/** One HTTP response. Header names are lower-case; repeated headers joined with ", ". */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/**
 * What a host provides to move bytes. It must NOT follow redirects (core decides: see
 * http.ts), must never log headers, and reports failures as `BackendError` with kind
 * `timeout`, `tls`, `unreachable`, `too-large` or `cancelled`.
 */
export interface Transport {
  request(req: HttpRequest, signal: CancelSignal): Promise<HttpResponse>;
  /** Waits `ms` (retry backoff); rejects with a `cancelled` BackendError when cancelled. */
  delay(ms: number, signal: CancelSignal): Promise<void>;
}

/**
 * A search over recent traces. Times are Unix milliseconds. Fields a backend cannot filter by
 * are ignored by its client (documented per client). `query` is the backend's own language:
 * TraceQL for Tempo, a Langfuse `filter` JSON array, a Phoenix span filter `attribute=k:v`, a
 * Zipkin `annotationQuery`, a Jaeger attributes JSON map.
 */
export interface SearchQuery {
  readonly service?: string;
  readonly name?: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly errorsOnly?: boolean;
  readonly minDurationMs?: number;
  readonly query?: string;
  /** Traces per page. */
  readonly limit: number;
  /** From a previous `SearchPage.nextCursor`: the next page of the same query. */
  readonly cursor?: string;
}

/** One listed trace, from the backend's summary endpoint (never a full fetch per row). */
export interface TraceSummary {
  /** Lower-case 32-hex where the backend uses OTel ids; Langfuse ids as the backend gives them. */
  readonly traceId: string;
  readonly rootName: string;
  readonly service: string;
  /** Unix milliseconds. */
  readonly startTime: number;
  readonly durationMs: number;
  readonly spanCount?: number;
  readonly errorCount?: number;
}

/** Newest first where the backend can sort (Tempo cannot: its results are "first N found"). */
export interface SearchPage {
  readonly traces: readonly TraceSummary[];
  /** Absent on the last page. Opaque: pass it back in `SearchQuery.cursor`. */
  readonly nextCursor?: string;
}

export interface FetchOptions {
  /** Spans kept at most (default 10,000); past it a note says "showing N of M spans". */
  readonly maxSpans?: number;
  /** Response bytes accepted in total over all pages (default 256 MB). */
  readonly maxBytes?: number;
}

/** One fetched trace, read by the ordinary importers. */
export interface FetchResult {
  readonly set: TraceSet;
  /** What was cut or may be incomplete, in plain words ("showing 10,000 of 42,000 spans", Tempo PARTIAL, Langfuse's 200-character metadata truncation). */
  readonly notes: readonly string[];
  /** The trace in the backend's own web UI, when it has one. */
  readonly webUrl?: string;
}

export interface ProbeResult {
  readonly ok: true;
  /** The server's version, when it tells. */
  readonly version?: string;
  /** e.g. "api_v3", "v2 observations", "v3 traces (legacy)". */
  readonly api?: string;
}

/** A client for one connection. Every call honours `signal` between and during requests. */
export interface BackendClient {
  readonly kind: BackendKind;
  /** One cheap request (two at most) proving the server is this kind and the credentials work. */
  probe(signal: CancelSignal): Promise<ProbeResult>;
  search(query: SearchQuery, signal: CancelSignal): Promise<SearchPage>;
  fetchTrace(traceId: string, signal: CancelSignal, options?: FetchOptions): Promise<FetchResult>;
  /** The trace's page in the backend's web UI, when it has one. */
  webUrl(traceId: string): string | undefined;
}

/** A trace URL pasted by a user, taken apart (see traceUrl.ts). */
export interface ParsedTraceUrl {
  /** Known when the path is specific to one backend. */
  readonly kind?: BackendKind;
  /** Origin plus any path prefix before the backend's own path. */
  readonly baseUrl: string;
  readonly traceId: string;
  /** Langfuse / Phoenix project from the path. */
  readonly project?: string;
}

export type BackendErrorKind =
  | 'auth'
  | 'not-found'
  | 'rate-limited'
  | 'timeout'
  | 'tls'
  | 'redirect'
  | 'unreachable'
  | 'wrong-backend'
  | 'malformed'
  | 'too-large'
  | 'bad-request'
  | 'server'
  | 'cancelled';

/**
 * Every failure a client reports. `message` is plain words with the next step and NEVER a
 * credential (built from the kind, status and server text, never from request headers).
 */
export class BackendError extends Error {
  constructor(
    readonly kind: BackendErrorKind,
    message: string,
    readonly details: { readonly status?: number; readonly retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'BackendError';
  }
}
