import type { HostServices } from '../session/services';

export const CLEAR_RECENT_COMMAND = 'agentTrace.clearRecent';

/** "Agent Trace: Clear Recent Traces". */
export async function clearRecentTraces(services: HostServices): Promise<void> {
  await services.recent.clear();
}
