import { rule, START, windowed, type Rule } from './rule';

const PEM_LABEL = '(?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 )?PRIVATE KEY(?: BLOCK)?';

/**
 * Credentials recognised by their shape or by what precedes them: JWTs, PEM/OpenSSH private
 * keys (also JSON-escaped, `\n` written as two characters, and cut short by a clipped
 * attribute), passwords in URLs (also percent-encoded inside a query), `Authorization` and
 * `Bearer` values, and `key = value` assignments whose key names a secret.
 */
export const CREDENTIAL_SHAPE_RULES: readonly Rule[] = [
  rule('private-key', `-----BEGIN ${PEM_LABEL}-----(?:\\\\[nrt]|[A-Za-z0-9+/=\\s:,.-])*?(?:-----END ${PEM_LABEL}-----|(?=["'}\\]]|$))`, {
    any: ['PRIVATE KEY'],
  }),
  rule('jwt', `${START}eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]*`, { any: ['eyJ'], run: 13 }),
  windowed(
    rule('url-password', `[a-z][a-z0-9+.-]{1,15}://[^\\s:/?#@"'<>\\\\]{1,64}:(?<s>[^\\s/?#@"'<>\\\\]{1,128})@`, { any: ['://'] }, notPlaceholder, 'gi'),
    { anchors: ['://'], before: 16, after: 200 },
  ),
  windowed(
    rule(
      'url-password',
      `[a-z][a-z0-9+.-]{1,15}%3A%2F%2F[^\\s%/?#@&"']{1,64}%3A(?<s>[^\\s/?#@&"']{1,128}?)%40`,
      { anyCi: ['%3a%2f%2f'] },
      notPlaceholder,
      'gi',
    ),
    { anchors: ['%3a%2f%2f'], before: 16, after: 220 },
  ),
];

/** After every prefixed rule, so `Authorization: Bearer sk-…` is typed by its key's provider. */
export const CREDENTIAL_CONTEXT_RULES: readonly Rule[] = [
  rule(
    'authorization',
    `(?:proxy-)?authorization\\\\?["']?\\s*[:=]\\s*\\\\?["']?(?:(?:bearer|basic|token|bot|digest|negotiate|apikey|key|sso-key)\\s+)?(?<s>[A-Za-z0-9._~+/=:-]{8,})`,
    { anyCi: ['authorization'] },
    notPlaceholder,
    'gi',
  ),
  rule('bearer-token', `\\b[Bb]earer\\s+(?<s>[A-Za-z0-9._~+/-]{16,}=*)`, { any: ['earer'], run: 16 }, notPlaceholder),
  windowed(
    rule(
      'assignment',
      `(?<k>[A-Za-z0-9_.-]*(?:${'api[_.-]?key|apikey|secret|token|passw(?:or)?d|pwd|access[_.-]?key|private[_.-]?key(?:[_.-]?id)?|client[_.-]?secret|credentials?|session[_.-]?key|signing[_.-]?key|account[_.-]?key|master[_.-]?key'}))\\\\?["']?\\s*(?:=|:|=>)\\s*\\\\?["']?(?<s>[^\\s"'\`,;&<>(){}\\[\\]\\\\]{8,256})`,
      { anyCi: ['key', 'secret', 'token', 'passw', 'pwd', 'credential'] },
      secretValue,
      'gi',
      (m) => secretTypeForKey(m.groups?.k ?? '') ?? 'secret',
    ),
    {
      anchors: ['api', 'access', 'private', 'session', 'signing', 'account', 'master', 'secret', 'token', 'passw', 'pwd', 'credential'],
      before: 64,
      after: 300,
    },
  ),
];

/** A key (attribute key, JSON key, `NAME=` in text) whose value is a secret whatever it looks like. */
const SECRET_KEY = new RegExp(
  `(?:^|[^a-z])(?:api[_.-]?key|apikey|x[_.-]?api[_.-]?key|secret|token|passw(?:or)?d|pwd|access[_.-]?key|private[_.-]?key(?:[_.-]?id)?|client[_.-]?secret|credentials?|session[_.-]?key|signing[_.-]?key|account[_.-]?key|master[_.-]?key|authorization|cookie|ssn)$`,
  'i',
);

/**
 * The marker type for a value stored under `key` when the key names a secret (an attribute
 * `http.request.header.x-api-key`, a JSON `"password"`, `MISTRAL_API_KEY=` in text), else
 * undefined. This is what makes prefix-less keys safe to find: a 32-hex value under `api-key`
 * is a key, the same value under `trace_id` is an id and stays.
 */
export function secretTypeForKey(key: string): string | undefined {
  const k = key.replace(/\\?["']$/, '');
  if (!SECRET_KEY.test(k)) return undefined;
  const l = k.toLowerCase();
  if (/passw|pwd/.test(l)) return 'password';
  if (/authorization/.test(l)) return 'authorization';
  if (/cookie/.test(l)) return 'cookie';
  if (/ssn$/.test(l)) return 'ssn';
  if (/aws|secret[_.-]?access/.test(l)) return 'aws-secret-key';
  if (/session[_.-]?token/.test(l) && /aws|amz/.test(l)) return 'aws-session-token';
  if (/private[_.-]?key[_.-]?id/.test(l)) return 'gcp-private-key-id';
  for (const [word, type] of PROVIDER_WORDS) if (l.includes(word)) return type;
  if (/api[_.-]?key|apikey/.test(l)) return 'api-key';
  if (/token/.test(l)) return 'token';
  if (/credential/.test(l)) return 'credential';
  return 'secret';
}

const PROVIDER_WORDS: readonly [string, string][] = [
  ['mistral', 'mistral-key'],
  ['cohere', 'cohere-key'],
  ['together', 'together-key'],
  ['azure', 'azure-key'],
  ['twilio', 'twilio-auth-token'],
  ['datadog', 'datadog-key'],
  ['dd_api', 'datadog-key'],
  ['deepseek', 'deepseek-key'],
  ['voyage', 'voyage-key'],
  ['elevenlabs', 'elevenlabs-key'],
];

const PLACEHOLDER =
  /^(?:\$|<|\{|%|\*|#|process\.env|os\.environ|env\.|import\.meta)|^(?:x+|\*+|\.+|null|none|undefined|true|false|redacted|hidden|masked|changeme|placeholder|example|string|secret|password|token)$|your[_-]|\[REDACTED|REDACTED\]|^\[/i;

/** Not a template, an environment reference, a mask or a word standing for a value. */
export function notPlaceholder(value: string): boolean {
  return !PLACEHOLDER.test(value);
}

/**
 * A value worth redacting under a secret-named key: not a placeholder, not a plain number (a
 * token count under `max_token`), not a bare identifier-like word shorter than 12 characters
 * without digits (`token: "refresh"`), and not an id (`call_…`, a UUID under `token_id` is still
 * redacted: the key says what it is).
 */
export function secretValue(value: string): boolean {
  if (!notPlaceholder(value)) return false;
  if (/^[\d.,_-]+$/.test(value)) return false;
  if (value.length < 12 && /^[A-Za-z_.-]+$/.test(value)) return false;
  return true;
}
