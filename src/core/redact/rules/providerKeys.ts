import { base62ish, END, mixedAlnum, rule, START, type Rule } from './rule';

/**
 * API keys of model providers and LLM tooling, by their documented prefixes. Order matters:
 * the scanner keeps the first rule that claims a range, so `sk-ant-`, `sk-or-` and `sk-lf-`
 * come before OpenAI's generic `sk-`. Providers whose keys have no prefix (Mistral, Cohere,
 * Together) are found by context (`credentials.ts`: `MISTRAL_API_KEY=…`).
 */
export const PROVIDER_KEY_RULES: readonly Rule[] = [
  rule('anthropic-key', `${START}sk-ant-(?:api\\d\\d-|admin\\d\\d-|oat\\d\\d-)?[A-Za-z0-9_-]{20,}`, { any: ['sk-ant-'], run: 26 }),
  rule('openrouter-key', `${START}sk-or-v1-[0-9a-f]{32,}`, { any: ['sk-or-'], run: 41 }),
  rule('langfuse-secret-key', `${START}sk-lf-[0-9a-f]{8}-?[0-9a-f-]{8,}`, { any: ['sk-lf-'], run: 14 }),
  rule('langfuse-public-key', `${START}pk-lf-[0-9a-f]{8}-?[0-9a-f-]{8,}`, { any: ['pk-lf-'], run: 14 }),
  // sk-proj-, sk-svcacct-, sk-admin- (current) and sk- + 32..200 base62 (legacy, DeepSeek-style hex).
  rule('openai-key', `${START}sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}`, { any: ['sk-'], run: 25 }),
  rule('openai-key', `${START}sk-[A-Za-z0-9]{32,200}${END}`, { any: ['sk-'], run: 35 }, mixedAlnum),
  rule('google-api-key', `${START}AIza[0-9A-Za-z_-]{35}${END}`, { any: ['AIza'], run: 39 }),
  rule('groq-key', `${START}gsk_[A-Za-z0-9]{40,}`, { any: ['gsk_'], run: 44 }),
  rule('huggingface-token', `${START}hf_[A-Za-z0-9]{30,}`, { any: ['hf_'], run: 33 }, base62ish),
  rule('replicate-token', `${START}r8_[A-Za-z0-9]{30,}`, { any: ['r8_'], run: 33 }),
  rule('xai-key', `${START}xai-[A-Za-z0-9]{40,}`, { any: ['xai-'], run: 44 }),
  rule('perplexity-key', `${START}pplx-[A-Za-z0-9]{32,}`, { any: ['pplx-'], run: 37 }),
  rule('langsmith-key', `${START}lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}`, { any: ['lsv2_'], run: 51 }),
  rule('tavily-key', `${START}tvly-(?:dev-|prod-)?[A-Za-z0-9]{24,}`, { any: ['tvly-'], run: 29 }),
  rule('pinecone-key', `${START}pcsk_[A-Za-z0-9_]{40,}`, { any: ['pcsk_'], run: 45 }),
  rule('fireworks-key', `${START}fw_[A-Za-z0-9]{20,}`, { any: ['fw_'], run: 23 }, mixedAlnum),
];
