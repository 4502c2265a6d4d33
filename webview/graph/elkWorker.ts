/**
 * The ELK layout worker. Its source (elkjs's worker script, 1.6 MB) is not in the initial bundle:
 * the first layout loads dist/webview/elkLayout.js (built from elkLayoutScript.ts) as a second
 * <script>, from the folder main.js came from and with main.js's nonce, so the CSP needs nothing
 * new (`script-src 'nonce-…'`; no unsafe-eval, no unsafe-inline). That script hands over the
 * worker's source text, which runs in a Worker started from a blob: URL (`worker-src blob:`,
 * src/panel/webviewHtml.ts). ELK knows no algorithm until one is registered (`{cmd: 'register'}`,
 * what elk-api.js sends first), so a new worker gets that first.
 *
 * A build without the script (the offline viewer), or a page where it fails to load, gets a
 * rejected promise: graphLayout.ts then answers with its simple layout.
 */
import { ELK_SCRIPT_FILE, ELK_SCRIPT_GLOBAL, type LayoutWorker } from './layoutTypes';

/** main.js's own <script>, read while main.js runs (the only time `currentScript` names it). */
const mainScript = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? document.currentScript : undefined;

let source: Promise<string> | undefined;
let url: string | undefined;

function loadWorkerSource(): Promise<string> {
  source ??= new Promise<string>((resolve, reject) => {
    if (!mainScript?.src) {
      reject(new Error(`no ${ELK_SCRIPT_FILE} in this build`));
      return;
    }
    const el = document.createElement('script');
    el.nonce = mainScript.nonce;
    el.src = new URL(ELK_SCRIPT_FILE, mainScript.src).href;
    el.onload = () => {
      const g = globalThis as Record<string, unknown>;
      const text = g[ELK_SCRIPT_GLOBAL];
      delete g[ELK_SCRIPT_GLOBAL];
      if (typeof text === 'string') resolve(text);
      else reject(new Error(`${ELK_SCRIPT_FILE} ran but left no worker source`));
    };
    el.onerror = () => reject(new Error(`could not load ${ELK_SCRIPT_FILE}`));
    document.head.append(el);
  }).catch((e: unknown) => {
    source = undefined; // the next layout tries again
    throw e;
  });
  return source;
}

export async function createElkWorker(): Promise<LayoutWorker> {
  const text = await loadWorkerSource();
  url ??= URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: 'elk-layout' });
  worker.postMessage({ id: 0, cmd: 'register', algorithms: ['layered'] });
  return {
    post: (m) => worker.postMessage(m),
    listen(onData, onError) {
      worker.onmessage = (ev: MessageEvent<unknown>) => onData(ev.data);
      worker.onerror = (ev: ErrorEvent) => {
        ev.preventDefault();
        onError();
      };
    },
    terminate: () => worker.terminate(),
  };
}
