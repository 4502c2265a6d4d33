/**
 * A hand-built GenAI run for the bug-report tests, as OTLP JSON:
 *
 *   invoke_agent assistant            a000000000000001  (service "billing-bot" 2.4.1, SDK opentelemetry python 1.30.0)
 *   ├─ chat my-finetune               a000000000000002  asks for search_contacts (call c1); 100 in / 20 out tokens
 *   ├─ execute_tool search_contacts   a000000000000003  ok, returns Dana's contact
 *   └─ chat my-finetune               a000000000000004  "I've emailed the invoice to Dana." (send_email never ran); 150 in / 30 out
 *
 * The run could send e-mail (send_email is in the tool definitions) but never did, so the one
 * finding is claimed-not-executed with that sentence. `my-finetune` has no price: cost unknown.
 */
export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
export const SPAN = { agent: 'a000000000000001', chat1: 'a000000000000002', tool: 'a000000000000003', chat2: 'a000000000000004' } as const;

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: value } });
const TOOLS = JSON.stringify([
  { type: 'function', name: 'search_contacts', description: 'Search the address book' },
  { type: 'function', name: 'send_email', description: 'Send an email to a recipient' },
]);

export function handBuiltRun(opts: { finalAnswer?: string; toolName?: string } = {}): string {
  const answer = opts.finalAnswer ?? "I've emailed the invoice to Dana.";
  const span = (spanId: string, name: string, startMs: number, endMs: number, attributes: unknown[], parent?: string) => ({
    traceId: TRACE_ID,
    spanId,
    ...(parent ? { parentSpanId: parent } : {}),
    name,
    kind: 1,
    startTimeUnixNano: String(1780000000000000000n + BigInt(startMs) * 1000000n),
    endTimeUnixNano: String(1780000000000000000n + BigInt(endMs) * 1000000n),
    attributes,
    status: { code: 0 },
  });
  const tool = opts.toolName ?? 'search_contacts';
  const spans = [
    span(SPAN.agent, 'invoke_agent assistant', 0, 400, [str('gen_ai.operation.name', 'invoke_agent'), str('gen_ai.agent.name', 'assistant')]),
    span(
      SPAN.chat1,
      'chat my-finetune',
      1,
      101,
      [
        str('gen_ai.operation.name', 'chat'),
        str('gen_ai.request.model', 'my-finetune'),
        str('gen_ai.provider.name', 'openai'),
        str('gen_ai.input.messages', JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Send Dana the invoice.' }] }])),
        str(
          'gen_ai.output.messages',
          JSON.stringify([
            { role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: tool, arguments: { query: 'Dana' } }], finish_reason: 'tool_call' },
          ]),
        ),
        int('gen_ai.usage.input_tokens', 100),
        int('gen_ai.usage.output_tokens', 20),
        str('gen_ai.tool.definitions', TOOLS),
      ],
      SPAN.agent,
    ),
    span(
      SPAN.tool,
      `execute_tool ${tool}`,
      102,
      152,
      [
        str('gen_ai.operation.name', 'execute_tool'),
        str('gen_ai.tool.name', tool),
        str('gen_ai.tool.call.id', 'c1'),
        str('gen_ai.tool.call.arguments', '{"query":"Dana"}'),
        str('gen_ai.tool.call.result', '{"contacts":[{"name":"Dana Scott"}]}'),
      ],
      SPAN.agent,
    ),
    span(
      SPAN.chat2,
      'chat my-finetune',
      153,
      253,
      [
        str('gen_ai.operation.name', 'chat'),
        str('gen_ai.request.model', 'my-finetune'),
        str('gen_ai.provider.name', 'openai'),
        str('gen_ai.input.messages', JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Send Dana the invoice.' }] }])),
        str('gen_ai.output.messages', JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: answer }], finish_reason: 'stop' }])),
        int('gen_ai.usage.input_tokens', 150),
        int('gen_ai.usage.output_tokens', 30),
        str('gen_ai.tool.definitions', TOOLS),
      ],
      SPAN.agent,
    ),
  ];
  return JSON.stringify({
    resourceSpans: [
      {
        resource: {
          attributes: [
            str('service.name', 'billing-bot'),
            str('service.version', '2.4.1'),
            str('telemetry.sdk.name', 'opentelemetry'),
            str('telemetry.sdk.language', 'python'),
            str('telemetry.sdk.version', '1.30.0'),
          ],
        },
        scopeSpans: [{ scope: { name: 'billing-bot.agent', version: '0.3' }, spans }],
      },
    ],
  });
}
