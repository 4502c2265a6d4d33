import { CREDENTIAL_CONTEXT_RULES, CREDENTIAL_SHAPE_RULES } from './credentials';
import { PII_RULES } from './pii';
import { PROVIDER_KEY_RULES } from './providerKeys';
import type { Rule } from './rule';
import { SERVICE_TOKEN_RULES } from './serviceTokens';

/**
 * Every built-in rule, in priority order: where two rules claim overlapping text the earlier
 * one wins. Shapes that enclose other shapes come first (a PEM block, a JWT, a URL's
 * password), then prefixed keys, then context rules, then personal data.
 */
export const BUILTIN_RULES: readonly Rule[] = [
  ...CREDENTIAL_SHAPE_RULES,
  ...PROVIDER_KEY_RULES,
  ...SERVICE_TOKEN_RULES,
  ...CREDENTIAL_CONTEXT_RULES,
  ...PII_RULES,
];
