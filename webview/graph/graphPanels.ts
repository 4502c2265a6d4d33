/**
 * The lists beside the plan graph: findings (loops, plan cycles) with what they wasted, and the
 * stated plans with each step's status against what ran. Items are buttons: activating one
 * selects its evidence span. Text only through textContent (the `h` helper).
 */
import { formatCost, formatTokens, plural } from '../../src/core/view/format';
import type { GraphFindingView, PlanStepView, StatedPlanView } from '../../src/core/protocol';
import { inlineText, blockText } from '../../src/core/text/visibleText';
import { h } from '../components/dom';
import { itemButton, linkButton } from '../components/linkButton';

const PATTERN_NAMES: Readonly<Record<NonNullable<GraphFindingView['pattern']>, string>> = {
  'repeated-call': 'Repeated call',
  oscillation: 'Oscillation',
  'retry-same-error': 'Retry, same error',
};
const STEP_MARKS: Readonly<Record<PlanStepView['status'], [string, string]>> = {
  done: ['✓', 'done'],
  skipped: ['–', 'skipped'],
  'out-of-order': ['↕', 'out of order'],
  unmatched: ['?', 'no tool named'],
};
const SOURCE_NAMES: Readonly<Record<StatedPlanView['source'], string>> = {
  text: 'numbered list',
  'tool-call': 'todo/plan tool',
  'plan-operation': 'plan span',
};
/** Extra executions listed one by one up to this many; the rest are counted. */
const MAX_EXTRA_SHOWN = 12;

export function findingsList(findings: readonly GraphFindingView[], select: (spanIndex: number) => void): HTMLElement {
  const list = h('ul', { className: 'graph-list', attrs: { 'aria-label': 'Graph findings' } });
  for (const f of findings) {
    const title = f.kind === 'loop' ? `Loop: ${f.pattern ? PATTERN_NAMES[f.pattern] : 'loop'}` : 'Plan cycle';
    const waste = f.wastedTokens !== undefined && f.wastedTokens > 0 ? `wasted ${formatTokens(f.wastedTokens)} tokens · ${formatCost(f.wastedCostUsd)}` : '';
    const first = f.spanIndices[0];
    const onClick = first === undefined ? undefined : () => select(first);
    const btn = itemButton({ className: `graph-finding sev-${f.severity}`, testId: 'graph-finding', onClick }, [
      h('span', { className: 'graph-finding-title', text: `${f.severity === 'error' ? '✕' : '⚠'} ${title}` }),
      h('span', { className: 'graph-finding-message', text: blockText(f.message) }),
      ...(waste ? [h('span', { className: 'graph-finding-waste muted', text: waste })] : []),
    ]);
    btn.dataset.key = f.key;
    btn.disabled = first === undefined;
    list.append(h('li', {}, [btn]));
  }
  if (findings.length === 0) list.append(h('li', { className: 'empty-note', text: 'No loops or plan cycles found.' }));
  return list;
}

/** `nameOf` names an execution (its graph node's label) for the extra-execution links. */
export function plansList(plans: readonly StatedPlanView[], select: (spanIndex: number) => void, nameOf: (spanIndex: number) => string): HTMLElement {
  const box = h('div', { className: 'graph-plans' });
  plans.forEach((p, k) => {
    const head = linkButton({
      label: `Plan ${k + 1} (${SOURCE_NAMES[p.source]})`,
      className: 'graph-plan-head',
      title: 'Select the span that states the plan',
      onClick: () => select(p.spanIndex),
    });
    const steps = h('ol', { className: 'graph-plan-steps', attrs: { 'aria-label': `Plan ${k + 1} steps` } });
    for (const s of p.steps) {
      const [mark, word] = STEP_MARKS[s.status];
      const parts = [
        h('span', { className: `step-mark step-${s.status}`, text: mark, attrs: { 'aria-hidden': 'true' } }),
        h('span', { className: 'step-text', text: `${inlineText(s.id, 40)}. ${s.text ? inlineText(s.text) : '(no text)'}` }),
      ];
      const meta = [word, s.dependsOn.length > 0 ? `after ${inlineText(s.dependsOn.join(', '), 80)}` : '', s.inCycle ? '↻ in a dependency cycle' : '']
        .filter(Boolean)
        .join(' · ');
      parts.push(h('span', { className: 'step-meta muted', text: meta }));
      const item = h('li', { className: `graph-plan-step step-${s.status}${s.inCycle ? ' in-cycle' : ''}` });
      if (s.spanIndex !== undefined) {
        const i = s.spanIndex;
        item.append(
          itemButton({ className: 'graph-step-btn', ariaLabel: `${inlineText(s.id, 40)}. ${inlineText(s.text)}: ${meta}`, onClick: () => select(i) }, parts),
        );
      } else {
        item.append(h('div', { className: 'graph-step-btn', attrs: { 'aria-label': `${s.id}. ${s.text}: ${meta}` } }, parts));
      }
      steps.append(item);
    }
    const extra = h('div', { className: 'graph-plan-extra' });
    if (p.extraSpanIndices.length > 0) {
      extra.append(h('span', { className: 'muted', text: `Extra: ${plural(p.extraSpanIndices.length, 'execution')} no step names ` }));
      for (const i of p.extraSpanIndices.slice(0, MAX_EXTRA_SHOWN)) {
        extra.append(linkButton({ label: inlineText(nameOf(i), 60), className: 'graph-extra', title: 'Select this execution', onClick: () => select(i) }));
      }
      if (p.extraSpanIndices.length > MAX_EXTRA_SHOWN)
        extra.append(h('span', { className: 'muted', text: ` +${p.extraSpanIndices.length - MAX_EXTRA_SHOWN} more` }));
    }
    box.append(h('section', { className: 'graph-plan', attrs: { 'aria-label': `Plan ${k + 1}` } }, [head, steps, extra]));
  });
  return box;
}
