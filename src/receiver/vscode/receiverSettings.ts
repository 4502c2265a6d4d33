import type { LocalReceiverOptions } from '../server/localReceiver';

/** The `agentTrace.receiver.*` settings, validated (a bad value falls back to its default). */
export interface ReceiverSettings {
  readonly autoStart: boolean;
  readonly port: number;
  readonly injectTerminalEnv: boolean;
  readonly allowedOrigins: readonly string[];
  readonly maxTraces: number;
  readonly maxStoreMB: number;
}

export const RECEIVER_SETTINGS_SECTION = 'agentTrace.receiver';

export const RECEIVER_DEFAULTS: ReceiverSettings = {
  autoStart: false,
  port: 4318,
  injectTerminalEnv: true,
  allowedOrigins: [],
  maxTraces: 500,
  maxStoreMB: 256,
};

/** Reads the settings through `get(key)` (key without the section), e.g. a `WorkspaceConfiguration.get`. */
export function readReceiverSettings(get: (key: string) => unknown): ReceiverSettings {
  const bool = (k: keyof ReceiverSettings, d: boolean): boolean => {
    const v = get(k);
    return typeof v === 'boolean' ? v : d;
  };
  const int = (k: keyof ReceiverSettings, min: number, max: number, d: number): number => {
    const v = get(k);
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : d;
  };
  const origins = get('allowedOrigins');
  const mb = get('maxStoreMB');
  return {
    autoStart: bool('autoStart', RECEIVER_DEFAULTS.autoStart),
    port: int('port', 1, 65535, RECEIVER_DEFAULTS.port),
    injectTerminalEnv: bool('injectTerminalEnv', RECEIVER_DEFAULTS.injectTerminalEnv),
    allowedOrigins: Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string' && o !== '').slice(0, 100) : [],
    maxTraces: int('maxTraces', 1, 1_000_000, RECEIVER_DEFAULTS.maxTraces),
    maxStoreMB: typeof mb === 'number' && Number.isFinite(mb) && mb > 0 && mb <= 1024 * 1024 ? mb : RECEIVER_DEFAULTS.maxStoreMB,
  };
}

/** Options for `startLocalReceiver` (always on 127.0.0.1: the settings cannot widen the bind). */
export function receiverOptionsFrom(s: ReceiverSettings, storeDir: string, port = s.port): LocalReceiverOptions {
  return {
    storeDir,
    host: '127.0.0.1',
    port,
    allowedOrigins: s.allowedOrigins,
    store: { maxTraces: s.maxTraces, maxTotalBytes: Math.round(s.maxStoreMB * 1024 * 1024) },
  };
}
