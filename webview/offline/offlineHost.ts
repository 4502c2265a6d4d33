/**
 * The `Host` of the offline viewer: the same `RpcClient` as in VS Code (so every result is
 * validated before the app sees it), with the channel looped back into the page. A request is
 * answered in a later task (`setTimeout`), as a real host would, so the page paints between the
 * first requests. The view state lives in memory only: a report opened twice starts fresh, and
 * nothing of the trace is written to the browser's storage.
 */
import { RpcClient } from '../rpc/rpcClient';
import type { Host } from '../hostChannel';
import type { PersistedState } from '../state/persistedState';
import type { HostEvent, HostMessage } from '../../src/core/protocol';

export function createOfflineHost(answer: (raw: unknown) => Promise<HostMessage[]>, initialState: PersistedState): Host {
  let state = initialState;
  let handler: (ev: HostEvent) => void = () => undefined;
  const rpc: RpcClient = new RpcClient({
    post: (req) =>
      void window.setTimeout(() => {
        void answer(req).then((messages) => {
          for (const m of messages) rpc.handleMessage(m);
        });
      }, 0),
    timers: { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
    onEvent: (ev) => handler(ev),
    onDropped: (why) => console.warn(`[agent-trace] ${why}`),
  });
  return {
    request: (body, timeoutMs) => rpc.request(body, timeoutMs),
    onEvent: (h) => {
      handler = h;
    },
    readState: () => state,
    writeState: (s) => {
      state = s;
    },
  };
}
