import { describe, expect, it } from 'vitest';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, indexOf } from './buildTrace';

// pydantic-ai instrumentation v2 (Logfire):
// span-1 "joke_agent run"              agent_name, final_result, usage totals (not to be counted)
// ├─ span-2 "chat gpt-4o-mini"          GenAI chat span + operation.cost
// ├─ span-3 "running 1 tools"
// │  └─ span-4 "running tool: get_pun"  tool_arguments (Python repr), tool_response
// └─ span-5 "chat gpt-4o-mini"          asks for final_result (structured output)
describe('pydantic-ai naming', () => {
  const trace = buildTrace([
    {
      id: 1,
      name: 'joke_agent run',
      start: 0,
      end: 100,
      attrs: {
        agent_name: 'joke_agent',
        'gen_ai.agent.name': 'joke_agent',
        final_result: 'Why do programmers hate nature?',
        'gen_ai.usage.input_tokens': 999,
        'gen_ai.usage.output_tokens': 999,
      },
    },
    {
      id: 2,
      parent: 1,
      name: 'chat gpt-4o-mini',
      start: 1,
      end: 10,
      attrs: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.system': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.usage.input_tokens': 265,
        'gen_ai.usage.output_tokens': 73,
        'operation.cost': 0.00008355,
        'gen_ai.output.messages':
          '[{"role":"assistant","parts":[{"type":"tool_call","id":"call_X","name":"get_pun","arguments":{"topic":"programming"}}],"finish_reason":"tool_call"}]',
      },
    },
    { id: 3, parent: 1, name: 'running 1 tools', start: 11, end: 20, attrs: { 'logfire.msg': 'running 1 tools' } },
    {
      id: 4,
      parent: 3,
      name: 'running tool: get_pun',
      start: 12,
      end: 19,
      attrs: { 'gen_ai.tool.name': 'get_pun', 'gen_ai.tool.call.id': 'call_X', tool_arguments: "{'topic': 'programming'}", tool_response: 'Pun idea' },
    },
    {
      id: 5,
      parent: 1,
      name: 'chat gpt-4o-mini',
      start: 21,
      end: 30,
      attrs: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.usage.input_tokens': 417,
        'gen_ai.usage.output_tokens': 53,
        'gen_ai.output.messages': '[{"role":"assistant","parts":[{"type":"tool_call","id":"call_F","name":"final_result","arguments":{"joke":"x"}}]}]',
      },
    },
  ]);
  const view = deriveAgentView(trace);

  it('classifies agent run, tool and tool group spans by name', () => {
    expect(view.spans.map((s) => [s.category, s.convention])).toEqual([
      ['agent', 'pydantic-ai'],
      ['llm', 'genai'],
      ['chain', 'pydantic-ai'],
      ['tool', 'pydantic-ai'],
      ['llm', 'genai'],
    ]);
  });

  it('runs the agent with its name, counting only the chat spans', () => {
    expect(view.runs).toHaveLength(1);
    expect(view.runs[0].name).toBe('joke_agent');
    expect(view.tokens).toMatchObject({ input: 265 + 417, output: 73 + 53 });
  });

  it('reads tool_arguments (left as text: a Python repr is not JSON) and tool_response', () => {
    expect(view.toolExecutions[0]).toMatchObject({
      name: 'get_pun',
      callId: 'call_X',
      arguments: "{'topic': 'programming'}",
      result: 'Pun idea',
      requestedBy: indexOf(trace, 2),
    });
  });

  it("takes Logfire's operation.cost as the vendor cost", () => {
    expect(view.llmCalls[0].cost).toEqual({ usd: 0.00008355, source: 'vendor' });
  });

  it('answers with final_result when no call has text, and never reports the final_result tool as unexecuted', () => {
    expect(view.runs[0].iterations[1].unexecutedRequests).toEqual([]);
    expect(view.runs[0].finalAnswer).toBe('Why do programmers hate nature?');
    expect(view.spans[0].fields).toContainEqual({ field: 'finalAnswer', from: 'final_result' });
  });
});
