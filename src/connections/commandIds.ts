/** The commands of the Connections view (package.json contributes the same ids). */
export const COMMANDS = {
  add: 'agentTrace.addConnection',
  edit: 'agentTrace.editConnection',
  remove: 'agentTrace.removeConnection',
  test: 'agentTrace.testConnection',
  filter: 'agentTrace.filterTraces',
  refresh: 'agentTrace.refreshConnection',
  /** Internal: the "Load more…" row. */
  loadMore: 'agentTrace.loadMoreTraces',
  /** Internal: a click on a listed trace. */
  open: 'agentTrace.openRemoteTrace',
  openByIdOrUrl: 'agentTrace.openTraceByIdOrUrl',
  saveAs: 'agentTrace.saveTraceAs',
  openInBackend: 'agentTrace.openInBackend',
} as const;
