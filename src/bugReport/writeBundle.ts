/**
 * Writes a bug-report bundle: report.md, the redacted trace as OTLP JSON (trace.otlp.json) and,
 * when the offline viewer bundle is there, trace.html. Shared by `agent-trace report` and the
 * extension's Create Bug Report… (Node only, no vscode).
 *
 * Order of work, so nothing unsafe is ever written: redact → analyse the redacted trace →
 * encode → build the Markdown → run the second, independent leak scan (`findLeaks`) over the
 * final text of every file → only then create the folder and write. A hit blocks the whole
 * bundle and says which file and which rule types. The input trace file is never written: a
 * bundle path that is the input file is refused.
 */
import { mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { TraceAnalyses } from '../core/analyze/traceAnalyses';
import { buildDeepLink, type DeepLinkSource } from '../core/bugReport/deepLink';
import { buildReportMarkdown, reportSpanId, type ReportMarkdown } from '../core/bugReport/reportMarkdown';
import type { ReportTarget } from '../core/bugReport/reportFocus';
import { encodeOtlpJson } from '../core/export/otlpJson';
import type { Trace } from '../core/model/trace';
import { findLeaks, redactTraces, type RedactionOptions } from '../core/redact/redactTraces';
import { deriveAgentView, type PriceOverrides } from '../core/semantics/agentView';
import { buildOfflineViewerHtml } from '../offlineViewer/buildOfflineViewerHtml';

export const REPORT_FILE = 'report.md';
export const TRACE_FILE = 'trace.otlp.json';
export const VIEWER_FILE = 'trace.html';

export interface BundleInput {
  /** The trace as loaded (not yet redacted). */
  readonly trace: Trace;
  readonly target: ReportTarget;
  readonly redaction: RedactionOptions;
  /** Where the deep link says the trace is: the user's file path (as the link should carry it) or a connection id. */
  readonly linkSource: DeepLinkSource;
  /** VS Code's URI scheme for the deep link (`vscode.env.uriScheme`; the CLI writes `vscode`). */
  readonly scheme?: string;
  /** The trace's page in the backend it came from. */
  readonly backendUrl?: string;
  readonly prices?: PriceOverrides;
  /** The folder of the offline viewer's bundle (viewer.js, viewer.css); without it no trace.html is written. */
  readonly viewerDir?: string;
  /** The input file on disk, which must never be written. */
  readonly inputFile?: string;
}

export type BundleOutcome =
  | {
      readonly kind: 'written';
      readonly dir: string;
      /** File names written in `dir`, report.md first. */
      readonly files: readonly string[];
      readonly report: ReportMarkdown;
      readonly deepLink: string;
      /** Replaced values by type. */
      readonly counts: Readonly<Record<string, number>>;
      /** Why trace.html is missing, when it is. */
      readonly viewerNote?: string;
    }
  | { readonly kind: 'blocked'; readonly reason: string };

/** Builds every file in memory, scans them, then writes them to `dir` (created if missing). */
export async function writeBugReportBundle(input: BundleInput, dir: string): Promise<BundleOutcome> {
  const built = await buildBundleFiles(input);
  // Values the user chose to keep in the preview are allowed through the second pass too.
  const scan = { ...input.redaction, allow: [...(input.redaction.allow ?? []), ...built.keptValues] };
  for (const [name, text] of built.files) {
    const leaks = findLeaks(text, scan);
    if (leaks.length > 0) {
      const types = [...new Set(leaks.map((l) => l.type))].sort().join(', ');
      return {
        kind: 'blocked',
        reason: `the final ${name} still matches ${leaks.length} redaction rule${leaks.length === 1 ? '' : 's'} (${types}); nothing was written`,
      };
    }
  }
  const out = resolve(dir);
  await mkdir(out, { recursive: true });
  const protectedFile = input.inputFile ? await realpathOrSelf(input.inputFile) : undefined;
  for (const [name] of built.files) {
    if (protectedFile && (await realpathOrSelf(join(out, name))) === protectedFile) {
      return { kind: 'blocked', reason: `${join(out, name)} is the input trace file, which a report never overwrites; choose another folder` };
    }
  }
  for (const [name, text] of built.files) await writeFile(join(out, name), text, 'utf8');
  return {
    kind: 'written',
    dir: out,
    files: built.files.map(([name]) => name),
    report: built.report,
    deepLink: built.deepLink,
    counts: built.counts,
    ...(built.viewerNote ? { viewerNote: built.viewerNote } : {}),
  };
}

interface BuiltBundle {
  readonly files: [name: string, text: string][];
  readonly report: ReportMarkdown;
  readonly deepLink: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly keptValues: readonly string[];
  readonly viewerNote?: string;
}

async function buildBundleFiles(input: BundleInput): Promise<BuiltBundle> {
  const redacted = redactTraces([input.trace], input.redaction);
  const trace = redacted.traces[0];
  const analyses = new TraceAnalyses(trace, deriveAgentView(trace, input.prices ? { prices: input.prices } : {}));
  const spanId = reportSpanId(analyses, input.target);
  const deepLink = buildDeepLink({ traceId: trace.traceId, ...(spanId ? { spanId } : {}), ...input.linkSource }, input.scheme);
  const otlp = new TextDecoder().decode(encodeOtlpJson([trace]));
  let viewer: string | undefined;
  let viewerNote: string | undefined;
  if (input.viewerDir) {
    try {
      viewer = await buildOfflineViewerHtml({
        otlpJson: new TextEncoder().encode(otlp),
        title: `Agent trace ${trace.traceId}`,
        viewerDir: input.viewerDir,
        fileName: TRACE_FILE,
        select: { traceId: trace.traceId, ...(spanId ? { spanId } : {}) },
      });
    } catch (e) {
      viewerNote = `no ${VIEWER_FILE}: ${e instanceof Error ? e.message : String(e)}`;
    }
  } else viewerNote = `no ${VIEWER_FILE}: the offline viewer is not available here`;
  const bundleFiles = viewer !== undefined ? [TRACE_FILE, VIEWER_FILE] : [TRACE_FILE];
  const report = buildReportMarkdown(analyses, input.target, {
    deepLink,
    bundleFiles,
    redacted: redacted.counts,
    ...(input.backendUrl ? { backendUrl: input.backendUrl } : {}),
    ...(input.redaction.dropMessageBodies ? { droppedMessageBodies: true } : {}),
  });
  const files: [string, string][] = [
    [REPORT_FILE, report.markdown],
    [TRACE_FILE, otlp],
  ];
  if (viewer !== undefined) files.push([VIEWER_FILE, viewer]);
  return { files, report, deepLink, counts: redacted.counts, keptValues: redacted.keptValues, ...(viewerNote ? { viewerNote } : {}) };
}

async function realpathOrSelf(p: string): Promise<string> {
  try {
    await stat(p);
    return await realpath(p);
  } catch {
    return resolve(p);
  }
}
