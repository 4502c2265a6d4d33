/**
 * Tool call arguments for display. Pure.
 *
 * JSON is re-indented by walking its characters, not by parse + stringify: a round trip would
 * silently change what the model sent (integers past 2^53, "1.0" → "1", "\u00e9" → "é",
 * duplicate keys dropped). Only whitespace outside strings changes here.
 */
export function prettyArguments(args: string): string {
  const t = args.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return args;
  try {
    JSON.parse(t);
  } catch {
    return args;
  }
  return reindentJson(t);
}

/** Re-indents valid JSON text by two spaces per level; empty {} and [] stay on one line. */
export function reindentJson(json: string): string {
  let out = '';
  let level = 0;
  let inString = false;
  const newline = () => '\n' + '  '.repeat(level);
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      out += c;
      if (c === '\\') out += json[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{':
      case '[': {
        let j = i + 1;
        while (j < json.length && /\s/.test(json[j])) j++;
        if (json[j] === (c === '{' ? '}' : ']')) {
          out += c + json[j];
          i = j;
        } else {
          level++;
          out += c + newline();
        }
        break;
      }
      case '}':
      case ']':
        level--;
        out += newline() + c;
        break;
      case ',':
        out += ',' + newline();
        break;
      case ':':
        out += ': ';
        break;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}
