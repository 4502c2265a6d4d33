import { base62ish, END, mixedAlnum, rule, START, type Rule } from './rule';

/** Cloud keys (AWS, GCP, Azure), source hosts and CI (GitHub, GitLab, npm, PyPI, Docker), chat and payment services. */
export const SERVICE_TOKEN_RULES: readonly Rule[] = [
  // Cloud. AWS secret keys and GCP private_key_id have no prefix: see credentials.ts (context).
  rule(
    'aws-access-key-id',
    `(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])`,
    { any: ['AKIA', 'ASIA', 'ABIA', 'ACCA'], run: 20 },
    mixedAlnum,
    'g',
  ),
  rule('google-oauth-secret', `${START}GOCSPX-[A-Za-z0-9_-]{28}`, { any: ['GOCSPX-'], run: 35 }),
  rule('google-oauth-token', `${START}ya29\\.[0-9A-Za-z_-]{20,}`, { any: ['ya29.'], run: 20 }),
  rule('azure-storage-key', `(?:AccountKey|SharedAccessKey)=(?<s>[A-Za-z0-9+/]{20,}={0,2})`, { anyCi: ['accountkey=', 'sharedaccesskey='] }, undefined, 'gi'),
  rule('azure-sas-signature', `[?&;]sig=(?<s>[A-Za-z0-9%+/]{20,}(?:%3D|=)*)`, { anyCi: ['sig='] }, undefined, 'gi'),
  rule('digitalocean-token', `${START}do[opr]_v1_[a-f0-9]{64}`, { any: ['dop_v1_', 'doo_v1_', 'dor_v1_'], run: 71 }),
  // Source hosts and package registries.
  rule('github-token', `${START}gh[pousr]_[A-Za-z0-9]{36,}`, { any: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], run: 40 }),
  rule('github-token', `${START}github_pat_[A-Za-z0-9_]{50,}`, { any: ['github_pat_'], run: 61 }),
  rule('gitlab-token', `${START}gl(?:pat|ptt|dt|rt|cbt|oas|soat)-[A-Za-z0-9_-]{20,}`, {
    any: ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glcbt-', 'gloas-', 'glsoat-'],
    run: 24,
  }),
  rule('npm-token', `${START}npm_[A-Za-z0-9]{36}${END}`, { any: ['npm_'], run: 40 }, mixedAlnum),
  rule('pypi-token', `${START}pypi-[A-Za-z0-9_-]{50,}`, { any: ['pypi-'], run: 55 }),
  rule('docker-token', `${START}dckr_pat_[A-Za-z0-9_-]{20,}`, { any: ['dckr_pat_'], run: 29 }),
  // Chat.
  rule('slack-token', `${START}xox[abposre]-[0-9A-Za-z-]{10,}`, { any: ['xox'], run: 15 }),
  rule('slack-token', `${START}xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+`, { any: ['xapp-'], run: 16 }),
  rule('slack-webhook', `hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<s>[A-Za-z0-9/_-]{20,})`, { any: ['hooks.slack.com/'] }),
  rule('discord-webhook', `discord(?:app)?\\.com/api/webhooks/(?<s>\\d{15,22}/[A-Za-z0-9_-]{40,})`, { any: ['/api/webhooks/'] }),
  rule('discord-bot-token', `${START}[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40}${END}`, { any: ['.'], run: 24 }, base62ish),
  rule('telegram-bot-token', `(?<![0-9])\\d{8,10}:AA[A-Za-z0-9_-]{33}${END}`, { any: [':AA'], run: 35 }),
  // Payment and messaging APIs.
  rule('stripe-key', `${START}(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{20,}`, { any: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'], run: 28 }),
  rule('stripe-webhook-secret', `${START}whsec_[A-Za-z0-9]{32,}`, { any: ['whsec_'], run: 38 }),
  rule('twilio-account-sid', `(?<![A-Za-z0-9])AC[0-9a-f]{32}(?![A-Za-z0-9])`, { any: ['AC'], run: 34 }, undefined, 'g'),
  rule('twilio-api-key', `(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])`, { any: ['SK'], run: 34 }, undefined, 'g'),
  rule('sendgrid-key', `${START}SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{30,50}`, { any: ['SG.'], run: 30 }),
  rule('shopify-token', `${START}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}`, { any: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], run: 38 }),
  rule('square-token', `${START}sq0(?:atp|csp)-[0-9A-Za-z_-]{22,}`, { any: ['sq0atp-', 'sq0csp-'], run: 29 }),
];
