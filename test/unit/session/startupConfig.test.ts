import { describe, expect, it } from 'vitest';
import { parseStartupConfig } from '../../../src/core/config/startupConfig';

describe('.vscode/agent-trace.json', () => {
  it('reads workspace-relative paths', () => {
    expect(parseStartupConfig('{"openOnStartup":["traces/a.otlp.json","b\\\\c.json"]}')).toEqual({
      openOnStartup: ['traces/a.otlp.json', 'b/c.json'],
      problems: [],
    });
  });

  it.each([
    ['/etc/passwd', 'must be relative to the folder'],
    ['C:\\\\secrets.json', 'must be relative to the folder'],
    ['../outside.json', 'may not leave the folder'],
    ['traces/../../x.json', 'may not leave the folder'],
    ['https://example.com/t.json', 'must be a path, not a URI'],
    ['', 'not a non-empty string'],
  ])('refuses %s', (entry, why) => {
    const r = parseStartupConfig(JSON.stringify({ openOnStartup: [entry, 'ok.json'] }).replace(/\\\\\\\\/g, '\\\\'));
    expect(r.openOnStartup).toEqual(['ok.json']);
    expect(r.problems.join('\n')).toContain(why);
  });

  it('explains a broken file instead of failing', () => {
    expect(parseStartupConfig('{nope').problems[0]).toMatch(/is not valid JSON/);
    expect(parseStartupConfig('[1]').problems[0]).toMatch(/must hold a JSON object/);
    expect(parseStartupConfig('{"openOnStartup":"a.json"}').problems[0]).toMatch(/must be an array/);
    expect(parseStartupConfig('{}')).toEqual({ openOnStartup: [], problems: [] });
  });

  it('caps the number of traces', () => {
    const r = parseStartupConfig(JSON.stringify({ openOnStartup: Array.from({ length: 12 }, (_, i) => `t${i}.json`) }));
    expect(r.openOnStartup.length).toBe(10);
    expect(r.problems).toEqual(['openOnStartup lists more than 10 traces; the rest are ignored']);
  });
});
