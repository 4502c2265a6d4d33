import type { Trace } from '../model/trace';
import type { CriticalPathView, SpanFilter, SpanSearchResult } from '../protocol';
import type { AgentView } from '../semantics/types';

/** Critical path and self time of every span, for the waterfall. */
export function buildCriticalPathView(_trace: Trace): CriticalPathView {
  throw new Error('the critical path view is not built yet');
}

/** The spans matching `filter` (see `SpanFilter`). */
export function searchSpans(_trace: Trace, _view: AgentView, _filter: SpanFilter): SpanSearchResult {
  throw new Error('span search is not built yet');
}
