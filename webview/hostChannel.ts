/**
 * The webview's link to the extension host: the ONLY caller of `acquireVsCodeApi()` (it may be
 * called once per page). Wraps it in an `RpcClient` that validates every incoming message and
 * every result, and exposes the persisted view state (parsed, since `getState` returns whatever
 * was stored).
 */
import type { HostEvent, ResultTypes } from '../src/core/protocol';
import { RpcClient, type RequestBody } from './rpc/rpcClient';
import { parsePersistedState, toStorable, type PersistedState } from './state/persistedState';

export interface Host {
  request<B extends RequestBody>(body: B, timeoutMs?: number): Promise<ResultTypes[B['type']]>;
  /** Registers the handler of host events (traceChanged, loadError). */
  onEvent(handler: (ev: HostEvent) => void): void;
  readState(): PersistedState;
  writeState(state: PersistedState): void;
}

export function connectToHost(): Host {
  const vscode = acquireVsCodeApi();
  let handler: (ev: HostEvent) => void = () => undefined;
  const rpc = new RpcClient({
    post: (req) => vscode.postMessage(req),
    timers: { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
    onEvent: (ev) => handler(ev),
    onDropped: (why) => console.warn(`[agent-trace] ${why}`),
  });
  window.addEventListener('message', (ev: MessageEvent<unknown>) => rpc.handleMessage(ev.data));
  return {
    request: (body, timeoutMs) => rpc.request(body, timeoutMs),
    onEvent: (h) => {
      handler = h;
    },
    readState: () => parsePersistedState(vscode.getState()),
    writeState: (s) => vscode.setState(toStorable(s)),
  };
}
