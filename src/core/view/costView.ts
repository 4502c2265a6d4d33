import type { Trace } from '../model/trace';
import type { CostView } from '../protocol';
import type { AgentView, PriceOverrides } from '../semantics/types';

/** The token cost panel of a trace (see `CostView`). `prices`: the user's overrides, as the agent view was priced with. */
export function buildCostView(_trace: Trace, _view: AgentView, _prices?: PriceOverrides): CostView {
  throw new Error('the cost view is not built yet');
}
