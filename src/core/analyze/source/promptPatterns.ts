/**
 * Finding the prompt an LLM call used: its name/version attributes (Langfuse, OpenInference
 * prompt templates) and its system prompt's text, searched literally in the workspace's files.
 */
import type { AttrValue } from '../../model/attributes';
import { rankCandidates, SCORES, type SourceCandidate } from './candidates';
import { escapeRegExp } from './names';
import type { SourceFile } from './toolPatterns';
import { LineIndex } from './textPosition';

export interface PromptRef {
  readonly name?: string;
  readonly version?: string;
  /** The template text when the trace carries it (OpenInference `llm.prompt_template.template`). */
  readonly template?: string;
}

const NAME_KEYS = [
  'langfuse.observation.prompt.name',
  'langfuse.prompt.name',
  'gen_ai.prompt.name',
  'gen_ai.prompt_template.name',
  'llm.prompt_template.name',
  'prompt.name',
  'ai.prompt.name',
];
const VERSION_KEYS = [
  'langfuse.observation.prompt.version',
  'langfuse.prompt.version',
  'gen_ai.prompt.version',
  'gen_ai.prompt_template.version',
  'llm.prompt_template.version',
  'prompt.version',
];
const TEMPLATE_KEYS = ['llm.prompt_template.template', 'gen_ai.prompt_template.template', 'prompt.template'];

function first(attrs: { get(key: string): AttrValue | undefined }, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = attrs.get(k);
    if ((typeof v === 'string' && v.trim() !== '') || typeof v === 'number') return String(v).trim();
  }
  return undefined;
}

/** The prompt a span names, or undefined when it names none. */
export function readPromptRef(attrs: { get(key: string): AttrValue | undefined }): PromptRef | undefined {
  const name = first(attrs, NAME_KEYS);
  const version = first(attrs, VERSION_KEYS);
  const template = first(attrs, TEMPLATE_KEYS);
  if (name === undefined && template === undefined) return undefined;
  return { ...(name !== undefined ? { name } : {}), ...(version !== undefined ? { version } : {}), ...(template !== undefined ? { template } : {}) };
}

/**
 * Literal snippets of a prompt text to look for in source: the longest runs of its first lines
 * that contain no template placeholder (`{x}`, `{{x}}`, `${x}`) and no quote or backslash (which
 * source code would escape), at least 16 and at most 80 characters. Best first.
 */
export function promptNeedles(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.split(/\r?\n/).slice(0, 12)) {
    for (const piece of rawLine.split(/\$?\{\{?[^}]*\}\}?|["'`\\]/)) {
      const t = piece.trim();
      if (t.length >= 16) out.push(t.slice(0, 80).trim());
    }
  }
  return [...new Set(out)].sort((a, b) => b.length - a.length).slice(0, 3);
}

/** Places in `files` where the prompt's text or its name appears, ranked. */
export function findPromptCandidates(files: readonly SourceFile[], opts: { readonly needles: readonly string[]; readonly name?: string }): SourceCandidate[] {
  const out: SourceCandidate[] = [];
  const nameRe = opts.name
    ? new RegExp(`(['"\`])${escapeRegExp(opts.name)}\\1|^#+\\s*${escapeRegExp(opts.name)}\\s*$|^${escapeRegExp(opts.name)}\\s*:`, 'gm')
    : undefined;
  for (const f of files) {
    let idx: LineIndex | undefined;
    const at = (offset: number, score: number, reason: string) => {
      idx ??= new LineIndex(f.text);
      const { line, column } = idx.position(offset);
      out.push({ path: f.path, line, column, score, reason });
    };
    for (const needle of opts.needles) {
      for (let i = f.text.indexOf(needle); i >= 0; i = f.text.indexOf(needle, i + needle.length)) at(i, SCORES.promptText, 'prompt text');
    }
    if (nameRe) for (const m of f.text.matchAll(nameRe)) at(m.index, SCORES.promptName, `prompt name ${opts.name}`);
    // A file named after the prompt (prompts/travel-agent.md) is a prompt file.
    if (opts.name && new RegExp(`(^|/)${escapeRegExp(opts.name)}(\\.[\\w]+)+$`).test(f.path)) at(0, SCORES.promptName, `prompt file ${opts.name}`);
  }
  return rankCandidates(out);
}
