/**
 * Which backend a base URL is, found by probing (one cheap GET each, in this order; the first
 * that answers as itself wins):
 *   1. Jaeger   `/api/v3/services`      → JSON with a `services` list
 *   2. Tempo    `/api/echo`             → the text `echo`
 *   3. Langfuse `/api/public/health`    → JSON with a `status` string (needs no key)
 *   4. Phoenix  `/v1/projects?limit=1`  → JSON `{data:[…]}`, or 401 with a WWW-Authenticate challenge
 *   5. Zipkin   `/api/v2/services`      → a JSON array
 * Jaeger goes first because its UI serves index.html for unknown paths, which must not be taken
 * for another kind; every test wants a specific shape, never just a 200. A server that cannot
 * be reached stops the search at once (the other probes would fail the same way).
 */
import { throwIfCancelled } from './cancel';
import { HttpContext, decodeUtf8 } from './http';
import { BackendError, type BackendKind, type CancelSignal, type Credentials, type HttpResponse, type Transport } from './types';
import { normalizeBaseUrl } from './url';

interface Probe {
  readonly kind: BackendKind;
  readonly path: string;
  readonly recognise: (res: HttpResponse) => boolean;
}

const PROBES: readonly Probe[] = [
  {
    kind: 'jaeger',
    path: '/api/v3/services',
    recognise: (r) => r.status === 200 && Array.isArray((jsonOf(r) as { services?: unknown } | undefined)?.services),
  },
  { kind: 'tempo', path: '/api/echo', recognise: (r) => r.status === 200 && decodeUtf8(r.body.subarray(0, 16)).trim() === 'echo' },
  {
    kind: 'langfuse',
    path: '/api/public/health',
    recognise: (r) => r.status === 200 && typeof (jsonOf(r) as { status?: unknown } | undefined)?.status === 'string',
  },
  {
    kind: 'phoenix',
    path: '/v1/projects?limit=1',
    recognise: (r) =>
      (r.status === 200 && Array.isArray((jsonOf(r) as { data?: unknown } | undefined)?.data)) || (r.status === 401 && !!r.headers['www-authenticate']),
  },
  { kind: 'zipkin', path: '/api/v2/services', recognise: (r) => r.status === 200 && Array.isArray(jsonOf(r)) },
];

export async function detectBackendKind(
  baseUrl: string,
  credentials: Credentials,
  transport: Transport,
  signal: CancelSignal,
  headers?: Readonly<Record<string, string>>,
): Promise<BackendKind> {
  const base = normalizeBaseUrl(baseUrl);
  for (const p of PROBES) {
    throwIfCancelled(signal);
    const http = new HttpContext(p.kind, base, { headers }, credentials, transport, 10_000);
    let res: HttpResponse;
    try {
      res = await http.get(base + p.path, signal, 1024 * 1024);
    } catch (e) {
      if (e instanceof BackendError && (e.kind === 'redirect' || e.kind === 'too-large')) continue;
      throw e;
    }
    if (p.recognise(res)) return p.kind;
  }
  throw new BackendError(
    'wrong-backend',
    'the server answered, but not as Jaeger, Tempo, Langfuse, Phoenix or Zipkin: check the base URL, or name the backend kind',
  );
}

function jsonOf(r: HttpResponse): unknown {
  try {
    return JSON.parse(decodeUtf8(r.body));
  } catch {
    return undefined;
  }
}
