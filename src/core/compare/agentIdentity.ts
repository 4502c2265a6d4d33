import type { Trace } from '../model/trace';
import type { AgentView } from '../semantics/types';

/**
 * Which agent a run is, for "follow latest run": a new trace is the same agent's next run when
 * its `service.name` (of the first root's resource; '' when absent) is the same and either its
 * first root span's name or its first agent run's name is the same (a non-empty agent name).
 * Ids, times and content never enter: a re-run has new ones.
 */
export interface AgentIdentity {
  readonly service: string;
  readonly rootName: string;
  readonly agentName: string;
}

export function agentIdentity(trace: Trace, view: AgentView): AgentIdentity {
  const root = trace.rootIndices.length > 0 ? trace.spans[trace.rootIndices[0]] : undefined;
  const service = root?.resource.attributes.get('service.name');
  return { service: typeof service === 'string' ? service : '', rootName: root?.name ?? '', agentName: view.runs[0]?.name ?? '' };
}

export function sameAgent(a: AgentIdentity, b: AgentIdentity): boolean {
  if (a.service !== b.service) return false;
  return (a.rootName !== '' && a.rootName === b.rootName) || (a.agentName !== '' && a.agentName === b.agentName);
}
