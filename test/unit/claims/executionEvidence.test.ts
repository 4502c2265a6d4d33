import { describe, expect, it } from 'vitest';
import { analyzeClaims } from '../../../src/core/analyze/claims/analyzeClaims';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, type SpanSpec } from '../semantics/buildTrace';
import { agent, chat, tool } from '../graph/genaiSpans';

/**
 * Requests with no execution span but other proof that they ran (issue 11, defect 2): the result
 * in a later LLM call's input, or a sub-agent run that answered the call.
 */
const findings = (specs: SpanSpec[]) => {
  const trace = buildTrace(specs);
  return analyzeClaims(trace, deriveAgentView(trace)).map((f) => `${f.kind}: ${f.message}`);
};
const root: SpanSpec = { id: 1, name: 'invoke_agent support', start: 0, end: 100, attrs: agent('support') };

describe('a tool result seen in a later input', () => {
  // span-1 invoke_agent support
  // ├─ span-2 chat → requests issue_refund (call r1); no execute_tool span
  // └─ span-3 chat, input holds {role: tool, id r1}; says "I've refunded order A-9."
  it('counts the request as executed: no requested-not-executed, and it backs the claim', () => {
    expect(
      findings([
        root,
        { id: 2, parent: 1, name: 'chat', start: 1, attrs: chat({ calls: [['issue_refund', 'r1', { order_id: 'A-9' }]] }) },
        { id: 3, parent: 1, name: 'chat', start: 10, attrs: chat({ results: ['r1'], text: "I've refunded order A-9." }) },
      ]),
    ).toEqual([]);
  });

  it('still reports the request, and the claim, when no later input carries its id', () => {
    expect(
      findings([
        root,
        { id: 2, parent: 1, name: 'chat', start: 1, attrs: chat({ calls: [['issue_refund', 'r1', { order_id: 'A-9' }]] }) },
        { id: 3, parent: 1, name: 'chat', start: 10, attrs: chat({ results: ['other'], text: "I've refunded order A-9." }) },
      ]),
    ).toEqual([
      'claimed-not-executed: the model says it refunded order A-9, but no refund tool ran in this run',
      'requested-not-executed: the model requested issue_refund (call r1) but no execution of it is in the trace',
    ]);
  });
});

describe('a call answered by a sub-agent', () => {
  const ask = { id: 2, parent: 1, name: 'chat', start: 1, end: 5, attrs: chat({ calls: [['ask_researcher', 'a1', { topic: 'x' }]] }) };
  const answer = { id: 9, parent: 1, name: 'chat', start: 50, attrs: chat({ text: 'Here is what I found.' }) };

  it('counts an agent span right after the call as its execution', () => {
    expect(findings([root, ask, { id: 3, parent: 1, name: 'invoke_agent helper', start: 6, end: 20, attrs: agent('helper') }, answer])).toEqual([]);
  });

  it('counts an agent span inside the requesting call', () => {
    expect(findings([root, { ...ask, end: 30 }, { id: 3, parent: 2, name: 'invoke_agent helper', start: 6, end: 20, attrs: agent('helper') }, answer])).toEqual(
      [],
    );
  });

  it('ties a later agent to the call by a shared name word', () => {
    const between = { id: 4, parent: 1, name: 'chat', start: 6, attrs: chat({ text: 'thinking' }) };
    expect(
      findings([root, ask, between, { id: 5, parent: 1, name: 'invoke_agent researcher', start: 8, end: 20, attrs: agent('researcher') }, answer]),
    ).toEqual([]);
  });

  it('does not take an unrelated agent that starts after another LLM call of the run', () => {
    const between = { id: 4, parent: 1, name: 'chat', start: 6, attrs: chat({ text: 'thinking' }) };
    expect(findings([root, ask, between, { id: 5, parent: 1, name: 'invoke_agent billing', start: 8, end: 20, attrs: agent('billing') }, answer])).toEqual([
      'requested-not-executed: the model requested ask_researcher (call a1) but no execution of it is in the trace',
    ]);
  });

  it('answers one request per agent run', () => {
    const two = {
      ...ask,
      attrs: chat({
        calls: [
          ['ask_researcher', 'a1', { topic: 'x' }],
          ['ask_researcher', 'a2', { topic: 'y' }],
        ],
      }),
    };
    expect(findings([root, two, { id: 3, parent: 1, name: 'invoke_agent researcher', start: 6, end: 20, attrs: agent('researcher') }, answer])).toEqual([
      'requested-not-executed: the model requested ask_researcher (call a2) but no execution of it is in the trace',
    ]);
  });
});

describe('a tool execution that does exist', () => {
  it('is unaffected', () => {
    expect(
      findings([
        root,
        { id: 2, parent: 1, name: 'chat', start: 1, attrs: chat({ calls: [['issue_refund', 'r1', { order_id: 'A-9' }]] }) },
        { id: 3, parent: 1, name: 'execute_tool issue_refund', start: 2, attrs: tool('issue_refund', 'r1', { order_id: 'A-9' }) },
        { id: 4, parent: 1, name: 'chat', start: 10, attrs: chat({ results: ['r1'], text: "I've refunded order A-9." }) },
      ]),
    ).toEqual([]);
  });
});
