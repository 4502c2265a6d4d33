/**
 * The extension host's side of the bench page, run in a Web Worker so its CPU work stays off
 * the webview's thread as it does in VS Code (where the host is another process). It fetches the
 * trace bytes, imports them with the real importer and answers every webview message with the
 * real `LoadedTrace` + `handleWebviewMessage`, exactly as src/panel does (no jump-to-source).
 * Messages in and out are structured clones, like VS Code's postMessage.
 *
 * Worker protocol: in `{ type: 'fromWebview', message }`; out `{ type: 'toWebview', message }`
 * and `{ type: 'log', line }`.
 */
import { importTrace } from '../../src/core/import/index';
import type { HostMessage } from '../../src/core/protocol';
import { deriveAgentView } from '../../src/core/semantics/agentView';
import { BackgroundWork } from '../../src/session/backgroundWork';
import { LoadedTrace } from '../../src/session/loadedTrace';
import { handleWebviewMessage, type RequestContext } from '../../src/session/webviewRequests';

declare const self: { postMessage(m: unknown): void; onmessage: ((ev: { data: unknown }) => void) | null; location: { search: string } };

const traceUrl = new URLSearchParams(self.location.search).get('trace') ?? '/trace';
const fileName = traceUrl.split('/').pop() ?? 'trace';
const log = (line: string) => self.postMessage({ type: 'log', line });

let loading: Promise<LoadedTrace | { readonly error: string }> | undefined;
function trace(): Promise<LoadedTrace | { readonly error: string }> {
  loading ??= (async () => {
    try {
      const t0 = performance.now();
      const bytes = new Uint8Array(await (await fetch(traceUrl)).arrayBuffer());
      const t1 = performance.now();
      const set = importTrace(bytes);
      const t2 = performance.now();
      const loaded = new LoadedTrace(
        `file:///bench/${fileName}`,
        fileName,
        set,
        (s, i) => deriveAgentView(s.traces[i]),
        (i, e) => log(`derive failed for trace ${i}: ${String(e)}`),
      );
      loaded.view();
      log(
        `fake host: fetched ${bytes.length} bytes in ${(t1 - t0).toFixed(0)} ms, imported ${set.traces[0]?.spans.length} spans in ${(t2 - t1).toFixed(0)} ms, agent view in ${(performance.now() - t2).toFixed(0)} ms`,
      );
      return loaded;
    } catch (e) {
      return { error: `bench host could not load ${traceUrl}: ${e instanceof Error ? e.message : String(e)}` };
    }
  })();
  return loading;
}

const dismissed = new Map<string, Set<string>>();
const ctx: RequestContext = {
  trace,
  background: new BackgroundWork(),
  post: (message: HostMessage) => self.postMessage({ type: 'toWebview', message }),
  copyText: async () => undefined,
  log,
  dismissals: {
    get: (fileUri, traceId) => new Set(dismissed.get(`${fileUri}\n${traceId}`)),
    set: async (fileUri, traceId, key, on) => {
      const k = `${fileUri}\n${traceId}`;
      const s = dismissed.get(k) ?? new Set<string>();
      if (on) s.add(key);
      else s.delete(key);
      dismissed.set(k, s);
    },
  },
};

// Messages are handled as they arrive, on this one thread, like the host's single extension
// thread (src/panel/traceWebview.ts does not wait for one answer before handling the next).
self.onmessage = (ev) => {
  const data = ev.data as { type?: string; message?: unknown };
  if (data?.type !== 'fromWebview') return;
  handleWebviewMessage(data.message, ctx).catch((e: unknown) => log(`handler threw: ${String(e)}`));
};
void trace(); // start importing at once, as the host does before the webview asks
