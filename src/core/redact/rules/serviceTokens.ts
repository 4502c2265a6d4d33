import { base62ish, END, mixedAlnum, rule, START, type Rule } from './rule';

/** Cloud keys (AWS, GCP, Azure), source hosts and CI (GitHub, GitLab, npm, PyPI, Docker), chat and payment services. */
export const SERVICE_TOKEN_RULES: readonly Rule[] = [
  // Cloud. AWS secret keys and GCP private_key_id have no prefix: see credentials.ts (context).
  rule('aws-access-key-id', `(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])`, 'AKIA|ASIA|ABIA|ACCA', mixedAlnum, 'g'),
  rule('google-oauth-secret', `${START}GOCSPX-[A-Za-z0-9_-]{28}`, 'GOCSPX-'),
  rule('google-oauth-token', `${START}ya29\\.[0-9A-Za-z_-]{20,}`, 'ya29\\.'),
  rule('azure-storage-key', `(?:AccountKey|SharedAccessKey)=(?<s>[A-Za-z0-9+/]{20,}={0,2})`, 'AccountKey=|SharedAccessKey=', undefined, 'gi'),
  rule('azure-sas-signature', `[?&;]sig=(?<s>[A-Za-z0-9%+/]{20,}(?:%3D|=)*)`, 'sig=', undefined, 'gi'),
  rule('digitalocean-token', `${START}do[opr]_v1_[a-f0-9]{64}`, 'do[opr]_v1_'),
  // Source hosts and package registries.
  rule('github-token', `${START}gh[pousr]_[A-Za-z0-9]{36,}`, 'gh[pousr]_'),
  rule('github-token', `${START}github_pat_[A-Za-z0-9_]{50,}`, 'github_pat_'),
  rule('gitlab-token', `${START}gl(?:pat|ptt|dt|rt|cbt|oas|soat)-[A-Za-z0-9_-]{20,}`, 'gl[a-z]{1,3}t?-'),
  rule('npm-token', `${START}npm_[A-Za-z0-9]{36}${END}`, 'npm_', mixedAlnum),
  rule('pypi-token', `${START}pypi-[A-Za-z0-9_-]{50,}`, 'pypi-'),
  rule('docker-token', `${START}dckr_pat_[A-Za-z0-9_-]{20,}`, 'dckr_pat_'),
  // Chat.
  rule('slack-token', `${START}xox[abposre]-[0-9A-Za-z-]{10,}`, 'xox'),
  rule('slack-token', `${START}xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+`, 'xapp-'),
  rule('slack-webhook', `hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<s>[A-Za-z0-9/_-]{20,})`, 'hooks\\.slack\\.com'),
  rule('discord-webhook', `discord(?:app)?\\.com/api/webhooks/(?<s>\\d{15,22}/[A-Za-z0-9_-]{40,})`, 'discord'),
  rule('discord-bot-token', `${START}[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40}${END}`, '\\.[A-Za-z0-9_-]{6}\\.', base62ish),
  rule('telegram-bot-token', `(?<![0-9])\\d{8,10}:AA[A-Za-z0-9_-]{33}${END}`, ':AA'),
  // Payment and messaging APIs.
  rule('stripe-key', `${START}(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{20,}`, '[sr]k_(?:live|test)_'),
  rule('stripe-webhook-secret', `${START}whsec_[A-Za-z0-9]{32,}`, 'whsec_'),
  rule('twilio-account-sid', `(?<![A-Za-z0-9])AC[0-9a-f]{32}(?![A-Za-z0-9])`, 'AC[0-9a-f]{32}', undefined, 'g'),
  rule('twilio-api-key', `(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])`, 'SK[0-9a-f]{32}', undefined, 'g'),
  rule('sendgrid-key', `${START}SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{30,50}`, 'SG\\.'),
  rule('shopify-token', `${START}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}`, 'shp(?:at|ca|pa|ss)_'),
  rule('square-token', `${START}sq0(?:atp|csp)-[0-9A-Za-z_-]{22,}`, 'sq0'),
];
