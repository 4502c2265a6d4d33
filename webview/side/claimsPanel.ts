/**
 * The Claims panel (claimed-vs-executed diff): the analysis findings on top, each with a
 * severity badge, links to its evidence spans and Dismiss / Undo; below, what the model said
 * (its completed action claims, coloured by verdict) beside what the tools did (executions with
 * their status). Linked pairs light each other up on hover or focus and carry "→ tool" links.
 * Every item is a button: click or Enter selects its span through the app's one selection path.
 * All trace text goes in through `textContent` (h/setText).
 */
import type { ActionItem, ClaimItem, ClaimsView, FindingItem } from '../../src/core/protocol';
import { badge, type BadgeTone } from '../components/badge';
import { button } from '../components/button';
import { h } from '../components/dom';
import { itemButton, linkButton } from '../components/linkButton';
import { inlineText } from '../../src/core/text/visibleText';

export interface ClaimsPanelDeps {
  readonly load: () => Promise<ClaimsView>;
  readonly dismiss: (key: string, dismissed: boolean) => Promise<unknown>;
  /** "Report this finding": Create Bug Report… about it (the host shows the redaction preview). */
  /** Create Bug Report… about one finding; absent offline (no Report buttons). */
  readonly report?: (key: string) => void;
  readonly select: (index: number) => void;
  /** Called with the number of claims once loaded (for the tab label). */
  readonly onCount: (claims: number) => void;
}

export interface ClaimsPanel {
  readonly element: HTMLElement;
  setSelected(index: number): void;
  dispose(): void;
}

const SEVERITY_TONE: Readonly<Record<FindingItem['severity'], BadgeTone>> = { error: 'error', warning: 'warning', info: 'neutral' };
const CLAIM_TONE: Readonly<Record<ClaimItem['status'], BadgeTone>> = { matched: 'ok', failed: 'error', unmatched: 'error', mismatch: 'warning' };
const ACTION_TONE: Readonly<Record<ActionItem['status'], BadgeTone>> = { ok: 'ok', error: 'error', unset: 'neutral' };

export function createClaimsPanel(deps: ClaimsPanelDeps): ClaimsPanel {
  const element = h('section', { className: 'side-panel claims-panel', testId: 'claims-panel', attrs: { 'aria-label': 'Claimed vs executed actions' } });
  const body = h('div', { className: 'claims-body' });
  element.append(body);
  let disposed = false;
  let selected = -1;
  /** Every element that stands for a span, for selection and pair highlighting. */
  const bySpan = new Map<number, HTMLElement[]>();
  const track = (index: number, el: HTMLElement) => {
    const list = bySpan.get(index) ?? [];
    list.push(el);
    bySpan.set(index, list);
  };

  const note = (text: string) => body.replaceChildren(h('p', { className: 'empty-note', text }));
  note('Checking claims…');

  deps.load().then(
    (v) => {
      if (disposed) return;
      deps.onCount(v.claims.length);
      render(v);
    },
    (err: unknown) => {
      if (!disposed) note(`Could not check the claims: ${err instanceof Error ? err.message : String(err)}`);
    },
  );

  /** Rows rendered per page of a list, and evidence links shown per item. */
  const LIST_PAGE = 50;
  const MAX_LINKS = 12;

  function spanLink(index: number, label: string, testId: string, title: string): HTMLButtonElement {
    return linkButton({ label, title, className: 'claims-link', testId, onClick: () => deps.select(index) });
  }

  function render(v: ClaimsView): void {
    bySpan.clear();
    const actionName = new Map(v.actions.map((a) => [a.spanIndex, a.name]));
    const claimOf = new Map(v.claims.map((c, i) => [c.id, { claim: c, n: i + 1 }]));
    const sections: HTMLElement[] = [];

    const findings = h('ul', { className: 'findings-list', attrs: { 'aria-label': 'Findings' } });
    appendPaged(findings, v.findings, (f) => renderFinding(f, actionName));
    sections.push(h('h2', { className: 'side-title', text: `Findings · ${v.findings.length}` }));
    sections.push(
      v.findings.length > 0 ? findings : h('p', { className: 'empty-note', text: 'No discrepancies between what the model said and what its tools did.' }),
    );

    const said = h('ul', { className: 'claims-list', attrs: { 'aria-label': 'What the model said' } });
    appendPaged(said, v.claims, (c, i) => renderClaim(c, i + 1, actionName));
    const ran = h('ul', { className: 'claims-list', attrs: { 'aria-label': 'What the tools did' } });
    appendPaged(ran, v.actions, (a) => renderAction(a, claimOf));
    sections.push(
      h('div', { className: 'claims-diff' }, [
        h('div', { className: 'claims-column' }, [
          h('h2', { className: 'side-title', text: `Model said · ${v.claims.length}` }),
          v.claims.length > 0 ? said : h('p', { className: 'empty-note', text: 'No completed action claims in the model’s words.' }),
        ]),
        h('div', { className: 'claims-column' }, [
          h('h2', { className: 'side-title', text: `Tools ran · ${v.actions.length}` }),
          v.actions.length > 0 ? ran : h('p', { className: 'empty-note', text: 'No tool executions in this trace.' }),
        ]),
      ]),
    );
    body.replaceChildren(...sections);
    applySelection();
  }

  function renderFinding(f: FindingItem, actionName: ReadonlyMap<number, string>): HTMLElement {
    const li = h('li', { className: 'finding-item', testId: 'finding-item' });
    li.dataset.kind = f.kind;
    const message = h('p', { className: 'finding-message', text: inlineText(f.message, 400) });
    const links = h('div', { className: 'claims-links' });
    f.spanIndices.slice(0, MAX_LINKS).forEach((i, k) => {
      const name = actionName.get(i);
      if (name !== undefined) links.append(spanLink(i, `→ ${inlineText(name, 60)}`, 'finding-link', 'Select the tool span'));
      // The claiming LLM call comes first in a claim finding's evidence.
      else if (f.claim !== undefined && k === 0) links.append(spanLink(i, 'claim', 'finding-link', 'Select the LLM call that made the claim'));
      else links.append(spanLink(i, 'LLM call', 'finding-link', 'Select this span'));
    });
    if (f.spanIndices.length > MAX_LINKS) links.append(h('span', { className: 'muted', text: `and ${f.spanIndices.length - MAX_LINKS} more spans` }));
    const toggle = button({ label: '', variant: 'secondary', testId: 'finding-dismiss', onClick: () => void setDismissed(!dismissed) });
    let dismissed = f.dismissed;
    const apply = () => {
      li.classList.toggle('is-dismissed', dismissed);
      toggle.textContent = dismissed ? 'Undo' : 'Dismiss';
      toggle.title = dismissed ? 'Show this finding as open again' : 'Mark this finding as reviewed (remembered for this trace)';
      li.setAttribute('aria-label', `${dismissed ? 'Dismissed ' : ''}${f.severity}: ${inlineText(f.message, 200)}`);
    };
    const setDismissed = async (next: boolean) => {
      dismissed = next;
      apply();
      try {
        await deps.dismiss(f.key, next);
      } catch {
        dismissed = !next;
        apply();
      }
    };
    apply();
    li.append(
      h('div', { className: 'finding-head' }, [
        badge(f.severity, SEVERITY_TONE[f.severity]),
        h('span', { className: 'finding-kind muted', text: f.kind }),
        ...(deps.report ? [reportButton(deps.report, f.key)] : []),
        toggle,
      ]),
      message,
      links,
    );
    return li;
  }

  function renderClaim(c: ClaimItem, n: number, actionName: ReadonlyMap<number, string>): HTMLElement {
    const main = itemButton(
      {
        className: `claims-item claim-item status-${c.status}`,
        testId: 'claim-item',
        title: `Claim ${n} (${c.status}): select the LLM call that said it`,
        onClick: () => deps.select(c.spanIndex),
      },
      [
        h('span', { className: 'claims-item-head' }, [badge(c.status, CLAIM_TONE[c.status]), h('span', { className: 'muted', text: ` ${n} · ${c.verb}` })]),
        h('span', { className: 'claim-sentence', text: inlineText(c.sentence, 400) }),
      ],
    );
    track(c.spanIndex, main);
    const links = h('div', { className: 'claims-links' });
    for (const i of c.matchedSpanIndices.slice(0, MAX_LINKS))
      links.append(spanLink(i, `→ ${inlineText(actionName.get(i) ?? `span ${i}`, 60)}`, 'claim-link', 'Select the tool span'));
    if (c.matchedSpanIndices.length > MAX_LINKS) links.append(h('span', { className: 'muted', text: `and ${c.matchedSpanIndices.length - MAX_LINKS} more` }));
    const li = h('li', { className: 'claims-row' }, [main, links]);
    pair(li, c.matchedSpanIndices);
    return li;
  }

  function renderAction(a: ActionItem, claimOf: ReadonlyMap<string, { claim: ClaimItem; n: number }>): HTMLElement {
    const summary = a.summary === '' ? [] : [h('span', { className: 'action-summary muted', text: inlineText(a.summary, 200) })];
    const main = itemButton(
      {
        className: `claims-item action-item status-${a.status}`,
        testId: 'action-item',
        title: `${inlineText(a.name, 80)} (${a.status}): select the tool span`,
        onClick: () => deps.select(a.spanIndex),
      },
      [
        h('span', { className: 'claims-item-head' }, [
          badge(a.status, ACTION_TONE[a.status]),
          h('span', { className: 'action-name', text: ` ${inlineText(a.name, 80)}` }),
        ]),
        ...summary,
      ],
    );
    track(a.spanIndex, main);
    const links = h('div', { className: 'claims-links' });
    const partners: number[] = [];
    for (const id of a.claimIds) {
      const c = claimOf.get(id);
      if (!c) continue;
      partners.push(c.claim.spanIndex);
      links.append(spanLink(c.claim.spanIndex, `← claim ${c.n}`, 'action-link', 'Select the LLM call that made the claim'));
    }
    const li = h('li', { className: 'claims-row' }, [main, links]);
    pair(li, partners);
    return li;
  }

  /**
   * Appends the first `LIST_PAGE` items' elements, then a "Show more" button that appends the
   * next page: a 100k-span run can have tens of thousands of tool executions, and the panel must
   * stay a few hundred elements until the user asks for more.
   */
  function appendPaged<T>(list: HTMLElement, items: readonly T[], render: (item: T, k: number) => HTMLElement): void {
    let shown = 0;
    const more = (): void => {
      const end = Math.min(items.length, shown + LIST_PAGE);
      for (; shown < end; shown++) list.append(render(items[shown], shown));
      if (shown >= items.length) return;
      const rest = items.length - shown;
      const btn = button({
        label: `Show ${Math.min(rest, LIST_PAGE)} more (of ${rest})`,
        variant: 'secondary',
        onClick: () => {
          li.remove();
          more();
          applySelection();
        },
      });
      const li = h('li', { className: 'claims-more' }, [btn]);
      list.append(li);
    };
    more();
  }

  /** Hovering or focusing a row lights up the rows of its partner spans. */
  function pair(li: HTMLElement, partners: readonly number[]): void {
    if (partners.length === 0) return;
    const on = (lit: boolean) => {
      for (const i of partners) for (const el of bySpan.get(i) ?? []) el.classList.toggle('is-partner', lit);
    };
    li.addEventListener('mouseenter', () => on(true));
    li.addEventListener('mouseleave', () => on(false));
    li.addEventListener('focusin', () => on(true));
    li.addEventListener('focusout', () => on(false));
  }

  function applySelection(): void {
    for (const [i, els] of bySpan) {
      for (const el of els) {
        el.classList.toggle('selected', i === selected);
        el.setAttribute('aria-current', String(i === selected));
      }
    }
  }

  return {
    element,
    setSelected(index) {
      selected = index;
      applySelection();
    },
    dispose() {
      disposed = true;
      element.remove();
    },
  };
}

/** "Report" on a finding: Create Bug Report… about it (only where the extension host runs). */
function reportButton(report: (key: string) => void, key: string): HTMLElement {
  return button({
    label: 'Report',
    variant: 'secondary',
    testId: 'finding-report',
    title: 'Report this finding: create a redacted bug report about it',
    onClick: () => report(key),
  });
}
