import type { Trace } from '../../model/trace';
import type { AgentView, ToolExecution } from '../../semantics/types';
import { executionEvidence } from './executionEvidence';
import { extractClaims } from './extractClaims';
import { matchClaim, type ExecutedTool } from './matchClaim';
import { assistantText, runScopes, type RunScope } from './runScope';
import { toolDescriptions } from './toolDescriptions';
import { errorPayload, failureOf } from './toolOutcome';
import { profileTool, SHELL_TOOL, type ToolProfile } from './toolProfile';
import { FINDING_SEVERITY, type Claim, type Finding, type FindingKind } from './types';
import { isPlanTool } from '../graph/planSteps';
import { actionOfAnyForm, singular, splitIdentifier } from './verbs';

/**
 * The claimed-vs-executed diff of a trace: what the model said it did against what its tools
 * did, per top-level agent run. Precision over recall: every rule stays silent when the trace
 * does not say enough (no tools at all, no final answer, an unreadable tool name).
 *
 * Pure and not memoised (about 1.5 s at 100k spans): callers that ask more than once share one
 * `TraceAnalyses` (traceAnalyses.ts), which computes it once per trace and agent view.
 */
export function analyzeClaims(trace: Trace, view: AgentView): Finding[] {
  const descriptions = toolDescriptions(trace, view);
  const out: Finding[] = [];
  // The same discrepancy repeated (a tool run ten times, a sentence repeated in every turn) is
  // one finding whose evidence lists every span, up to MAX_EVIDENCE.
  const seen = new Map<string, Finding>();
  const add = (kind: FindingKind, message: string, spans: readonly number[], claim?: string) => {
    const spanIds = [...new Set(spans)].map((i) => trace.spans[i].spanId);
    const key = `${kind}\u0000${claim ?? ''}\u0000${message}`;
    const prior = seen.get(key);
    if (prior) {
      for (const id of spanIds) if (prior.spanIds.length < MAX_EVIDENCE && !prior.spanIds.includes(id)) prior.spanIds.push(id);
      return;
    }
    const f: Finding =
      claim === undefined ? { kind, severity: FINDING_SEVERITY[kind], message, spanIds } : { kind, severity: FINDING_SEVERITY[kind], message, spanIds, claim };
    seen.set(key, f);
    out.push(f);
  };
  for (const scope of runScopes(view)) analyzeScope(trace, view, scope, descriptions, add);
  return out;
}

const MAX_EVIDENCE = 50;

type Add = (kind: FindingKind, message: string, spans: readonly number[], claim?: string) => void;

/** The executions of a run with their tool profiles and failures, in span order. */
export function executedTools(scope: RunScope, descriptions: ReadonlyMap<string, string>): ExecutedTool[] {
  // Profiles depend on the name and description only, except for shell tools (read from arguments).
  const profiles = new Map<string, ToolProfile>();
  const profileOf = (exec: ToolExecution) => {
    if (SHELL_TOOL.test(exec.name)) return profileTool(exec.name, descriptions.get(exec.name), exec);
    let p = profiles.get(exec.name);
    if (!p) profiles.set(exec.name, (p = profileTool(exec.name, descriptions.get(exec.name), exec)));
    return p;
  };
  return scope.executions.map((exec) => ({ exec, profile: profileOf(exec), failure: failureOf(exec) }));
}

function analyzeScope(trace: Trace, view: AgentView, runScope: RunScope, descriptions: ReadonlyMap<string, string>, add: Add): void {
  // Requests proven to have run without a span (result in a later input, answered by a
  // sub-agent) are executions for the claims and never requested-not-executed.
  const evidence = executionEvidence(trace, view, runScope);
  const scope: RunScope = {
    ...runScope,
    executions: [...runScope.executions, ...evidence.seenInInput].sort((a, b) => a.spanIndex - b.spanIndex),
    unexecuted: evidence.unexecuted,
  };
  const executed = executedTools(scope, descriptions);
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
    add('requested-not-executed', `the model requested ${request.name}${request.id ? ` (call ${request.id})` : ''} but no execution of it is in the trace`, [
      llmSpanIndex,
    ]);
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
    add('silent-tool-failure', `${t.exec.name} returned an error (${payload}) with status ${t.exec.status}, and the model carried on without mentioning it`, [
      t.exec.spanIndex,
      later[0].spanIndex,
    ]);
  }

  const final = scope.finalAnswer ?? lastText(scope);
  if (final !== undefined && final.trim() !== '') {
    const answer = answerWords(final);
    for (const t of executed) {
      // Plan/todo tools record the agent's own bookkeeping: nothing the user needs to hear about.
      if (!t.profile.sideEffecting || t.profile.answerTool || t.failure !== undefined || isPlanTool(t.exec.name)) continue;
      if (mentions(answer, t)) continue;
      add('unmentioned-action', `${t.exec.name} ran successfully but the final answer does not mention it`, [t.exec.spanIndex]);
    }
  }
}

const ACKNOWLEDGED =
  /\b(?:error|errors|fail|failed|failing|failure|unable|couldn't|could not|can't|cannot|wasn't able|was not able|unfortunately|problem|issue|unavailable|not available|no data|not found|didn't|did not|sorry|denied|declined|rejected|timed out|timeout|invalid)\b/i;

/** Every claim in the assistant text of a run's LLM calls, in span order (all polarities). */
export function scopeClaims(scope: RunScope): Claim[] {
  return scope.llmCalls.flatMap((c) => extractClaims(assistantText(c), c.spanIndex));
}

/** Tools the run could call: its definitions (when the trace has them) and the requested ones. */
export function knownTools(scope: RunScope, descriptions: ReadonlyMap<string, string>): ToolProfile[] {
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
interface AnswerWords {
  readonly lower: string;
  readonly words: ReadonlySet<string>;
  readonly actions: ReadonlySet<string>;
}

function answerWords(answer: string): AnswerWords {
  const lower = answer.toLowerCase();
  const raw = lower.match(/[a-z]+/g) ?? [];
  const actions = new Set<string>();
  for (const w of raw) {
    const a = actionOfAnyForm(w);
    if (a) actions.add(a);
  }
  return { lower, words: new Set(raw.map(singular)), actions };
}

function mentions(answer: AnswerWords, t: ExecutedTool): boolean {
  for (const a of t.profile.actions) if (answer.actions.has(a)) return true;
  if (splitIdentifier(t.exec.name).some((w) => w.length >= 4 && answer.words.has(singular(w)) && !actionOfAnyForm(w))) return true;
  return argumentStrings(t.exec.arguments).some((s) => s.length >= 4 && s.length <= 80 && answer.lower.includes(s.toLowerCase()));
}

function argumentStrings(args: unknown): string[] {
  if (typeof args === 'string') return [args];
  if (Array.isArray(args)) return args.flatMap(argumentStrings);
  if (args !== null && typeof args === 'object') return Object.keys(args).flatMap((k) => argumentStrings((args as Record<string, unknown>)[k]));
  return [];
}
