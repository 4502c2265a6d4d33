/**
 * Entry point of the offline viewer (bundled by esbuild into dist/offline/viewer.js, inlined into
 * trace.html by src/offlineViewer/). The webview app itself, on an in-page host: the embedded
 * trace is imported with core's importer and every request is answered from it
 * (offlineRequests.ts). Wiring only.
 */
// First: records CSP violations from here on (the e2e test reads them).
import '../cspViolations';
import { App } from '../app';
import { h } from '../components/dom';
import { INITIAL_STATE, traceKeyOf, type PersistedState } from '../state/persistedState';
import { createSpanTreeView } from '../tree/spanTreeView';
import { timelineSplitView } from '../views/mainViews';
import { importTrace } from '../../src/core/import/index';
import type { OfflineViewerOptions } from '../../src/core/protocol/offlineViewer';
import { deriveAgentView } from '../../src/core/semantics/agentView';
import { LoadedTrace } from '../../src/core/view/loadedTrace';
import { readEmbeddedTrace } from './embeddedData';
import { createOfflineHost } from './offlineHost';
import { answerOffline, type OfflineSession } from './offlineRequests';
import { planGraphNote } from './planGraphNote';

/** The embedded trace, loaded; or why not. */
function loadEmbedded(): { trace: LoadedTrace | { readonly error: string }; state: PersistedState } {
  const embedded = readEmbeddedTrace(document);
  if (!embedded.ok) return { trace: { error: embedded.error }, state: INITIAL_STATE };
  const { bytes, options } = embedded.value;
  try {
    const set = importTrace(bytes);
    const trace = new LoadedTrace(
      `offline:${options.fileName}`,
      options.fileName,
      set,
      (s, i) => deriveAgentView(s.traces[i]),
      (i, e) => console.warn(`[agent-trace] trace ${i} is shown without agent semantics: ${String(e)}`),
    );
    return { trace, state: initialState(trace, options.select) };
  } catch (e) {
    return { trace: { error: `The trace embedded in this page could not be read: ${e instanceof Error ? e.message : String(e)}` }, state: INITIAL_STATE };
  }
}

/** Shows the trace and span the page was written for (the report's failing step), else the first. */
function initialState(trace: LoadedTrace, select: OfflineViewerOptions['select']): PersistedState {
  const traceIndex = select.traceId === undefined ? -1 : trace.set.traces.findIndex((t) => t.traceId === select.traceId);
  if (traceIndex > 0) trace.select(traceIndex);
  const selectedIndex = select.spanId === undefined ? -1 : trace.indexOfSpan(select.spanId);
  return {
    ...INITIAL_STATE,
    fileUri: trace.fileUri,
    traceIndex: trace.traceIndex,
    traceKey: traceKeyOf(trace.trace.traceId, trace.trace.spans.length),
    selectedIndex,
  };
}

function offlineBanner(): HTMLElement {
  return h('div', { className: 'offline-banner', testId: 'offline-banner', attrs: { role: 'note' } }, [
    h('strong', { text: 'Agent Trace Debugger · offline copy' }),
    h('span', {
      className: 'muted',
      text: 'The trace is embedded in this file and nothing is loaded from the network. Plan graph and Go to Handler: open the trace in VS Code.',
    }),
  ]);
}

function start(root: HTMLElement): void {
  const { trace, state } = loadEmbedded();
  const session: OfflineSession = { trace, dismissed: new Map(), copyText: (text) => navigator.clipboard.writeText(text) };
  const host = createOfflineHost((raw) => answerOffline(raw, session), state);
  new App(root, host, { views: [timelineSplitView, createSpanTreeView, planGraphNote], hostActions: false }).start();
}

const root = document.getElementById('app') ?? document.body;
root.before(offlineBanner());
root.replaceChildren(h('p', { className: 'offline-loading', text: 'Reading the trace…' }));
// Importing a large trace takes a while and blocks the page: let the banner and the note paint first.
requestAnimationFrame(() => window.setTimeout(() => start(root), 0));
