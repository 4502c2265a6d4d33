/**
 * `.vscode/agent-trace.json`: a folder can ask for traces to open with it (the demo workspace
 * does; so can a bug-report repository). Shape: `{"openOnStartup": ["traces/run.otlp.json"]}`.
 * Paths are relative to the folder and may not leave it: absolute paths, `..` segments and
 * URI schemes are refused with a reason, since the file comes from the workspace, not the user.
 */
export interface StartupConfig {
  readonly openOnStartup: readonly string[];
  /** One line per entry that was ignored, for the output channel. */
  readonly problems: readonly string[];
}

export const STARTUP_CONFIG_PATH = '.vscode/agent-trace.json';
const MAX_ENTRIES = 10;

export function parseStartupConfig(text: string): StartupConfig {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { openOnStartup: [], problems: [`${STARTUP_CONFIG_PATH} is not valid JSON (${(e as Error).message})`] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { openOnStartup: [], problems: [`${STARTUP_CONFIG_PATH} must hold a JSON object`] };
  const list = (doc as { openOnStartup?: unknown }).openOnStartup;
  if (list === undefined) return { openOnStartup: [], problems: [] };
  if (!Array.isArray(list)) return { openOnStartup: [], problems: ['openOnStartup must be an array of workspace-relative paths'] };
  const ok: string[] = [];
  const problems: string[] = [];
  for (const entry of list) {
    const why = checkRelativePath(entry);
    if (why) problems.push(`openOnStartup entry ${JSON.stringify(entry)?.slice(0, 80)} ignored: ${why}`);
    else if (ok.length >= MAX_ENTRIES) problems.push(`openOnStartup lists more than ${MAX_ENTRIES} traces; the rest are ignored`);
    else ok.push((entry as string).replace(/\\/g, '/'));
  }
  return { openOnStartup: ok, problems: [...new Set(problems)] };
}

function checkRelativePath(p: unknown): string | undefined {
  if (typeof p !== 'string' || p.trim() === '') return 'not a non-empty string';
  const norm = p.replace(/\\/g, '/');
  if (norm.startsWith('/') || /^[a-zA-Z]:/.test(norm)) return 'must be relative to the folder';
  if (/^[a-zA-Z][\w+.-]*:/.test(norm)) return 'must be a path, not a URI';
  if (norm.split('/').some((seg) => seg === '..')) return 'may not leave the folder';
  return undefined;
}
