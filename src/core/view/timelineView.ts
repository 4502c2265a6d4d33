import type { Trace } from '../model/trace';
import type { CardView, TimelineIndex } from '../protocol';
import type { AgentView } from '../semantics/types';

/**
 * The chain-of-thought timeline of a trace for the webview: `index` gives the column arrays of
 * `TimelineIndex`, `cards(start, count)` the text of a window of cards. Built once per trace
 * and agent view (the host keeps it with the loaded trace).
 */
export interface TimelineModel {
  readonly index: TimelineIndex;
  cards(start: number, count: number): CardView[];
}

export function buildTimelineModel(_trace: Trace, _view: AgentView): TimelineModel {
  throw new Error('the timeline is not built yet');
}
