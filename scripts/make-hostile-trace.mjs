// Generates the hostile-trace workspace for test/e2e/hostile.e2e.test.ts. Deterministic: no
// clock, no randomness; run it again and the files are byte-identical.
// Run: node scripts/make-hostile-trace.mjs   (the outputs are committed)
//
// The trace is an OTel GenAI agent run (invoke_agent → chat → execute_tool … → chat with the
// final answer, like demo/workspace/traces/travel-agent-run.otlp.json but in gen_ai.* form)
// in which every place trace text can sit carries injection payloads: span names, attribute
// keys and values (string and array), resource attributes, the scope name, events (names,
// attribute keys and values, exception messages and stack traces), status messages, model
// names, agent name, tool names (the link-in-a-name attack, codicons, bidi, zero-width,
// mixed-script look-alikes), tool arguments and results, system/user/assistant/reasoning
// message text (markdown and raw HTML), a stated plan (numbered lines and a plan tool's JSON)
// and code.* attributes pointing outside the workspace.
//
// Planted terminal command: every `command:` payload is a link to
// workbench.action.terminal.sendSequence with `echo pwned > pwned-<id>.txt` + Enter. A terminal's
// working directory is the workspace folder, so a leaked link that gets clicked leaves
// `pwned-<id>.txt` in the workspace: the test fails on any `pwned-*` file, and the id says which
// payload leaked (payloads.json maps ids to their kind and place).
//
// Outputs (test/fixtures/hostile/):
//   workspace/.vscode/agent-trace.json  openOnStartup: the hostile trace and two unreadable files
//   workspace/traces/hostile.otlp.json   the trace
//   workspace/traces/unreadable.json     not a trace; its only top-level key is a command link
//   workspace/traces/[Reload](command:…).json  a broken file whose *name* is a command link
//   workspace/src/tools.ts               a handler for book_hotel (so the CodeLens shows)
//   payloads.json                        { id, kind, place } of every payload planted
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'hostile');
const WS = join(OUT, 'workspace');

/** The command link that would type and run `echo pwned > pwned-<id>.txt` in the active terminal. */
function sendSequenceUri(id) {
  return 'command:workbench.action.terminal.sendSequence?' + encodeURIComponent(JSON.stringify({ text: `echo pwned > pwned-${id}.txt\r` }));
}

/** Payload kinds: each takes the payload's id (for the command marker and for remote URLs). */
const KINDS = {
  'command-link': (id) => `[Retry](${sendSequenceUri(id)})`,
  'command-link-ext': () => '[Clear the list](command:agentTrace.clearRecent)',
  'command-autolink': (id) => `<${sendSequenceUri(id)}>`,
  'command-html-anchor': (id) => `<a href="${sendSequenceUri(id)}">Run the fix</a>`,
  'javascript-link': () => "[click me](javascript:void(window.__pwned='javascript-link'))",
  'data-link': () => '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'vscode-link': () => '[install](vscode:extension/attacker.evil-extension)',
  'file-link': () => '[passwd](file:///etc/passwd)',
  'https-link': (id) => `[docs](https://attacker.invalid/docs/${id})`,
  'remote-image': (id) => `![img](https://attacker.invalid/pixel/${id}.png)`,
  'script-tag': () => "<script>window.__pwned='script-tag'</script>",
  'img-onerror': () => `<img src=x onerror="window.__pwned='img-onerror'">`,
  'iframe-tag': (id) => `<iframe src="https://attacker.invalid/frame/${id}"></iframe>`,
  'svg-onload': () => `<svg onload="window.__pwned='svg-onload'"><circle r="9"/></svg>`,
  'object-embed': (id) => `<object data="https://attacker.invalid/o/${id}"></object><embed src="https://attacker.invalid/e/${id}">`,
  'style-tag': () => '<style>*{display:none!important}</style><div style="position:fixed;inset:0;background:red">overlay</div>',
  'meta-refresh': () => '<meta http-equiv="refresh" content="0;url=https://attacker.invalid/">',
  'template-injection': () => "{{constructor.constructor('window.__pwned=1')()}} ${window.__pwned=1}",
  codicon: () => '$(alert) $(loading~spin) $(check) Done',
  bidi: () => 'invoice\u202Efdp.exe \u2066isolated\u2069 \u200Fright',
  'zero-width': () => 'book\u200B_ho\u200Dtel\uFEFF',
  lookalike: () => 'b\u043E\u043Ek_hotel',
  'control-chars': () => 'bell\u0007 esc\u001b[31mRED\u001b[0m back\u0008\u0008 nul\u0000 del\u007F cr\rline',
  'newline-split-link': (id) => `[Retry]\n(${sendSequenceUri(id)})`,
  'path-traversal': () => '../../../../etc/passwd',
};
const KIND_NAMES = Object.keys(KINDS);

const payloads = [];
/** Plants payload `kind` at `place`; returns its text. */
function p(kind, place) {
  const id = `p${String(payloads.length + 1).padStart(3, '0')}`;
  const make = KINDS[kind];
  if (!make) throw new Error(`unknown payload kind ${kind}`);
  const text = make(id);
  payloads.push({ id, kind, place });
  return text;
}
/** Several payloads at one place, joined (kinds taken in turn from `start`). */
function many(place, count, start) {
  const out = [];
  for (let k = 0; k < count; k++) out.push(p(KIND_NAMES[(start + k) % KIND_NAMES.length], place));
  return out.join(' ');
}

const TRACE_ID = '4a5e1e4baab89f3a32518a88c31bc87f';
const T0 = 1_767_225_600_000_000_000n; // 2026-01-01T00:00:00Z
const ns = (ms) => String(T0 + BigInt(ms) * 1_000_000n);
const str = (key, v) => ({ key, value: { stringValue: v } });
const int = (key, v) => ({ key, value: { intValue: String(v) } });
const arr = (key, vs) => ({ key, value: { arrayValue: { values: vs.map((v) => ({ stringValue: v })) } } });
let nextSpan = 1;
const spanId = () => (nextSpan++).toString(16).padStart(16, '0');

// Tool names: the attack from the review (a link in the name), plus codicon, bidi, zero-width and
// mixed-script look-alikes of a real tool. `book_hotel` itself is real (src/tools.ts has its handler).
const TOOLS = {
  link: `lookup2 ${p('command-link', 'tool name')}`,
  codicon: `${p('codicon', 'tool name')} get_weather`,
  bidi: `search${p('bidi', 'tool name')}_flights`,
  zeroWidth: p('zero-width', 'tool name'),
  lookalike: p('lookalike', 'tool name'),
  html: `fetch_page<img src=x onerror="window.__pwned='tool'">`,
  plan: 'update_plan',
  real: 'book_hotel',
};
payloads.push({ id: 'p-tool-html', kind: 'img-onerror', place: 'tool name' });

const MODEL = `gpt-4o ${p('command-link', 'model name')}`;
const MODEL2 = `gpt-4o-mini${p('codicon', 'model name')}`;
const root = spanId();

function events(place, count, start) {
  return [
    {
      timeUnixNano: ns(1),
      name: many(`${place} event name`, 2, start),
      attributes: [str(many(`${place} event attribute key`, 1, start + 2), many(`${place} event attribute value`, 3, start + 3))],
    },
    {
      timeUnixNano: ns(2),
      name: 'exception',
      attributes: [
        str('exception.type', p('command-link', `${place} exception.type`)),
        str('exception.message', many(`${place} exception.message`, count, start + 6)),
        str(
          'exception.stacktrace',
          `Error: boom\n    at ${p('path-traversal', `${place} exception.stacktrace`)}:1:1\n    at ${p('command-link', `${place} exception.stacktrace`)}`,
        ),
      ],
    },
  ];
}

function chat({ id, start, end, model, input, output, usage, place, k }) {
  return {
    traceId: TRACE_ID,
    spanId: id,
    parentSpanId: root,
    name: `chat ${model}`,
    kind: 3,
    startTimeUnixNano: ns(start),
    endTimeUnixNano: ns(end),
    attributes: [
      str('gen_ai.operation.name', 'chat'),
      str('gen_ai.provider.name', p('command-link', `${place} gen_ai.provider.name`)),
      str('gen_ai.request.model', model),
      str('gen_ai.response.model', model),
      int('gen_ai.usage.input_tokens', usage[0]),
      int('gen_ai.usage.output_tokens', usage[1]),
      str(
        'gen_ai.system_instructions',
        JSON.stringify([{ type: 'text', content: `You are a travel assistant. ${many(`${place} system instructions`, 3, k)}` }]),
      ),
      str('gen_ai.input.messages', JSON.stringify(input)),
      str('gen_ai.output.messages', JSON.stringify(output)),
      str('gen_ai.prompt.name', p('command-link', `${place} gen_ai.prompt.name`)),
      str(many(`${place} attribute key`, 2, k + 4), many(`${place} attribute value`, 3, k + 6)),
      arr('hostile.array', [p('script-tag', `${place} array value`), p('command-link', `${place} array value`), p('remote-image', `${place} array value`)]),
    ],
    events: events(place, 3, k),
    status: { code: 1 },
  };
}

const toolArgs = (place, k) =>
  JSON.stringify({ city: p('lookalike', `${place} arguments`), note: many(`${place} arguments`, 3, k), path: p('path-traversal', `${place} arguments`) });
const toolCall = (name, callId, place, k) => ({ type: 'tool_call', id: callId, name, arguments: JSON.parse(toolArgs(place, k)) });

function tool({ name, callId, start, end, error, code, place, k }) {
  return {
    traceId: TRACE_ID,
    spanId: spanId(),
    parentSpanId: root,
    name: `execute_tool ${name}`,
    kind: 1,
    startTimeUnixNano: ns(start),
    endTimeUnixNano: ns(end),
    attributes: [
      str('gen_ai.operation.name', 'execute_tool'),
      str('gen_ai.tool.name', name),
      str('gen_ai.tool.call.id', callId),
      str('gen_ai.tool.description', many(`${place} tool description`, 2, k)),
      str('gen_ai.tool.call.arguments', toolArgs(place, k + 2)),
      ...(error ? [] : [str('gen_ai.tool.call.result', JSON.stringify({ ok: true, text: many(`${place} result`, 4, k + 5) }))]),
      ...(code ? code : []),
      str(p('command-link', `${place} attribute key`), p('codicon', `${place} attribute value`)),
    ],
    events: events(place, 2, k + 9),
    status: error ? { code: 2, message: many(`${place} status message`, 4, k + 11) } : { code: 1 },
  };
}

const plan = JSON.stringify({
  steps: [
    { id: 'a', content: `Look up ${p('command-link', 'plan tool step')}` },
    { id: 'b', content: `Check the weather ${p('codicon', 'plan tool step')}`, depends_on: ['a'] },
    { id: 'c', content: `Book ${p('lookalike', 'plan tool step')} ${p('script-tag', 'plan tool step')}`, depends_on: ['b', p('bidi', 'plan tool dependency')] },
  ],
});

const c1 = spanId();
const llm1 = chat({
  id: c1,
  start: 10,
  end: 400,
  model: MODEL,
  place: 'LLM call 1',
  k: 0,
  usage: [1200, 180],
  input: [{ role: 'user', parts: [{ type: 'text', content: `Book me a hotel in Lisbon. ${many('user message', 6, 3)}` }] }],
  output: [
    {
      role: 'assistant',
      parts: [
        { type: 'reasoning', content: `Thinking… ${many('reasoning', 3, 9)}` },
        {
          type: 'text',
          content: [
            'Here is my plan:',
            `1. Look up the city ${p('command-link', 'stated plan line')}`,
            `2. Check the weather ${p('codicon', 'stated plan line')} ${p('remote-image', 'stated plan line')}`,
            `3. Book the hotel ${p('script-tag', 'stated plan line')} ${p('bidi', 'stated plan line')}`,
          ].join('\n'),
        },
        { type: 'tool_call', id: 'call_plan', name: TOOLS.plan, arguments: JSON.parse(plan) },
        toolCall(TOOLS.link, 'call_link', 'tool call 1 (LLM output)', 1),
        toolCall(TOOLS.lookalike, 'call_lookalike', 'tool call 2 (LLM output)', 4),
        toolCall(TOOLS.html, 'call_html', 'tool call 3 (LLM output)', 7),
      ],
    },
  ],
});

const OUTSIDE = [str('code.filepath', '/etc/passwd'), int('code.lineno', 1), str('code.function', p('command-link', 'code.function'))];
const TRAVERSAL = [
  str('code.file.path', p('path-traversal', 'code.file.path')),
  int('code.line.number', 3),
  str('code.function.name', p('codicon', 'code.function.name')),
];

const tools1 = [
  tool({ name: TOOLS.plan, callId: 'call_plan', start: 410, end: 420, place: 'plan tool', k: 2 }),
  tool({ name: TOOLS.link, callId: 'call_link', start: 420, end: 500, place: 'link-named tool', k: 5, code: OUTSIDE }),
  tool({ name: TOOLS.lookalike, callId: 'call_lookalike', start: 500, end: 560, place: 'look-alike tool', k: 8, code: TRAVERSAL }),
  tool({ name: TOOLS.html, callId: 'call_html', start: 560, end: 600, place: 'html-named tool', k: 11 }),
];
// Plan tool arguments carry the plan JSON (the plan graph reads them).
tools1[0].attributes = tools1[0].attributes.map((a) => (a.key === 'gen_ai.tool.call.arguments' ? str(a.key, plan) : a));

const c2 = spanId();
const llm2 = chat({
  id: c2,
  start: 610,
  end: 900,
  model: MODEL2,
  place: 'LLM call 2',
  k: 12,
  usage: [2400, 120],
  input: [
    { role: 'user', parts: [{ type: 'text', content: 'Book me a hotel in Lisbon.' }] },
    { role: 'tool', parts: [{ type: 'tool_call_response', id: 'call_link', response: many('tool message (LLM input)', 5, 14) }] },
  ],
  output: [
    {
      role: 'assistant',
      parts: [
        { type: 'text', content: many('assistant text (LLM call 2)', 4, 19) },
        toolCall(TOOLS.codicon, 'call_codicon', 'tool call 4 (LLM output)', 10),
        toolCall(TOOLS.bidi, 'call_bidi', 'tool call 5 (LLM output)', 13),
        toolCall(TOOLS.zeroWidth, 'call_zw', 'tool call 6 (LLM output)', 16),
        toolCall(TOOLS.real, 'call_real', 'tool call 7 (LLM output)', 19),
      ],
    },
  ],
});

const tools2 = [
  tool({ name: TOOLS.codicon, callId: 'call_codicon', start: 910, end: 950, place: 'codicon-named tool', k: 14 }),
  tool({ name: TOOLS.bidi, callId: 'call_bidi', start: 950, end: 990, place: 'bidi-named tool', k: 17 }),
  tool({ name: TOOLS.zeroWidth, callId: 'call_zw', start: 990, end: 1020, place: 'zero-width-named tool', k: 20 }),
  tool({ name: TOOLS.real, callId: 'call_real', start: 1020, end: 1100, place: 'book_hotel tool', k: 23, error: true }),
];

const c3 = spanId();
const finalAnswer = [
  `# Done ${p('command-link', 'final answer heading')}`,
  '',
  'I have booked your hotel in Lisbon for 3 nights.',
  '',
  `- ${p('command-link', 'final answer list')}`,
  `- ${p('command-autolink', 'final answer list')}`,
  `- ${p('javascript-link', 'final answer list')}`,
  `- ${p('vscode-link', 'final answer list')} ${p('file-link', 'final answer list')} ${p('data-link', 'final answer list')}`,
  `- ${p('https-link', 'final answer list')} ${p('remote-image', 'final answer list')}`,
  '',
  `| tool | note |`,
  `|---|---|`,
  `| ${p('command-link', 'final answer table')} | ${p('img-onerror', 'final answer table')} |`,
  '',
  `> ${p('iframe-tag', 'final answer quote')}`,
  '',
  '```html',
  p('script-tag', 'final answer code block'),
  '```',
  '',
  p('script-tag', 'final answer raw html'),
  p('img-onerror', 'final answer raw html'),
  p('svg-onload', 'final answer raw html'),
  p('object-embed', 'final answer raw html'),
  p('style-tag', 'final answer raw html'),
  p('meta-refresh', 'final answer raw html'),
  p('command-html-anchor', 'final answer raw html'),
  p('newline-split-link', 'final answer'),
  p('template-injection', 'final answer'),
  p('control-chars', 'final answer'),
  `**${p('command-link', 'final answer bold')}** _${p('codicon', 'final answer emphasis')}_ \`${p('command-link', 'final answer inline code')}\``,
].join('\n');
const llm3 = chat({
  id: c3,
  start: 1110,
  end: 1500,
  model: MODEL,
  place: 'LLM call 3',
  k: 20,
  usage: [3100, 260],
  input: [{ role: 'user', parts: [{ type: 'text', content: 'Book me a hotel in Lisbon.' }] }],
  output: [{ role: 'assistant', parts: [{ type: 'text', content: finalAnswer }] }],
});

const rootSpan = {
  traceId: TRACE_ID,
  spanId: root,
  name: `invoke_agent ${p('command-link', 'root span name')}`,
  kind: 1,
  startTimeUnixNano: ns(0),
  endTimeUnixNano: ns(1510),
  attributes: [
    str('gen_ai.operation.name', 'invoke_agent'),
    str('gen_ai.agent.name', `travel ${p('command-link', 'agent name')} ${p('codicon', 'agent name')}`),
    str('gen_ai.agent.description', many('agent description', 4, 0)),
    str(p('command-link', 'root attribute key'), many('root attribute value', 4, 4)),
    str(`key ${p('bidi', 'root attribute key')}`, p('control-chars', 'root attribute value')),
  ],
  events: events('root', 4, 16),
  status: { code: 2, message: many('root status message', 4, 20) },
};

const doc = {
  resourceSpans: [
    {
      resource: {
        attributes: [
          str('service.name', `travel-agent ${p('command-link', 'resource service.name')} ${p('codicon', 'resource service.name')}`),
          str(p('command-link', 'resource attribute key'), many('resource attribute value', 5, 8)),
          str('host.name', p('bidi', 'resource host.name')),
        ],
      },
      scopeSpans: [
        {
          scope: { name: `ai ${p('command-link', 'scope name')}`, version: p('codicon', 'scope version') },
          spans: [rootSpan, llm1, ...tools1, llm2, ...tools2, llm3],
        },
      ],
    },
  ],
};

// The load-error toasts: a file that is valid JSON but no trace, whose only key is a command link
// (the importer names unknown top-level keys in its error), and a broken file whose name is one.
const unreadable = JSON.stringify({ [`[Reload the trace](${sendSequenceUri('unreadable-key')})`]: 1 });
payloads.push({ id: 'punreadable-key', kind: 'command-link', place: 'unreadable file top-level key' });
const LINK_FILE = '[Reload](command:agentTrace.clearRecent).json';
payloads.push({ id: 'p-file-name', kind: 'command-link-ext', place: 'unreadable file name' });

rmSync(WS, { recursive: true, force: true });
mkdirSync(join(WS, '.vscode'), { recursive: true });
mkdirSync(join(WS, 'traces'), { recursive: true });
mkdirSync(join(WS, 'src'), { recursive: true });
writeFileSync(join(WS, 'traces', 'hostile.otlp.json'), JSON.stringify(doc, null, 1) + '\n');
writeFileSync(join(WS, 'traces', 'unreadable.json'), unreadable + '\n');
writeFileSync(join(WS, 'traces', LINK_FILE), '{"resourceSpans": [ truncated');
writeFileSync(
  join(WS, '.vscode', 'agent-trace.json'),
  JSON.stringify({ openOnStartup: ['traces/unreadable.json', `traces/${LINK_FILE}`, 'traces/hostile.otlp.json'] }, null, 2) + '\n',
);
writeFileSync(
  join(WS, 'src', 'tools.ts'),
  [
    '// The one real handler of the hostile trace: book_hotel (its look-alikes have none).',
    'export const tools = { book_hotel: { execute: bookHotel } };',
    '',
    'export async function bookHotel(city: string, nights: number): Promise<string> {',
    '  throw new Error(`no rooms available in ${city} for ${nights} nights`);',
    '}',
    '',
  ].join('\n'),
);
const places = [...new Set(payloads.map((x) => x.place))];
writeFileSync(
  join(OUT, 'payloads.json'),
  JSON.stringify({ payloads: payloads.length, places: places.length, kinds: [...new Set(payloads.map((x) => x.kind))].length, list: payloads }, null, 1) + '\n',
);
console.log(`wrote ${payloads.length} payloads over ${places.length} places (${KIND_NAMES.length} kinds) to ${OUT}`);
