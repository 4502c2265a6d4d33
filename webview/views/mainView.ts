/**
 * Extension point of the main (left) area. The views are registered in `app.ts` (`MAIN_VIEWS`):
 * the chain-of-thought timeline over the waterfall, the span tree, the plan graph. When more than one is registered the area shows a
 * tab strip to switch between them. All views share one selection and one `RowSource`.
 */
import type { TimelineIndex, TraceStructure } from '../../src/core/protocol';
import type { Host } from '../hostChannel';
import type { RowSource } from '../tree/rowSource';
import type { TimeExtent } from '../tree/rowVisuals';
import type { TreeModel } from '../tree/treeModel';

export interface SelectOptions {
  /** Move keyboard focus to the selected item (keyboard navigation), default false. */
  readonly focus?: boolean;
  /** Expand ancestors so the item is visible, default true. */
  readonly reveal?: boolean;
  /** Leave the scroll position alone (a live trace grew: the user's scroll wins), default false. */
  readonly keepScroll?: boolean;
}

export interface MainViewContext {
  readonly structure: TraceStructure;
  /** The chain-of-thought timeline's column arrays (empty when the trace has no LLM calls). */
  readonly timeline: TimelineIndex;
  /** Validated requests to the host (results are checked before they resolve). */
  readonly request: Host['request'];
  readonly tree: TreeModel;
  readonly rows: RowSource;
  readonly extent: TimeExtent;
  /** Called by a view when the user selects a span in it. */
  select(index: number, opts?: SelectOptions): void;
  /** Called by a view when the user asks to go to the details (Enter). */
  focusDetail(): void;
  /** Called when the view changed state that is persisted (collapse, scroll). */
  persist(patch: { collapsed?: readonly number[]; scrollTop?: number }): void;
}

export interface MainView {
  readonly id: string;
  readonly title: string;
  readonly element: HTMLElement;
  /** The shared selection changed (possibly from another view or panel). */
  setSelected(index: number, opts: SelectOptions): void;
  /** Re-measure after the element was shown or resized. */
  layout(): void;
  dispose(): void;
}

export type MainViewFactory = (ctx: MainViewContext, restored: { scrollTop: number }) => MainView;
