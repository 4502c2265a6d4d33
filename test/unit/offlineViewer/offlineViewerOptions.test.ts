import { describe, expect, it } from 'vitest';
import { parseOfflineViewerOptions } from '../../../src/core/protocol/offlineViewer';

describe('parseOfflineViewerOptions (what trace.html tells its viewer; the file may have been edited)', () => {
  it('accepts what buildOfflineViewerHtml writes', () => {
    expect(
      parseOfflineViewerOptions({ fileName: 'trace.otlp.json', select: { traceId: 'a936d92e0e9a300165a22784fd673f2c', spanId: '8ff34524e9d37b2b' } }),
    ).toEqual({
      ok: true,
      value: { fileName: 'trace.otlp.json', select: { traceId: 'a936d92e0e9a300165a22784fd673f2c', spanId: '8ff34524e9d37b2b' } },
    });
    expect(parseOfflineViewerOptions({ fileName: 'trace.otlp.json', select: {} })).toEqual({ ok: true, value: { fileName: 'trace.otlp.json', select: {} } });
    expect(parseOfflineViewerOptions({ fileName: 'x.json' })).toEqual({ ok: true, value: { fileName: 'x.json', select: {} } });
  });

  it('names the field that is wrong', () => {
    expect(parseOfflineViewerOptions(null)).toEqual({ ok: false, error: 'options: not an object' });
    expect(parseOfflineViewerOptions({ fileName: '' })).toMatchObject({ ok: false, error: expect.stringMatching(/^options\.fileName/) });
    expect(parseOfflineViewerOptions({ fileName: 'x'.repeat(201) })).toMatchObject({ ok: false, error: expect.stringMatching(/^options\.fileName/) });
    expect(parseOfflineViewerOptions({ fileName: 'a', select: [] })).toEqual({ ok: false, error: 'options.select: not an object' });
    expect(parseOfflineViewerOptions({ fileName: 'a', select: { spanId: '</script>' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^options\.select\.spanId/),
    });
    expect(parseOfflineViewerOptions({ fileName: 'a', select: { traceId: 'A936' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^options\.select\.traceId/),
    });
  });
});
