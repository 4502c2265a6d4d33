/**
 * The DOM of one chain-of-thought card (an iteration: the LLM call and the tools it ran), from a
 * validated `CardView`, or a placeholder while its text is on its way. All trace text goes in
 * through `h()` (textContent).
 */
import { CARD_FLAG_ERROR, CARD_FLAG_WASTE, type CardToolCall, type CardView } from '../../src/core/protocol';
import { formatCost, formatDuration, formatTokens, plural } from '../../src/core/view/format';
import { h } from '../components/dom';
import { inlineText } from '../../src/core/text/visibleText';
import { lookalikeMark } from '../../src/core/text/lookalikes';

/** Tool rows drawn per card; the rest are counted (a card with hundreds of tools stays small). */
export const MAX_TOOL_ROWS = 12;
const INDENT_PX = 18;
const MAX_INDENT_LEVELS = 8;

export interface CardElement {
  readonly root: HTMLElement;
  /** Tool execution rows by span index. */
  readonly toolRows: ReadonlyMap<number, HTMLElement>;
  readonly loaded: boolean;
}

const STATUS_GLYPH = { ok: '✓', error: '✗', unset: '•' } as const;
const STATUS_WORD = { ok: 'ok', error: 'failed', unset: 'no status' } as const;

const callText = (c: CardToolCall) => `${inlineText(c.name, 80)}${lookalikeMark(c.name)}(${inlineText(c.arguments, 120)})`;

function shell(card: number, llmSpan: number, depth: number, flags: number, total: number): HTMLElement {
  const root = h('div', {
    className: 'tl-card',
    testId: 'timeline-card',
    attrs: { role: 'option', tabindex: -1, 'aria-setsize': total, 'aria-posinset': card + 1, 'aria-selected': 'false' },
  });
  root.dataset.card = String(card);
  root.dataset.spanIndex = String(llmSpan);
  root.style.marginLeft = `${Math.min(depth, MAX_INDENT_LEVELS) * INDENT_PX}px`;
  root.classList.toggle('is-error', (flags & CARD_FLAG_ERROR) !== 0);
  root.classList.toggle('is-waste', (flags & CARD_FLAG_WASTE) !== 0);
  root.classList.toggle('is-nested', depth > 0);
  return root;
}

/** A card whose text has not arrived (or could not be loaded: `error`). */
export function placeholderCard(card: number, llmSpan: number, depth: number, flags: number, total: number, error?: string): CardElement {
  const root = shell(card, llmSpan, depth, flags, total);
  const text = error ? `Card ${card + 1} could not be loaded: ${error}` : `Loading card ${card + 1}…`;
  root.append(h('div', { className: 'tl-placeholder', text }));
  root.setAttribute('aria-label', text);
  return { root, toolRows: new Map(), loaded: false };
}

function section(className: string, label: string, body: (Node | string)[]): HTMLElement {
  return h('div', { className: `tl-section ${className}` }, [h('span', { className: 'tl-label', text: label }), ...body]);
}

export function renderCard(v: CardView, flags: number, total: number): CardElement {
  const root = shell(v.card, v.llmSpanIndex, v.depth, flags, total);
  root.classList.toggle('has-finding', v.findings.length > 0);
  const toolRows = new Map<number, HTMLElement>();
  const iteration = `iteration ${v.iteration + 1}`;
  const failedTools = v.toolExecutions.filter((t) => t.status === 'error').length;

  const badges: HTMLElement[] = [];
  if (v.errors.length > 0)
    badges.push(
      h('span', {
        className: 'tl-flag tl-flag-error',
        text: `✗ ${plural(v.errors.length, 'error')}`,
        attrs: { title: v.errors.map((e) => inlineText(e.message, 200)).join('\n') },
      }),
    );
  if (v.waste)
    badges.push(
      h('span', {
        className: 'tl-flag tl-flag-waste',
        text: v.waste === 'failed' ? 'wasted: failed step' : 'wasted: retried',
        attrs: { title: 'The tokens of this step bought nothing' },
      }),
    );
  if (v.findings.length > 0) badges.push(h('span', { className: 'tl-flag tl-flag-finding', text: `⚑ ${plural(v.findings.length, 'finding')}` }));

  const head = h('div', { className: 'tl-head' }, [
    h('span', { className: 'tl-run', text: inlineText(v.runName || '(unnamed run)', 80) }),
    h('span', { className: 'tl-iter', text: iteration }),
    ...(v.model ? [h('span', { className: 'tl-model', text: inlineText(v.model, 60) })] : []),
    h('span', { className: 'tl-dur', text: formatDuration(v.durationMs) }),
    ...badges,
  ]);
  root.append(head);

  if (v.inputSummary)
    root.append(section('tl-input', inlineText(v.inputSummary.role, 20), [h('span', { className: 'tl-text', text: inlineText(v.inputSummary.text) })]));
  if (v.reasoning) root.append(section('tl-reasoning', 'thinking', [h('span', { className: 'tl-text', text: inlineText(v.reasoning) })]));
  if (v.answer) root.append(section('tl-answer', 'answer', [h('span', { className: 'tl-text', text: inlineText(v.answer) })]));
  if (v.requestedToolCalls.length > 0) {
    root.append(
      section(
        'tl-requests',
        'asked for',
        v.requestedToolCalls.slice(0, MAX_TOOL_ROWS).map((c) => h('code', { className: 'tl-call', text: callText(c) })),
      ),
    );
  }
  if (v.toolExecutions.length > 0) {
    const list = h('ul', { className: 'tl-tools', attrs: { 'aria-label': 'Tool executions' } });
    for (const t of v.toolExecutions.slice(0, MAX_TOOL_ROWS)) {
      const detail = t.status === 'error' ? (t.error ?? '') : (t.resultPreview ?? '');
      const row = h('li', { className: `tl-tool tool-${t.status}`, testId: 'timeline-tool' }, [
        h('span', { className: 'tl-tool-icon', text: STATUS_GLYPH[t.status], attrs: { 'aria-hidden': 'true' } }),
        h('span', { className: 'tl-tool-status', text: STATUS_WORD[t.status] }),
        h('span', { className: 'tl-tool-name', text: inlineText(t.name, 80) + lookalikeMark(t.name) }),
        h('span', { className: 'tl-tool-dur', text: formatDuration(t.durationMs) }),
        h('span', { className: 'tl-tool-result', text: inlineText(detail, 200) }),
      ]);
      row.dataset.spanIndex = String(t.spanIndex);
      row.title = `${t.name}: ${STATUS_WORD[t.status]}. Click to select this tool span.`;
      toolRows.set(t.spanIndex, row);
      list.append(row);
    }
    if (v.toolExecutions.length > MAX_TOOL_ROWS)
      list.append(
        h('li', { className: 'tl-tool-more muted', text: `… ${plural(v.toolExecutions.length - MAX_TOOL_ROWS, 'more tool execution')} (see the span tree)` }),
      );
    root.append(list);
  }
  if (v.unexecuted.length > 0) {
    root.append(
      section(
        'tl-unexecuted',
        '⚠ not executed',
        v.unexecuted.slice(0, MAX_TOOL_ROWS).map((c) => h('code', { className: 'tl-call', text: callText(c) })),
      ),
    );
  }
  if (v.findings.length > 0) {
    const list = h('ul', { className: 'tl-findings', attrs: { 'aria-label': 'Findings' } });
    for (const f of v.findings.slice(0, MAX_TOOL_ROWS))
      list.append(
        h('li', { className: `tl-finding sev-${f.severity}` }, [
          h('span', { className: 'tl-sev', text: f.severity }),
          h('span', { text: inlineText(f.message, 300) }),
        ]),
      );
    root.append(list);
  }
  const tk = v.tokens;
  const tokens = `in ${formatTokens(tk.input)} · out ${formatTokens(tk.output)} · cached ${formatTokens(tk.cached)} · reasoning ${formatTokens(tk.reasoning)}`;
  const cost = `${formatCost(v.costUsd)} · running total ${formatCost(v.runningUsd)}`;
  root.append(
    h('div', { className: 'tl-foot' }, [h('span', { className: 'tl-tokens', text: `tokens ${tokens}` }), h('span', { className: 'tl-cost', text: cost })]),
  );

  const summary = [
    `${inlineText(v.runName || 'run', 80)}, ${iteration}`,
    v.model ? inlineText(v.model, 60) : '',
    formatDuration(v.durationMs),
    v.toolExecutions.length ? `${plural(v.toolExecutions.length, 'tool')}${failedTools ? `, ${failedTools} failed` : ''}` : '',
    v.unexecuted.length ? `${plural(v.unexecuted.length, 'request')} not executed` : '',
    formatCost(v.costUsd),
    v.errors.length ? 'has errors' : '',
    v.waste ? 'wasted tokens' : '',
    v.findings.length ? plural(v.findings.length, 'finding') : '',
    v.depth > 0 ? `sub-agent level ${v.depth}` : '',
  ].filter(Boolean);
  root.setAttribute('aria-label', summary.join(', '));
  return { root, toolRows, loaded: true };
}
