import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { TraceBuilder } from '../../../src/core/import/traceBuilder';
import { ImportError } from '../../../src/core/model/diagnostics';
import { baseName, describeEmptySet, describeLoadError } from '../../../src/session/loadMessages';
import { id, ms, TRACE_ID } from '../view/buildFixture';

describe('describeLoadError', () => {
  it('names the file and gives the importer reason as is', () => {
    expect(describeLoadError('broken.json', new ImportError('truncated JSON at byte 1,234', 1234, 'JSON'))).toBe(
      'Could not open broken.json: truncated JSON at byte 1,234',
    );
    expect(describeLoadError('t.pb', new ImportError('field 1 has wire type 7', 12, 'OTLP protobuf'))).toBe(
      'Could not open t.pb: OTLP protobuf: field 1 has wire type 7',
    );
    expect(describeLoadError('x.pb', new ImportError('not a trace'))).toBe('Could not open x.pb: not a trace');
  });

  it('turns file system errors into plain words', () => {
    const fsError = Object.assign(new Error('EntryNotFound (FileSystemError): /w/gone.json'), { code: 'FileNotFound' });
    expect(describeLoadError('gone.json', fsError)).toBe('Could not open gone.json: the file does not exist');
    expect(describeLoadError('secret.json', Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('Could not open secret.json: permission denied');
  });

  it('gives only the first line of an unexpected error, never a stack', () => {
    const e = new TypeError('Cannot read properties of undefined\n    at foo (file.ts:1:1)');
    const msg = describeLoadError('odd.json', e);
    expect(msg).toBe('Could not open odd.json: internal error while reading the trace (Cannot read properties of undefined)');
    expect(msg).not.toContain(' at ');
  });

  it('reads a real importer failure on a truncated file', () => {
    const bytes = new TextEncoder().encode('{"resourceSpans": [{"scopeSpans": [');
    let message = '';
    try {
      importTrace(bytes);
    } catch (e) {
      message = describeLoadError('cut.json', e);
    }
    expect(message.startsWith('Could not open cut.json: ')).toBe(true);
    expect(message.length).toBeGreaterThan('Could not open cut.json: '.length);
    expect(message).not.toMatch(/\n\s+at /);
  });
});

describe('describeEmptySet', () => {
  it('is undefined when a trace has spans', () => {
    const b = new TraceBuilder();
    b.addSpan({ traceId: TRACE_ID, spanId: id(1), name: 'a', startNs: ms(0), endNs: ms(1) });
    expect(describeEmptySet('a.json', b.build('otlp-json', 'OTLP JSON'))).toBeUndefined();
  });

  it('says the file holds no spans, or that none could be read and why', () => {
    expect(describeEmptySet('e.json', new TraceBuilder().build('otlp-json', 'OTLP JSON'))).toBe('Could not open e.json: it holds no spans (OTLP JSON)');
    const b = new TraceBuilder();
    b.addUnreadable('spans[0]', 'not an object');
    b.addUnreadable('spans[1]', 'not an object');
    expect(describeEmptySet('u.json', b.build('zipkin', 'Zipkin JSON'))).toBe(
      'Could not open u.json: none of its 2 span records could be read (first problem: spans[0]: not an object)',
    );
  });
});

describe('baseName', () => {
  it('takes the last path segment', () => {
    expect(baseName('/a/b/run.otlp.json')).toBe('run.otlp.json');
    expect(baseName('/a/b/')).toBe('b');
    expect(baseName('run.json')).toBe('run.json');
  });
});
