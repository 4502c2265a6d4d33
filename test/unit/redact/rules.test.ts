import { describe, expect, test } from 'vitest';
import { Redactor } from '../../../src/core/redact/redactor';

const place = { traceId: 't', spanId: 's', where: 'attribute x' };

/** The marker types found in `text` (no key), in order. */
function typesIn(text: string, key?: string): string[] {
  const r = new Redactor({});
  const out = r.text(text, place, key);
  return [...out.matchAll(/\[REDACTED:([a-z0-9-]+)#\d+\]/g)].map((m) => m[1]);
}

/** Each family: texts with a secret of that type, and texts that must stay as they are. */
const FAMILIES: Record<string, { yes: [string, string][]; no: string[] }> = {
  'model providers': {
    yes: [
      ['key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z_Ab3dEf6hIj9kLm2nOp5qRs8', 'openai-key'],
      ['legacy sk-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2n', 'openai-key'],
      ['sk-ant-api03-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2n-AA', 'anthropic-key'],
      ['AIzaSyAb3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zA', 'google-api-key'],
      ['gsk_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2n', 'groq-key'],
      ['hf_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb', 'huggingface-token'],
      ['r8_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3d', 'replicate-token'],
      ['xai-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2n', 'xai-key'],
      ['pplx-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf', 'perplexity-key'],
      ['sk-lf-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', 'langfuse-secret-key'],
      ['pk-lf-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', 'langfuse-public-key'],
      ['MISTRAL_API_KEY=Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z', 'mistral-key'],
      ['"COHERE_API_KEY": "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6h"', 'cohere-key'],
    ],
    no: [
      'sk-learn-pipeline-v2 is a slug',
      'use scikit-learn (sk-learn) here',
      'hf_transfer is enabled',
      'model gpt-4o-2024-08-06 and claude-3-5-sonnet-20241022',
      'AIza is a prefix',
    ],
  },
  cloud: {
    yes: [
      ['AKIAIOSFODNN7EXAMPL3', 'aws-access-key-id'],
      ['ASIAY34FZKBOKMUTVV7A', 'aws-access-key-id'],
      ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws-secret-key'],
      ['"private_key_id": "3f2a9c0d1e4b5a6c7d8e9f0a1b2c3d4e5f6a7b8c"', 'gcp-private-key-id'],
      [
        'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z+/Ab3dEf6h==;EndpointSuffix=core.windows.net',
        'azure-storage-key',
      ],
      ['https://a.blob.core.windows.net/c?sv=2022-11-02&sig=Ab3dEf6hIj9kLm2nOp5qRs8tUv1w%3D', 'azure-sas-signature'],
    ],
    no: ['AKIA alone', 'region us-east-1, bucket my-bucket', 'aws_region = us-east-1', 'AccountName=demo;EndpointSuffix=core.windows.net'],
  },
  'source hosts and CI': {
    yes: [
      ['ghp_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3d', 'github-token'],
      ['gho_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3d', 'github-token'],
      ['ghs_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3d', 'github-token'],
      ['github_pat_11Ab3dEf6hIj9kLm2nOp5q_Rs8tUv1wXy4zAb3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6', 'github-token'],
      ['glpat-Ab3dEf6hIj9kLm2nOp5q', 'gitlab-token'],
      ['npm_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3d', 'npm-token'],
      ['pypi-AgEIcHlwaS5vcmcAb3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2n', 'pypi-token'],
      ['dckr_pat_Ab3dEf6hIj9kLm2nOp5qRs8tUv1w', 'docker-token'],
    ],
    no: ['ghp-pages branch', 'the glpat- prefix', 'npm_config_cache=/tmp', 'pypi-simple index', 'git sha 3f2a9c0d1e4b5a6c7d8e9f0a1b2c3d4e5f6a7b8c'],
  },
  'chat and payment': {
    yes: [
      ['xoxb-123456789012-1234567890123-Ab3dEf6hIj9kLm2nOp5qRs8t', 'slack-token'],
      ['https://hooks.slack.com/services/T00000000/B00000000/Ab3dEf6hIj9kLm2nOp5qRs8t', 'slack-webhook'],
      ['https://discord.com/api/webhooks/123456789012345678/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3d', 'discord-webhook'],
      ['sk_live_Ab3dEf6hIj9kLm2nOp5qRs8t', 'stripe-key'],
      ['rk_live_Ab3dEf6hIj9kLm2nOp5qRs8t', 'stripe-key'],
      ['AC0123456789abcdef0123456789abcdef', 'twilio-account-sid'],
      ['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', 'sendgrid-key'],
    ],
    no: ['https://hooks.slack.com/ is the host', 'pk_live is publishable', 'discord.com/channels/123', 'the xox prefix', 'SG.1 of the series'],
  },
  'JWT and private keys': {
    yes: [
      ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'jwt'],
      ['-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\n-----END RSA PRIVATE KEY-----', 'private-key'],
      ['-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\\n-----END OPENSSH PRIVATE KEY-----', 'private-key'],
      ['clipped: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'private-key'],
    ],
    no: ['-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----', 'eyJ is how base64 JSON starts', 'a.b.c'],
  },
  'passwords, assignments, Authorization': {
    yes: [
      ['postgres://app:S3cr3tPassw0rd@db.internal:5432/x', 'url-password'],
      ['redirect=https%3A%2F%2Fbob%3AS3cr3tPassw0rd%40example.com', 'url-password'],
      ['password = hunter2hunter2', 'password'],
      ['"db_password": "Tr0ub4dor&3"', 'password'],
      ['Authorization: Bearer abcDEF123456ghiJKL789', 'authorization'],
      ['curl -H "Bearer abcDEF123456ghiJKL789xyz"', 'bearer-token'],
      ['api-key: 0123456789abcdef0123456789abcdef', 'api-key'],
      ['client_secret=Ab3dEf6hIj9kLm2nOp5q', 'secret'],
    ],
    no: [
      'https://api.openai.com/v1/chat/completions?model=gpt-4o',
      'https://example.com/user/path?q=1#top',
      'password: ********',
      'api_key=${OPENAI_API_KEY}',
      'token: <YOUR_TOKEN>',
      'max_tokens: 4096',
      'input_tokens=1200',
      'the Bearer scheme',
      'trace 0123456789abcdef0123456789abcdef',
    ],
  },
  'personal data': {
    yes: [
      ['mail alice.smith@example.org now', 'email'],
      ['?email=alice%40example.org', 'email'],
      ['call +44 20 7946 0958', 'phone'],
      ['call (415) 555-0132', 'phone'],
      ['card 4111 1111 1111 1111', 'card'],
      ['card 5500-0000-0000-0004', 'card'],
      ['amex 3782 822463 10005', 'card'],
      ['IBAN GB82 WEST 1234 5698 7654 32', 'iban'],
      ['DE89370400440532013000', 'iban'],
      ['ssn 123-45-6789', 'ssn'],
      ['SSN: 123456789', 'ssn'],
      ['NINO AB 12 34 56 C', 'uk-nino'],
    ],
    no: [
      'icon@2x.png',
      '@types/node@20.1.0',
      'start 1700000000123456789 ns',
      'ts 1700000000123456 us',
      'card 4111 1111 1111 1112',
      'order 4000000000000000001',
      'GB82 WEST 1234 5698 7654 33',
      '987-65-4321',
      '000-12-3456',
      'version 1.2.3.4 on 2025-01-15',
      'ip 10.0.12.255',
      'build 20241015.3',
    ],
  },
};

describe.each(Object.entries(FAMILIES))('%s', (_family, { yes, no }) => {
  test.each(yes)('finds %s', (text, type) => {
    expect(typesIn(text)).toEqual([type]);
  });
  test.each(no)('leaves %s', (text) => {
    expect(typesIn(text)).toEqual([]);
  });
});

describe('context', () => {
  test('a 32-hex value is a key under a key-named attribute, an id elsewhere', () => {
    const hex = '4bf92f3577b34da6a3ce929d0e0e4736';
    expect(typesIn(hex, 'http.request.header.api-key')).toEqual(['api-key']);
    expect(typesIn(hex, 'trace_id')).toEqual([]);
    expect(typesIn(`api-key: ${hex}`)).toEqual(['api-key']);
    expect(typesIn(`trace ${hex}`)).toEqual([]);
  });

  test('an Authorization header value keeps its scheme', () => {
    const r = new Redactor({});
    expect(r.text('Basic YWxhZGRpbjpvcGVuc2VzYW1l', place, 'http.request.header.authorization')).toBe('Basic [REDACTED:authorization#1]');
  });

  test('a key-named JSON field is redacted whatever its value looks like, other fields are not', () => {
    const r = new Redactor({});
    expect(r.text('{"user":"bob","password":"abc123","max_tokens":100}', place)).toBe('{"user":"bob","password":"[REDACTED:password#1]","max_tokens":100}');
  });

  test('a card number stored as a JSON number becomes a marker string; other numbers stay', () => {
    const r = new Redactor({});
    expect(r.text('{"card": 4111111111111111, "ts": 1700000000123456789, "n": 42}', place)).toBe(
      '{"card": "[REDACTED:card#1]", "ts": 1700000000123456789, "n": 42}',
    );
  });
});

describe('large texts', () => {
  test('windowed rules find in a 40 KB text what they find in each snippet alone', () => {
    const snippets: [string, string][] = [
      ['mail alice.smith@example.org', 'email'],
      ['postgres://app:S3cr3tPassw0rd@db.internal:5432/x', 'url-password'],
      ['redirect=https%3A%2F%2Fbob%3AS3cr3tPassw0rd%40example.com', 'url-password'],
      ['password = hunter2hunter2', 'password'],
      ['MISTRAL_API_KEY=Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z', 'mistral-key'],
      ['ghp_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3d', 'github-token'],
    ];
    const filler = 'the agent planned a trip to Lisbon and compared hotels near the river, ';
    let text = '';
    for (let i = 0; i < 8; i++) text += filler.repeat(70) + snippets[i % snippets.length][0] + ' ';
    expect(text.length).toBeGreaterThan(40_000);
    expect(typesIn(text)).toEqual([0, 1, 2, 3, 4, 5, 0, 1].map((i) => snippets[i][1]));
  });
});
