/**
 * Writes `trace.html`, the self-contained offline viewer of a (redacted) trace: the webview's
 * timeline cards, span tree and claims panel running on an in-page host (webview/offline/), the
 * trace embedded, no network access. The page itself is built by `renderOfflineViewerHtml`.
 *
 * Finding the viewer bundle: esbuild writes it to `<extension root>/dist/offline/` (viewer.js,
 * viewer.css) and the VSIX ships that folder. Every caller passes that folder:
 * - the extension: `join(context.extensionPath, 'dist', 'offline')`;
 * - the CLI bundle (dist/cli.js, so `__dirname` is dist/): `join(__dirname, 'offline')`;
 * - tests running from source: `join(REPO_ROOT, 'dist', 'offline')` after `npm run build`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderOfflineViewerHtml } from './offlineViewerHtml';

export interface OfflineViewerInput {
  /** The trace(s) to show, as OTLP JSON (what `encodeOtlpJson` writes), already redacted. */
  readonly otlpJson: Uint8Array;
  /** The page's title (plain text), e.g. the report's title. */
  readonly title: string;
  /** The folder holding viewer.js and viewer.css: `<extension root>/dist/offline` (see above). */
  readonly viewerDir: string;
  /** Shown as the file name in the viewer's header, e.g. 'trace.otlp.json' (the bundle's trace file). */
  readonly fileName?: string;
  /** What to show first: the trace with this id (default: the first) and its span with this id (default: the first). */
  readonly select?: { readonly traceId?: string; readonly spanId?: string };
}

const OFFLINE_VIEWER_SCRIPT = 'viewer.js';
const OFFLINE_VIEWER_STYLE = 'viewer.css';

/**
 * The HTML text of trace.html. Throws when the bytes are not UTF-8 or the viewer bundle is
 * missing (with the path and what to run), never with trace content in the message.
 */
export async function buildOfflineViewerHtml(input: OfflineViewerInput): Promise<string> {
  let traceJson: string;
  try {
    traceJson = new TextDecoder('utf-8', { fatal: true }).decode(input.otlpJson);
  } catch {
    throw new Error('the trace for the offline viewer is not UTF-8 text (OTLP JSON expected)');
  }
  // One after the other, so a missing bundle is always reported by the same (first) file.
  const script = await readBundleFile(input.viewerDir, OFFLINE_VIEWER_SCRIPT);
  const css = await readBundleFile(input.viewerDir, OFFLINE_VIEWER_STYLE);
  return renderOfflineViewerHtml({
    title: input.title,
    traceJson,
    options: { fileName: input.fileName ?? 'trace.otlp.json', select: input.select ?? {} },
    script,
    css,
  });
}

async function readBundleFile(dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const why = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    throw new Error(`the offline viewer bundle is missing: ${path} (${why}); build it with npm run build`, { cause: e });
  }
}
