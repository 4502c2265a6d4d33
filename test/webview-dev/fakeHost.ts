/**
 * Dev-harness stand-in for the extension host, bundled into the page *before* the webview's
 * main.js. Defines `acquireVsCodeApi` with state kept in sessionStorage (so a reload restores
 * it, like VS Code's getState) and answers requests from one of three backends chosen by
 * `window.__HARNESS__` (set by shoot.mjs through an init script):
 *   canned  — cannedTrace.ts (hostile text, chat messages, N spans)
 *   corpus  — a real trace file through core's importer and the host's own request handler
 *   error   — a loadError event
 * Messages are delivered asynchronously as structured clones, like VS Code's postMessage.
 */
import type { HostMessage, Request } from '../../src/core/protocol';
import { importTrace } from '../../src/core/import/index';
import { LoadedTrace } from '../../src/session/loadedTrace';
import { handleWebviewMessage } from '../../src/session/webviewRequests';
import { deriveAgentView } from '../../src/core/semantics/agentView';
import { cannedBackend } from './cannedTrace';

type HarnessConfig =
  | { mode: 'canned'; spans: number }
  | { mode: 'corpus'; b64: string; fileName: string }
  | { mode: 'error'; message: string };

// The few browser globals used, declared here so this file also type-checks under the repo's
// node-only tsconfig (it includes test/**).
interface HarnessWindow {
  __HARNESS__?: HarnessConfig;
  __posted__: unknown[];
  acquireVsCodeApi: () => unknown;
  dispatchEvent(ev: unknown): boolean;
}
declare const MessageEvent: new (type: string, init: { data: unknown }) => unknown;
declare const sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
const window = globalThis as unknown as HarnessWindow;

const config: HarnessConfig = window.__HARNESS__ ?? { mode: 'canned', spans: 300 };
window.__posted__ = [];
const deliver = (msg: HostMessage) => setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data: structuredClone(msg) })), 5);

let handle: (raw: unknown) => void;
if (config.mode === 'canned') {
  const backend = cannedBackend(config.spans);
  handle = (raw) => {
    const req = raw as Request;
    deliver({ type: 'response', inReplyTo: req.requestId, result: backend(req) });
  };
} else if (config.mode === 'error') {
  handle = (raw) => {
    const req = raw as Request;
    if (req.type === 'ready') deliver({ type: 'loadError', message: config.message });
    deliver({ type: 'response', inReplyTo: req.requestId, error: config.message });
  };
} else {
  const bytes = Uint8Array.from(atob(config.b64), (c) => c.charCodeAt(0));
  let loaded: LoadedTrace | { error: string };
  try {
    loaded = new LoadedTrace(`file:///${config.fileName}`, config.fileName, importTrace(bytes, { fileName: config.fileName }), (set, i) => deriveAgentView(set.traces[i]));
  } catch (e) {
    loaded = { error: `${config.fileName}: ${e instanceof Error ? e.message : String(e)}` };
  }
  handle = (raw) => {
    void handleWebviewMessage(raw, {
      trace: async () => loaded,
      post: deliver,
      copyText: async () => undefined,
      log: (line) => console.log(`[host] ${line}`),
    });
  };
}

let acquired = false;
window.acquireVsCodeApi = () => {
  if (acquired) throw new Error('acquireVsCodeApi called twice');
  acquired = true;
  return {
    postMessage: (msg: unknown) => {
      window.__posted__.push(msg);
      handle(structuredClone(msg));
    },
    getState: () => JSON.parse(sessionStorage.getItem('vscode-state') ?? 'null') as unknown,
    setState: (s: unknown) => sessionStorage.setItem('vscode-state', JSON.stringify(s)),
  };
};
