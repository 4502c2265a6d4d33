/** Result shape of `getTraceSource`: where a trace fetched from a backend came from (the panel header shows it). */
export interface TraceSourceView {
  /** The backend's display name ("Tempo"), for "Open in Tempo". */
  readonly backendName: string;
  /** The connection's name as the user gave it. */
  readonly connectionName: string;
  readonly traceId: string;
  /** When the trace was fetched (Unix ms). */
  readonly fetchedAt: number;
  /** True when the backend has a web UI page for the trace (`openInBackend` opens it). */
  readonly canOpenInBackend: boolean;
  /** What was cut or may be incomplete ("showing 10,000 of 42,000 spans", Tempo PARTIAL). */
  readonly notes: readonly string[];
}

/** Most notes shown; each is clipped by the webview. */
export const MAX_SOURCE_NOTES = 20;
