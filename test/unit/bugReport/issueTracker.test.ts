import { describe, expect, it } from 'vitest';
import { issueLinkForReport, MAX_ISSUE_URL_LENGTH, newIssueUrl, trackerFromGitConfig, trackerFromRemoteUrl } from '../../../src/core/bugReport/issueTracker';

describe('trackerFromRemoteUrl', () => {
  it.each([
    ['https://github.com/acme/agent.git', 'github', 'https://github.com', 'acme/agent'],
    ['https://github.com/acme/agent', 'github', 'https://github.com', 'acme/agent'],
    ['git@github.com:acme/agent.git', 'github', 'https://github.com', 'acme/agent'],
    ['ssh://git@github.com/acme/agent.git', 'github', 'https://github.com', 'acme/agent'],
    ['https://user:ghp_secret@github.com/acme/agent.git', 'github', 'https://github.com', 'acme/agent'],
    ['https://github.acme.corp/team/agent.git', 'github', 'https://github.acme.corp', 'team/agent'],
    ['https://gitlab.com/group/sub/project.git', 'gitlab', 'https://gitlab.com', 'group/sub/project'],
    ['git@gitlab.com:group/project.git', 'gitlab', 'https://gitlab.com', 'group/project'],
    ['ssh://git@gitlab.acme.io:2222/group/project.git', 'gitlab', 'https://gitlab.acme.io', 'group/project'],
  ])('%s is on %s', (url, kind, origin, project) => {
    expect(trackerFromRemoteUrl(url)).toEqual({ kind, origin, project });
  });

  it.each([
    'https://bitbucket.org/acme/agent.git',
    '/srv/git/agent.git',
    'file:///srv/git/agent.git',
    'https://github.com/acme',
    'https://github.com/acme/agent/extra',
    'https://github.com/acme/../evil',
    'https://github.com/acme/agent?x=<script>',
    'https://evilgithub.com/acme/agent',
  ])('%s is not a tracker we open', (url) => {
    expect(trackerFromRemoteUrl(url)).toBeUndefined();
  });
});

describe('trackerFromGitConfig', () => {
  it('takes the origin remote, not the first one', () => {
    const config = [
      '[core]',
      '\trepositoryformatversion = 0',
      '[remote "upstream"]',
      '\turl = https://gitlab.com/up/stream.git',
      '\tfetch = +refs/heads/*:refs/remotes/upstream/*',
      '[remote "origin"]',
      '\turl = git@github.com:me/fork.git',
      '[branch "main"]',
      '\tremote = origin',
    ].join('\n');
    expect(trackerFromGitConfig(config)).toEqual({ kind: 'github', origin: 'https://github.com', project: 'me/fork' });
  });

  it('falls back to the first remote, and has none without remotes', () => {
    expect(trackerFromGitConfig('[remote "up"]\n  url = https://gitlab.com/a/b\n')?.project).toBe('a/b');
    expect(trackerFromGitConfig('[core]\n\tbare = false\n')).toBeUndefined();
  });
});

const GH = { kind: 'github', origin: 'https://github.com', project: 'acme/agent' } as const;
const GL = { kind: 'gitlab', origin: 'https://gitlab.com', project: 'g/p' } as const;

describe('newIssueUrl', () => {
  it('prefills title and body (GitHub) or issue[title] and issue[description] (GitLab)', () => {
    expect(newIssueUrl(GH, 'A & B', '# x\nline')).toBe('https://github.com/acme/agent/issues/new?title=A%20%26%20B&body=%23%20x%0Aline');
    expect(newIssueUrl(GL, 'T', 'b')).toBe('https://gitlab.com/g/p/-/issues/new?issue%5Btitle%5D=T&issue%5Bdescription%5D=b');
  });
});

describe('issueLinkForReport', () => {
  const files = ['report.md', 'trace.otlp.json'];
  it('carries the whole report when the URL fits', () => {
    const link = issueLinkForReport(GH, { title: 'T', markdown: 'whole report', summary: 'short' }, '/w/.agent-trace/reports/x', files);
    expect(link).toEqual({ url: 'https://github.com/acme/agent/issues/new?title=T&body=whole%20report', complete: true });
  });

  it('falls back to the summary plus "attach the files in <folder>" when the report is too long', () => {
    const markdown = 'x'.repeat(9000);
    const link = issueLinkForReport(GH, { title: 'T', markdown, summary: 'head line\nsecond line' }, '/w/.agent-trace/reports/2026-12-02-0af76519', files);
    expect(link.complete).toBe(false);
    expect(link.url.length).toBeLessThanOrEqual(MAX_ISSUE_URL_LENGTH);
    const body = decodeURIComponent(new URL(link.url).searchParams.get('body') ?? '');
    expect(body).toContain('head line\nsecond line');
    expect(body).toContain('attach the files in `/w/.agent-trace/reports/2026-12-02-0af76519` (`report.md`, `trace.otlp.json`)');
  });

  it('drops summary lines until the URL fits', () => {
    const summary = Array.from({ length: 400 }, (_, i) => `line ${i} ${'y'.repeat(20)}`).join('\n');
    const link = issueLinkForReport(GL, { title: 'T', markdown: summary + 'z'.repeat(9000), summary }, '/w/r', files);
    expect(link.complete).toBe(false);
    expect(link.url.length).toBeLessThanOrEqual(MAX_ISSUE_URL_LENGTH);
    const body = new URL(link.url).searchParams.get('issue[description]') ?? '';
    expect(body).toContain('line 0 ');
    expect(body).not.toContain('line 399 ');
    expect(body).toContain('attach the files in `/w/r`');
  });
});
