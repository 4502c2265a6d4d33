/**
 * Text patterns that find where a tool is defined and implemented, in TypeScript/JavaScript
 * and Python source, without parsing: the tool name in tool definitions
 * (`get_weather: tool({ … execute: getWeather })`, `tool({ name: 'x' })`, `server.tool('x', …)`,
 * `@tool`/`@function_tool`/`@mcp.tool()` on `def x(`, `Tool(name="x", func=fn)`), then the
 * function the definition points at (`execute: fnName`, `func=fn`), then functions named like
 * the tool. `findHandlerCandidates` runs them over a set of files and ranks the results.
 */
import { rankCandidates, SCORES, type SourceCandidate } from './candidates';
import { escapeRegExp, identifierVariants } from './names';
import { groupEnd, LineIndex } from './textPosition';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export type SourceLanguage = 'js' | 'python';

/** The language of a file by its extension; undefined for files the patterns do not read. */
export function languageOf(path: string): SourceLanguage | undefined {
  if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i.test(path)) return 'js';
  if (/\.pyi?$/i.test(path)) return 'python';
  return undefined;
}

interface FileMatches {
  readonly candidates: SourceCandidate[];
  /** Functions a definition of the tool hands the work to (`execute: getWeather` → `getWeather`). */
  readonly follows: string[];
}

const IDENT_JS = '[A-Za-z_$][\\w$]*';
const HANDLER_KEYS_JS = 'execute|handler|run|func|fn|callback|invoke|implementation';
const HANDLER_KEYS_PY = 'func|function|coroutine|fn|handler|on_invoke_tool|callable';

function candidate(path: string, idx: LineIndex, offset: number, score: number, reason: string): SourceCandidate {
  const { line, column } = idx.position(offset);
  return { path, line, column, score, reason };
}

/** The handler named inside one tool definition's text, or its inline implementation. */
function handlerIn(region: string, regionStart: number, lang: SourceLanguage): { follow?: string; inlineAt?: number } {
  if (lang === 'js') {
    const named = new RegExp(`\\b(?:${HANDLER_KEYS_JS})\\s*:\\s*(${IDENT_JS}(?:\\.${IDENT_JS})*)\\s*(?=[,}\\n\\r]|$)`).exec(region);
    if (named) return { follow: named[1].split('.').pop() };
    const inline = /\b(?:execute|handler)\s*(?::\s*(?:async\s*)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)|\()/.exec(region);
    if (inline) return { inlineAt: regionStart + inline.index };
    return {};
  }
  const named = new RegExp(`\\b(?:${HANDLER_KEYS_PY})\\s*=\\s*([A-Za-z_][\\w.]*)`).exec(region);
  return named ? { follow: named[1].split('.').pop() } : {};
}

function jsMatches(file: SourceFile, idx: LineIndex, toolName: string, variants: readonly string[]): FileMatches {
  const { text, path } = file;
  const out: SourceCandidate[] = [];
  const follows: string[] = [];
  const name = escapeRegExp(toolName);
  const addDefinition = (at: number, open: number, score: number, reason: string) => {
    out.push(candidate(path, idx, at, score, reason));
    const end = groupEnd(text, open);
    const h = handlerIn(text.slice(open, end), open, 'js');
    if (h.follow) follows.push(h.follow);
    if (h.inlineAt !== undefined) out.push(candidate(path, idx, h.inlineAt, SCORES.inlineExecute, `inline handler of ${toolName}`));
  };
  // `get_weather: tool({ … })`, `"get-weather": createTool({ … })`
  for (const m of text.matchAll(new RegExp(`(?<![\\w$.])(['"\`]?)${name}\\1\\s*:\\s*[\\w$.]*[Tt]ool\\w*\\s*(?:<[^>]*>\\s*)?\\(`, 'g'))) {
    addDefinition(m.index, m.index + m[0].length - 1, SCORES.toolDefinition, `tool definition ${toolName}`);
  }
  // `tool({ name: 'get_weather', … })`: the definition is the object around the name.
  for (const m of text.matchAll(new RegExp(`\\bname\\s*:\\s*(['"\`])${name}\\1`, 'g'))) {
    const open = text.lastIndexOf('{', m.index);
    const start = open >= 0 && m.index - open < 400 ? open : m.index;
    out.push(candidate(path, idx, m.index, SCORES.toolNameProperty, `name: '${toolName}'`));
    const h = handlerIn(text.slice(start, groupEnd(text, start)), start, 'js');
    if (h.follow) follows.push(h.follow);
    if (h.inlineAt !== undefined) out.push(candidate(path, idx, h.inlineAt, SCORES.inlineExecute, `inline handler of ${toolName}`));
  }
  // MCP and similar registries: `server.tool('get_weather', …)`, `registerTool("get_weather", …)`.
  for (const m of text.matchAll(new RegExp(`(?:\\.\\s*|\\b)(?:tool|registerTool|addTool|defineTool)\\s*\\(\\s*(['"\`])${name}\\1`, 'g'))) {
    out.push(candidate(path, idx, m.index, SCORES.toolRegistration, `registers ${toolName}`));
  }
  // A plain map `{ get_weather: getWeather }`.
  for (const m of text.matchAll(new RegExp(`(?<![\\w$.])(['"\`]?)${name}\\1\\s*:\\s*(${IDENT_JS})\\s*(?=[,}\\n\\r])`, 'g'))) {
    out.push(candidate(path, idx, m.index, SCORES.toolNameProperty, `${toolName}: ${m[2]}`));
    follows.push(m[2]);
  }
  for (const v of variants) out.push(...jsFunctionDefinitions(file, idx, v, SCORES.namedFunction, `function ${v}`));
  return { candidates: out, follows };
}

/** `function name(`, `const name = `, `class name` in TypeScript/JavaScript. */
function jsFunctionDefinitions(file: SourceFile, idx: LineIndex, fn: string, score: number, reason: string): SourceCandidate[] {
  const n = escapeRegExp(fn);
  const re = new RegExp(
    `(?:^|[^\\w$.])((?:export\\s+)?(?:default\\s+)?(?:async\\s+)?function\\s*\\*?\\s*${n}\\s*[<(]|(?:export\\s+)?(?:const|let|var)\\s+${n}\\s*(?::[^=\\n]+)?=(?!=)|(?:export\\s+)?class\\s+${n}\\b)`,
    'gm',
  );
  const out: SourceCandidate[] = [];
  for (const m of file.text.matchAll(re)) out.push(candidate(file.path, idx, m.index + m[0].indexOf(m[1]), score, reason));
  return out;
}

const PY_DEF = /^([ \t]*)(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm;
const PY_TOOL_DECORATOR = /^@[\w.]*?\b(?:tool|tool_plain|function_tool|\w+_tool)\b/;

/**
 * The decorators written above the `def` on `line` (indented by `indent`), each as one string
 * (a decorator spread over several lines is joined).
 */
function decoratorsAbove(idx: LineIndex, line: number, indent: string): string[] {
  const block: string[] = [];
  for (let l = line - 1; l >= 0 && line - l <= 12; l--) {
    const raw = idx.lineText(l);
    const t = raw.trim();
    if (t === '') break;
    const atIndent = raw.startsWith(indent) && !/^\s/.test(raw.slice(indent.length));
    if (atIndent && !t.startsWith('@') && !/^[)\]}]/.test(t)) break;
    block.unshift(t);
  }
  return block
    .join(' ')
    .split(/\s(?=@)/)
    .filter((d) => d.startsWith('@'));
}

function pyMatches(file: SourceFile, idx: LineIndex, toolName: string, variants: readonly string[]): FileMatches {
  const { text, path } = file;
  const out: SourceCandidate[] = [];
  const follows: string[] = [];
  const name = escapeRegExp(toolName);
  const namedInDecorator = new RegExp(`(?:\\bname\\s*=\\s*|\\(\\s*)(['"])${name}\\1`);
  for (const m of text.matchAll(PY_DEF)) {
    const defName = m[2];
    const { line } = idx.position(m.index);
    const decorators = decoratorsAbove(idx, line, m[1]);
    const toolDecorator = decorators.find((d) => PY_TOOL_DECORATOR.test(d));
    const at = m.index + m[1].length;
    if (toolDecorator && namedInDecorator.test(toolDecorator))
      out.push(candidate(path, idx, at, SCORES.followedHandler, `${toolDecorator.split('(')[0]} named ${toolName}`));
    else if (variants.includes(defName)) {
      out.push(
        toolDecorator
          ? candidate(path, idx, at, SCORES.decoratedFunction, `${toolDecorator.split('(')[0]} def ${defName}`)
          : candidate(path, idx, at, SCORES.namedFunction, `def ${defName}`),
      );
    }
  }
  // `Tool(name="get_weather", func=get_weather_impl)`, `StructuredTool.from_function(..., name='x')`.
  for (const m of text.matchAll(new RegExp(`\\bname\\s*=\\s*(['"])${name}\\1`, 'g'))) {
    out.push(candidate(path, idx, m.index, SCORES.toolNameProperty, `name="${toolName}"`));
    const open = text.lastIndexOf('(', m.index);
    const start = open >= 0 && m.index - open < 400 ? open : m.index;
    const h = handlerIn(text.slice(start, groupEnd(text, start)), start, 'python');
    if (h.follow) follows.push(h.follow);
  }
  // `TOOLS = {"get_weather": get_weather_impl}`
  for (const m of text.matchAll(new RegExp(`(['"])${name}\\1\\s*:\\s*([A-Za-z_][\\w.]*)\\s*(?=[,}\\n\\r])`, 'g'))) {
    const fn = m[2].split('.').pop() ?? m[2];
    out.push(candidate(path, idx, m.index, SCORES.toolNameProperty, `"${toolName}": ${fn}`));
    follows.push(fn);
  }
  return { candidates: out, follows };
}

function pyFunctionDefinitions(file: SourceFile, idx: LineIndex, fn: string, score: number, reason: string): SourceCandidate[] {
  const out: SourceCandidate[] = [];
  for (const m of file.text.matchAll(PY_DEF)) if (m[2] === fn) out.push(candidate(file.path, idx, m.index + m[1].length, score, reason));
  return out;
}

/** Places in one file that define `fn` (a function, or in JS also a const/class). */
export function functionDefinitions(file: SourceFile, fn: string, score: number, reason: string): SourceCandidate[] {
  const lang = languageOf(file.path);
  if (!lang) return [];
  if (!file.text.includes(fn)) return [];
  const idx = new LineIndex(file.text);
  return lang === 'js' ? jsFunctionDefinitions(file, idx, fn, score, reason) : pyFunctionDefinitions(file, idx, fn, score, reason);
}

/** Matches of tool `toolName` in one file, plus the function names its definitions point at. */
export function matchToolInFile(file: SourceFile, toolName: string): FileMatches {
  const lang = languageOf(file.path);
  if (!lang || toolName === '') return { candidates: [], follows: [] };
  const variants = identifierVariants(toolName);
  if (!file.text.includes(toolName) && !variants.some((v) => file.text.includes(v))) return { candidates: [], follows: [] };
  const idx = new LineIndex(file.text);
  return lang === 'js' ? jsMatches(file, idx, toolName, variants) : pyMatches(file, idx, toolName, variants);
}

/**
 * Ranked places implementing tool `toolName` across `files`: every file's matches, then the
 * definitions (in any of the files) of the functions the tool's definitions point at.
 */
export function findHandlerCandidates(files: readonly SourceFile[], toolName: string): SourceCandidate[] {
  const all: SourceCandidate[] = [];
  const follows = new Set<string>();
  for (const f of files) {
    const m = matchToolInFile(f, toolName);
    all.push(...m.candidates);
    for (const fn of m.follows) follows.add(fn);
  }
  for (const fn of follows) for (const f of files) all.push(...functionDefinitions(f, fn, SCORES.followedHandler, `handler of ${toolName} (via ${fn})`));
  return rankCandidates(all);
}
