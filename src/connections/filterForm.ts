import * as vscode from 'vscode';
import { nativeText, nt } from '../core/text/nativeText';
import { showPick, type NativePickItem } from '../nativeUi/surfaces';
import type { Connection } from './connectionSettings';
import { DEFAULT_FILTER, describeFilter, LAST_RANGES, parseDateTime, parseDuration, queryLanguage, type TraceFilter } from './traceFilter';

type Field = 'range' | 'service' | 'name' | 'errors' | 'minDuration' | 'query' | 'clear' | 'apply';

/**
 * Filter…: a quick pick of the filter's fields with their current values; picking one asks for
 * it and comes back to the list, "Apply" returns the new filter, Escape keeps the old one.
 */
export async function askFilter(connection: Connection, current: TraceFilter): Promise<TraceFilter | undefined> {
  let f = current;
  for (;;) {
    const items: (NativePickItem & { field: Field })[] = [
      { label: nt`$(check) Apply`, description: nativeText(describeFilter(f), 200), field: 'apply' },
      { label: nt`Time range`, description: nativeText(describeFilter({ range: f.range })), field: 'range' },
      { label: nt`Service`, description: nativeText(f.service ?? 'any'), field: 'service' },
      { label: nt`Operation / name`, description: nativeText(f.name ?? 'any'), field: 'name' },
      { label: nt`Errors only`, description: f.errorsOnly ? nt`yes` : nt`no`, field: 'errors' },
      { label: nt`Minimum duration`, description: nativeText(f.minDurationMs ? `${f.minDurationMs} ms` : 'none'), field: 'minDuration' },
      { label: nt`Query`, description: nativeText(f.query ?? 'none'), detail: nativeText(queryLanguage(connection.kind), 200), field: 'query' },
      { label: nt`Clear the filter`, field: 'clear' },
    ];
    const pick = await showPick(items, {
      title: nt`Filter traces of ${connection.name}`,
      placeHolder: nt`Pick a field to change, then Apply`,
      ignoreFocusOut: true,
    });
    if (!pick) return undefined;
    if (pick.field === 'apply') return f;
    const next = await askField(pick.field, f, connection);
    if (next) f = next;
  }
}

async function askField(field: Exclude<Field, 'apply'>, f: TraceFilter, connection: Connection): Promise<TraceFilter | undefined> {
  switch (field) {
    case 'clear':
      return DEFAULT_FILTER;
    case 'errors':
      return { ...f, errorsOnly: !f.errorsOnly };
    case 'range':
      return askRange(f);
    case 'service':
    case 'name':
    case 'query': {
      const prompt =
        field === 'service' ? 'Service name (empty: any)' : field === 'name' ? 'Root span / operation name (empty: any)' : queryLanguage(connection.kind);
      const v = await vscode.window.showInputBox({ prompt, value: f[field] ?? '', ignoreFocusOut: true });
      if (v === undefined) return undefined;
      const t = v.trim();
      return { ...f, [field]: t === '' ? undefined : t };
    }
    case 'minDuration': {
      const v = await vscode.window.showInputBox({
        prompt: 'Minimum duration, e.g. 500ms, 2s, 1m (empty: none)',
        value: f.minDurationMs ? `${f.minDurationMs}ms` : '',
        ignoreFocusOut: true,
        validateInput: (s) => (s.trim() === '' || parseDuration(s) !== undefined ? undefined : 'not a duration'),
      });
      if (v === undefined) return undefined;
      return { ...f, minDurationMs: v.trim() === '' ? undefined : parseDuration(v) };
    }
  }
}

async function askRange(f: TraceFilter): Promise<TraceFilter | undefined> {
  const items: (NativePickItem & { ms?: number })[] = [...LAST_RANGES.map((r) => ({ label: nativeText(r.label), ms: r.ms })), { label: nt`Custom…` }];
  const pick = await showPick(items, { title: nt`Time range`, ignoreFocusOut: true });
  if (!pick) return undefined;
  if (pick.ms !== undefined) return { ...f, range: { kind: 'last', ms: pick.ms } };
  const validateInput = (s: string) =>
    parseDateTime(s) !== undefined ? undefined : 'expected a date and time like 2026-12-01 09:30 (local) or 2026-12-01T09:30Z';
  const from = await vscode.window.showInputBox({ prompt: 'From (date and time)', ignoreFocusOut: true, validateInput });
  if (from === undefined) return undefined;
  const to = await vscode.window.showInputBox({
    prompt: 'To (date and time)',
    value: new Date().toISOString().slice(0, 16) + 'Z',
    ignoreFocusOut: true,
    validateInput,
  });
  if (to === undefined) return undefined;
  const fromMs = parseDateTime(from)!;
  const toMs = parseDateTime(to)!;
  return { ...f, range: { kind: 'between', fromMs: Math.min(fromMs, toMs), toMs: Math.max(fromMs, toMs) } };
}
