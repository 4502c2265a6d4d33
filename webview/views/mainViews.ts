/**
 * The main area's views in the VS Code panel, first one shown by default: the chain-of-thought
 * cards stacked over the waterfall, the span tree, the plan graph. (The offline viewer has its
 * own list, without the plan graph's layout engine: webview/offline/main.ts.)
 */
import { createGraphView } from '../graph/graphView';
import { createTimelineView } from '../timeline/timelineView';
import { createSpanTreeView } from '../tree/spanTreeView';
import { createWaterfallView } from '../waterfall/waterfallView';
import type { MainViewFactory } from './mainView';
import { splitView } from './splitView';

/** The timeline tab: cards over the waterfall (shared by the panel and the offline viewer). */
export const timelineSplitView: MainViewFactory = splitView('timeline', 'Timeline', createTimelineView, createWaterfallView);

export const MAIN_VIEWS: readonly MainViewFactory[] = [timelineSplitView, createSpanTreeView, createGraphView];
