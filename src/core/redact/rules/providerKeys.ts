import { base62ish, END, mixedAlnum, rule, START, type Rule } from './rule';

/**
 * API keys of model providers and LLM tooling, by their documented prefixes. Order matters:
 * the scanner keeps the first rule that claims a range, so `sk-ant-`, `sk-or-` and `sk-lf-`
 * come before OpenAI's generic `sk-`. Providers whose keys have no prefix (Mistral, Cohere,
 * Together) are found by context (`credentials.ts`: `MISTRAL_API_KEY=…`).
 */
export const PROVIDER_KEY_RULES: readonly Rule[] = [
  rule('anthropic-key', `${START}sk-ant-(?:api\\d\\d-|admin\\d\\d-|oat\\d\\d-)?[A-Za-z0-9_-]{20,}`, 'sk-ant-'),
  rule('openrouter-key', `${START}sk-or-v1-[0-9a-f]{32,}`, 'sk-or-'),
  rule('langfuse-secret-key', `${START}sk-lf-[0-9a-f]{8}-?[0-9a-f-]{8,}`, 'sk-lf-'),
  rule('langfuse-public-key', `${START}pk-lf-[0-9a-f]{8}-?[0-9a-f-]{8,}`, 'pk-lf-'),
  // sk-proj-, sk-svcacct-, sk-admin- (current) and sk- + 32..200 base62 (legacy, DeepSeek-style hex).
  rule('openai-key', `${START}sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}`, 'sk-'),
  rule('openai-key', `${START}sk-[A-Za-z0-9]{32,200}${END}`, 'sk-', mixedAlnum),
  rule('google-api-key', `${START}AIza[0-9A-Za-z_-]{35}${END}`, 'AIza'),
  rule('groq-key', `${START}gsk_[A-Za-z0-9]{40,}`, 'gsk_'),
  rule('huggingface-token', `${START}hf_[A-Za-z0-9]{30,}`, 'hf_', base62ish),
  rule('replicate-token', `${START}r8_[A-Za-z0-9]{30,}`, 'r8_'),
  rule('xai-key', `${START}xai-[A-Za-z0-9]{40,}`, 'xai-'),
  rule('perplexity-key', `${START}pplx-[A-Za-z0-9]{32,}`, 'pplx-'),
  rule('langsmith-key', `${START}lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}`, 'lsv2_'),
  rule('tavily-key', `${START}tvly-(?:dev-|prod-)?[A-Za-z0-9]{24,}`, 'tvly-'),
  rule('pinecone-key', `${START}pcsk_[A-Za-z0-9_]{40,}`, 'pcsk_'),
  rule('fireworks-key', `${START}fw_[A-Za-z0-9]{20,}`, 'fw_', mixedAlnum),
];
