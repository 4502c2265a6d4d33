import { describe, expect, test } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { parseRedactionSettings } from '../../../src/core/redact/redactionSettings';
import { findLeaks, redactTraces } from '../../../src/core/redact/redactTraces';
import { deriveAgentView } from '../../../src/core/semantics/agentView';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
function traceWith(attributes: Record<string, string>, extra: Record<string, unknown> = {}) {
  const span = {
    traceId: TRACE,
    spanId: '00f067aa0ba902b7',
    name: 'chat gpt-4o',
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000001000000000',
    attributes: Object.entries(attributes).map(([key, v]) => ({ key, value: { stringValue: v } })),
    ...extra,
  };
  return importTrace(new TextEncoder().encode(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] }))).traces;
}

describe('settings', () => {
  test('valid values pass through', () => {
    const r = parseRedactionSettings([{ name: 'employee-id', pattern: 'EMP-\\d{6}' }], ['test@example.com', '/^demo-.*$/i']);
    expect(r.errors).toEqual([]);
    expect(r.settings).toEqual({ extraPatterns: [{ name: 'employee-id', pattern: 'EMP-\\d{6}' }], allow: ['test@example.com', '/^demo-.*$/i'] });
  });

  test('bad entries are reported by index and skipped, never thrown', () => {
    const r = parseRedactionSettings(
      [
        { name: 'ok', pattern: 'X\\d+' },
        { name: 'Bad Name', pattern: 'x' },
        { name: 'broken', pattern: '([a-z' },
        { name: 'empty', pattern: 'a*' },
        'nope',
        { name: 'n', pattern: 3 },
      ],
      ['fine', '', '/(unclosed/', 7],
    );
    expect(r.settings).toEqual({ extraPatterns: [{ name: 'ok', pattern: 'X\\d+' }], allow: ['fine'] });
    expect(r.errors).toEqual([
      "agentTrace.redaction.extraPatterns[1].name: must be 1–40 lower-case letters, digits or '-'",
      expect.stringMatching(/^agentTrace\.redaction\.extraPatterns\[2\]\.pattern: invalid regular expression/),
      'agentTrace.redaction.extraPatterns[3].pattern: matches the empty string',
      'agentTrace.redaction.extraPatterns[4]: not an object with name and pattern',
      'agentTrace.redaction.extraPatterns[5].pattern: not a string',
      'agentTrace.redaction.allow[1]: not a non-empty string',
      expect.stringMatching(/^agentTrace\.redaction\.allow\[2\]: invalid regular expression/),
      'agentTrace.redaction.allow[3]: not a non-empty string',
    ]);
    expect(parseRedactionSettings({}, 'x').errors).toEqual(['agentTrace.redaction.extraPatterns: not an array', 'agentTrace.redaction.allow: not an array']);
  });

  test('a user rule redacts with its name; an allowed value stays, exact or by regex', () => {
    const traces = traceWith({ note: 'ticket EMP-123456 from bob@corp.io and test@example.com and demo-user@corp.io' });
    const r = redactTraces(traces, { extraPatterns: [{ name: 'employee-id', pattern: 'EMP-\\d{6}' }], allow: ['test@example.com', '/^demo-/'] });
    expect(r.traces[0].spans[0].attributes.get('note')).toBe(
      'ticket [REDACTED:employee-id#1] from [REDACTED:email#1] and test@example.com and demo-user@corp.io',
    );
    expect(r.counts).toEqual({ email: 1, 'employee-id': 1 });
  });
});

describe('dropMessageBodies', () => {
  test('message contents and tool payloads go, roles, tool names and call ids stay', () => {
    const input = JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'book Lisbon for me' }] }]);
    const output = JSON.stringify([
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_abc123', name: 'book_hotel', arguments: { city: 'Lisbon', name: 'Bob' } }] },
    ]);
    const traces = traceWith({
      'gen_ai.operation.name': 'chat',
      'gen_ai.input.messages': input,
      'gen_ai.output.messages': output,
      'gen_ai.prompt': 'plain text prompt',
      'gen_ai.request.model': 'gpt-4o',
    });
    const r = redactTraces(traces, { dropMessageBodies: true });
    const a = r.traces[0].spans[0].attributes;
    expect(JSON.parse(a.getString('gen_ai.input.messages')!)).toEqual([{ role: 'user', parts: [{ type: 'text', content: '[REDACTED:message-body]' }] }]);
    expect(JSON.parse(a.getString('gen_ai.output.messages')!)).toEqual([
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_abc123', name: 'book_hotel', arguments: '[REDACTED:message-body]' }] },
    ]);
    expect(a.get('gen_ai.prompt')).toBe('[REDACTED:message-body]');
    expect(a.get('gen_ai.request.model')).toBe('gpt-4o');
    expect(r.counts['message-body']).toBe(3);
    // The tool call is still read as one, with its name and id.
    const calls = deriveAgentView(r.traces[0]).llmCalls[0];
    expect(calls.output.flatMap((m) => m.toolCalls.map((c) => [c.id, c.name]))).toEqual([['call_abc123', 'book_hotel']]);
    // Without the option, nothing here is a secret: nothing changes.
    expect(redactTraces(traces).traces[0].spans[0].attributes).toBe(traces[0].spans[0].attributes);
  });
});

describe('places and context', () => {
  test('each place is named, the context is masked, and ids say where', () => {
    const traces = traceWith(
      { 'gen_ai.input.messages': JSON.stringify([{ role: 'user', content: 'I am alice@example.org, call me' }]) },
      {
        name: 'fetch postgres://u:Sup3rS3cret!@db',
        status: { code: 2, message: 'auth failed for ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6' },
        events: [
          {
            timeUnixNano: '1700000000500000000',
            name: 'exception',
            attributes: [{ key: 'exception.message', value: { stringValue: 'card 4111 1111 1111 1111 declined' } }],
          },
        ],
        links: [{ traceId: TRACE, spanId: '00f067aa0ba902b8', attributes: [{ key: 'who', value: { stringValue: 'bob@example.org' } }] }],
      },
    );
    const r = redactTraces(traces);
    expect(r.occurrences.map((o) => [o.id, o.type, o.marker, o.place.where, o.place.jsonPath, o.context])).toEqual([
      [`${TRACE}:00f067aa0ba902b7:1`, 'url-password', '[REDACTED:url-password#1]', 'span name', undefined, 'fetch postgres://u:[REDACTED:url-password#1]@db'],
      [`${TRACE}:00f067aa0ba902b7:2`, 'github-token', '[REDACTED:github-token#1]', 'status message', undefined, 'auth failed for [REDACTED:github-token#1]'],
      [`${TRACE}:00f067aa0ba902b7:3`, 'email', '[REDACTED:email#1]', 'attribute gen_ai.input.messages', '[0].content', 'I am [REDACTED:email#1], call me'],
      [`${TRACE}:00f067aa0ba902b7:4`, 'card', '[REDACTED:card#1]', 'event exception attribute exception.message', undefined, 'card [REDACTED:card#1] declined'],
      [`${TRACE}:00f067aa0ba902b7:5`, 'email', '[REDACTED:email#2]', 'link attribute who', undefined, '[REDACTED:email#2]'],
    ]);
    expect(r.counts).toEqual({ card: 1, email: 2, 'github-token': 1, 'url-password': 1 });
    const s = r.traces[0].spans[0];
    expect(s.name).toBe('fetch postgres://u:[REDACTED:url-password#1]@db');
    expect(s.links[0].spanId).toBe('00f067aa0ba902b8');
    // The input trace is untouched.
    expect(traces[0].spans[0].name).toBe('fetch postgres://u:Sup3rS3cret!@db');
  });
});

describe('findLeaks', () => {
  test('sees secrets as written, JSON-escaped, JSON in JSON and percent-encoded, and where', () => {
    const key = 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z_Ab3dEf6hIj9kLm2nOp5qRs8';
    const plain = `{"a":"${key}"}`;
    expect(findLeaks(plain)).toEqual([{ type: 'openai-key', index: 6 }]);
    const nested = JSON.stringify({ a: JSON.stringify({ b: 'mail me: alice@example.org' }) });
    expect(findLeaks(nested).map((l) => l.type)).toEqual(['email']);
    const pem = JSON.stringify({ k: JSON.stringify({ private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END PRIVATE KEY-----' }) });
    expect(findLeaks(pem).map((l) => l.type)).toEqual(['private-key']);
    expect(findLeaks('{"u":"https://x.io/cb?next=https%3A%2F%2Fbob%3AS3cr3tPass%40host"}').map((l) => l.type)).toEqual(['url-password']);
    expect(findLeaks('report.md: contact alice@example.org').map((l) => l.type)).toEqual(['email']);
  });

  test('markers, ids and timestamps are not leaks', () => {
    const otlp = JSON.stringify({
      traceId: '4111111111111111aaaaaaaaaaaaaaaa',
      spanId: '4111111111111111',
      parentSpanId: '5500000000000004',
      startTimeUnixNano: '1700000000000000000',
      v: 'https://u:[REDACTED:url-password#1]@db and [REDACTED:email#2] and Bearer [REDACTED:authorization#1]',
    });
    expect(findLeaks(otlp)).toEqual([]);
    // The same card digits outside an id field are a card.
    expect(findLeaks('{"note":"4111111111111111"}').map((l) => l.type)).toEqual(['card']);
  });
});
