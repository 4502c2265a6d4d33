/**
 * The header's line for a trace fetched from a backend connection: where it came from and when,
 * "Open in <backend>" (when the backend has a web page for it) and "Refresh", and the fetch's
 * notes (what was cut: "showing 10,000 of 42,000 spans", Tempo PARTIAL). Shown only when the
 * host answers `getTraceSource` with a source; a trace read from a file has none.
 */
import type { TraceSourceView } from '../../src/core/protocol';
import { button } from '../components/button';
import { h } from '../components/dom';
import { blockText, inlineText } from '../../src/core/text/visibleText';

export interface TraceSourceActions {
  openInBackend(): Promise<void>;
  refresh(): Promise<void>;
}

export function renderTraceSource(src: TraceSourceView, actions: TraceSourceActions): HTMLElement {
  const status = h('span', { className: 'remote-status', attrs: { role: 'status' } });
  const act = (run: () => Promise<void>, busy: string) => {
    status.textContent = busy;
    run().then(
      () => (status.textContent = ''),
      (err: unknown) => (status.textContent = err instanceof Error ? err.message : String(err)),
    );
  };
  const fetched = new Date(src.fetchedAt).toLocaleTimeString();
  const line = h('div', { className: 'summary-remote', testId: 'trace-source' }, [
    h('span', {
      className: 'remote-from',
      testId: 'trace-source-label',
      text: `from ${inlineText(src.connectionName, 80)} (${inlineText(src.backendName, 40)}) · fetched ${fetched}`,
    }),
  ]);
  if (src.canOpenInBackend) {
    const backend = inlineText(src.backendName, 40);
    line.append(
      button({
        label: `Open in ${backend}`,
        title: `Open this trace in ${backend}'s web UI`,
        testId: 'open-in-backend',
        onClick: () => act(actions.openInBackend, 'Opening…'),
      }),
    );
  }
  line.append(
    button({
      label: 'Refresh',
      title: 'Fetch this trace from the backend again',
      testId: 'refresh-from-backend',
      onClick: () => act(actions.refresh, 'Fetching…'),
    }),
  );
  line.append(status);
  if (src.notes.length) {
    line.append(
      h(
        'ul',
        { className: 'remote-notes', testId: 'trace-source-notes' },
        src.notes.map((n) => h('li', { text: blockText(n.slice(0, 500)) })),
      ),
    );
  }
  return line;
}
