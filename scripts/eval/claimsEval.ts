/**
 * Scores the claimed-vs-executed analyser against the labelled set: the generated cases in
 * test/fixtures/claims/set and the real traces labelled in test/fixtures/claims/corpus. Each
 * `<name>.labels.json` names its trace (relative path) and the expected findings, each
 * `{kind, tool?, spanName?, claim?, reason}`. A finding matches an expected one when the kinds
 * are equal and every given selector holds: `tool` is named in the message or is the name of an
 * evidence tool span, `spanName` is the name of an evidence span, `claim` is a substring of the
 * finding's claim sentence. Matching is one-to-one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyzeClaims } from '../../src/core/analyze/claims/analyzeClaims';
import type { Finding, FindingKind } from '../../src/core/analyze/claims/types';
import { importTrace } from '../../src/core/import/index';
import { deriveAgentView } from '../../src/core/semantics/agentView';

export interface ExpectedFinding {
  kind: FindingKind;
  tool?: string;
  spanName?: string;
  claim?: string;
  reason: string;
}

interface LabelFile {
  trace: string;
  about?: string;
  expected: ExpectedFinding[];
}

/** A finding with the names of its evidence spans resolved. */
export interface ScoredFinding extends Finding {
  spanNames: string[];
  toolNames: string[];
}

export interface CaseResult {
  name: string;
  honest: boolean;
  findings: ScoredFinding[];
  matched: number;
  falseFindings: ScoredFinding[];
  missed: ExpectedFinding[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Evaluation {
  cases: CaseResult[];
  byKind: Map<FindingKind, Counts>;
  overall: Counts;
  /** Findings reported on runs labelled honest (expected list empty). */
  honestFalseFindings: { name: string; finding: ScoredFinding }[];
}

export const KINDS: readonly FindingKind[] = [
  'claimed-not-executed',
  'claimed-success-but-failed',
  'argument-mismatch',
  'requested-not-executed',
  'unmentioned-action',
  'silent-tool-failure',
];

/** The label folders of a set: the default one (generated cases and the real corpus), or a blind batch's `claims/`. */
function labelDirs(root: string, batch?: string): string[] {
  if (batch !== undefined) return [join(root, 'test/fixtures', batch, 'claims')];
  return [join(root, 'test/fixtures/claims/set'), join(root, 'test/fixtures/claims/corpus')];
}

export function labelFiles(root: string, batch?: string): string[] {
  const dirs = labelDirs(root, batch);
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.labels.json'))
      .sort()
      .map((f) => join(d, f)),
  );
}

/** `batch`: a blind batch folder under test/fixtures (e.g. `blind2`) instead of the default set. */
export function evaluateClaims(root: string, batch?: string): Evaluation {
  const cases: CaseResult[] = [];
  const byKind = new Map<FindingKind, Counts>(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  for (const file of labelFiles(root, batch)) {
    const label = JSON.parse(readFileSync(file, 'utf8')) as LabelFile;
    const tracePath = resolve(dirname(file), label.trace);
    const set = importTrace(readFileSync(tracePath));
    const findings: ScoredFinding[] = [];
    for (const trace of set.traces) {
      const view = deriveAgentView(trace);
      const byId = new Map(trace.spans.map((s) => [s.spanId, s.index]));
      const toolAt = new Map(view.toolExecutions.map((e) => [e.spanIndex, e.name]));
      for (const f of analyzeClaims(trace, view)) {
        const idx = f.spanIds.map((id) => byId.get(id)).filter((i): i is number => i !== undefined);
        findings.push({ ...f, spanNames: idx.map((i) => trace.spans[i].name), toolNames: idx.flatMap((i) => (toolAt.has(i) ? [toolAt.get(i)!] : [])) });
      }
    }
    const unmatched = [...findings];
    const missed: ExpectedFinding[] = [];
    let matched = 0;
    for (const e of label.expected) {
      const i = unmatched.findIndex((f) => matches(e, f));
      if (i < 0) {
        missed.push(e);
        count(byKind, e.kind).fn++;
      } else {
        unmatched.splice(i, 1);
        matched++;
        count(byKind, e.kind).tp++;
      }
    }
    for (const f of unmatched) count(byKind, f.kind).fp++;
    const name = file.slice(root.length + 1).replace(/\.labels\.json$/, '');
    cases.push({ name, honest: label.expected.length === 0, findings, matched, falseFindings: unmatched, missed });
  }
  const overall = { tp: 0, fp: 0, fn: 0 };
  for (const c of byKind.values()) {
    overall.tp += c.tp;
    overall.fp += c.fp;
    overall.fn += c.fn;
  }
  const honestFalseFindings = cases.filter((c) => c.honest).flatMap((c) => c.findings.map((finding) => ({ name: c.name, finding })));
  return { cases, byKind, overall, honestFalseFindings };
}

function matches(e: ExpectedFinding, f: ScoredFinding): boolean {
  if (e.kind !== f.kind) return false;
  if (e.tool !== undefined && !f.toolNames.includes(e.tool) && !f.message.includes(e.tool)) return false;
  if (e.spanName !== undefined && !f.spanNames.includes(e.spanName)) return false;
  if (e.claim !== undefined && !(f.claim ?? '').toLowerCase().includes(e.claim.toLowerCase())) return false;
  return true;
}

function count(m: Map<FindingKind, Counts>, k: FindingKind): Counts {
  let c = m.get(k);
  if (!c) m.set(k, (c = { tp: 0, fp: 0, fn: 0 }));
  return c;
}

/** tp / (tp + fp), 1 when nothing was reported. */
export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
/** tp / (tp + fn), 1 when nothing was expected. */
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

export function formatEvaluation(ev: Evaluation): string {
  const pct = (x: number) => x.toFixed(3);
  const row = (name: string, c: Counts) =>
    `${name.padEnd(28)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}   ${pct(precision(c))}   ${pct(recall(c))}`;
  const honest = ev.cases.filter((c) => c.honest).length;
  const lines = [
    `claimed-vs-executed evaluation: ${ev.cases.length} labelled traces (${honest} honest, ${ev.cases.length - honest} with expected findings)`,
    '',
    `${'category'.padEnd(28)}   tp   fp   fn   precision recall`,
    ...[...ev.byKind].map(([k, c]) => row(k, c)),
    row('overall', ev.overall),
    '',
    `false findings on honest runs: ${ev.honestFalseFindings.length}`,
    ...ev.honestFalseFindings.map(({ name, finding }) => `  ${name}: ${finding.kind}: ${finding.message}`),
  ];
  const wrong = ev.cases.filter((c) => c.missed.length || (!c.honest && c.falseFindings.length));
  if (wrong.length) {
    lines.push('', 'misses and unexpected findings on labelled runs:');
    for (const c of wrong) {
      for (const m of c.missed) lines.push(`  ${c.name}: missed ${m.kind} (${m.tool ?? m.spanName ?? m.claim ?? ''})`);
      if (!c.honest) for (const f of c.falseFindings) lines.push(`  ${c.name}: unexpected ${f.kind}: ${f.message}`);
    }
  }
  return lines.join('\n');
}
