import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCliSync } from './cliBundle';

/**
 * The CLI as users run it: bundled with esbuild (as `npm run build` does) and spawned as a
 * process. Expected numbers come from test/fixtures/corpus/expectations.json (derived by hand
 * from the raw files, see derive/README.md), not from the program.
 */
const root = resolve(__dirname, '../../..');
const corpus = (p: string) => join(root, 'test/fixtures/corpus', p);
const malformed = (p: string) => join(root, 'test/fixtures/malformed', p);
const expectations = JSON.parse(readFileSync(corpus('expectations.json'), 'utf8')) as Record<
  string,
  {
    spanCount: number;
    iterations: number;
    llmCalls: number;
    toolCalls: number;
    tokens: { input: number; output: number };
    vendorCostUsd?: number;
    traceIds: string[];
    rootNames: Record<string, string[]>;
  }
>;
let cli = '';

beforeAll(async () => {
  cli = await buildCli();
});

const run = (...args: string[]) => runCliSync(cli, args);

describe('agent-trace inspect', () => {
  it.each(['any-agent/OPENAI_trace.json', 'langfuse/openai-agents-2025-09-30.trace.json', 'langfuse/claude-agent-2025-12-22.trace.json'])(
    '--json on %s gives the hand-derived counts',
    (file) => {
      const r = run('inspect', corpus(file), '--json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      const want = expectations[file];
      expect(report.traces.length).toBe(1);
      const t = report.traces[0];
      expect(Object.keys(t).sort()).toEqual(
        [
          'costUsd',
          'diagnostics',
          'durationMs',
          'findings',
          'iterations',
          'llmCalls',
          'rootName',
          'roots',
          'spanCount',
          'status',
          'toolCalls',
          'tokens',
          'traceId',
          ...(t.costUsd === null ? ['costUnknownReason'] : []),
        ].sort(),
      );
      expect(t.roots).toBe(Object.values(want.rootNames as Record<string, string[]>)[0].length);
      expect(t.spanCount).toBe(want.spanCount);
      expect(t.iterations).toBe(want.iterations);
      expect(t.llmCalls).toBe(want.llmCalls);
      expect(t.toolCalls).toBe(want.toolCalls);
      expect(t.tokens).toEqual(want.tokens);
      expect(t.rootName).toBe(Object.values(want.rootNames)[0][0]);
      if (want.vendorCostUsd !== undefined) expect(t.costUsd).toBeCloseTo(want.vendorCostUsd, 9);
      expect(t.findings).toEqual([]);
    },
  );

  it('prints a readable summary without --json', () => {
    const r = run('inspect', corpus('any-agent/OPENAI_trace.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('invoke_agent [any_agent]');
    expect(r.stdout).toContain('6 spans');
    expect(r.stdout).toContain('3 iterations, 3 LLM calls, 2 tool calls');
    expect(r.stdout).toContain('tokens: 1020 in / 76 out');
  });

  it('reports diagnostics in the JSON', () => {
    const t = JSON.parse(run('inspect', malformed('orphan-span.otlp.json'), '--json').stdout).traces[0];
    expect(t.diagnostics).toEqual([{ code: 'orphan', message: expect.stringContaining('00000000000000ff'), spanId: '00000000000000b2' }]);
  });

  it.each([
    [malformed('truncated.otlp.json'), /^error: .*truncated\.otlp\.json: JSON: truncated JSON .* at byte 282\n$/],
    [malformed('not-a-trace.json'), /^error: .*not-a-trace\.json: not a recognised trace format/],
    [join(root, 'no-such-file.json'), /^error: .*no-such-file\.json: no such file\n$/],
  ])('exits 2 with a one-line reason for %s', (file, message) => {
    const r = run('inspect', file, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('neutralises control and bidi characters in text output, and keeps --json exact', () => {
    // A span named to clear the screen (ESC [2J), set the terminal title (OSC 0) and reverse a line (RLO).
    const name = 'evil\u001b[2J\u001b]0;pwned\u0007\u202etxt.exe';
    const doc = {
      resourceSpans: [
        {
          resource: { attributes: [] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '5b8efff798038103d269b633813fc60c',
                  spanId: 'eee19b7ec3c1b174',
                  name,
                  startTimeUnixNano: '1000000000',
                  endTimeUnixNano: '2000000000',
                },
              ],
            },
          ],
        },
      ],
    };
    const file = join(mkdtempSync(join(tmpdir(), 'cli-hostile-')), 'hostile.otlp.json');
    writeFileSync(file, JSON.stringify(doc));
    for (const args of [
      ['inspect', file],
      ['inspect', file, '--tree'],
    ]) {
      const r = run(...args);
      expect(r.code).toBe(0);
      // no ESC, BEL or RLO reaches the terminal; markers show they were there
      // eslint-disable-next-line no-control-regex -- asserting the control characters are gone is the point
      expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
      expect(r.stdout).toContain('evil⟦ESC⟧[2J⟦ESC⟧]0;pwned⟦BEL⟧⟦RLO⟧txt.exe');
    }
    const json = run('inspect', file, '--json');
    expect(JSON.parse(json.stdout).traces[0].rootName).toBe(name);
  });

  it('--steps lists what was extracted per iteration (any-agent OPENAI trace, read by hand)', () => {
    const t = JSON.parse(run('inspect', corpus('any-agent/OPENAI_trace.json'), '--json', '--steps').stdout).traces[0];
    // span ids are the file's decimal context.span_id values in hex
    const hex = (d: string) => BigInt(d).toString(16).padStart(16, '0');
    const model = 'mistral/mistral-small-latest';
    expect(t.steps).toEqual([
      {
        spanId: hex('9295669169508793927'),
        model,
        // the last user message of gen_ai.input.messages
        input:
          'Find what year it is in the America/New_York timezone and write the value (single number) to a file. Finally, return a list of the steps you have taken.',
        output: null, // only a tool call came back
        toolCalls: [{ id: null, name: 'get_current_time', arguments: { timezone: 'America/New_York' } }],
        executions: [
          {
            spanId: hex('13687147528289423029'),
            name: 'get_current_time',
            callId: null,
            status: 'ok',
            arguments: { timezone: 'America/New_York' },
            result: { timezone: 'America/New_York', datetime: '2025-09-16T08:43:13-04:00', is_dst: true },
          },
        ],
      },
      {
        spanId: hex('1954108595464389762'),
        model,
        input: null, // the second call recorded no input messages
        output: null,
        toolCalls: [{ id: null, name: 'write_file', arguments: { text: '2025' } }],
        executions: [{ spanId: hex('3402142098134531952'), name: 'write_file', callId: null, status: 'ok', arguments: { text: '2025' }, result: {} }],
      },
      {
        spanId: hex('10907162358052518539'),
        model,
        input: null,
        output:
          '{"steps": [{"number": 1, "description": "Get current time in the America/New_York timezone."}, {"number": 2, "description": "Write the year to a file."}]}',
        toolCalls: [],
        executions: [],
      },
    ]);
    // without --steps the key is absent (the report shape only grows on request)
    expect(JSON.parse(run('inspect', corpus('any-agent/OPENAI_trace.json'), '--json').stdout).traces[0].steps).toBeUndefined();
  });

  it('reads every trace file of a folder, one result per file, and exits 2 when one is unreadable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-folder-'));
    writeFileSync(join(dir, 'a.json'), readFileSync(corpus('any-agent/OPENAI_trace.json')));
    writeFileSync(join(dir, 'b.otlp.jsonl'), readFileSync(malformed('orphan-span.otlp.json'), 'utf8').replace(/\n/g, ' ') + '\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a trace, and not a trace file name');
    const ok = run('inspect', dir, '--json');
    expect(ok.code).toBe(0);
    const files = JSON.parse(ok.stdout).files as { file: string; traces?: { spanCount: number }[]; error?: string }[];
    expect(files.map((f) => f.file)).toEqual([join(dir, 'a.json'), join(dir, 'b.otlp.jsonl')]);
    expect(files[0].traces![0].spanCount).toBe(expectations['any-agent/OPENAI_trace.json'].spanCount);
    expect(files[1].traces!.length).toBe(1);

    writeFileSync(join(dir, 'c.json'), '{"resourceSpans": [');
    const bad = run('inspect', dir, '--json');
    expect(bad.code).toBe(2);
    const again = JSON.parse(bad.stdout).files as { file: string; error?: string }[];
    expect(again.length).toBe(3);
    expect(again[2]).toEqual({ file: join(dir, 'c.json'), error: expect.stringContaining('truncated JSON') });
    expect(bad.stderr).toContain('1 of 3 files');

    const text = run('inspect', dir);
    expect(text.stdout).toContain(`${join(dir, 'a.json')}: any-agent`);
    expect(text.stdout).toContain('error: ');

    const empty = mkdtempSync(join(tmpdir(), 'cli-empty-'));
    expect(run('inspect', empty).stderr).toMatch(/^error: .*: no trace files in this folder/);
  });

  it('exits 2 on bad usage', () => {
    expect(run('inspect').code).toBe(2);
    expect(run('inspect', 'a', '--nope').stderr).toContain('unknown option --nope');
    expect(run('frobnicate').code).toBe(2);
  });
});
