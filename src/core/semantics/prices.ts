import type { Cost, ModelPrice, PriceOverrides, TokenUsage } from './types';

/**
 * The built-in price table: public list prices in US dollars per million tokens, standard tier
 * (no batch discounts; Gemini Pro's ≤200k-token prompt tier), as published by each vendor on
 * `PRICES_AS_OF`. `cachedInput` is the price of prompt-cache reads; cache writes are billed as
 * plain input here (Anthropic charges them 1.25×, so those costs are slightly low). Users can
 * correct or extend the table with `PriceOverrides` from settings.
 */
export const PRICES_AS_OF = '2026-11-01';

const P = (input: number, output: number, cachedInput?: number): ModelPrice => (cachedInput === undefined ? { input, output } : { input, output, cachedInput });

export const PRICE_TABLE: Readonly<Record<string, ModelPrice>> = Object.freeze({
  // OpenAI
  'gpt-4o': P(2.5, 10, 1.25),
  'gpt-4o-2024-05-13': P(5, 15), // the first gpt-4o snapshot kept its launch price
  'gpt-4o-mini': P(0.15, 0.6, 0.075),
  'gpt-4.1': P(2, 8, 0.5),
  'gpt-4.1-mini': P(0.4, 1.6, 0.1),
  'gpt-4.1-nano': P(0.1, 0.4, 0.025),
  'gpt-4-turbo': P(10, 30),
  'gpt-4': P(30, 60),
  'gpt-3.5-turbo': P(0.5, 1.5),
  o1: P(15, 60, 7.5),
  'o1-mini': P(1.1, 4.4, 0.55),
  o3: P(2, 8, 0.5),
  'o3-mini': P(1.1, 4.4, 0.55),
  'o3-pro': P(20, 80),
  'o4-mini': P(1.1, 4.4, 0.275),
  'gpt-5': P(1.25, 10, 0.125),
  'gpt-5-chat': P(1.25, 10, 0.125),
  'gpt-5-codex': P(1.25, 10, 0.125),
  'gpt-5-mini': P(0.25, 2, 0.025),
  'gpt-5-nano': P(0.05, 0.4, 0.005),
  'gpt-5.1': P(1.25, 10, 0.125),
  'text-embedding-3-small': P(0.02, 0),
  'text-embedding-3-large': P(0.13, 0),
  'text-embedding-ada-002': P(0.1, 0),
  // Anthropic
  'claude-3-haiku': P(0.25, 1.25, 0.03),
  'claude-3-opus': P(15, 75, 1.5),
  'claude-3-5-haiku': P(0.8, 4, 0.08),
  'claude-3-5-sonnet': P(3, 15, 0.3),
  'claude-3-7-sonnet': P(3, 15, 0.3),
  'claude-sonnet-4': P(3, 15, 0.3),
  'claude-sonnet-4-5': P(3, 15, 0.3),
  'claude-haiku-4-5': P(1, 5, 0.1),
  'claude-opus-4': P(15, 75, 1.5),
  'claude-opus-4-1': P(15, 75, 1.5),
  'claude-opus-4-5': P(5, 25, 0.5),
  // Google
  'gemini-1.5-pro': P(1.25, 5, 0.3125),
  'gemini-1.5-flash': P(0.075, 0.3, 0.01875),
  'gemini-1.5-flash-8b': P(0.0375, 0.15, 0.01),
  'gemini-2.0-flash': P(0.1, 0.4, 0.025),
  'gemini-2.0-flash-lite': P(0.075, 0.3),
  'gemini-2.5-pro': P(1.25, 10, 0.125),
  'gemini-2.5-flash': P(0.3, 2.5, 0.03),
  'gemini-2.5-flash-lite': P(0.1, 0.4, 0.01),
  // Mistral
  'mistral-small': P(0.1, 0.3),
  'mistral-medium': P(0.4, 2),
  'mistral-large': P(2, 6),
});

/** A trailing name segment that does not change the price: dates, snapshot numbers, tags. */
const VERSION_SEGMENT = /^(latest|preview|exp|experimental|v\d+|\d{2,})$/;
/** Cloud catalogue prefixes: Bedrock `anthropic.`, `us.anthropic.`, `meta.`… */
const CATALOGUE_PREFIX = /^(?:[a-z]{2}\.)?(?:anthropic|meta|mistral|amazon|cohere|ai21|openai|google)\./;

/**
 * The names tried for `model`, most specific first: lower-cased, without a provider path
 * (`openai/`, `models/`, `mistral/`), Vertex `@version` and Bedrock `:version` suffixes and
 * catalogue prefixes, then with trailing version segments dropped one at a time
 * (`gpt-4o-2024-08-06` → `gpt-4o-2024-08` → … → `gpt-4o`). Single-digit segments stay:
 * they are model versions (`claude-sonnet-4-5`).
 */
export function modelNameCandidates(model: string): string[] {
  let name = model.trim().toLowerCase();
  const out: string[] = [name];
  name = name.slice(name.lastIndexOf('/') + 1);
  const at = name.indexOf('@');
  if (at > 0) name = name.slice(0, at);
  const colon = name.indexOf(':');
  if (colon > 0) name = name.slice(0, colon);
  name = name.replace(CATALOGUE_PREFIX, '');
  // claude-3.5-sonnet (OpenRouter spelling) → claude-3-5-sonnet
  if (name.startsWith('claude')) name = name.replace(/(\d)\.(\d)/g, '$1-$2');
  for (;;) {
    if (out[out.length - 1] !== name) out.push(name);
    const dash = name.lastIndexOf('-');
    if (dash <= 0 || !VERSION_SEGMENT.test(name.slice(dash + 1))) break;
    name = name.slice(0, dash);
  }
  return out;
}

export interface PriceMatch {
  readonly key: string;
  readonly price: ModelPrice;
  /** `PRICES_AS_OF` for the built-in table, 'settings' for an override. */
  readonly date: string;
}

/**
 * Price lookups under one set of overrides, remembered per model name: a trace repeats one
 * model thousands of times. One book per derivation of an agent view (`deriveAgentView` makes
 * it), so the memo lives as long as the view that needs it and no longer.
 */
export class PriceBook {
  readonly #overrides: Map<string, ModelPrice> | undefined;
  readonly #matches = new Map<string, PriceMatch | null>();

  constructor(overrides?: PriceOverrides) {
    this.#overrides = overrides ? normaliseOverrides(overrides) : undefined;
  }

  find(model: string): PriceMatch | undefined {
    let m = this.#matches.get(model);
    if (m === undefined) {
      m = this.#lookup(model) ?? null;
      if (this.#matches.size < 10_000) this.#matches.set(model, m);
    }
    return m ?? undefined;
  }

  #lookup(model: string): PriceMatch | undefined {
    for (const name of modelNameCandidates(model)) {
      const o = this.#overrides?.get(name);
      if (o) return { key: name, price: o, date: 'settings' };
      if (Object.prototype.hasOwnProperty.call(PRICE_TABLE, name)) return { key: name, price: PRICE_TABLE[name], date: PRICES_AS_OF };
    }
    return undefined;
  }
}

/** One lookup (for repeated lookups keep a `PriceBook`). */
export function findPrice(model: string, overrides?: PriceOverrides): PriceMatch | undefined {
  return new PriceBook(overrides).find(model);
}

/** Overrides keyed by lower-cased name, malformed entries dropped. */
function normaliseOverrides(overrides: PriceOverrides): Map<string, ModelPrice> {
  const m = new Map<string, ModelPrice>();
  for (const k of Object.keys(overrides)) {
    const p = overrides[k];
    if (p && Number.isFinite(p.input) && Number.isFinite(p.output)) m.set(k.trim().toLowerCase(), p);
  }
  return m;
}

/** US dollars for `usage` at `price`; cached input tokens are part of `input`. */
export function priceUsage(usage: TokenUsage, price: ModelPrice): number {
  const output = usage.output ?? 0;
  const input = usage.input ?? (usage.total !== undefined ? Math.max(0, usage.total - output) : 0);
  const cached = Math.min(usage.cachedInput ?? 0, input);
  return ((input - cached) * price.input + cached * (price.cachedInput ?? price.input) + output * price.output) / 1e6;
}

export function hasTokens(usage: TokenUsage): boolean {
  return (usage.input ?? 0) > 0 || (usage.output ?? 0) > 0 || (usage.total ?? 0) > 0;
}

/**
 * The cost of one LLM call: the vendor's figure when the trace has one (a vendor $0 next to
 * non-zero tokens means "not priced by the vendor" and is not trusted), else the price table,
 * else unpriced. Never $0 for a call with tokens and no known price.
 */
export function costOf(usage: TokenUsage, model: string | undefined, vendorUsd: number | undefined, prices?: PriceOverrides | PriceBook): Cost {
  const tokens = hasTokens(usage);
  if (vendorUsd !== undefined && vendorUsd >= 0 && (vendorUsd > 0 || !tokens)) return { usd: vendorUsd, source: 'vendor' };
  if (!tokens) return { usd: null, source: 'no-usage' };
  const book = prices instanceof PriceBook ? prices : new PriceBook(prices);
  const match = model !== undefined ? book.find(model) : undefined;
  if (!match) return { usd: null, source: 'unpriced' };
  return { usd: priceUsage(usage, match.price), source: 'price-table', priceKey: match.key, priceDate: match.date };
}
