import * as vscode from 'vscode';
import type { StoredTraceSummary } from '../../core/receiver/traceSummary';
import { agentFiguresAnalyzer } from '../server/analyzeAgentFigures';
import { startLocalReceiver, type LocalReceiver } from '../server/localReceiver';
import type { TraceRemovedEvent, TraceUpdatedEvent } from '../server/traceStore';
import { readReceiverSettings, receiverOptionsFrom, RECEIVER_SETTINGS_SECTION, type ReceiverSettings } from './receiverSettings';
import { exporterSettingsVariables } from './receiverText';

/**
 * The window's local OTLP receiver: starts and stops it, stores under
 * `<globalStorage>/received`, forwards the store's events as vscode events, and while it runs
 * (with `injectTerminalEnv`) puts the exporter variables into new terminals.
 * `start` throws the receiver's errors (PortInUseError, StoreLockedError, …) for the command
 * to explain; events and logging never throw into the host.
 */
export class ReceiverController implements vscode.Disposable {
  private local: LocalReceiver | undefined;
  private starting: Promise<LocalReceiver> | undefined;
  private storeSubscriptions: { dispose(): void }[] = [];
  private readonly stateChanged = new vscode.EventEmitter<void>();
  private readonly traceUpdated = new vscode.EventEmitter<TraceUpdatedEvent>();
  private readonly traceRemoved = new vscode.EventEmitter<TraceRemovedEvent>();
  /** Started or stopped. */
  readonly onDidChangeState = this.stateChanged.event;
  /** A stored trace's file grew (see TraceStore.onTraceUpdated). */
  readonly onDidUpdateTrace = this.traceUpdated.event;
  readonly onDidRemoveTrace = this.traceRemoved.event;

  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly env: vscode.GlobalEnvironmentVariableCollection,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // Our own text (shown in the terminal's environment hover), no trace data.
    // eslint-disable-next-line no-restricted-syntax -- a constant of ours, not trace text
    env.description = 'Sends OpenTelemetry traces to the Agent Trace receiver';
  }

  get running(): LocalReceiver | undefined {
    return this.local;
  }

  get storeDir(): string {
    return vscode.Uri.joinPath(this.storageUri, 'received').fsPath;
  }

  settings(): ReceiverSettings {
    const cfg = vscode.workspace.getConfiguration(RECEIVER_SETTINGS_SECTION);
    // Machine-scoped settings: read the user/default value only, never a workspace's.
    return readReceiverSettings((k) => {
      const i = cfg.inspect(k);
      return i?.globalValue ?? i?.defaultValue;
    });
  }

  list(): StoredTraceSummary[] {
    return this.local?.store.list() ?? [];
  }

  /** Starts the receiver (on `port`, default the setting); resolves to the running one if already started. */
  async start(port?: number): Promise<LocalReceiver> {
    if (this.local) return this.local;
    if (this.starting) return this.starting;
    const settings = this.settings();
    this.starting = (async () => {
      const options = receiverOptionsFrom(settings, this.storeDir, port);
      const local = await startLocalReceiver({
        ...options,
        store: { ...options.store, analyze: agentFiguresAnalyzer() },
        log: (level, line) => this.logLine(level, line),
      });
      this.local = local;
      this.storeSubscriptions = [local.store.onTraceUpdated((e) => this.traceUpdated.fire(e)), local.store.onTraceRemoved((e) => this.traceRemoved.fire(e))];
      if (settings.injectTerminalEnv) {
        for (const [k, v] of exporterSettingsVariables(local.address.url, local.tracesUrl)) {
          if (k === 'OTEL_EXPORTER_OTLP_ENDPOINT' || k === 'OTEL_EXPORTER_OTLP_PROTOCOL') continue; // metrics and logs are not ours to redirect
          this.env.replace(k, v);
        }
      }
      this.log.info(`receiver: listening on ${local.tracesUrl}, storing in ${this.storeDir}`);
      this.stateChanged.fire();
      return local;
    })();
    try {
      return await this.starting;
    } finally {
      this.starting = undefined;
    }
  }

  private stopping: Promise<void> | undefined;

  /**
   * Stops the receiver (flushes the store); a no-op when it is not running. Never throws.
   * A second call while stopping waits for the same stop (deactivate and dispose both call it).
   */
  stop(): Promise<void> {
    this.stopping ??= this.stopNow().finally(() => (this.stopping = undefined));
    return this.stopping;
  }

  private async stopNow(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const local = this.local;
    if (!local) return;
    this.local = undefined;
    for (const d of this.storeSubscriptions.splice(0)) d.dispose();
    this.env.clear();
    try {
      await local.stop();
      this.log.info('receiver: stopped');
    } catch (e) {
      this.log.error(`receiver: error while stopping: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.stateChanged.fire();
  }

  private logLine(level: string, line: string): void {
    if (level === 'error') this.log.error(line);
    else if (level === 'warn') this.log.warn(line);
    else this.log.info(line);
  }

  dispose(): void {
    void this.stop();
    this.stateChanged.dispose();
    this.traceUpdated.dispose();
    this.traceRemoved.dispose();
  }
}
