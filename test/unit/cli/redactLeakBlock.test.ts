import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runRedact } from '../../../src/cli/redact';
import type * as RedactModule from '../../../src/core/redact/redactTraces';

/**
 * The second pass blocks the write. The walk leaves nothing the rules match, so a redaction
 * miss is simulated: `redactTraces` is replaced by one that returns the traces unchanged.
 */
vi.mock('../../../src/core/redact/redactTraces', async (importOriginal) => {
  const real = await importOriginal<typeof RedactModule>();
  return { ...real, redactTraces: (traces: never[]) => ({ traces, occurrences: [], counts: {}, keptValues: [] }) };
});

const SECRET = 'ghp_' + 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6';

afterEach(() => vi.restoreAllMocks());

describe('agent-trace redact, second pass', () => {
  it('refuses to write when the output still holds a secret, says why, and prints no secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-redact-leak-'));
    const file = join(dir, 'in.otlp.json');
    const out = join(dir, 'out.otlp.json');
    const span = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      name: 'run',
      startTimeUnixNano: '1700000000000000000',
      endTimeUnixNano: '1700000001000000000',
    };
    const attrs = [{ key: 'note', value: { stringValue: `token ${SECRET}` } }];
    writeFileSync(file, JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ ...span, attributes: attrs }] }] }] }));
    const stderr: string[] = [];
    const stdout: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => stderr.push(String(s)) > 0);
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => stdout.push(String(s)) > 0);
    expect(runRedact([file, '-o', out])).toBe(2);
    expect(stderr.join('')).toBe(`error: ${file}: the check of the redacted output still finds 1 secret (github-token); nothing written\n`);
    expect(stdout.join('')).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
