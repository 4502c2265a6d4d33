import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { dumpTrace } from '../../../src/core/report/dumpTrace';
import { deriveAgentView } from '../../../src/core/semantics/agentView';

/**
 * Readable dumps of every corpus trace (tree, kinds, statuses, agent categories, offsets,
 * diagnostics), kept as text snapshots next to this file. They are regression guards: the
 * numbers they must contain are asserted against hand-derived values in the importer,
 * semantics and CLI tests; a snapshot diff shows what a change did to real traces.
 */
const dir = join(__dirname, '../../fixtures/corpus');
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json') && !f.startsWith('attribute-maps') && !f.startsWith('derive') && f !== 'expectations.json')
  .sort();

const KEYS = ['gen_ai.operation.name', 'gen_ai.request.model', 'gen_ai.tool.name', 'openinference.span.kind', 'langfuse.observation.type'];

describe('readable dumps of the corpus', () => {
  it('covers every corpus trace file', () => {
    expect(files.length).toBe(27);
  });

  it.each(files)('%s', async (file) => {
    const set = importTrace(readFileSync(join(dir, file)));
    const text = [
      `format: ${set.formatLabel}`,
      ...set.diagnostics.map((d) => `! ${d.code}: ${d.message}`),
      ...set.traces.map((t) => dumpTrace(t, deriveAgentView(t), KEYS)),
    ].join('\n');
    await expect(text + '\n').toMatchFileSnapshot(`./__snapshots__/${file.replace(/\//g, '__')}.txt`);
  });
});
