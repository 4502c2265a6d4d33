import type { Trace } from '../../model/trace';
import type { AgentRun, AgentView, ToolExecution } from '../../semantics/types';
import { canonicalJson } from './canonicalJson';
import { allRuns } from './allRuns';
import type { LoopFinding } from './types';
import { wastedBy } from './wasted';

/** Calls of one tool with the same arguments, this many times in one run, make a loop. */
export const REPEAT_THRESHOLD = 3;
/** Calls in an A,B,A,B… alternation needed for an oscillation (A,B,A,B = 4). */
export const OSCILLATION_MIN_CALLS = 4;
/** Consecutive failures of one tool with the same error before a further attempt is a retry loop. */
export const RETRY_MIN_FAILURES = 2;

/**
 * Execution loops in each agent run (sub-agents separately), with the spans that prove them and
 * the tokens/cost of the LLM calls that asked for the repeats beyond the first:
 * - repeated-call: one tool with the same canonical JSON arguments ≥ REPEAT_THRESHOLD times, in
 *   at least REPEAT_THRESHOLD model steps (parallel calls of one LLM response are fan-out).
 *   Executions without recorded, or with empty or redacted, arguments are never compared.
 * - oscillation: ≥ OSCILLATION_MIN_CALLS consecutive executions alternating between two tools,
 *   each tool repeating its own arguments throughout.
 * - retry-same-error: ≥ RETRY_MIN_FAILURES consecutive executions of one tool (among that tool's
 *   executions) failing with the same non-empty error message, followed by another attempt of
 *   that tool (whatever its outcome; a third same-error failure counts as that attempt).
 * A repeated-call whose spans all belong to another finding is left out (the other says more).
 *
 * Repeated-call and oscillation count model requests, not executions: an execution carrying the
 * same tool call id as an earlier one in the run is the same request recorded again (duplicated
 * export, replayed span), not the model asking again, so it is skipped there. Retries keep every
 * execution: re-running one request after an error is exactly what they look for.
 */
export function findLoops(trace: Trace, view: AgentView): LoopFinding[] {
  const out: LoopFinding[] = [];
  for (const run of allRuns(view.runs)) {
    const seq = runToolSequence(run);
    const requests = distinctRequests(seq);
    const specific = [...oscillations(trace, view, requests), ...retries(trace, view, seq)];
    const covered = new Set(specific.flatMap((f) => f.spanIds));
    for (const f of repeatedCalls(trace, view, requests)) if (!f.spanIds.every((id) => covered.has(id))) out.push(f);
    out.push(...specific);
  }
  return out;
}

/** The run's own tool executions (not its sub-agents'), in start (span) order. */
function runToolSequence(run: AgentRun): ToolExecution[] {
  const seq = run.iterations.flatMap((it) => it.toolExecutions).concat(run.looseToolExecutions);
  return seq.sort((a, b) => a.spanIndex - b.spanIndex);
}

/** `seq` without executions whose tool call id already occurred earlier in it. */
function distinctRequests(seq: readonly ToolExecution[]): ToolExecution[] {
  const seen = new Set<string>();
  return seq.filter((t) => {
    if (t.callId === undefined) return true;
    if (seen.has(t.callId)) return false;
    seen.add(t.callId);
    return true;
  });
}

/**
 * The canonical arguments of an execution, or undefined when they say nothing: not recorded,
 * empty (`{}`, `[]`, `""`) or redacted. Such calls are never "the same arguments": capture may
 * just be off or masked.
 */
const argKey = (t: ToolExecution): string | undefined => (t.arguments === undefined || isBlank(t.arguments) ? undefined : canonicalJson(t.arguments));

const REDACTED = /^\s*[[<(*]*\s*(?:redacted|masked|hidden|omitted|removed|filtered|\*+)\s*[\]>)*]*\s*$/i;

function isBlank(args: unknown): boolean {
  if (typeof args === 'string') {
    const t = args.trim();
    if (t === '' || t === '{}' || t === '[]' || t === 'null' || REDACTED.test(t)) return true;
    if (t.startsWith('{') || t.startsWith('[')) {
      try {
        return isBlank(JSON.parse(t) as unknown);
      } catch {
        return false;
      }
    }
    return false;
  }
  if (args === null) return true;
  if (Array.isArray(args)) return args.length === 0;
  if (typeof args === 'object') {
    const values = Object.values(args as Record<string, unknown>);
    return values.length === 0 || values.every((v) => typeof v === 'string' && REDACTED.test(v));
  }
  return false;
}

/**
 * How many model steps a list of executions took: calls requested in one LLM response are one
 * step's fan-out (three parallel searches), not the model asking three times.
 */
function stepCount(list: readonly ToolExecution[]): number {
  return new Set(list.map((t) => (t.requestedBy === undefined ? `own ${t.spanIndex}` : `llm ${t.requestedBy}`))).size;
}

function finding(
  trace: Trace,
  view: AgentView,
  pattern: LoopFinding['pattern'],
  message: string,
  execs: readonly ToolExecution[],
  needed: readonly ToolExecution[],
  repeats: readonly ToolExecution[],
): LoopFinding {
  const w = wastedBy(view, needed, repeats);
  return {
    kind: 'loop',
    severity: 'warning',
    pattern,
    message,
    spanIds: execs.map((e) => trace.spans[e.spanIndex].spanId),
    wastedTokens: w.tokens,
    wastedCostUsd: w.costUsd,
  };
}

function repeatedCalls(trace: Trace, view: AgentView, seq: readonly ToolExecution[]): LoopFinding[] {
  const byKey = new Map<string, ToolExecution[]>();
  for (const t of seq) {
    const a = argKey(t);
    if (a === undefined) continue;
    const key = t.name + '\u0000' + a;
    const list = byKey.get(key);
    if (list) list.push(t);
    else byKey.set(key, [t]);
  }
  const out: LoopFinding[] = [];
  for (const list of byKey.values()) {
    if (list.length < REPEAT_THRESHOLD || stepCount(list) < REPEAT_THRESHOLD) continue;
    const msg = `${list[0].name} was called ${list.length} times with the same arguments ${clip(argKey(list[0])!)}`;
    out.push(finding(trace, view, 'repeated-call', msg, list, [list[0]], list.slice(1)));
  }
  return out;
}

function oscillations(trace: Trace, view: AgentView, seq: readonly ToolExecution[]): LoopFinding[] {
  const out: LoopFinding[] = [];
  let start = 0;
  while (start + 1 < seq.length) {
    const a = seq[start];
    const b = seq[start + 1];
    const ka = argKey(a);
    const kb = argKey(b);
    if (a.name === b.name || ka === undefined || kb === undefined) {
      start++;
      continue;
    }
    let end = start + 2; // exclusive
    while (end < seq.length) {
      const want = (end - start) % 2 === 0 ? a : b;
      const key = (end - start) % 2 === 0 ? ka : kb;
      if (seq[end].name !== want.name || argKey(seq[end]) !== key) break;
      end++;
    }
    if (end - start >= OSCILLATION_MIN_CALLS) {
      const execs = seq.slice(start, end);
      const msg = `${a.name} and ${b.name} alternated ${execs.length} times with the same arguments`;
      // The first A and first B were needed; everything after them repeats.
      out.push(finding(trace, view, 'oscillation', msg, execs, [a, b], execs.slice(2)));
      start = end - 1;
    } else start++;
  }
  return out;
}

function retries(trace: Trace, view: AgentView, seq: readonly ToolExecution[]): LoopFinding[] {
  const byTool = new Map<string, ToolExecution[]>();
  for (const t of seq) {
    const list = byTool.get(t.name);
    if (list) list.push(t);
    else byTool.set(t.name, [t]);
  }
  const out: LoopFinding[] = [];
  for (const list of byTool.values()) {
    let i = 0;
    while (i < list.length) {
      const err = failure(list[i]);
      if (err === undefined) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < list.length && failure(list[j]) === err) j++;
      const failures = j - i;
      // A third same-error failure is itself the further attempt.
      const execs = list.slice(i, Math.min(j + 1, list.length));
      if (failures >= RETRY_MIN_FAILURES && execs.length > RETRY_MIN_FAILURES) {
        const msg = `${list[i].name} failed ${failures} times in a row with "${clip(err)}" and was still retried (${execs.length} attempts)`;
        out.push(finding(trace, view, 'retry-same-error', msg, execs, [execs[0]], execs.slice(1)));
      }
      i = j;
    }
  }
  return out;
}

/** The error message of a failed execution, or undefined when it did not fail or gave no message. */
function failure(t: ToolExecution): string | undefined {
  if (t.status !== 'error') return undefined;
  const e = t.error?.trim();
  return e ? e : undefined;
}

function clip(s: string): string {
  return s.length > 80 ? s.slice(0, 80) + '…' : s;
}
