/**
 * The `agentTrace.prices` setting: the user's model prices (USD per million tokens, the unit of
 * the built-in table in src/core/semantics/prices.ts), which win over the built-in table.
 *
 * vscode is imported for types only: the workspace API comes in as a parameter, so the parsing
 * and the reload are unit-tested without a VS Code host.
 */
import type * as vscode from 'vscode';
import { deriveAgentView } from '../core/semantics/agentView';
import type { ModelPrice, PriceOverrides } from '../core/semantics/types';
import { LoadedTrace, type DeriveView } from './loadedTrace';
import type { OpenTraces } from './openTraces';

export const PRICES_SETTING = 'agentTrace.prices';

/** Entries beyond this many are ignored (a settings file is not a price database). */
export const MAX_PRICE_ENTRIES = 1000;

type Log = Pick<vscode.LogOutputChannel, 'warn' | 'error'>;
type Workspace = Pick<typeof vscode.workspace, 'getConfiguration' | 'onDidChangeConfiguration'>;

export interface ParsedPrices {
  /** undefined when the setting is empty or has no valid entry. */
  readonly prices: PriceOverrides | undefined;
  /** One plain-words line per ignored entry or value. */
  readonly warnings: readonly string[];
}

const isPrice = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e6;

/**
 * Validates the raw setting value: an object of model name → { input, output, cachedInput? },
 * each a non-negative number of dollars per million tokens. Bad entries are dropped with a
 * warning; the rest still apply.
 */
export function parsePriceOverrides(raw: unknown): ParsedPrices {
  if (raw === undefined || raw === null) return { prices: undefined, warnings: [] };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { prices: undefined, warnings: [`${PRICES_SETTING} must be an object of model name → { input, output, cachedInput? }; ignored`] };
  const warnings: string[] = [];
  const out: Record<string, ModelPrice> = {};
  let count = 0;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const name = JSON.stringify(key.slice(0, 80));
    if (key.trim() === '') {
      warnings.push('an entry with an empty model name was ignored');
      continue;
    }
    if (count >= MAX_PRICE_ENTRIES) {
      warnings.push(`more than ${MAX_PRICE_ENTRIES} entries: ${name} and the rest were ignored`);
      break;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      warnings.push(`${name} was ignored: its value must be an object { input, output, cachedInput? }`);
      continue;
    }
    const v = value as Record<string, unknown>;
    if (!isPrice(v.input) || !isPrice(v.output)) {
      warnings.push(`${name} was ignored: input and output must be non-negative numbers (USD per million tokens)`);
      continue;
    }
    if (v.cachedInput !== undefined && !isPrice(v.cachedInput)) {
      warnings.push(`${name} was ignored: cachedInput must be a non-negative number (USD per million tokens) or left out`);
      continue;
    }
    const unknownKeys = Object.keys(v).filter((k) => k !== 'input' && k !== 'output' && k !== 'cachedInput');
    if (unknownKeys.length > 0) warnings.push(`${name}: unknown field(s) ${unknownKeys.slice(0, 5).join(', ')} ignored`);
    out[key] = v.cachedInput === undefined ? { input: v.input, output: v.output } : { input: v.input, output: v.output, cachedInput: v.cachedInput };
    count++;
  }
  return { prices: count > 0 ? Object.freeze(out) : undefined, warnings };
}

let current: { readonly json: string; readonly prices: PriceOverrides | undefined } | undefined;

/**
 * The validated overrides now in settings. The same object is returned while the setting is
 * unchanged (the price lookups cache per overrides object), and warnings are logged once per
 * distinct value.
 */
export function currentPriceOverrides(workspace: Pick<Workspace, 'getConfiguration'>, log: Log): PriceOverrides | undefined {
  const raw = workspace.getConfiguration('agentTrace').get<unknown>('prices');
  let json: string;
  try {
    json = JSON.stringify(raw ?? null);
  } catch {
    json = String(raw);
  }
  if (current?.json === json) return current.prices;
  const { prices, warnings } = parsePriceOverrides(raw);
  for (const w of warnings) log.warn(`Settings: ${w}`);
  current = { json, prices };
  return prices;
}

/** Derives a trace's agent view priced with `prices`. */
export function deriveWithPrices(prices: PriceOverrides | undefined): DeriveView {
  return (set, traceIndex) => deriveAgentView(set.traces[traceIndex], prices ? { prices } : {});
}

/** The same file and shown trace as `previous`, re-derived with `prices` (no re-import). */
export function repriceTrace(previous: LoadedTrace, prices: PriceOverrides | undefined, log: Log): LoadedTrace {
  const next = new LoadedTrace(
    previous.fileUri,
    previous.fileName,
    previous.set,
    deriveWithPrices(prices),
    (i, e) => log.error(`${previous.fileName}: the agent view of trace ${i} could not be derived: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    prices,
  );
  next.select(previous.traceIndex);
  return next;
}

/**
 * When `agentTrace.prices` changes, re-prices every open trace and has its webview pull again
 * (`replaceTrace` → `traceChanged`), so the cost panel shows the new costs.
 */
export function watchPriceSettings(workspace: Workspace, openTraces: Pick<OpenTraces, 'loaded' | 'showing'>, log: Log): vscode.Disposable {
  return workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(PRICES_SETTING)) return;
    const prices = currentPriceOverrides(workspace, log);
    for (const file of openTraces.loaded()) {
      for (const view of openTraces.showing(file.uri)) {
        if (view.trace) view.replaceTrace(repriceTrace(view.trace, prices, log));
      }
    }
  });
}
