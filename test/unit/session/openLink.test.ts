import { describe, expect, it } from 'vitest';
import { MAX_LINK_URL_LENGTH, parseRequest, type HostMessage } from '../../../src/core/protocol';
import { resultCheckerFor } from '../../../src/core/protocol/validate/results';
import { FindingDismissals } from '../../../src/session/findingDismissals';
import { checkLinkUrl } from '../../../src/session/linkUrl';
import { LoadedTrace } from '../../../src/session/loadedTrace';
import { handleWebviewMessage, type RequestContext } from '../../../src/session/webviewRequests';
import { memento } from './memento';
import { agentTrace, agentView } from '../view/buildFixture';

describe('checkLinkUrl (the host re-checks every link the webview asks it to open)', () => {
  it('accepts http, https and mailto, normalised', () => {
    expect(checkLinkUrl('https://example.com/a?b=1#c')).toEqual({ ok: true, url: 'https://example.com/a?b=1#c' });
    expect(checkLinkUrl('HTTP://Example.COM')).toEqual({ ok: true, url: 'http://example.com/' });
    expect(checkLinkUrl('mailto:me@example.com')).toEqual({ ok: true, url: 'mailto:me@example.com' });
  });

  it.each([
    'javascript:alert(1)',
    'command:workbench.action.quit',
    'vscode://ms-vscode.remote/x',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vscode-webview://x/index.html',
    'ftp://example.com/',
    '//example.com/',
    '/relative',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'http://:pw@example.com/',
    ' https://example.com/',
    'https://exa mple.com/',
    'java\tscript:alert(1)',
    'https://example.com/\u0000',
    '',
    `https://example.com/${'a'.repeat(MAX_LINK_URL_LENGTH)}`,
  ])('refuses %j', (url) => {
    expect(checkLinkUrl(url).ok).toBe(false);
  });
});

describe('openLink request', () => {
  function harness(openExternal?: (url: string) => Promise<void>) {
    const posted: HostMessage[] = [];
    const logged: string[] = [];
    const ctx: RequestContext = {
      trace: () => Promise.resolve(new LoadedTrace('file:///w/run.json', 'run.json', agentTrace(), () => agentView())),
      post: (m) => posted.push(m),
      copyText: () => Promise.resolve(),
      log: (l) => logged.push(l),
      dismissals: new FindingDismissals(memento()),
      ...(openExternal ? { openExternal } : {}),
    };
    return { posted, logged, send: (raw: unknown) => handleWebviewMessage(raw, ctx) };
  }

  it('opens a vetted URL through openExternal and answers null', async () => {
    const opened: string[] = [];
    const h = harness(async (u) => void opened.push(u));
    await h.send({ type: 'openLink', requestId: 3, url: 'HTTPS://Example.com/docs' });
    expect(opened).toEqual(['https://example.com/docs']);
    expect(h.posted).toEqual([{ type: 'response', inReplyTo: 3, result: null }]);
    expect(resultCheckerFor({ type: 'openLink', requestId: 3, url: 'x' })(null).ok).toBe(true);
  });

  it('never opens anything else: an error answer and a log line instead', async () => {
    const opened: string[] = [];
    const h = harness(async (u) => void opened.push(u));
    for (const [i, url] of ['command:workbench.action.quit', 'https://a:b@example.com/', 'file:///etc/passwd'].entries()) {
      await h.send({ type: 'openLink', requestId: i, url });
    }
    expect(opened).toEqual([]);
    expect(h.posted.map((m) => ('error' in m ? m.error.startsWith('Not opened:') : false))).toEqual([true, true, true]);
    expect(h.logged).toHaveLength(3);
  });

  it('answers with an error where no VS Code can open links', async () => {
    const h = harness();
    await h.send({ type: 'openLink', requestId: 1, url: 'https://example.com/' });
    expect(h.posted).toEqual([{ type: 'response', inReplyTo: 1, error: 'opening links is not available here' }]);
  });

  it('drops malformed openLink messages before any handler runs', () => {
    expect(parseRequest({ type: 'openLink', requestId: 1, url: 'https://x.org/' }).ok).toBe(true);
    expect(parseRequest({ type: 'openLink', requestId: 1 }).ok).toBe(false);
    expect(parseRequest({ type: 'openLink', requestId: 1, url: 42 }).ok).toBe(false);
    expect(parseRequest({ type: 'openLink', requestId: 1, url: '' }).ok).toBe(false);
    expect(parseRequest({ type: 'openLink', requestId: 1, url: 'https://x.org/', command: 'x' }).ok).toBe(false);
    expect(parseRequest({ type: 'openLink', requestId: 1, url: `https://x.org/${'a'.repeat(MAX_LINK_URL_LENGTH)}` }).ok).toBe(false);
  });
});
