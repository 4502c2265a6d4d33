/**
 * Open New Issue: which tracker the workspace's git remote is on (GitHub or GitLab, read from
 * `.git/config` text, never by running git), and the tracker's new-issue URL with the title and
 * body prefilled. Browsers and trackers cut long URLs, so the URL stays within
 * `MAX_ISSUE_URL_LENGTH`: the whole report when it fits, else its summary plus "attach the files
 * in <folder>", clipped by whole lines when even that is too long.
 */
import { mdCode } from './markdownText';

export interface IssueTracker {
  readonly kind: 'github' | 'gitlab';
  /** `https://<host>` (credentials and ports of the remote URL are never kept). */
  readonly origin: string;
  /** `owner/repo`, or `group/subgroup/project` on GitLab. */
  readonly project: string;
}

/** Longest new-issue URL we open (GitHub answers 414 beyond about 8 KB). */
export const MAX_ISSUE_URL_LENGTH = 8000;

/**
 * The tracker of a repository from its `.git/config`: the `origin` remote's url, else the first
 * remote's; undefined when there is none or it is not on GitHub or GitLab.
 */
export function trackerFromGitConfig(configText: string): IssueTracker | undefined {
  const remotes: { name: string; url: string }[] = [];
  let current: string | undefined;
  for (const raw of configText.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      const m = /^\[\s*remote\s+"([^"]*)"\s*\]$/.exec(line);
      current = m ? m[1] : undefined;
      continue;
    }
    if (current === undefined) continue;
    const kv = /^url\s*=\s*(.+)$/i.exec(line);
    if (kv && !remotes.some((r) => r.name === current)) remotes.push({ name: current, url: kv[1].trim().replace(/^"(.*)"$/, '$1') });
  }
  const remote = remotes.find((r) => r.name === 'origin') ?? remotes[0];
  return remote ? trackerFromRemoteUrl(remote.url) : undefined;
}

/**
 * The tracker of one remote URL: `https://github.com/o/r(.git)`, `git@github.com:o/r.git`,
 * `ssh://git@gitlab.com/g/sub/p.git`. GitHub: github.com and `github.*` hosts (Enterprise);
 * GitLab: gitlab.com and hosts with a `gitlab` label.
 */
export function trackerFromRemoteUrl(url: string): IssueTracker | undefined {
  let host: string;
  let path: string;
  const scp = /^(?:[^@/\s]+@)?([A-Za-z0-9.-]+):(?!\/)(.+)$/.exec(url);
  const full = /^(?:https?|ssh|git):\/\/(?:[^@/\s]*@)?([A-Za-z0-9.-]+)(?::\d+)?\/(.+)$/.exec(url);
  if (full) [, host, path] = full;
  else if (scp) [, host, path] = scp;
  else return undefined;
  host = host.toLowerCase();
  const project = path.replace(/\/+$/, '').replace(/\.git$/, '');
  const segments = project.split('/');
  if (segments.some((s) => !/^[A-Za-z0-9._-]+$/.test(s) || s === '.' || s === '..')) return undefined;
  const labels = host.split('.');
  const kind = host === 'github.com' || labels[0] === 'github' ? 'github' : host === 'gitlab.com' || labels.includes('gitlab') ? 'gitlab' : undefined;
  if (!kind) return undefined;
  if (kind === 'github' ? segments.length !== 2 : segments.length < 2) return undefined;
  return { kind, origin: `https://${host}`, project };
}

/** The new-issue URL of `tracker` with `title` and `body` prefilled (query parameters only). */
export function newIssueUrl(tracker: IssueTracker, title: string, body: string): string {
  const q = (k: string, v: string) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
  return tracker.kind === 'github'
    ? `${tracker.origin}/${tracker.project}/issues/new?${q('title', title)}&${q('body', body)}`
    : `${tracker.origin}/${tracker.project}/-/issues/new?${q('issue[title]', title)}&${q('issue[description]', body)}`;
}

export interface IssueLink {
  readonly url: string;
  /** False when the body is the summary with "attach the files" instead of the whole report. */
  readonly complete: boolean;
}

/**
 * The new-issue URL for a report: the whole Markdown when the URL fits, else `summary` plus a
 * line asking to attach the bundle's files from `folder`, with the summary's last lines dropped
 * until it fits.
 */
export function issueLinkForReport(
  tracker: IssueTracker,
  report: { readonly title: string; readonly markdown: string; readonly summary: string },
  folder: string,
  files: readonly string[],
): IssueLink {
  const title = report.title;
  const whole = newIssueUrl(tracker, title, report.markdown);
  if (whole.length <= MAX_ISSUE_URL_LENGTH) return { url: whole, complete: true };
  const attach = `\n\n**The full report is too long for a link: attach the files in ${mdCode(folder, 1000)} (${files.map((f) => mdCode(f)).join(', ')}) to this issue.**\n`;
  const summary = report.summary;
  const lines = summary.split('\n');
  for (let n = lines.length; n > 0; n--) {
    const url = newIssueUrl(tracker, title, lines.slice(0, n).join('\n') + (n < lines.length ? '\n\n…' : '') + attach);
    if (url.length <= MAX_ISSUE_URL_LENGTH) return { url, complete: false };
  }
  return { url: newIssueUrl(tracker, title.slice(0, 200), attach.trim()), complete: false };
}
