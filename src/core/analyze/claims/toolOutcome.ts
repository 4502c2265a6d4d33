import type { ToolExecution } from '../../semantics/types';

/**
 * Whether a tool execution failed, from its status or its result. Tools often report failure
 * in the payload while the span status says ok: `{"error": …}`, `"status": "failed"`,
 * `"success": false`, MCP's `isError: true`, a non-zero exit code, or text starting "Error:".
 */

const FAILED_STATUS = /^(?:failed|failure|fail|error|errored|declined|rejected|denied|timeout|timed[_ ]out)$/i;
const ERROR_TEXT = /^\s*(?:error|exception|traceback|failed|failure|fatal)\b\s*[:(-]/i;

/** A short description of the error a result carries, or undefined when it looks fine. */
export function errorPayload(result: unknown): string | undefined {
  if (typeof result === 'string') {
    const t = result.trim();
    if (t.startsWith('{') && t.endsWith('}')) {
      try {
        return errorPayload(JSON.parse(t) as unknown);
      } catch {
        // plain text
      }
    }
    return ERROR_TEXT.test(t) ? clip(t) : undefined;
  }
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return undefined;
  const r = result as Record<string, unknown>;
  const err = own(r, 'error');
  if (err !== undefined && err !== null && err !== false && err !== '' && !(typeof err === 'object' && Object.keys(err).length === 0)) {
    return clip(typeof err === 'string' ? err : JSON.stringify(err));
  }
  const errors = own(r, 'errors');
  if (Array.isArray(errors) && errors.length > 0) return clip(JSON.stringify(errors[0]));
  for (const key of ['status', 'state', 'result', 'response_status', 'outcome']) {
    const v = own(r, key);
    if (typeof v === 'string' && FAILED_STATUS.test(v.trim())) return clip(`${key}: ${v}${messageOf(r)}`);
  }
  if (own(r, 'success') === false || own(r, 'ok') === false) return clip(`success: false${messageOf(r)}`);
  if (own(r, 'isError') === true || own(r, 'is_error') === true) return clip(`isError${messageOf(r)}`);
  for (const key of ['exitCode', 'exit_code', 'returncode', 'return_code']) {
    const v = own(r, key);
    if (typeof v === 'number' && v !== 0) return clip(`${key} ${v}${messageOf(r)}`);
  }
  return undefined;
}

/** Why the execution failed (error status or error payload), or undefined when it succeeded. */
export function failureOf(exec: ToolExecution): string | undefined {
  if (exec.status === 'error') return exec.error ?? 'error status';
  return errorPayload(exec.result);
}

/** A test run whose output reports failing tests (for "tests pass" claims). */
export function testRunFailed(result: unknown): boolean {
  const text = typeof result === 'string' ? result : JSON.stringify(result ?? '');
  return /\b[1-9]\d* (?:failed|failing|failures?|errors?)\b|\bFAILED\b|\bexit (?:code|status) [1-9]/.test(text);
}

function own(r: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(r, key) ? r[key] : undefined;
}

function messageOf(r: Record<string, unknown>): string {
  const m = own(r, 'message') ?? own(r, 'detail') ?? own(r, 'reason');
  return typeof m === 'string' ? ` (${m})` : '';
}

function clip(s: string): string {
  return s.length > 160 ? s.slice(0, 157) + '…' : s;
}
