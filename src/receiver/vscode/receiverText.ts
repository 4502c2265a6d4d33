import type { StoredTraceSummary } from '../../core/receiver/traceSummary';
import { formatCost, formatCount, formatDuration, formatTokens } from '../../core/view/format';
import { exporterEnvironment } from '../server/localReceiver';
import { NonLoopbackBindError, PortInUseError } from '../server/ports';
import { StoreLockedError } from '../server/storeFiles';
import { nt, type NativeText } from '../../core/text/nativeText';

/**
 * The words the receiver shows in VS Code: status bar text, the exporter settings to copy,
 * side bar descriptions, and start errors in plain words. Pure (no vscode) so it is unit-tested.
 */

/** Status bar text while the receiver runs. */
export function receiverStatusText(port: number, traceCount: number): NativeText {
  return nt`$(broadcast) OTLP :${port} · ${formatCount(traceCount)} ${traceCount === 1 ? 'trace' : 'traces'}`;
}

export type ShellKind = 'posix' | 'powershell' | 'cmd';

/** Which syntax to copy for the user's default shell (`vscode.env.shell`, a path). */
export function shellKindOf(shellPath: string, platform: string): ShellKind {
  const base = shellPath.toLowerCase().split(/[\\/]/).pop() ?? '';
  if (base.startsWith('pwsh') || base.startsWith('powershell')) return 'powershell';
  if (base === 'cmd.exe' || base === 'cmd') return 'cmd';
  if (base === '' && platform === 'win32') return 'powershell';
  return 'posix';
}

/**
 * The variables to copy: the base endpoint and protocol (for SDKs that only read the generic
 * ones) plus the traces-specific ones from `exporterEnvironment`, in that order.
 * `baseUrl` is `http://host:port`, `tracesUrl` `${baseUrl}/v1/traces`.
 */
export function exporterSettingsVariables(baseUrl: string, tracesUrl: string): [string, string][] {
  const traces = exporterEnvironment(tracesUrl);
  return [['OTEL_EXPORTER_OTLP_ENDPOINT', baseUrl], ['OTEL_EXPORTER_OTLP_PROTOCOL', traces.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL], ...Object.entries(traces)];
}

/** One line per variable, in the syntax of the shell. Values are URLs and protocol names (no quotes needed but quoted anyway). */
export function exporterSettingsText(baseUrl: string, tracesUrl: string, shell: ShellKind): string {
  const line = ([k, v]: [string, string]): string => {
    switch (shell) {
      case 'powershell':
        return `$env:${k}="${v}"`;
      case 'cmd':
        return `set ${k}=${v}`;
      case 'posix':
        return `export ${k}="${v}"`;
    }
  };
  return exporterSettingsVariables(baseUrl, tracesUrl).map(line).join('\n') + '\n';
}

/**
 * Side bar description of a received trace: status · duration · spans · tokens · cost. Status
 * reads like the trace panel's: 'error' when any span failed, else 'ok' (also for 'unset').
 */
export function receivedTraceDescription(s: Readonly<StoredTraceSummary>): string {
  const parts: string[] = [
    s.status === 'error' ? 'error' : 'ok',
    formatDuration(s.durationMs ?? 0),
    `${formatCount(s.spanCount)} ${s.spanCount === 1 ? 'span' : 'spans'}`,
  ];
  if (s.agent) {
    parts.push(`${formatTokens(s.agent.inputTokens + s.agent.outputTokens)} tokens`);
    parts.push(formatCost(s.agent.costUsd));
  }
  return parts.join(' · ');
}

/** Side bar label of a received trace: the root span's name, else the trace id (the root may not have arrived yet). */
export function receivedTraceLabel(s: Readonly<StoredTraceSummary>): string {
  return s.rootName || `trace ${s.traceId.slice(0, 8)}… (root not received yet)`;
}

/** Newest first: by the time the receiver last got spans of the trace, then trace id (stable). */
export function sortNewestFirst(list: readonly Readonly<StoredTraceSummary>[]): Readonly<StoredTraceSummary>[] {
  return [...list].sort((a, b) => b.lastReceivedMs - a.lastReceivedMs || (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0));
}

export type StartFailure =
  { readonly kind: 'portInUse'; readonly message: string; readonly suggestedPort: number | undefined } | { readonly kind: 'other'; readonly message: string };

/** A failed start in plain words; the port-in-use case carries the free port to offer. */
export function describeStartFailure(e: unknown, port: number): StartFailure {
  if (e instanceof PortInUseError) {
    return {
      kind: 'portInUse',
      suggestedPort: e.suggestedPort,
      message: `Port ${e.port} is already in use (another OTLP receiver or collector?), so the Agent Trace receiver did not start.`,
    };
  }
  if (e instanceof StoreLockedError) {
    return {
      kind: 'other',
      message:
        'Another VS Code window is already running the Agent Trace receiver (it owns the store of received traces). Use that window, or stop the receiver there first.',
    };
  }
  if (e instanceof NonLoopbackBindError) return { kind: 'other', message: `The Agent Trace receiver did not start: ${e.message}` };
  return { kind: 'other', message: `The Agent Trace receiver could not start on port ${port}: ${e instanceof Error ? e.message : String(e)}` };
}
