import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/core/protocol';

/** The webview's "Bug report…", "Report" (finding) and span actions reach the host as this one typed request. */
describe('createBugReport request', () => {
  it.each([[{ kind: 'trace' }], [{ kind: 'finding', key: 'claimed-success-but-failed:cd4cca57965213a6,8ff34524e9d37b2b' }], [{ kind: 'span', index: 4 }]])(
    'accepts target %j',
    (target) => {
      expect(parseRequest({ type: 'createBugReport', requestId: 7, target })).toEqual({ ok: true, value: { type: 'createBugReport', requestId: 7, target } });
    },
  );

  it.each([
    ['no target', { type: 'createBugReport', requestId: 1 }, 'unexpected keys'],
    ['an extra key', { type: 'createBugReport', requestId: 1, target: { kind: 'trace' }, command: 'workbench.action.terminal.new' }, 'unexpected keys'],
    ['a command as target', { type: 'createBugReport', requestId: 1, target: 'workbench.action.terminal.new' }, 'target must be an object'],
    ['an unknown kind', { type: 'createBugReport', requestId: 1, target: { kind: 'command', id: 'x' } }, 'target.kind'],
    ['a trace target with extra keys', { type: 'createBugReport', requestId: 1, target: { kind: 'trace', file: '/etc/passwd' } }, 'unexpected keys'],
    ['an empty finding key', { type: 'createBugReport', requestId: 1, target: { kind: 'finding', key: '' } }, 'target.key'],
    ['a huge finding key', { type: 'createBugReport', requestId: 1, target: { kind: 'finding', key: 'k'.repeat(5000) } }, 'target.key'],
    ['a negative span index', { type: 'createBugReport', requestId: 1, target: { kind: 'span', index: -1 } }, 'target.index'],
    ['a fractional span index', { type: 'createBugReport', requestId: 1, target: { kind: 'span', index: 1.5 } }, 'target.index'],
    ['a span with a folder', { type: 'createBugReport', requestId: 1, target: { kind: 'span', index: 1, folder: '/tmp' } }, 'unexpected keys'],
  ])('rejects %s', (_what, msg, why) => {
    const r = parseRequest(msg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(why);
  });
});
