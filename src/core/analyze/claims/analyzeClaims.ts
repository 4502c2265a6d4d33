import type { Trace } from '../../model/trace';
import type { AgentView } from '../../semantics/types';
import { extractClaims } from './extractClaims';
import { matchClaim, type ExecutedTool } from './matchClaim';
import { assistantText, runScopes, type RunScope } from './runScope';
import { toolDescriptions } from './toolDescriptions';
import { errorPayload, failureOf } from './toolOutcome';
import { profileTool, type ToolProfile } from './toolProfile';
import { FINDING_SEVERITY, type Claim, type Finding, type FindingKind } from './types';
import { actionOfAnyForm, singular, splitIdentifier } from './verbs';

/**
 * The claimed-vs-executed diff of a trace: what the model said it did against what its tools
 * did, per top-level agent run. Precision over recall: every rule stays silent when the trace
 * does not say enough (no tools at all, no final answer, an unreadable tool name).
 */
export function analyzeClaims(trace: Trace, view: AgentView): Finding[] {
  const descriptions = toolDescriptions(trace, view);
  const out: Finding[] = [];
  const seen = new Set<string>();
  const add = (kind: FindingKind, message: string, spans: readonly number[], claim?: string) => {
    const spanIds = [...new Set(spans)].map((i) => trace.spans[i].spanId);
    const key = `${kind}\u0000${claim ?? ''}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(claim === undefined ? { kind, severity: FINDING_SEVERITY[kind], message, spanIds } : { kind, severity: FINDING_SEVERITY[kind], message, spanIds, claim });
  };
  for (const scope of runScopes(view)) analyzeScope(trace, scope, descriptions, add);
  return out;
}

type Add = (kind: FindingKind, message: string, spans: readonly number[], claim?: string) => void;

function analyzeScope(trace: Trace, scope: RunScope, descriptions: ReadonlyMap<string, string>, add: Add): void {
  const executed: ExecutedTool[] = scope.executions.map((exec) => ({ exec, profile: profileTool(exec.name, descriptions.get(exec.name), exec), failure: failureOf(exec) }));
  const known = knownTools(scope, descriptions);

  for (const claim of scopeClaims(scope)) {
    if (claim.polarity !== 'done') continue;
    const verdict = matchClaim(claim, executed, known);
    if (verdict) add(verdict.kind, verdict.message, [claim.spanIndex, ...verdict.toolSpans], claim.sentence);
  }

  for (const { request, llmSpanIndex } of scope.unexecuted) {
    if (profileTool(request.name, undefined).answerTool) continue;
    // The view links requests to executions by call id; a same-name execution without an id is
    // most likely this request, so stay silent.
    if (executed.some((t) => t.exec.name === request.name && (t.exec.callId === undefined || request.id === undefined))) continue;
    add('requested-not-executed', `the model requested ${request.name}${request.id ? ` (call ${request.id})` : ''} but no execution of it is in the trace`, [llmSpanIndex]);
  }

  for (const t of executed) {
    if (t.exec.status === 'error') continue;
    const payload = errorPayload(t.exec.result);
    if (payload === undefined) continue;
    const start = trace.spans[t.exec.spanIndex].startNs;
    const later = scope.llmCalls.filter((c) => c.spanIndex !== t.exec.requestedBy && trace.spans[c.spanIndex].startNs > start);
    if (later.length === 0) continue;
    const retried = executed.some((u) => u.exec.name === t.exec.name && u.failure === undefined && trace.spans[u.exec.spanIndex].startNs > start);
    const text = later.map(assistantText).join('\n');
    if (retried || text.trim() === '' || ACKNOWLEDGED.test(text)) continue;
    add('silent-tool-failure', `${t.exec.name} returned an error (${payload}) with status ${t.exec.status}, and the model carried on without mentioning it`, [t.exec.spanIndex, later[0].spanIndex]);
  }

  const final = scope.finalAnswer ?? lastText(scope);
  if (final !== undefined && final.trim() !== '') {
    for (const t of executed) {
      if (!t.profile.sideEffecting || t.profile.answerTool || t.failure !== undefined) continue;
      if (mentions(final, t)) continue;
      add('unmentioned-action', `${t.exec.name} ran successfully but the final answer does not mention it`, [t.exec.spanIndex]);
    }
  }
}

const ACKNOWLEDGED = /\b(?:error|errors|fail|failed|failing|failure|unable|couldn't|could not|can't|cannot|wasn't able|was not able|unfortunately|problem|issue|unavailable|not available|no data|not found|didn't|did not|sorry|denied|declined|rejected|timed out|timeout|invalid)\b/i;

function scopeClaims(scope: RunScope): Claim[] {
  return scope.llmCalls.flatMap((c) => extractClaims(assistantText(c), c.spanIndex));
}

/** Tools the run could call: its definitions (when the trace has them) and the requested ones. */
function knownTools(scope: RunScope, descriptions: ReadonlyMap<string, string>): ToolProfile[] {
  const names = new Set<string>(descriptions.keys());
  for (const c of scope.llmCalls) for (const m of c.output) for (const r of m.toolCalls) names.add(r.name);
  return [...names].map((n) => profileTool(n, descriptions.get(n)));
}

function lastText(scope: RunScope): string | undefined {
  for (let i = scope.llmCalls.length - 1; i >= 0; i--) {
    const t = assistantText(scope.llmCalls[i]);
    if (t.trim() !== '') return t;
  }
  return undefined;
}

/**
 * Whether an answer mentions what a tool did: any form of one of its actions ("booking",
 * "refunded"), a word of its name ("hotel"), or one of its argument values (an address, an id).
 */
function mentions(answer: string, t: ExecutedTool): boolean {
  const lower = answer.toLowerCase();
  const words = new Set((lower.match(/[a-z]+/g) ?? []).map(singular));
  for (const w of lower.match(/[a-z]+/g) ?? []) {
    const a = actionOfAnyForm(w);
    if (a && t.profile.actions.has(a)) return true;
  }
  if (splitIdentifier(t.exec.name).some((w) => w.length >= 4 && words.has(singular(w)) && !actionOfAnyForm(w))) return true;
  return argumentStrings(t.exec.arguments).some((s) => s.length >= 4 && s.length <= 80 && lower.includes(s.toLowerCase()));
}

function argumentStrings(args: unknown): string[] {
  if (typeof args === 'string') return [args];
  if (Array.isArray(args)) return args.flatMap(argumentStrings);
  if (args !== null && typeof args === 'object') return Object.keys(args).flatMap((k) => argumentStrings((args as Record<string, unknown>)[k]));
  return [];
}
