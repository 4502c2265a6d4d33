/**
 * The right-hand column: tabs "Claims N" (the claimed-vs-executed diff), "LLM calls" and "Cost",
 * so the diff sits beside the span tree and the detail panel. All panels stay mounted; a hidden
 * one is re-laid out when shown (the lists are virtualised and measure themselves). The Cost
 * panel asks the host for its data the first time it is shown.
 */
import type { ClaimsView, CostView, TraceStructure, TraceSummary } from '../../src/core/protocol';
import { createTabs } from '../components/tabs';
import type { SideTab } from '../state/persistedState';
import type { RowSource } from '../tree/rowSource';
import { createClaimsPanel } from './claimsPanel';
import { createCostPanel } from './costPanel';
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
  /** Create Bug Report… about one finding (by `FindingItem.key`). */
  /** Absent offline: no Report buttons. */
  readonly reportFinding?: (key: string) => void;
  readonly loadCost: () => Promise<CostView>;
  readonly initialTab: SideTab;
  readonly onTabChange: (tab: SideTab) => void;
}

export function createSidePanel(deps: SidePanelDeps): SidePanel {
  const calls = createLlmCallsPanel(deps.structure, deps.summary, deps.rows, deps.select);
  const cost = createCostPanel({ load: deps.loadCost, select: deps.select });
  let claimsLabel = 'Claims';
  const labels = () => [
    { id: 'claims' as const, label: claimsLabel },
    { id: 'llm-calls' as const, label: 'LLM calls' },
    { id: 'cost' as const, label: 'Cost' },
  ];
  const show = (tab: SideTab) => {
    claims.element.hidden = tab !== 'claims';
    calls.element.hidden = tab !== 'llm-calls';
    cost.element.hidden = tab !== 'cost';
    if (tab === 'llm-calls') calls.layout();
    if (tab === 'cost') cost.activate();
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
    report: deps.reportFinding,
    select: deps.select,
    onCount: (n) => {
      claimsLabel = `Claims ${n}`;
      tabs.setTabs(labels(), tabs.selected);
    },
  });
  tabs.element.classList.add('side-tabs');
  tabs.panel.append(claims.element, calls.element, cost.element);
  tabs.setTabs(labels(), deps.initialTab);
  show(deps.initialTab);

  return {
    element: tabs.element,
    setSelected(index) {
      claims.setSelected(index);
      calls.setSelected(index);
      cost.setSelected(index);
    },
    layout() {
      if (tabs.selected === 'llm-calls') calls.layout();
      if (tabs.selected === 'cost') cost.activate();
    },
    dispose() {
      claims.dispose();
      calls.dispose();
      cost.dispose();
      tabs.element.remove();
    },
  };
}
