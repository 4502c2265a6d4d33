/**
 * Where a span says its code lives: the OpenTelemetry `code.*` attributes, current names
 * (`code.file.path`, `code.line.number`, `code.column.number`, `code.function.name`) first,
 * then the older ones (`code.filepath`, `code.lineno`, `code.column`, `code.function`,
 * `code.namespace`). Lines and columns are 1-based as recorded.
 */
import type { AttrValue } from '../../model/attributes';
import { toNumber } from '../../model/attributes';

export interface CodeLocation {
  readonly filePath?: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  readonly functionName?: string;
  readonly namespace?: string;
}

interface AttributeReader {
  get(key: string): AttrValue | undefined;
}

function str(attrs: AttributeReader, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = attrs.get(k);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function positive(attrs: AttributeReader, ...keys: string[]): number | undefined {
  for (const k of keys) {
    const n = toNumber(attrs.get(k));
    if (n !== undefined && Number.isInteger(n) && n >= 1) return n;
  }
  return undefined;
}

/** The code location of one span, or undefined when it names neither a file nor a function. */
export function readCodeLocation(attrs: AttributeReader): CodeLocation | undefined {
  const filePath = str(attrs, 'code.file.path', 'code.filepath');
  let functionName = str(attrs, 'code.function.name', 'code.function');
  let namespace = str(attrs, 'code.namespace');
  // The current convention puts the fully qualified name in code.function.name ("pkg.mod.fn").
  if (functionName && !namespace && /^[\w$.]+$/.test(functionName) && functionName.includes('.')) {
    const dot = functionName.lastIndexOf('.');
    namespace = functionName.slice(0, dot);
    functionName = functionName.slice(dot + 1);
  }
  if (!filePath && !functionName) return undefined;
  return {
    ...(filePath !== undefined ? { filePath } : {}),
    ...(filePath !== undefined ? optional('line', positive(attrs, 'code.line.number', 'code.lineno')) : {}),
    ...(filePath !== undefined ? optional('column', positive(attrs, 'code.column.number', 'code.column')) : {}),
    ...(functionName !== undefined ? { functionName } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
  };
}

function optional<K extends string>(key: K, v: number | undefined): { [P in K]?: number } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: number };
}
