/**
 * The compare page's link to the extension host: this page's only caller of
 * `acquireVsCodeApi()` (the trace page's is hostChannel.ts; each page may call it once).
 * Every incoming message is validated before the page sees it.
 */
import type { CompareHostMessage, CompareWebviewMessage } from '../../src/core/protocol/compare';
import { parseCompareHostMessage } from '../../src/core/protocol/validate/compare';

export interface CompareHost {
  post(msg: CompareWebviewMessage): void;
  onMessage(handler: (msg: CompareHostMessage) => void): void;
}

export function connectCompareHost(): CompareHost {
  const vscode = acquireVsCodeApi();
  let handler: (msg: CompareHostMessage) => void = () => undefined;
  window.addEventListener('message', (ev: MessageEvent<unknown>) => {
    const parsed = parseCompareHostMessage(ev.data);
    if (parsed.ok) handler(parsed.value);
    else console.warn(`[agent-trace] compare: dropped a message: ${parsed.error}`);
  });
  return {
    post: (msg) => vscode.postMessage(msg),
    onMessage: (h) => {
      handler = h;
    },
  };
}
