/**
 * Scores the real traces of a blind batch (test/fixtures/<batch>/labels.json) against labels
 * worked out by hand from the raw files: span, root, LLM-call, tool-execution and tool-request
 * counts, token totals, whether the cost is known (and its total), the final answer, and the
 * findings (claims, loops). A trace is fully right when every one of these holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceAnalyses } from '../../src/core/analyze/traceAnalyses';
import { importTrace } from '../../src/core/import/index';
import { deriveAgentView } from '../../src/core/semantics/agentView';
import type { ExpectedFinding } from './claimsEval';

interface TraceLabel {
  file: string;
  spans: number;
  roots: number;
  llmCalls: number;
  toolExecutions: number;
  toolRequests: number;
  inputTokens: number;
  outputTokens: number;
  costKnown: boolean;
  costUsd?: number;
  finalAnswer: string | null;
  requestedTools: string[];
  expected: ExpectedFinding[];
}

export interface TraceScore {
  file: string;
  /** Each failed check as "what: got X, expected Y". */
  wrong: string[];
}

export function evaluateBlindTraces(root: string, batch: string): TraceScore[] {
  const dir = join(root, 'test/fixtures', batch);
  const labels = (JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { traces: TraceLabel[] }).traces;
  return labels.map((l) => ({ file: l.file, wrong: check(l, readFileSync(join(dir, l.file))) }));
}

function check(l: TraceLabel, bytes: Uint8Array): string[] {
  const set = importTrace(bytes);
  const got = { spans: 0, roots: 0, llmCalls: 0, toolExecutions: 0, toolRequests: 0, inputTokens: 0, outputTokens: 0 };
  let cost: number | null = 0;
  const answers: string[] = [];
  const requested: string[] = [];
  const findings: { kind: string; message: string; claim?: string }[] = [];
  for (const trace of set.traces) {
    const view = deriveAgentView(trace);
    got.spans += trace.spans.length;
    got.roots += trace.rootIndices.length;
    got.llmCalls += view.llmCalls.length;
    got.toolExecutions += view.toolExecutions.length;
    for (const c of view.llmCalls) for (const m of c.output) for (const r of m.toolCalls) requested.push(r.name);
    got.inputTokens += view.tokens.input;
    got.outputTokens += view.tokens.output;
    cost = cost === null || view.costUsd === null ? null : cost + view.costUsd;
    if (view.finalAnswer !== undefined && view.finalAnswer.trim() !== '') answers.push(view.finalAnswer.trim());
    findings.push(...new TraceAnalyses(trace, view).findings());
  }
  got.toolRequests = requested.length;
  const wrong: string[] = [];
  for (const k of Object.keys(got) as (keyof typeof got)[]) if (got[k] !== l[k]) wrong.push(`${k}: got ${got[k]}, expected ${l[k]}`);
  if ((cost !== null) !== l.costKnown) wrong.push(`cost known: got ${cost !== null}, expected ${l.costKnown}`);
  else if (cost !== null && l.costUsd !== undefined && Math.abs(cost - l.costUsd) > 1e-9) wrong.push(`cost: got ${cost}, expected ${l.costUsd}`);
  const answer = answers.length ? answers[answers.length - 1] : null;
  if (answer !== l.finalAnswer) wrong.push(`final answer: got ${JSON.stringify(answer)}, expected ${JSON.stringify(l.finalAnswer)}`);
  if (requested.join(',') !== l.requestedTools.join(',')) wrong.push(`requested tools: got ${requested.join(',')}, expected ${l.requestedTools.join(',')}`);
  const unmatched = [...findings];
  for (const e of l.expected) {
    const i = unmatched.findIndex(
      (f) =>
        f.kind === e.kind &&
        (e.tool === undefined || f.message.includes(e.tool)) &&
        (e.claim === undefined || (f.claim ?? '').toLowerCase().includes(e.claim.toLowerCase())),
    );
    if (i < 0) wrong.push(`missed ${e.kind} (${e.tool ?? e.claim ?? ''})`);
    else unmatched.splice(i, 1);
  }
  for (const f of unmatched) wrong.push(`unexpected ${f.kind}: ${f.message}`);
  return wrong;
}

export function formatTraceScores(scores: readonly TraceScore[]): string {
  const right = scores.filter((s) => s.wrong.length === 0).length;
  const lines = [`real traces fully right (tree, counts, tokens, cost, answer, requests, findings): ${right} of ${scores.length}`];
  for (const s of scores) for (const w of s.wrong) lines.push(`  ${s.file}: ${w}`);
  return lines.join('\n');
}
