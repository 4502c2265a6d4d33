/**
 * The jump-to-source settings: `agentTrace.source.pathMap` (recorded path prefix → workspace
 * path) and `agentTrace.source.toolHandlers` (tool name → "path:line" or "path#symbol").
 * Values are checked here; anything malformed is dropped and logged, never trusted.
 */
import * as vscode from 'vscode';

export const PATH_MAP_SETTING = 'agentTrace.source.pathMap';
export const TOOL_HANDLERS_SETTING = 'agentTrace.source.toolHandlers';

function stringRecord(key: string): Record<string, string> {
  const section = key.slice(0, key.lastIndexOf('.'));
  const name = key.slice(key.lastIndexOf('.') + 1);
  const raw = vscode.workspace.getConfiguration(section).get<unknown>(name);
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (typeof v === 'string' && k !== '') out[k] = v;
  return out;
}

export function readPathMap(): Record<string, string> {
  return stringRecord(PATH_MAP_SETTING);
}

export function readToolHandlers(): Record<string, string> {
  return stringRecord(TOOL_HANDLERS_SETTING);
}
