/**
 * The header: what trace this is and its totals, the diagnostics of the load (expandable), the
 * trace switcher for multi-trace files, and "copy summary".
 */
import type { TraceSummary } from '../../src/core/protocol';
import { formatCost, formatCount, formatDuration, formatTokens, plural } from '../../src/core/view/format';
import { badge } from '../components/badge';
import { button } from '../components/button';
import { h } from '../components/dom';
import { linkButton } from '../components/linkButton';
import { blockText, inlineText } from '../../src/core/text/visibleText';

export interface SummaryActions {
  copySummary(): Promise<boolean>;
  /** Create Bug Report… for this trace (the host shows the redaction preview in VS Code's UI); absent offline (no button). */
  createBugReport?(): void;
  selectTrace(traceIndex: number): void;
}

function stat(label: string, value: string, testId?: string, title?: string): HTMLElement {
  return h('span', { className: 'stat', attrs: { title } }, [
    h('span', { className: 'stat-value', text: value, testId }),
    h('span', { className: 'stat-label', text: label }),
  ]);
}

export function renderSummaryHeader(header: HTMLElement, s: TraceSummary, actions: SummaryActions): void {
  const title = h('h1', { className: 'summary-title' }, [
    h('span', {
      className: 'summary-root-name',
      text: inlineText(s.rootName || '(unnamed root)', 200),
      testId: 'summary-root-name',
      attrs: { title: inlineText(s.rootName, 2000) },
    }),
    badge(s.status === 'error' ? 'error' : 'ok', s.status === 'error' ? 'error' : 'ok', 'Trace status'),
  ]);

  const tokensTotal = s.tokens.input + s.tokens.output;
  const stats = h('div', { className: 'summary-stats' }, [
    // Plain digits (the e2e test reads this element as String(spanCount)); the tooltip groups them.
    stat(s.spanCount === 1 ? 'span' : 'spans', String(s.spanCount), 'summary-span-count', `${formatCount(s.spanCount)} spans`),
    stat('duration', formatDuration(s.durationMs)),
    stat('tokens', formatTokens(tokensTotal), undefined, `${formatCount(s.tokens.input)} input, ${formatCount(s.tokens.output)} output`),
    // No LLM calls means no cost to speak of: "—", not a "$0.00" that reads like a measurement.
    s.llmCalls === 0
      ? stat('cost', '—', undefined, 'No LLM calls were recognised in this trace')
      : stat(
          'cost',
          s.costUsd === null ? 'unknown' : formatCost(s.costUsd),
          undefined,
          s.costUsd === null ? `Unknown: ${s.costUnknownReason ?? 'no price known'}` : undefined,
        ),
    stat(s.llmCalls === 1 ? 'LLM call' : 'LLM calls', formatCount(s.llmCalls)),
    stat(s.toolCalls === 1 ? 'tool call' : 'tool calls', formatCount(s.toolCalls)),
    ...(s.iterations > 0 ? [stat(s.iterations === 1 ? 'iteration' : 'iterations', formatCount(s.iterations))] : []),
  ]);

  const source = h('div', { className: 'summary-source' }, [
    h('span', { className: 'summary-format', text: inlineText(s.formatLabel, 120) }),
    h('span', { className: 'summary-file', text: inlineText(s.fileName, 200), attrs: { title: inlineText(s.fileName, 2000) } }),
    h('span', { className: 'summary-trace-id', text: `trace ${inlineText(s.traceId, 64)}` }),
  ]);

  const actionsBar = h('div', { className: 'summary-actions' });
  if (s.traceCount > 1) {
    const prev = button({ label: '‹', variant: 'icon', title: 'Previous trace in this file', onClick: () => actions.selectTrace(s.traceIndex - 1) });
    const next = button({ label: '›', variant: 'icon', title: 'Next trace in this file', onClick: () => actions.selectTrace(s.traceIndex + 1) });
    prev.disabled = s.traceIndex <= 0;
    next.disabled = s.traceIndex >= s.traceCount - 1;
    actionsBar.append(h('span', { className: 'trace-switch' }, [prev, h('span', { text: `trace ${s.traceIndex + 1} of ${s.traceCount}` }), next]));
  }
  const copy = button({
    label: 'Copy summary',
    title: 'Copy a text summary of this trace',
    onClick: () => {
      void actions.copySummary().then((ok) => {
        copy.textContent = ok ? 'Copied' : 'Copy failed';
        window.setTimeout(() => (copy.textContent = 'Copy summary'), 1500);
      });
    },
  });
  actionsBar.append(copy);
  const createBugReport = actions.createBugReport;
  if (createBugReport) {
    const report = button({
      label: 'Bug report…',
      title: 'Create a redacted bug report of this trace (report.md, the trace file and an offline viewer)',
      testId: 'create-bug-report',
      onClick: () => createBugReport(),
    });
    actionsBar.append(report);
  }

  const children: HTMLElement[] = [h('div', { className: 'summary-main' }, [title, source]), stats, actionsBar];
  const problems = s.diagnostics.length + (s.quarantined > 0 ? 1 : 0);
  if (problems > 0) children.push(diagnosticsSection(s));
  header.replaceChildren(...children);
}

function diagnosticsSection(s: TraceSummary): HTMLElement {
  const list = h('ul', { className: 'diagnostics-list', attrs: { id: 'summary-diagnostics' } });
  if (s.quarantined > 0) list.append(h('li', { text: `${plural(s.quarantined, 'span')} could not be placed in the tree (quarantined).` }));
  for (const d of s.diagnostics) {
    list.append(h('li', {}, [h('code', { className: 'diag-code', text: inlineText(d.code, 60) }), ' ', h('span', { text: blockText(d.message) })]));
  }
  list.hidden = true;
  const count = s.diagnostics.length;
  const label = `${plural(count, 'diagnostic')}${s.quarantined > 0 ? `, ${formatCount(s.quarantined)} quarantined` : ''}`;
  const toggle = linkButton({ label: `▸ ${label}`, className: 'diagnostics-toggle', testId: 'summary-diagnostics' });
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', list.id);
  toggle.addEventListener('click', () => {
    list.hidden = !list.hidden;
    toggle.setAttribute('aria-expanded', String(!list.hidden));
    toggle.textContent = `${list.hidden ? '▸' : '▾'} ${label}`;
  });
  return h('div', { className: 'summary-diagnostics' }, [toggle, list]);
}
