/**
 * The right-hand column: tabs "Claims N" (the claimed-vs-executed diff) and "LLM calls", so the
 * diff sits beside the span tree and the detail panel. Both panels stay mounted; the hidden one
 * is re-laid out when shown (the LLM-calls list is virtualised and measures itself).
 */
import type { ClaimsView, TraceStructure, TraceSummary } from '../../src/core/protocol';
import { createTabs } from '../components/tabs';
import type { SideTab } from '../state/persistedState';
import type { RowSource } from '../tree/rowSource';
import { createClaimsPanel } from './claimsPanel';
import { createLlmCallsPanel } from './llmCallsPanel';

export interface SidePanel {
  readonly element: HTMLElement;
  setSelected(index: number): void;
  layout(): void;
  dispose(): void;
}

export interface SidePanelDeps {
  readonly structure: TraceStructure;
  readonly summary: TraceSummary;
  readonly rows: RowSource;
  readonly select: (index: number) => void;
  readonly loadClaims: () => Promise<ClaimsView>;
  readonly dismissFinding: (key: string, dismissed: boolean) => Promise<unknown>;
  readonly initialTab: SideTab;
  readonly onTabChange: (tab: SideTab) => void;
}

export function createSidePanel(deps: SidePanelDeps): SidePanel {
  const calls = createLlmCallsPanel(deps.structure, deps.summary, deps.rows, deps.select);
  let claimsLabel = 'Claims';
  const labels = () => [
    { id: 'claims' as const, label: claimsLabel },
    { id: 'llm-calls' as const, label: 'LLM calls' },
  ];
  const show = (tab: SideTab) => {
    claims.element.hidden = tab !== 'claims';
    calls.element.hidden = tab !== 'llm-calls';
    if (tab === 'llm-calls') calls.layout();
  };
  const tabs = createTabs<SideTab>({
    ariaLabel: 'Side panels',
    onSelect: (tab) => {
      show(tab);
      deps.onTabChange(tab);
    },
  });
  const claims = createClaimsPanel({
    load: deps.loadClaims,
    dismiss: deps.dismissFinding,
    select: deps.select,
    onCount: (n) => {
      claimsLabel = `Claims ${n}`;
      tabs.setTabs(labels(), tabs.selected);
    },
  });
  tabs.element.classList.add('side-tabs');
  tabs.panel.append(claims.element, calls.element);
  tabs.setTabs(labels(), deps.initialTab);
  show(deps.initialTab);

  return {
    element: tabs.element,
    setSelected(index) {
      claims.setSelected(index);
      calls.setSelected(index);
    },
    layout() {
      if (tabs.selected === 'llm-calls') calls.layout();
    },
    dispose() {
      claims.dispose();
      calls.dispose();
      tabs.element.remove();
    },
  };
}
