import { describe, expect, it } from 'vitest';
import { spanIndexFromArg } from '../../../src/core/analyze/source/commandArgs';
import { readCodeLocation } from '../../../src/core/analyze/source/codeLocation';
import { isInsideFolders, parseHandlerMapping } from '../../../src/core/analyze/source/handlerMapping';
import { mapRecordedPath, normalizeRelative, pathSuffixes } from '../../../src/core/analyze/source/pathMap';
import { Attributes } from '../../../src/core/model/attributes';

describe('readCodeLocation', () => {
  it('reads the current code.* attributes and splits a qualified function name', () => {
    const a = new Attributes([
      'code.file.path',
      '/app/src/tools.py',
      'code.line.number',
      42,
      'code.column.number',
      5,
      'code.function.name',
      'app.tools.get_weather',
    ]);
    expect(readCodeLocation(a)).toEqual({ filePath: '/app/src/tools.py', line: 42, column: 5, functionName: 'get_weather', namespace: 'app.tools' });
  });

  it('reads the older names, the line given as a string', () => {
    const a = new Attributes(['code.filepath', 'src/tools.ts', 'code.lineno', '7', 'code.function', 'getWeather', 'code.namespace', 'tools']);
    expect(readCodeLocation(a)).toEqual({ filePath: 'src/tools.ts', line: 7, functionName: 'getWeather', namespace: 'tools' });
  });

  it('prefers the current names over the older ones and ignores lines below 1', () => {
    const a = new Attributes(['code.filepath', 'old.py', 'code.file.path', 'new.py', 'code.lineno', 0]);
    expect(readCodeLocation(a)).toEqual({ filePath: 'new.py' });
  });

  it('is undefined without a file or function', () => {
    expect(readCodeLocation(new Attributes(['code.lineno', 3]))).toBeUndefined();
  });
});

describe('mapRecordedPath', () => {
  const map = { '/app': '.', '/app/vendor': 'third_party', 'C:\\build\\src': 'src' };

  it('applies the longest matching prefix first, then the recorded path', () => {
    expect(mapRecordedPath('/app/vendor/lib.py', map)).toEqual(['third_party/lib.py', 'vendor/lib.py', '/app/vendor/lib.py']);
  });

  it('matches whole segments only and converts backslashes', () => {
    expect(mapRecordedPath('/application/x.py', map)).toEqual(['/application/x.py']);
    expect(mapRecordedPath('C:\\build\\src\\agent\\tools.ts', map)).toEqual(['src/agent/tools.ts', 'C:/build/src/agent/tools.ts']);
  });

  it('gives trailing segments to find a file by its place below a folder', () => {
    expect(pathSuffixes('/app/src/tools.ts')).toEqual(['src/tools.ts', 'tools.ts']);
  });

  it('refuses relative paths that climb out of their folder', () => {
    expect(normalizeRelative('src/../tools.ts')).toBe('tools.ts');
    expect(normalizeRelative('../secrets.txt')).toBeUndefined();
    expect(normalizeRelative('/etc/passwd')).toBeUndefined();
  });
});

describe('the toolHandlers setting', () => {
  it('reads path:line and path#symbol', () => {
    expect(parseHandlerMapping('src/tools.ts:12')).toEqual({ path: 'src/tools.ts', absolute: false, line: 12 });
    expect(parseHandlerMapping('./agent/tools.py#get_weather')).toEqual({ path: 'agent/tools.py', absolute: false, symbol: 'get_weather' });
    expect(parseHandlerMapping('src/tools.ts')).toEqual({ path: 'src/tools.ts', absolute: false });
  });

  it('explains unusable values', () => {
    expect(parseHandlerMapping('../outside.ts:3')).toBe('"../outside.ts" climbs out of the workspace folder');
    expect(parseHandlerMapping(42)).toMatch(/non-empty string/);
    expect(parseHandlerMapping('a.ts#not a symbol')).toMatch(/not a symbol name/);
  });

  it('accepts absolute paths only inside a workspace folder', () => {
    const folders = ['/home/me/project'];
    expect(isInsideFolders('/home/me/project/src/a.ts', folders)).toBe(true);
    expect(isInsideFolders('/home/me/project-other/a.ts', folders)).toBe(false);
    expect(isInsideFolders('/home/me/project/../.ssh/id_rsa', folders)).toBe(false);
    expect(isInsideFolders('/etc/passwd', folders)).toBe(false);
  });
});

describe('the context menu command argument', () => {
  it('accepts the span row context and nothing else', () => {
    expect(spanIndexFromArg({ webviewSection: 'span', spanIndex: 4, spanCategory: 'tool', webview: 'agentTrace.tracePanel' })).toBe(4);
    expect(spanIndexFromArg(undefined)).toBeUndefined();
    for (const bad of [
      { webviewSection: 'span', spanIndex: -1 },
      { webviewSection: 'span', spanIndex: '4' },
      { webviewSection: 'span', spanIndex: 1.5 },
      { webviewSection: 'card', spanIndex: 4 },
      [4],
      'span',
      4,
    ]) {
      expect(spanIndexFromArg(bad)).toBe('invalid');
    }
  });
});
