import { OtlpHttpReceiver, type ReceiverAddress, type ReceiverOptions } from './otlpHttpReceiver';
import type { Log } from './storeFiles';
import { TraceStore, type TraceStoreOptions } from './traceStore';

/**
 * The receiver and its store, started and stopped together: what the CLI runs and what the
 * extension's "Start Local Receiver" command should run.
 *
 * ```ts
 * const local = await startLocalReceiver({ storeDir: context.globalStorageUri.fsPath + '/received' });
 * local.store.onTraceUpdated((e) => sideBar.refresh(e.summary));   // within ~flushIntervalMs
 * statusBar.text = `OTLP ${local.address.url}`;
 * await local.stop();                                               // flushes, unlocks
 * ```
 * Errors from `startLocalReceiver`: `PortInUseError` (has `suggestedPort`),
 * `NonLoopbackBindError`, `StoreLockedError` (another receiver owns the directory), and file
 * system errors for the directory.
 */
export interface LocalReceiverOptions extends ReceiverOptions {
  storeDir: string;
  store?: Omit<TraceStoreOptions, 'log'>;
}

export interface LocalReceiver {
  readonly address: ReceiverAddress;
  /** `${address.url}/v1/traces` */
  readonly tracesUrl: string;
  readonly receiver: OtlpHttpReceiver;
  readonly store: TraceStore;
  /** Stops the server (lets in-flight requests finish), flushes the store, releases it. Idempotent. */
  stop(): Promise<void>;
}

export async function startLocalReceiver(options: LocalReceiverOptions): Promise<LocalReceiver> {
  const log: Log = options.log ?? (() => {});
  const store = await TraceStore.open(options.storeDir, { ...options.store, log });
  const receiver = new OtlpHttpReceiver(store, { ...options, log });
  let address: ReceiverAddress;
  try {
    address = await receiver.start();
  } catch (e) {
    await store.close();
    throw e;
  }
  let stopping: Promise<void> | undefined;
  return {
    address,
    tracesUrl: `${address.url}${options.path ?? '/v1/traces'}`,
    receiver,
    store,
    stop: () =>
      (stopping ??= (async () => {
        await receiver.stop();
        await store.close();
      })()),
  };
}

/**
 * Environment variables that point an OpenTelemetry SDK at the receiver (for a terminal's
 * EnvironmentVariableCollection, or the "copy exporter settings" command).
 */
export function exporterEnvironment(tracesUrl: string, protocol: 'http/protobuf' | 'http/json' = 'http/protobuf'): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: tracesUrl,
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: protocol,
    OTEL_TRACES_EXPORTER: 'otlp',
  };
}
