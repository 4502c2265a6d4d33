/**
 * A synthetic agent trace served straight in protocol shapes, for the dev harness: an agent
 * root, then `iterations` × (LLM call + tool calls), padded with filler spans up to `spanCount`.
 * Names, messages and attributes carry hostile text (markup, script, bidi overrides, control
 * characters, `__proto__`), a long clipped value and an error span, so one page shows every
 * rendering path. Not a test fixture of the importers: it bypasses them on purpose.
 */
import { DETAIL_VALUE_LIMIT, type DetailAttribute, type Request, type RowText, type SpanDetail, type TraceStructure, type TraceSummary } from '../../src/core/protocol';

export const HOSTILE = {
  script: '<script>window.__xss = 1</script>',
  img: '<img src=x onerror="window.__xss = 2">',
  bidi: 'invoice\u202Efdp.exe',
  ctrl: 'bell\u0007 and nul\u0000 and esc\u001b[31m',
};

interface Node {
  name: string;
  category: number; // CATEGORY_CODES index
  parent: number;
  start: number;
  dur: number;
  error?: boolean;
  label?: string;
  tokens?: number;
}

export function buildCannedTrace(spanCount: number) {
  const nodes: Node[] = [];
  const add = (n: Node) => nodes.push(n) - 1;
  const iterations = Math.max(1, Math.min(40, Math.floor(spanCount / 6)));
  const total = 60_000;
  const root = add({ name: `research agent ${HOSTILE.script}`, category: 1, parent: -1, start: 0, dur: total });
  const step = total / (iterations + 1);
  for (let k = 0; k < iterations; k++) {
    const t0 = 200 + k * step;
    add({ name: k === 1 ? `chat gpt-4o ${HOSTILE.bidi}` : 'chat gpt-4o', category: 2, parent: root, start: t0, dur: step * 0.45, label: 'gpt-4o-2024-08-06', tokens: 1200 + k * 340 });
    const tool = add({ name: k === 2 ? `execute_tool ${HOSTILE.img}` : 'execute_tool web_search', category: 3, parent: root, start: t0 + step * 0.5, dur: step * 0.4, label: 'web_search', error: k === 3 });
    add({ name: 'HTTP GET api.search.example', category: 0, parent: tool, start: t0 + step * 0.52, dur: step * 0.3 });
    add({ name: `retrieve docs ${HOSTILE.ctrl}`, category: 4, parent: tool, start: t0 + step * 0.6, dur: step * 0.1 });
  }
  // Filler: a deep chain then a flat fan-out, to reach spanCount.
  let parent = root;
  for (let d = 0; nodes.length < spanCount && d < 60; d++) parent = add({ name: `nested step ${d}`, category: 6, parent, start: total * 0.9, dur: total * 0.05, label: undefined });
  while (nodes.length < spanCount) add({ name: `filler span ${nodes.length}`, category: 0, parent: root, start: (nodes.length * 7) % total, dur: 5 });

  // Pre-order with subtreeEnd: children lists, then DFS.
  const children: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => n.parent >= 0 && children[n.parent].push(i));
  const order: number[] = [];
  const stack = [root];
  while (stack.length) {
    const i = stack.pop()!;
    order.push(i);
    for (let c = children[i].length - 1; c >= 0; c--) stack.push(children[i][c]);
  }
  const pos = new Int32Array(nodes.length);
  order.forEach((orig, p) => (pos[orig] = p));
  const n = order.length;
  const s: TraceStructure = {
    startMs: new Float64Array(n),
    durationMs: new Float64Array(n),
    parentIndex: new Int32Array(n),
    depth: new Uint16Array(n),
    subtreeEnd: new Int32Array(n),
    category: new Uint8Array(n),
    status: new Uint8Array(n),
  };
  const ordered = order.map((i) => nodes[i]);
  ordered.forEach((node, p) => {
    s.startMs[p] = node.start;
    s.durationMs[p] = node.dur;
    s.parentIndex[p] = node.parent === -1 ? -1 : pos[node.parent];
    s.depth[p] = node.parent === -1 ? 0 : s.depth[s.parentIndex[p]] + 1;
    s.category[p] = node.category;
    s.status[p] = node.error ? 2 : 1;
  });
  for (let p = n - 1; p >= 0; p--) {
    let end = p + 1;
    for (let q = p + 1; q < n && s.depth[q] > s.depth[p]; q++) end = q + 1;
    s.subtreeEnd[p] = end;
  }
  const llmCalls = ordered.filter((x) => x.category === 2);
  const summary: TraceSummary = {
    fileName: `canned-${spanCount}.json ${HOSTILE.bidi}`,
    fileUri: `file:///harness/canned-${spanCount}.json`,
    formatLabel: 'Canned (dev harness)',
    traceIndex: 0,
    traceCount: 2,
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    rootName: ordered[0].name,
    spanCount: n,
    durationMs: total,
    status: ordered.some((x) => x.error) ? 'error' : 'ok',
    iterations,
    llmCalls: llmCalls.length,
    toolCalls: ordered.filter((x) => x.category === 3).length,
    tokens: { input: llmCalls.reduce((a, x) => a + (x.tokens ?? 0), 0), output: llmCalls.length * 210 },
    costUsd: 0.0734,
    diagnostics: [
      { code: 'orphan-span', message: `span 00f067aa0ba902b7 names missing parent ${HOSTILE.script}; attached as a root` },
      { code: 'clock-skew', message: 'child starts 3.2 ms before its parent; shifted' },
    ],
    quarantined: 1,
  };
  return { summary, structure: s, ordered };
}

const LONG_VALUE = JSON.stringify({ documents: Array.from({ length: 400 }, (_, i) => ({ id: i, text: `passage ${i} ${HOSTILE.script}` })) });

function attr(key: string, value: string, type: DetailAttribute['type'] = 'string'): DetailAttribute {
  return value.length > DETAIL_VALUE_LIMIT ? { key, value: value.slice(0, DETAIL_VALUE_LIMIT), type, fullLength: value.length } : { key, value, type };
}

export function cannedBackend(spanCount: number): (req: Request) => unknown {
  const { summary, structure, ordered } = buildCannedTrace(spanCount);
  const detail = (i: number): SpanDetail => {
    const node = ordered[i];
    const llm = node.category === 2;
    const base: SpanDetail = {
      index: i,
      spanId: (0x1000 + i).toString(16).padStart(16, '0'),
      ...(structure.parentIndex[i] >= 0 ? { parentSpanId: (0x1000 + structure.parentIndex[i]).toString(16).padStart(16, '0') } : {}),
      name: node.name,
      kind: llm ? 'client' : 'internal',
      category: (['other', 'agent', 'llm', 'tool', 'retriever', 'embedding', 'chain'] as const)[node.category],
      convention: llm ? 'genai' : 'none',
      status: node.error ? { code: 'error', message: `ToolError: rate limited ${HOSTILE.img}` } : { code: 'ok' },
      startMs: node.start,
      durationMs: node.dur,
      attributes: [
        attr('gen_ai.operation.name', llm ? 'chat' : 'execute_tool'),
        attr('gen_ai.request.model', 'gpt-4o'),
        attr('gen_ai.usage.input_tokens', String(node.tokens ?? 0), 'number'),
        attr('__proto__', 'hostile key'),
        attr('note', `${HOSTILE.script} ${HOSTILE.bidi} ${HOSTILE.ctrl}`),
        attr('retrieval.documents', LONG_VALUE),
        attr('flags', '[true, false]', 'array'),
      ],
      resource: [attr('service.name', 'research-agent'), attr('telemetry.sdk.language', 'python')],
      scope: 'opentelemetry.instrumentation.openai_v2 2.1b0',
      events: node.error ? [{ name: 'exception', offsetMs: node.start + 3, attributes: [attr('exception.type', 'RateLimitError'), attr('exception.message', `429 ${HOSTILE.script}`)] }] : [],
      input: llm
        ? [
            { role: 'system', text: 'You are a research assistant. Use tools when needed.', toolCalls: [] },
            { role: 'user', text: `Find the 2024 revenue of ACME and summarise. ${HOSTILE.script}\nAlso: ${HOSTILE.bidi}`, toolCalls: [] },
            { role: 'assistant', text: '', toolCalls: [{ id: 'call_1', name: 'web_search', arguments: '{"query":"ACME 2024 revenue","top_k":5,"big":12345678901234567890}' }] },
            { role: 'tool', text: `Result: ACME reported $1.2B. ${HOSTILE.img}`, toolCalls: [], toolCallId: 'call_1' },
          ]
        : [],
      output: llm ? [{ role: 'assistant', text: `ACME's 2024 revenue was $1.2B.\n\n${'Long reasoning line. '.repeat(300)}`, toolCalls: [{ id: 'call_2', name: 'write_file', arguments: 'not json <b>bold</b>' }] }] : [],
      ...(llm ? { model: 'gpt-4o-2024-08-06', tokens: { input: node.tokens ?? 0, output: 210, cachedInput: 128 }, costUsd: 0.0042 } : {}),
      diagnostics: node.error ? ['status error without exception event', HOSTILE.script] : [],
    };
    return base;
  };
  return (req) => {
    switch (req.type) {
      case 'ready':
        return summary;
      case 'getStructure':
        return structure;
      case 'getRows': {
        const rows: RowText[] = [];
        for (let i = req.start; i < Math.min(structure.parentIndex.length, req.start + req.count); i++) {
          const node = ordered[i];
          rows.push({ index: i, name: node.name, service: 'research-agent', kind: 'internal', ...(node.label ? { label: node.label } : {}), ...(node.tokens ? { tokens: node.tokens } : {}) });
        }
        return rows;
      }
      case 'getSpanDetail':
        return detail(req.index);
      case 'getAttributeValue':
        return req.key === 'retrieval.documents' ? LONG_VALUE : 'value';
      case 'copySummary':
      case 'selectTrace':
        return null;
    }
  };
}
