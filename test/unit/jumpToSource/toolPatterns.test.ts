import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisiveCandidate } from '../../../src/core/analyze/source/candidates';
import { findHandlerCandidates, languageOf, type SourceFile } from '../../../src/core/analyze/source/toolPatterns';

const DIR = join(__dirname, '..', '..', 'fixtures', 'source');
const load = (...paths: string[]): SourceFile[] => paths.map((p) => ({ path: p, text: readFileSync(join(DIR, p), 'utf8') }));
const TS = load('ts/tools.ts', 'ts/handlers.ts', 'ts/handlers.test.ts');
const PY = load('py/agent.py');

/** The decisive candidate as "path:line" with a 1-based line, as an editor shows it. */
function opened(files: SourceFile[], tool: string): string | undefined {
  const c = decisiveCandidate(findHandlerCandidates(files, tool));
  return c && `${c.path}:${c.line + 1}`;
}

describe('finding tool handlers in TypeScript', () => {
  it('follows `execute: getWeather` from the tool definition to the function in another file', () => {
    expect(opened(TS, 'get_weather')).toBe('ts/handlers.ts:2');
    const ranked = findHandlerCandidates(TS, 'get_weather');
    // The definition itself (tools.ts line 8) is the runner-up.
    expect(ranked.map((c) => `${c.path}:${c.line + 1}`)).toEqual(['ts/handlers.ts:2', 'ts/tools.ts:8']);
  });

  it('follows an execute written on one line to a `const` arrow function', () => {
    expect(opened(TS, 'search_flights')).toBe('ts/handlers.ts:6');
  });

  it('opens an inline execute at its line', () => {
    expect(opened(TS, 'lookup_order')).toBe('ts/tools.ts:17');
  });

  it('reads `tool({ name: "create_ticket", execute: openTicket })`', () => {
    expect(opened(TS, 'create_ticket')).toBe('ts/tools.ts:27');
  });

  it('finds an MCP registration `server.tool("fetch_page", …)`', () => {
    expect(opened(TS, 'fetch_page')).toBe('ts/tools.ts:31');
  });

  it('asks when only functions named like the tool exist, the test file ranked last', () => {
    const ranked = findHandlerCandidates(TS, 'book_hotel');
    expect(ranked.map((c) => `${c.path}:${c.line + 1}`)).toEqual(['ts/handlers.ts:9', 'ts/handlers.test.ts:2']);
    expect(decisiveCandidate(ranked)).toBeUndefined();
  });

  it('finds nothing for a tool the code does not mention', () => {
    expect(findHandlerCandidates(TS, 'send_email')).toEqual([]);
  });
});

describe('finding tool handlers in Python', () => {
  it('reads @function_tool on a def with the tool name', () => {
    expect(opened(PY, 'search_docs')).toBe('py/agent.py:9');
  });

  it('reads a name given in the decorator, whatever the function is called', () => {
    expect(opened(PY, 'lookup_user')).toBe('py/agent.py:15');
  });

  it('reads @mcp.tool() on def fetch_page', () => {
    expect(opened(PY, 'fetch_page')).toBe('py/agent.py:20');
  });

  it('reads a decorator spread over several lines with name="convert_currency"', () => {
    expect(opened(PY, 'convert_currency')).toBe('py/agent.py:28');
  });

  it('follows Tool(name="calculator", func=run_calc) to def run_calc', () => {
    expect(opened(PY, 'calculator')).toBe('py/agent.py:32');
  });

  it('accepts a plain def named like the tool when it is the only match', () => {
    expect(opened(PY, 'get_time')).toBe('py/agent.py:43');
  });

  it('finds the demo handler in the demo workspace', () => {
    const demo = [{ path: 'src/tools.ts', text: readFileSync(join(__dirname, '..', '..', '..', 'demo', 'workspace', 'src', 'tools.ts'), 'utf8') }];
    // `export async function getWeather` is line 5 of demo/workspace/src/tools.ts.
    expect(opened(demo, 'get_weather')).toBe('src/tools.ts:5');
    expect(opened(demo, 'book_hotel')).toBe('src/tools.ts:15');
  });
});

describe('languageOf', () => {
  it('reads code files only', () => {
    expect(['a.ts', 'b.tsx', 'c.mjs', 'd.py', 'e.md', 'f.json'].map(languageOf)).toEqual(['js', 'js', 'js', 'python', undefined, undefined]);
  });
});
