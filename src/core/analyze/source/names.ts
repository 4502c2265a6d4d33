/** Spellings of a tool name as code may write it: `get_weather`, `getWeather`, `GetWeather`, `get-weather`. */
import { splitIdentifier } from '../claims/verbs';

/** The same word split as the claims analysis uses for tool names. */
const words = splitIdentifier;

/** The name itself first, then its camelCase, snake_case, PascalCase and kebab-case forms (distinct). */
export function nameVariants(name: string): string[] {
  const w = words(name);
  const out = [name];
  if (w.length > 0) {
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    out.push(w[0] + w.slice(1).map(cap).join(''), w.join('_'), w.map(cap).join(''), w.join('-'));
  }
  return [...new Set(out)];
}

/** The variants that are valid identifiers in TypeScript/JavaScript and Python. */
export function identifierVariants(name: string): string[] {
  return nameVariants(name).filter((v) => /^[A-Za-z_$][\w$]*$/.test(v));
}

/** `s` with RegExp metacharacters escaped. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
