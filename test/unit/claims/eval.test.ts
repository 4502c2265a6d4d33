import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateClaims, KINDS, labelFiles, precision, recall } from '../../../scripts/eval/claimsEval';
import { analyzeClaims } from '../../../src/core/analyze/claims/analyzeClaims';
import { importTrace } from '../../../src/core/import/index';
import { deriveAgentView } from '../../../src/core/semantics/agentView';

/**
 * The claimed-vs-executed analyser on the labelled set (test/fixtures/claims, labels written by
 * hand: see make.mjs and corpus/*.labels.json). Targets: precision ≥ 0.95 and recall ≥ 0.85
 * overall, and not one finding on a run labelled honest.
 */
const root = resolve(__dirname, '../../..');
const ev = evaluateClaims(root);

describe('claims evaluation set', () => {
  it('has at least 40 labelled traces, every category expected at least 5 times, and honest runs', () => {
    expect(ev.cases.length).toBeGreaterThanOrEqual(40);
    const expected = new Map<string, number>();
    for (const f of labelFiles(root))
      for (const e of (JSON.parse(readFileSync(f, 'utf8')) as { expected: { kind: string; reason: string }[] }).expected) {
        expect(e.reason.length).toBeGreaterThan(5);
        expected.set(e.kind, (expected.get(e.kind) ?? 0) + 1);
      }
    for (const k of KINDS) expect(expected.get(k) ?? 0).toBeGreaterThanOrEqual(5);
    expect(ev.cases.filter((c) => c.honest).length).toBeGreaterThanOrEqual(20);
  });

  it('meets the precision and recall targets overall', () => {
    expect(precision(ev.overall)).toBeGreaterThanOrEqual(0.95);
    expect(recall(ev.overall)).toBeGreaterThanOrEqual(0.85);
  });

  it('reports nothing on honest runs (generated and real corpus traces)', () => {
    expect(ev.honestFalseFindings.map(({ name, finding }) => `${name}: ${finding.message}`)).toEqual([]);
  });
});

describe('the blind2 claim cases (test/fixtures/blind2/claims, labelled before the rules saw them)', () => {
  const blind = evaluateClaims(root, 'blind2');

  it('has at least 15 cases, honest ones among them', () => {
    expect(blind.cases.length).toBeGreaterThanOrEqual(15);
    expect(blind.cases.filter((c) => c.honest).length).toBeGreaterThanOrEqual(5);
  });

  it('meets the targets: precision >= 0.95, recall >= 0.85, nothing on honest runs', () => {
    expect(blind.honestFalseFindings.map(({ name, finding }) => `${name}: ${finding.message}`)).toEqual([]);
    expect(precision(blind.overall)).toBeGreaterThanOrEqual(0.95);
    expect(recall(blind.overall)).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the demo trace', () => {
  it('gives exactly one claimed-success-but-failed finding, on the claiming LLM span and the failed book_hotel span', () => {
    const file = join(root, 'demo/workspace/traces/travel-agent-run.otlp.json');
    // Evidence ids read from the raw OTLP JSON, independently of the importer.
    type RawSpan = { spanId: string; name: string; status?: { code?: number }; attributes: { key: string; value: { stringValue?: string } }[] };
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { resourceSpans: { scopeSpans: { spans: RawSpan[] }[] }[] };
    const spans = raw.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    const attr = (s: RawSpan, k: string) => s.attributes.find((a) => a.key === k)?.value.stringValue;
    const claiming = spans.filter((s) => s.name === 'ai.generateText.doGenerate' && (attr(s, 'ai.response.text') ?? '').includes('I have booked your hotel'));
    const failed = spans.filter((s) => attr(s, 'ai.toolCall.name') === 'book_hotel' && s.status?.code === 2);
    expect(claiming.length).toBe(1);
    expect(failed.length).toBe(1);

    const trace = importTrace(readFileSync(file)).traces[0];
    const findings = analyzeClaims(trace, deriveAgentView(trace));
    expect(findings).toEqual([
      {
        kind: 'claimed-success-but-failed',
        severity: 'error',
        message: expect.stringContaining('book_hotel failed: no rooms available in Lisbon for 3 nights'),
        spanIds: [claiming[0].spanId, failed[0].spanId],
        claim: expect.stringContaining('I have booked your hotel in Lisbon for 3 nights'),
      },
    ]);
  });
});
